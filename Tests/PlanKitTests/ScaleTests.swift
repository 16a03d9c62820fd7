import Testing
@testable import PlanKit

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
}
