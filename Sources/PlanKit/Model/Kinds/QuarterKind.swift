import PlanCore
import PlanSyntax

/// A quarter of the calendar, worked out from the plan as it stands today
/// and never declared (docs/language.md, "Strategy and capacity"): the hours a week the goals ask for
/// in it, against the capacity in force.
public struct Quarter: PlanEntity {
    public static let kind = EntityKind.quarter
    /// `2027-Q1`.
    public var name: Name
    public var start = Day(ordinal: 0)
    public var end = Day(ordinal: 0)
    /// The hours a week in force averaged over its days (from today, for
    /// the current quarter), so a drop for a few weeks inside it counts.
    public var capacity: Double?
    /// Where the capacity steps inside the quarter, the first from its
    /// first counted day.
    public var capacitySteps: [CapacityStep] = []
    /// The goals not done, with effort and a due date, whose span from the
    /// later of their start and today to their due date touches the quarter.
    public var goals: [Int] = []
    /// The sum of those goals' hours a week.
    public var load = 0.0

    public init(name: Name) { self.name = name }

    public var over: Bool { capacity.map { load > $0 } ?? false }
}

extension Plan {
    public var quarters: [Quarter] { entities(Quarter.self) }
}

enum QuarterKind: EntityDescription {
    static let kind = EntityKind.quarter
    static let unknownCode = DiagnosticCode.syntax
    static let derived = true

    /// Beyond this many quarters a plan is taken to say nothing about load.
    static let mostQuarters = 40

    static let clauses: [ClauseRule<Quarter>] = []

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.quarters[index].name.text) },
        FieldRule("start", .date) { context, index in .date(context.plan.quarters[index].start) },
        FieldRule("end", .date) { context, index in .date(context.plan.quarters[index].end) },
        FieldRule("capacity", .optional(.number)) { context, index in
            context.plan.quarters[index].capacity.map(Value.number) ?? .none
        },
        FieldRule("goals", .list(.entity(.goal))) { context, index in
            .list(context.plan.quarters[index].goals.map { .entity(.goal, $0) })
        },
        FieldRule("load", .number) { context, index in .number(context.plan.quarters[index].load) },
        FieldRule("over", .bool) { context, index in .bool(context.plan.quarters[index].over) },
    ]

    static let columns = [Column("name"), Column("capacity", rightAligned: true), Column("load", rightAligned: true),
                          Column("over"), Column("goals")]

    static let checks = [Check(overCapacity)]

    static func stub(_ spelled: String, level: Int?) -> String { "" }

    /// From today's quarter to the quarter of the latest due date among the
    /// goals not done, each with its capacity, goals and load.
    static func asOf(_ plan: Plan, today: Day) -> Plan {
        let goals = plan.goals
        // Read in place, goal by goal: every check and question comes here,
        // and gathering the goals not done and their dates into two arrays
        // the size of the plan's goals, to find the latest, was 0.8% of
        // checking 10,000 one-line goals. `status`, stored, not `done`: a
        // computed property of an element copies it whole.
        var latest: Day?
        for index in goals.indices where goals[index].status != .done {
            if let due = goals[index].due, latest.map({ due > $0 }) ?? true { latest = due }
        }
        guard let latest, latest >= today else { return plan }
        let links = Links(plan: plan, today: today)
        // Each goal that asks for hours: from when, until when, how many a week.
        let asking: [(goal: Int, from: Day, to: Day, weekly: Double)] = goals.indices.compactMap { index in
            // A goal without effort asks no hours: ruled out here, before
            // `weekly` reads the plan through the links for it.
            guard goals[index].status != .done, let due = goals[index].due, goals[index].effort != nil,
                  let weekly = GoalKind.weekly(index, links) else { return nil }
            return (index, max(GoalKind.start(index, links), today), due, weekly)
        }
        var result = plan
        var start = today.quarterStart
        var made = 0
        while start <= latest, made < mostQuarters {
            let end = Day(lastDayOfYear: start.year, month: start.quarter * 3)
            var quarter = Quarter(name: Name(text: "\(Day.pad(start.year, 4))-Q\(start.quarter)", range: .none, quoted: true))
            quarter.start = start
            quarter.end = end
            quarter.capacitySteps = CapacityKind.steps(from: max(start, today), to: end, in: plan)
            quarter.capacity = CapacityKind.average(quarter.capacitySteps, to: end)
            for goal in asking where goal.from <= end && goal.to >= start {
                quarter.goals.append(goal.goal)
                quarter.load += goal.weekly
            }
            result.add(quarter)
            start = end.adding(Duration(days: 1))
            made += 1
        }
        return result
    }

    static func overCapacity(_ context: CheckContext) -> [Diagnostic] {
        let plan = context.plan
        return plan.quarters.compactMap { quarter in
            guard quarter.over, let capacity = quarter.capacity else { return nil }
            let largest = quarter.goals.compactMap { goal in GoalKind.weekly(goal, context.links).map { (goal, $0) } }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            guard let first = largest.first else { return nil }
            let most = largest.prefix(3).map { "\(Literal.string(plan.goals[$0.0].name.text)) \(Literal.rounded($0.1))" }
            let (load, of) = Literal.rounded(quarter.load, apartFrom: capacity)
            return .warning(.overCapacity, "\(quarter.name.text) asks \(load) hours a week of a capacity of \(of)",
                            at: plan.goals[first.0].name.range,
                            hint: "the most hours a week: " + most.joined(separator: ", ")
                                + "; move a date, lower an effort, or raise the capacity")
        }
    }
}
