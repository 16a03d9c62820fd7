public struct Mentor: PlanEntity {
    public static let kind = EntityKind.mentor
    public var name: Name
    public var helps: [Name] = []
    public var note: String?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var mentors: [Mentor] { entities(Mentor.self) }
}

enum MentorKind: EntityDescription {
    static let kind = EntityKind.mentor
    static let unknownCode = DiagnosticCode.unknownMentor

    static let clauses: [ClauseRule<Mentor>] = [
        ClauseRule(.helps, .names("a skill", refers: .skill),
                   apply: { mentor, clause, _ in if case .names(let names) = clause { merge(names, into: &mentor.helps) } },
                   read: { $0.helps.isEmpty ? nil : .names($0.helps) },
                   clear: { $0.helps = [] }),
        ClauseRule(.note, .text("a note"),
                   apply: { mentor, clause, _ in if case .text(let note) = clause { mentor.note = note } },
                   read: { $0.note.map(ClauseValue.text) },
                   clear: { $0.note = nil }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.mentors[index].name.text) },
        FieldRule("helps", .list(.entity(.skill))) { context, index in
            context.links.entities(.skill, context.plan.mentors[index].helps)
        },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.mentors[index].note) },
    ]

    static let columns = [Column("name"), Column("helps")]

    static func stub(_ spelled: String, level: Int?) -> String { "mentor \(spelled)" }
}
