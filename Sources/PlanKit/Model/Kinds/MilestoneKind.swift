import PlanCore
import PlanSyntax

public struct Milestone: PlanEntity {
    public static let kind = EntityKind.milestone
    public var name: Name
    public var goal: Name?
    public var due: Day?
    public var dueRange: SourceRange?
    public var done = false

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var milestones: [Milestone] { entities(Milestone.self) }
}

package enum MilestoneKind: EntityDescription {
    static let kind = EntityKind.milestone
    static let unknownCode = DiagnosticCode.unknownMilestone

    static let clauses: [ClauseRule<Milestone>] = [
        .name(.for, "the goal this milestone is for", refers: [.goal], required: true, get: { $0.goal }, set: { $0.goal = $1 }),
        .date(.by, required: true, get: { $0.due }, set: { $0.due = $1; $0.dueRange = $2 }),
        .flag(.done, loggedBy: .done, get: { $0.done }, set: { $0.done = $1 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.milestones[index].name.text) },
        FieldRule("goal", .optional(.entity(.goal))) { context, index in
            guard let goal = context.plan.milestones[index].goal,
                  let target = context.plan.index(of: .goal, named: goal.text) else { return .none }
            return .entity(.goal, target)
        },
        FieldRule("due", .optional(.date)) { context, index in .optional(context.plan.milestones[index].due) },
        FieldRule("done", .bool) { context, index in .bool(context.plan.milestones[index].done) },
        FieldRule("done_on", .optional(.date), fromLog: true) { context, index in
            .optional(LogKind.entries(context.links).of(.milestone, via: .done)[index].first.map { context.plan.logs[$0].date })
        },
        FieldRule("overdue", .bool) { context, index in .bool(isOverdue(context.plan.milestones[index], today: context.today)) },
    ]

    static let columns = [Column("name"), Column("goal"), Column("due"), Column("done")]

    static let checks = [Check(milestonesDueAfterTheirGoal), Check(overdueMilestones)]

    /// An entry for a milestone or done it; both count for its goal too
    /// (`GoalKind.logs`).
    static let takesFromLog: [Keyword] = [.for, .done]

    /// A milestone an entry says done is done.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {
        for (milestone, entries) in log.of(.milestone, via: .done).enumerated() where !entries.isEmpty {
            plan.modify(Milestone.self, at: milestone) { $0.done = true }
        }
    }

    static func stub(_ spelled: String, level: Int?) -> String {
        "milestone \(spelled) for \"Goal\" by 2027-06-30"
    }

    package static func isOverdue(_ milestone: Milestone, today: Day) -> Bool {
        guard let due = milestone.due, !milestone.done else { return false }
        return due < today
    }

    static func milestonesDueAfterTheirGoal(_ context: CheckContext) -> [Diagnostic] {
        let plan = context.plan
        let milestones = plan.milestones
        let goals = plan.goals
        // By position, and the dates before the rest: most milestones are in
        // time, and copying each milestone and goal would cost more than the
        // test. A goal's milestones follow one another, naming it alike.
        return context.links.withMemory { resolved in
            // A loop, not `compactMap`, as in `GoalKind.startsAfterDue`.
            var found: [Diagnostic] = []
            for position in milestones.indices {
                guard let due = milestones[position].due, let goalName = milestones[position].goal,
                      let index = resolved.index(of: .goal, named: goalName.text, in: plan),
                      let goalDue = goals[index].due, goalDue < due else { continue }
                let milestone = milestones[position]
                let goal = goals[index]
                let message = "milestone \(Literal.string(milestone.name.text)) is due \(due), after its goal "
                    + "\(Literal.string(goal.name.text)) (due \(goalDue))"
                let line = "update milestone \(Checks.spelled(milestone.name)) by \(goalDue)"
                let range = milestone.dueRange ?? milestone.name.range
                found.append(.warning(.milestoneAfterGoal, message, at: range, hint: "move it to \(goalDue) or earlier: " + line,
                                      notes: [.init("goal \(Literal.string(goal.name.text)) is due here", at: goal.dueRange ?? goal.name.range)],
                                      fix: .adding(line, after: range)))
            }
            return found
        }
    }

    static func overdueMilestones(_ context: CheckContext) -> [Diagnostic] {
        let today = context.today
        let newDate = Checks.monthLiteral(today.addingWithinCalendar(Duration(months: 3)) ?? Day.latest)
        return context.plan.milestones.compactMap { milestone in
            guard !milestone.done, let due = milestone.due, due < today else { return nil }
            let line = "update milestone \(Checks.spelled(milestone.name)) by \(newDate)"
            let range = milestone.dueRange ?? milestone.name.range
            return .warning(.milestoneOverdue, "milestone \(Literal.string(milestone.name.text)) was due \(due), \(Checks.daysAgo(due, today))",
                            at: range, hint: "mark it done, or move its date: " + line, fix: .adding(line, after: range))
        }
    }
}
