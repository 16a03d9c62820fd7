import PlanCore
import PlanSyntax

/// A value the person holds (`value family priority 1 non-negotiable`).
/// Called CoreValue so it never clashes with the interpreter's `Value`.
public struct CoreValue: PlanEntity {
    public static let kind = EntityKind.value
    public var name: Name
    public var priority: Int?
    public var nonNegotiable = false
    public var note: String?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var values: [CoreValue] { entities(CoreValue.self) }
}

enum ValueKind: EntityDescription {
    static let kind = EntityKind.value
    static let unknownCode = DiagnosticCode.unknownValue

    static let clauses: [ClauseRule<CoreValue>] = [
        .whole(.priority, "a priority", nil, get: { $0.priority }, set: { $0.priority = $1 }),
        .flag(.nonNegotiable, get: { $0.nonNegotiable }, set: { $0.nonNegotiable = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.values[index].name.text) },
        FieldRule("priority", .optional(.number)) { context, index in
            context.plan.values[index].priority.map { .number(Double($0)) } ?? .none
        },
        FieldRule("non_negotiable", .bool) { context, index in .bool(context.plan.values[index].nonNegotiable) },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.values[index].note) },
        FieldRule("goals", .list(.entity(.goal))) { context, index in
            .list(context.links.referrers(.goal, via: .serves, to: index).map { .entity(.goal, $0) })
        },
    ]

    static let columns = [Column("name"), Column("priority", rightAligned: true),
                          Column("non_negotiable", header: "non-negotiable"), Column("goals")]

    static let checks = [Check(valuesNoGoalServes, asks: servers.map { Check.Asked(source: $0, clause: .serves) })]

    static func stub(_ spelled: String, level: Int?) -> String { "value \(spelled)" }

    /// The kinds whose `serves` names values: a value any of them serves is
    /// served. From the syntax table, not the kinds' descriptions, which
    /// this one is part of while they are made.
    private static let servers = EntityKind.writtenOrder.filter { $0.syntax.clause(.serves)?.shape.refers.contains(.value) == true }

    static func valuesNoGoalServes(_ context: CheckContext) -> [Diagnostic] {
        context.plan.values.indices.compactMap { index in
            guard servers.allSatisfy({ context.links.referrers($0, via: .serves, to: index).isEmpty }) else { return nil }
            let value = context.plan.values[index]
            return .warning(.valueUnserved, "no goal serves value \(Literal.string(value.name.text))",
                            at: value.name.range,
                            hint: "add serves \(Checks.spelled(value.name)) to the goals that honour it")
        }
    }
}
