import Testing
@testable import PlanKit

/// Issue 13's answers a newcomer can trust: each rule as docs/ states it.
@Suite struct NewcomerTests {
    @Test func anEmptyNameIsAnError() {
        let session = Session("goal \"\" by 2027-06\nvalue \"\"\nskill \"\" level 1\nupdate goal \"\" done\ncount(goals) + count(values)\n")
        #expect(session.lines == [
            "E026 a goal's name cannot be empty @\"\"",
            "E026 a value's name cannot be empty @\"\"",
            "E026 a skill's name cannot be empty @\"\"",
            "E026 a goal's name cannot be empty @\"\"",
            "0",
        ])
    }

    @Test func aMisspeltFieldGetsDidYouMean() {
        var session = Session("goal \"A\" by 2027-01\n")
        let problems = session.diagnostics(of: "(goal \"A\").dew\nfirst(goals).stauts\ngoals where dew > today\n(goal \"A\").xyzzy\n")
        #expect(problems.map(\.message) == ["goal has no field \"dew\"", "goal has no field \"stauts\"",
                                            "unknown name \"dew\"", "goal has no field \"xyzzy\""])
        #expect(problems.map(\.hint) == ["did you mean \"due\"?", "did you mean \"status\"?", "did you mean \"due\"?", nil])
    }
}
