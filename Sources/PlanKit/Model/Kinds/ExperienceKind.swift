import PlanCore
import PlanSyntax

/// An experience a role asks for (docs/language.md, "Strategy and capacity"): had when declared
/// `have` or gained on a day the log records.
public struct Experience: PlanEntity {
    public static let kind = EntityKind.experience
    public var name: Name
    public var have = false
    public var note: String?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var experiences: [Experience] { entities(Experience.self) }
}

enum ExperienceKind: EntityDescription {
    static let kind = EntityKind.experience
    static let unknownCode = DiagnosticCode.unknownExperience

    static let clauses: [ClauseRule<Experience>] = [
        .flag(.have, loggedBy: .gained, get: { $0.have }, set: { $0.have = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.experiences[index].name.text) },
        FieldRule("have", .bool) { context, index in .bool(context.plan.experiences[index].have) },
        FieldRule("gained_on", .optional(.date), fromLog: true) { context, index in
            .optional(LogKind.entries(context.links).of(.experience, via: .gained)[index].first.map { context.plan.logs[$0].date })
        },
        FieldRule("needed_by", .list(.entity(.goal))) { context, index in
            .list(context.links.referrers(.goal, via: .experience, to: index).map { .entity(.goal, $0) })
        },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.experiences[index].note) },
    ]

    static let columns = [Column("name"), Column("have"), Column("needed_by")]

    static func stub(_ spelled: String, level: Int?) -> String { "experience \(spelled)" }

    static let takesFromLog: [Keyword] = [.gained]

    /// An experience an entry says gained is had from that day.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {
        for (experience, entries) in log.of(.experience, via: .gained).enumerated() where !entries.isEmpty {
            plan.modify(Experience.self, at: experience) { $0.have = true }
        }
    }
}
