import PlanCore
import PlanSyntax

/// How far one goal falls short in one skill it needs: each item of a
/// goal's `gap`. The skill's own `gap` is `target - level`, which a goal that
/// needs less than the target does not share (a goal at `t at 2` with the
/// skill at level 1 of 3 is short by 1, not 2), so a goal's gap says the
/// level that goal needs and how far short of it the skill stands.
///
/// It is not an entity: nothing declares it and it has no name of its own.
/// Like a kind, it is described once, here (its fields and the columns of a
/// table of gaps), and answers, JSON and completion read that description.
public struct SkillGap: Sendable, Hashable {
    /// The goal's and the skill's positions in the plan.
    public var goal: Int
    public var skill: Int
    /// The skill's level, and the level the goal needs: its `at`, else the
    /// skill's target. Worked out when the gap is, as of today.
    public var level: Int
    public var needed: Int
    public var short: Int { needed - level }
}

package enum SkillGapDescription {
    /// The type's name as error messages say it.
    static let typeName = "gap"

    package struct Field: Sendable {
        package let name: String
        package let value: @Sendable (SkillGap, Plan) -> Value
    }

    /// `name` is the skill's, so that `(goal "G").gap.name` lists the skills
    /// a goal waits on.
    package static let fields: [Field] = [
        Field(name: "name") { gap, plan in .optional(plan.name(of: .skill, at: gap.skill)?.text) },
        Field(name: "goal") { gap, _ in .entity(.goal, gap.goal) },
        Field(name: "skill") { gap, _ in .entity(.skill, gap.skill) },
        Field(name: "level") { gap, _ in .number(Double(gap.level)) },
        Field(name: "needed") { gap, _ in .number(Double(gap.needed)) },
        Field(name: "short") { gap, _ in .number(Double(gap.short)) },
    ]

    static let fieldNames = fields.map(\.name)

    /// The goal is left out: a table of gaps is most often one goal's.
    package static let columns = [Column("skill"), Column("level", rightAligned: true), Column("needed", rightAligned: true),
                          Column("short", rightAligned: true)]

    static func value(of name: String, _ gap: SkillGap, in plan: Plan) -> Value? {
        fields.first { $0.name == name }.map { $0.value(gap, plan) }
    }
}
