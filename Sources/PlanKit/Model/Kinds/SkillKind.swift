import PlanCore
import PlanSyntax

public struct Skill: PlanEntity {
    public static let kind = EntityKind.skill
    public var name: Name
    public var level = 0
    /// nil: the target is the level (nothing to learn).
    public var explicitTarget: Int?
    public var targetRange: SourceRange?
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
        ClauseRule(.level, .whole("a level", 0...5), loggedBy: .skill,
                   apply: { skill, clause, _ in if case .whole(let level) = clause { skill.level = level } },
                   read: { .whole($0.level) },
                   // A skill always has a level; without one it is 0.
                   clear: { $0.level = 0 }),
        ClauseRule(.target, .whole("a target level", 0...5),
                   apply: { skill, clause, range in
                       guard case .whole(let target) = clause else { return }
                       skill.explicitTarget = target
                       skill.targetRange = range
                   },
                   read: { $0.explicitTarget.map(ClauseValue.whole) },
                   clear: { skill in
                       skill.explicitTarget = nil
                       skill.targetRange = nil
                   }),
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
        FieldRule("history", .list(.entity(.log)), fromLog: true) { context, index in
            .list(LogKind.entries(context.links).of(.skill, via: .skill)[index].map { .entity(.log, $0) })
        },
        // Everyone who helps with it, contacts and mentors alike.
        FieldRule("mentors", .list(.entity(.contact))) { context, index in
            .list(context.links.referrers(.contact, via: .helps, to: index).map { .entity(.contact, $0) })
        },
    ]

    static let columns = [Column("name"), Column("level", rightAligned: true), Column("target", rightAligned: true),
                          Column("gap", rightAligned: true)]

    static let checks = [Check(targetBelowLevel)]

    /// `log ... skill NAME level N`: the skill's history.
    static let takesFromLog: [Keyword] = [.skill]

    /// Each skill stands at the level of its latest counting entry.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {
        let logs = plan.logs
        for (skill, entries) in log.of(.skill, via: .skill).enumerated() {
            guard let latest = entries.last, let level = logs[latest].level else { continue }
            plan.modify(Skill.self, at: skill) { skill in
                // A target that was the level stays where it was declared.
                if skill.explicitTarget == nil { skill.explicitTarget = skill.level }
                skill.level = level
            }
        }
    }

    /// A declared target below the declared level asks for nothing (its gap
    /// is 0): most often the two numbers were swapped. A level the log
    /// raised past the target is progress, not a mistake, so only skills
    /// at their declared level are checked.
    static func targetBelowLevel(_ context: CheckContext) -> [Diagnostic] {
        let history = LogKind.entries(context.links).of(.skill, via: .skill)
        return context.plan.skills.enumerated().compactMap { index, skill in
            guard let target = skill.explicitTarget, target < skill.level, history[index].isEmpty else { return nil }
            return .warning(.targetBelowLevel, "skill \(Literal.string(skill.name.text)) has a target of \(target), "
                            + "below its level of \(skill.level)", at: skill.targetRange ?? skill.name.range,
                            hint: "a target is the level you aim for: skill \(Checks.spelled(skill.name)) level \(target) target \(skill.level)?")
        }
    }

    static func stub(_ spelled: String, level: Int?) -> String {
        "skill \(spelled) level 0 target \(level ?? 3)"
    }
}
