/// The relations every export shows but the model stores only one way round
/// (a goal names the values it serves; a value's goals are found by looking),
/// computed once in linear time so that no export scans the plan per entity.
struct PlanFacts {
    let plan: Plan
    let today: Day
    /// Goal indices serving each value, in goal order.
    let goalsServing: [Int: [Int]]
    /// Goal indices needing each skill, in goal order.
    let goalsNeeding: [Int: [Int]]
    /// Mentor indices helping with each skill, in mentor order.
    let mentorsHelping: [Int: [Int]]
    /// Milestone indices for each goal, in milestone order.
    let milestonesOf: [Int: [Int]]

    init(_ plan: Plan, today: Day) {
        self.plan = plan
        self.today = today
        var serving: [Int: [Int]] = [:]
        var needing: [Int: [Int]] = [:]
        for (goalIndex, goal) in plan.goals.enumerated() {
            for value in Self.distinct(goal.serves.map(\.text)) {
                if let valueIndex = plan.index(of: .value, named: value) { serving[valueIndex, default: []].append(goalIndex) }
            }
            for skill in Self.distinct(goal.needs.map(\.skill.text)) {
                if let skillIndex = plan.index(of: .skill, named: skill) { needing[skillIndex, default: []].append(goalIndex) }
            }
        }
        var helping: [Int: [Int]] = [:]
        for (mentorIndex, mentor) in plan.mentors.enumerated() {
            for skill in Self.distinct(mentor.helps.map(\.text)) {
                if let skillIndex = plan.index(of: .skill, named: skill) { helping[skillIndex, default: []].append(mentorIndex) }
            }
        }
        var milestones: [Int: [Int]] = [:]
        for (milestoneIndex, milestone) in plan.milestones.enumerated() {
            if let goal = milestone.goal, let goalIndex = plan.index(of: .goal, named: goal.text) {
                milestones[goalIndex, default: []].append(milestoneIndex)
            }
        }
        goalsServing = serving
        goalsNeeding = needing
        mentorsHelping = helping
        milestonesOf = milestones
    }

    private static func distinct(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    func skill(named name: String) -> Skill? {
        plan.index(of: .skill, named: name).flatMap { plan.skills.indices.contains($0) ? plan.skills[$0] : nil }
    }

    func goal(named name: String) -> Goal? {
        plan.index(of: .goal, named: name).flatMap { plan.goals.indices.contains($0) ? plan.goals[$0] : nil }
    }

    /// The level a need asks for: its `at`, else the skill's target.
    func requiredLevel(_ need: SkillNeed) -> Int? {
        need.level ?? skill(named: need.skill.text)?.target
    }

    /// The needs whose skill stands below the level asked for.
    func gaps(of goal: Goal) -> [SkillNeed] {
        goal.needs.filter { need in
            guard let skill = skill(named: need.skill.text), let required = requiredLevel(need) else { return false }
            return skill.level < required
        }
    }

    /// Every `after` goal done and no skill gap, as the `ready` field says.
    func isReady(_ goal: Goal) -> Bool {
        goal.after.allSatisfy { self.goal(named: $0.text)?.done ?? false } && gaps(of: goal).isEmpty
    }

    func isOverdue(_ goal: Goal) -> Bool {
        guard let due = goal.due, !goal.done else { return false }
        return due < today
    }

    func isOverdue(_ milestone: Milestone) -> Bool {
        guard let due = milestone.due, !milestone.done else { return false }
        return due < today
    }

    /// Values ranked: by priority (unranked last), then declaration order.
    var valuesByPriority: [Int] {
        plan.values.indices.sorted { left, right in
            let l = plan.values[left].priority ?? Int.max
            let r = plan.values[right].priority ?? Int.max
            return l != r ? l < r : left < right
        }
    }

    func names(_ kind: EntityKind, _ indices: [Int]?) -> [String] {
        (indices ?? []).compactMap { plan.name(of: kind, at: $0)?.text }
    }
}

/// `2027-Q2`, the label a timeline groups a day under.
func quarterLabel(_ day: Day) -> String {
    "\(day.year)-Q\(day.quarter)"
}
