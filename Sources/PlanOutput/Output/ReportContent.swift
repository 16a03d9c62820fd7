import PlanCore
import PlanSyntax
import PlanKit

/// What the report says, decided once so that the text report and the
/// Markdown export cannot disagree; each renderer only lays it out.
struct ReportContent {
    struct ValueRow {
        var priority: Int?
        var name: String
        var nonNegotiable: Bool
        var note: String?
        var goals: [String]
        /// Habits serve values too: a value only habits serve is served.
        var habits: [String]
    }

    enum ItemKind: String {
        case goal, milestone
    }

    struct TimelineItem {
        var kind: ItemKind
        var name: String
        var due: Day?
        /// For a milestone, the goal it leads to.
        var goal: String?
        var status: GoalStatus
        var overdue: Bool
        /// A goal's role and impact: what it makes of you and what it makes
        /// happen, the article's first and third questions. None for a milestone.
        var role: String?
        var impact: String?
    }

    struct Quarter {
        var label: String
        var items: [TimelineItem]
    }

    /// A goal not done that needs the skill, and the level it needs.
    struct Need {
        var goal: String
        var level: Int
    }

    struct GapRow {
        var name: String
        var level: Int
        var target: Int
        var gap: Int
        /// The goals not done that need it: a goal reached needs nothing
        /// more, and listing it would read as work still to do.
        var neededBy: [Need]
        var mentors: [String]
    }

    /// A mentor: what they help with and what the plan notes about them.
    struct Mentor {
        var name: String
        var helps: [String]
        var note: String?
    }

    struct Step {
        var text: String
        var due: Day?
        var overdue: Bool
        /// The skill the step raises, so that the gap list does not repeat it.
        var raises: String?
    }

    var today: Day
    var vision: String?
    var values: [ValueRow]
    var quarters: [Quarter]
    var undated: [TimelineItem]
    var gaps: [GapRow]
    var overdue: [TimelineItem]
    var nextSteps: [Step]
    /// In declaration order; the report leaves the section out without one.
    var mentors: [Mentor]

    init(_ plan: Plan, today: Day) {
        let facts = PlanFacts(plan, today: today)
        self.today = today
        vision = plan.vision
        values = facts.valuesByPriority.map { index in
            let value = plan.values[index]
            return ValueRow(priority: value.priority, name: value.name.text, nonNegotiable: value.nonNegotiable,
                            note: value.note, goals: facts.names(.goal, facts.goals(serving: index)),
                            habits: facts.names(.habit, facts.links.referrers(.habit, via: .serves, to: index)))
        }

        let goalItems = plan.goals.map {
            TimelineItem(kind: .goal, name: $0.name.text, due: $0.due, goal: nil, status: $0.status, overdue: facts.isOverdue($0),
                         role: $0.role, impact: $0.impact)
        }
        let milestoneItems = plan.milestones.map {
            TimelineItem(kind: .milestone, name: $0.name.text, due: $0.due, goal: $0.goal?.text,
                         status: $0.done ? .done : .open, overdue: facts.isOverdue($0))
        }
        let dated = Self.earliestFirst((goalItems + milestoneItems).filter { $0.due != nil }, due: \.due)
        var quarters: [Quarter] = []
        for item in dated {
            guard let due = item.due else { continue }
            let label = quarterLabel(due)
            if quarters.last?.label == label {
                quarters[quarters.count - 1].items.append(item)
            } else {
                quarters.append(Quarter(label: label, items: [item]))
            }
        }
        self.quarters = quarters
        undated = (goalItems + milestoneItems).filter { $0.due == nil }
        overdue = dated.filter(\.overdue)

        gaps = plan.skills.indices
            .filter { plan.skills[$0].gap > 0 }
            .sorted { plan.skills[$0].gap != plan.skills[$1].gap ? plan.skills[$0].gap > plan.skills[$1].gap : $0 < $1 }
            .map { index in
                let skill = plan.skills[index]
                let needs: [Need] = (facts.goals(needing: index)).compactMap { goalIndex in
                    guard plan.goals.indices.contains(goalIndex), !plan.goals[goalIndex].done else { return nil }
                    let goal = plan.goals[goalIndex]
                    let level = goal.needs.first { $0.skill.text == skill.name.text }.flatMap(facts.requiredLevel) ?? skill.target
                    return Need(goal: goal.name.text, level: level)
                }
                return GapRow(name: skill.name.text, level: skill.level, target: skill.target, gap: skill.gap,
                              neededBy: needs, mentors: facts.names(.contact, facts.mentors(helping: index)))
            }
        nextSteps = Self.nextSteps(plan, facts: facts, gaps: gaps)
        mentors = plan.mentors.map { Mentor(name: $0.name.text, helps: $0.helps.map(\.text), note: $0.note) }
    }

