public struct Skill: PlanEntity {
    public static let kind = EntityKind.skill
    public var name: Name
    public var level = 0
    /// nil: the target is the level (nothing to learn).
    public var explicitTarget: Int?
    public var target: Int { explicitTarget ?? level }
    public var gap: Int { max(0, target - level) }

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var skills: [Skill] { entities(Skill.self) }
}

enum SkillKind: EntityDescription {
    static let kind = EntityKind.skill
    static let unknownCode = DiagnosticCode.unknownSkill

    static let clauses: [ClauseRule<Skill>] = [
        ClauseRule(.level, .whole("a level", 0...5),
                   apply: { skill, clause, _ in if case .whole(let level) = clause { skill.level = level } },
                   read: { .whole($0.level) },
                   // A skill always has a level; without one it is 0.
                   clear: { $0.level = 0 }),
        ClauseRule(.target, .whole("a target level", 0...5),
                   apply: { skill, clause, _ in if case .whole(let target) = clause { skill.explicitTarget = target } },
                   read: { $0.explicitTarget.map(ClauseValue.whole) },
                   clear: { $0.explicitTarget = nil }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.skills[index].name.text) },
        FieldRule("level", .number) { context, index in .number(Double(context.plan.skills[index].level)) },
        FieldRule("target", .number) { context, index in .number(Double(context.plan.skills[index].target)) },
        FieldRule("gap", .number) { context, index in .number(Double(context.plan.skills[index].gap)) },
        FieldRule("needed_by", .list(.entity(.goal))) { context, index in
            .list(context.links.referrers(.goal, via: .needs, to: index).map { .entity(.goal, $0) })
        },
        // The counting `skill ... level` entries of the log, oldest first.
        FieldRule("history", .list(.entity(.log))) { context, index in
            .list(LogKind.totals(context.links).history[index].map { .entity(.log, $0) })
        },
        // Everyone who helps with it, contacts and mentors alike.
        FieldRule("mentors", .list(.entity(.contact))) { context, index in
            .list(context.links.referrers(.contact, via: .helps, to: index).map { .entity(.contact, $0) })
        },
    ]

    static let columns = [Column("name"), Column("level", rightAligned: true), Column("target", rightAligned: true),
                          Column("gap", rightAligned: true)]

    static func stub(_ spelled: String, level: Int?) -> String {
        "skill \(spelled) level 0 target \(level ?? 3)"
    }
}
