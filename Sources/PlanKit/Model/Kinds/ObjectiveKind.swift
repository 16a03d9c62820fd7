import PlanCore
import PlanSyntax

/// What your organisation is trying to achieve (docs/language.md, "Strategy and capacity"): the
/// fourth of the strategy questions asks how your goals align with it.
public struct Objective: PlanEntity {
    public static let kind = EntityKind.objective
    public var name: Name
    public var org: String?
    public var note: String?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var objectives: [Objective] { entities(Objective.self) }
}

enum ObjectiveKind: EntityDescription {
    static let kind = EntityKind.objective
    static let unknownCode = DiagnosticCode.unknownObjective

    static let clauses: [ClauseRule<Objective>] = [
        .text(.at, "an organisation", get: { $0.org }, set: { $0.org = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.objectives[index].name.text) },
        FieldRule("org", .optional(.string)) { context, index in .optional(context.plan.objectives[index].org) },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.objectives[index].note) },
        FieldRule("goals", .list(.entity(.goal))) { context, index in
            .list(context.links.referrers(.goal, via: .aligns, to: index).map { .entity(.goal, $0) })
        },
    ]

    static let columns = [Column("name"), Column("org", optional: true), Column("goals")]

    static let checks = [Check(objectivesNoGoalAlignsWith, asks: [Check.Asked(source: .goal, clause: .aligns)])]

    static func stub(_ spelled: String, level: Int?) -> String { "objective \(spelled)" }

    static func objectivesNoGoalAlignsWith(_ context: CheckContext) -> [Diagnostic] {
        context.plan.objectives.indices.compactMap { index in
            guard context.links.referrers(.goal, via: .aligns, to: index).isEmpty else { return nil }
            let objective = context.plan.objectives[index]
            return .warning(.objectiveUnaligned, "no goal aligns with objective \(Literal.string(objective.name.text))",
                            at: objective.name.range,
                            hint: "add aligns \(Checks.spelled(objective.name)) to the goals that serve it")
        }
    }
}
