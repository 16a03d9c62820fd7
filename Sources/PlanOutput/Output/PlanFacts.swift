import PlanCore
import PlanSyntax
import PlanKit

/// What the report and the exports for people ask of a plan, answered by
/// the same code as the fields (`value.goals`, `goal.ready`), over the one
/// table of references turned round, so no output can disagree with an answer.
struct PlanFacts {
    let plan: Plan
    let today: Day
    let links: Links

    init(_ plan: Plan, today: Day) {
        self.plan = plan
        self.today = today
        links = Links(plan: plan, today: today)
    }

    /// Goal indices serving value `index`, in goal order.
    func goals(serving index: Int) -> [Int] { links.referrers(.goal, via: .serves, to: index) }

    /// Goal indices needing skill `index`, in goal order.
    func goals(needing index: Int) -> [Int] { links.referrers(.goal, via: .needs, to: index) }

    /// The people (contacts and mentors) helping with skill `index`, in
    /// declaration order.
    func mentors(helping index: Int) -> [Int] { links.referrers(.contact, via: .helps, to: index) }

    /// Milestone indices for goal `index`, in milestone order.
    func milestones(of index: Int) -> [Int] { links.referrers(.milestone, via: .for, to: index) }

    func skill(named name: String) -> Skill? {
        plan.index(of: .skill, named: name).flatMap { plan.skills.indices.contains($0) ? plan.skills[$0] : nil }
    }

    func goal(named name: String) -> Goal? {
        plan.index(of: .goal, named: name).flatMap { plan.goals.indices.contains($0) ? plan.goals[$0] : nil }
    }

    /// The level a need asks for: its `at`, else the skill's target.
    func requiredLevel(_ need: SkillNeed) -> Int? { GoalKind.requiredLevel(need, in: plan) }

    /// The needs whose skill stands below the level asked for.
    func gaps(of goal: Goal) -> [SkillNeed] { GoalKind.gaps(of: goal, in: plan).map(\.need) }

    /// As the `ready` field says.
    func isReady(_ goal: Goal) -> Bool { GoalKind.isReady(goal, in: plan) }

    func isOverdue(_ goal: Goal) -> Bool { GoalKind.isOverdue(goal, today: today) }

    func isOverdue(_ milestone: Milestone) -> Bool { MilestoneKind.isOverdue(milestone, today: today) }

    /// Values ranked: by priority (unranked last), then declaration order.
    var valuesByPriority: [Int] {
        let values = plan.values
        return values.indices.sorted { left, right in
            let l = values[left].priority ?? Int.max
            let r = values[right].priority ?? Int.max
            return l != r ? l < r : left < right
        }
    }

    func names(_ kind: EntityKind, _ indices: [Int]) -> [String] {
        indices.compactMap { plan.name(of: kind, at: $0)?.text }
    }
}

/// `2027-Q2`, the label a timeline groups a day under.
func quarterLabel(_ day: Day) -> String {
    "\(day.year)-Q\(day.quarter)"
}
