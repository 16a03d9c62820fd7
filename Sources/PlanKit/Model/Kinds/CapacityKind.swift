import PlanCore
import PlanSyntax

/// The hours a week you can give the plan after your non-negotiables,
/// from a day on (docs/language.md, "Strategy and capacity"): `capacity 10 hours per week from 2027-01-01`.
public struct Capacity: PlanEntity {
    public static let kind = EntityKind.capacity
    /// The number of hours as written: a capacity has no other name.
    /// `update` changes it, and so the hours.
    public var name: Name {
        didSet { hours = Double(name.text) ?? 0 }
    }
    public var hours: Double
    /// nil: from the beginning.
    public var from: Day?
    public var fromRange: SourceRange?

    public init(name: Name) {
        self.name = name
        hours = Double(name.text) ?? 0
    }
}

/// The hours a week in force from a day on, until the next step.
public struct CapacityStep: Sendable, Equatable {
    public var from: Day
    public var hours: Double
}

extension Plan {
    public var capacities: [Capacity] { entities(Capacity.self) }
}

enum CapacityKind: EntityDescription {
    static let kind = EntityKind.capacity
    static let unknownCode = DiagnosticCode.syntax
    static let head = Head.amount(words: ["hours", "per", "week"])
    static let unique = false
    static let identity = Identity.dayClause(.from)

    /// A week holds no more.
    static let hoursInAWeek = 168.0

    static let clauses: [ClauseRule<Capacity>] = [
        .date(.from, get: { $0.from }, set: { $0.from = $1; $0.fromRange = $2 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("hours", .number) { context, index in .number(context.plan.capacities[index].hours) },
        FieldRule("from", .optional(.date)) { context, index in .optional(context.plan.capacities[index].from) },
    ]

    static let columns = [Column("hours", rightAligned: true), Column("from")]

    static let checks = [Check(beyondAWeek), Check(twoFromOneDay)]

    static func stub(_ spelled: String, level: Int?) -> String { "capacity 10 hours per week" }

    /// By the day each starts (one from the beginning first), then as written.
    static func order(_ plan: Plan) -> [Int] {
        let capacities = plan.capacities
        return capacities.indices.sorted { left, right in
            let l = capacities[left].from?.ordinal ?? Int.min
            let r = capacities[right].from?.ordinal ?? Int.min
            return l != r ? l < r : left < right
        }
    }

    /// The hours a week in force over the days `first...last`: one step
    /// from each day a new amount starts, the first from `first` when a
    /// capacity is already in force then.
    static func steps(from first: Day, to last: Day, in plan: Plan) -> [CapacityStep] {
        let capacities = plan.capacities
        var steps: [CapacityStep] = []
        for index in order(plan) {
            let capacity = capacities[index]
            let day = max(capacity.from ?? first, first)
            guard day <= last else { break }
            // Of two from one day (an error of its own) the later written counts.
            if steps.last?.from == day { steps.removeLast() }
            steps.append(CapacityStep(from: day, hours: capacity.hours))
        }
        return steps
    }

    /// The hours a week in force averaged over the days from the first
    /// step to `last`; nil when no capacity is in force on any of them.
    static func average(_ steps: [CapacityStep], to last: Day) -> Double? {
        guard let first = steps.first else { return nil }
        var total = 0.0
        for (position, step) in steps.enumerated() {
            let end = position + 1 < steps.count ? steps[position + 1].from.ordinal : last.ordinal + 1
            total += step.hours * Double(end - step.from.ordinal)
        }
        return total / Double(last.ordinal + 1 - first.from.ordinal)
    }

    static func beyondAWeek(_ context: CheckContext) -> [Diagnostic] {
        context.plan.capacities.compactMap { capacity in
            guard capacity.hours > hoursInAWeek else { return nil }
            return .error(.capacityOutOfRange, "a capacity of \(Literal.number(capacity.hours)) hours a week is more than a week holds (168)",
                          at: capacity.name.range, hint: "count the hours you can give after your non-negotiables: capacity 10 hours per week")
        }
    }

    static func twoFromOneDay(_ context: CheckContext) -> [Diagnostic] {
        var first: [Int: Capacity] = [:]
        var found: [Diagnostic] = []
        for capacity in context.plan.capacities {
            let day = capacity.from?.ordinal ?? Int.min
            guard let earlier = first[day] else {
                first[day] = capacity
                continue
            }
            let when = capacity.from.map { "from \($0)" } ?? "from the beginning"
            found.append(.error(.duplicate, "two capacities \(when)", at: capacity.fromRange ?? capacity.name.range,
                                hint: "keep one of them, or start this one on another day",
                                notes: [.init("the first one is here", at: earlier.fromRange ?? earlier.name.range)]))
        }
        return found
    }
}
