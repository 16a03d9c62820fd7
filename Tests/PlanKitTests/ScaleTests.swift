import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A plan of 100k goals: every question must stay linear in the plan's size
/// (`value.goals` and `skill.needed_by` read the goals once per question, not
/// once per value), or this test takes minutes instead of seconds.
@Suite struct ScaleTests {
    @Test func hundredThousandGoals() {
        var text = "value v0\nvalue v1\nskill s0 level 1 target 3\nskill s1\n"
        for index in 0..<100_000 {
            let month = index % 12 + 1
            text += "goal \"g\(index)\" needs skill s\(index % 2) serves v\(index % 2) by 2026-\(month < 10 ? "0" : "")\(month)\n"
        }
        text += "milestone m for \"g5\" by 2026-01-01\n"
        let session = Session(text + """
            count(goals where due < today + 6 months and not done sort by due)
            values select count(goals)
            skills select count(needed_by)
            count(goals where count(milestones) > 0)
            count(goals group by due)
            sum(goals select days(days_left))
            """)
        #expect(session.lines == ["91667", "[50000, 50000]", "[50000, 50000]", "1", "12", "1591179"])
    }

    /// List clauses are linear (docs/cli.md, "Limits and writes"): an `update` per line, or a clause
    /// line per name, adds each name with one lookup. Each took 20 to 40
    /// seconds for 20 000 names in a release build; the limit is for a hang.
    @Test(.timeLimit(.minutes(1))) func twentyThousandUpdatesOfOneList() {
        let names = (0..<20_000).map { "v\($0)" }
        var text = "goal g\n" + names.map { "update goal g serves \($0)\n" }.joined()
        // Names already listed are not added twice, however far back they are.
        text += "update goal g serves v0, v19999, v5000, late\n"
        text += "goal h\n" + names.map { "    after \($0)\n" }.joined() + "    after v7\n"
        text += "skill s0\ngoal k needs skill s0 at 1\n" + (1..<20_000).map { "update goal k needs skill s\($0)\n" }.joined()
        text += "update goal k needs skill s0 at 3, s19999 at 2\n"
        let session = Session(text)
        #expect(session.lines.isEmpty)
        let goals = session.interpreter.plan.goals
        #expect(goals[0].serves.map(\.text) == names + ["late"])
        #expect(goals[1].after.map(\.text) == names)
        #expect(goals[2].needs.map(\.skill.text) == ["s0"] + names.dropFirst().map { "s" + $0.dropFirst() })
        let levels = goals[2].needs
        #expect(levels.first?.level == 3)
        #expect(levels.last?.skill.text == "s19999")
        #expect(levels.last?.level == 2)
    }

    /// A copy of a plan (the REPL keeps one to undo a failed statement)
    /// shares its lists; adding to each must leave the other as it was.
    @Test func copiesOfALongListStayApart() {
        var original = Session("goal g serves " + (0..<40).map { "v\($0)" }.joined(separator: ", ") + "\n")
        var copy = original
        original.run("update goal g serves a\nupdate goal g serves b\n")
        copy.run("update goal g serves b\nupdate goal g serves v3\nupdate goal g serves a\n")
        original.run("update goal g serves c, a\n")
        #expect(original.interpreter.plan.goals[0].serves.suffix(3).map(\.text) == ["a", "b", "c"])
        #expect(copy.interpreter.plan.goals[0].serves.suffix(2).map(\.text) == ["b", "a"])
        #expect(original.interpreter.plan.goals[0].serves.count == 43)
        #expect(copy.interpreter.plan.goals[0].serves.count == 42)
    }
}