    /// Earliest first, undated last; ties keep the order given.
    private static func earliestFirst<Item>(_ items: [Item], due: (Item) -> Day?) -> [Item] {
        items.enumerated().sorted { left, right in
            switch (due(left.element), due(right.element)) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return left.offset < right.offset
            }
        }.map(\.element)
    }

    /// The rule: the milestones not done (of goals not done), the goals
    /// that are ready to work on (every `after` goal done, no skill gap) and,
    /// for an overdue goal held up only by a skill gap, raising that skill;
    /// earliest due first, undated last; when fewer than three, the largest
    /// skill gaps that a goal not done still needs fill the list, each raised
    /// to the level the first such goal needs.
    private static func nextSteps(_ plan: Plan, facts: PlanFacts, gaps: [GapRow]) -> [Step] {
        var candidates: [Step] = []
        for milestone in plan.milestones where !milestone.done {
            let goal = milestone.goal.flatMap { facts.goal(named: $0.text) }
            if goal?.done ?? false { continue }
            var text = "Reach milestone \(Literal.string(milestone.name.text))"
            if let goal = milestone.goal { text += " for \(Literal.string(goal.text))" }
            if let due = milestone.due { text += " by \(due)" }
            candidates.append(Step(text: text, due: milestone.due, overdue: facts.isOverdue(milestone)))
        }
        for goal in plan.goals where !goal.done && facts.isReady(goal) {
            var text = "\(goal.status == .doing || facts.isOverdue(goal) ? "Finish" : "Start") goal \(Literal.string(goal.name.text))"
            if let due = goal.due { text += " by \(due)" }
            candidates.append(Step(text: text, due: goal.due, overdue: facts.isOverdue(goal)))
        }
        // An overdue goal that waits only on a skill is overdue work too;
        // leaving it out would list later milestones ahead of it.
        for goal in plan.goals where facts.isOverdue(goal) && !facts.isReady(goal) {
            guard goal.after.allSatisfy({ facts.goal(named: $0.text)?.done ?? false }),
                  let need = facts.gaps(of: goal).first,
                  let skill = facts.skill(named: need.skill.text),
                  let required = facts.requiredLevel(need), let due = goal.due else { continue }
            let text = "Raise \(Literal.string(skill.name.text)) from level \(skill.level) to \(required) "
                + "for \(Literal.string(goal.name.text)), due \(due)"
            candidates.append(Step(text: text, due: due, overdue: true, raises: skill.name.text))
        }
        var steps = Array(Self.earliestFirst(candidates, due: \.due).prefix(3))
        let raised = Set(steps.compactMap(\.raises))
        for gap in gaps where steps.count < 3 && !raised.contains(gap.name) {
            // A goal that needs less than the target is not held up by the
            // rest; raising the skill past it is for a later goal.
            guard let first = gap.neededBy.first(where: { $0.level > gap.level }) else { continue }
            var text = "Raise \(Literal.string(gap.name)) from level \(gap.level) to \(first.level) "
                + "for \(Literal.string(first.goal))"
            if let mentor = gap.mentors.first { text += "; ask \(mentor)" }
            steps.append(Step(text: text, due: nil, overdue: false))
        }
        return steps
    }
}
