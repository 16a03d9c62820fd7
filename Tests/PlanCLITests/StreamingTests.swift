import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import PlanCLI

/// `plan run` prints each answer as its question runs (docs/cli.md, "Limits and
/// writes": input is run as it arrives), so a file of a million questions never holds a
/// million answers, and an answer shows the plan as built up to its line.
@Suite struct StreamingTests {
    @Test func eachOutcomeIsHandedOverAsItIsMade() {
        var interpreter = Interpreter(today: Day(lastDayOfYear: 2026, month: 6))
        var seen: [String] = []
        interpreter.run(Source(name: "s.plan", text: "goal a\ncount(goals)\n2 * )\ngoal b\ncount(goals)\n")) { outcome, now in
            switch outcome {
            case .answer(let value, _, _): seen.append("answer \(value) with \(now.plan.goals.count) goals")
            case .diagnostic(let diagnostic): seen.append("\(diagnostic.code.rawValue) with \(now.plan.goals.count) goals")
            }
        }
        #expect(seen == ["answer number(1.0) with 1 goals", "E001 with 1 goals", "answer number(2.0) with 2 goals"])
    }

    @Test func aTableShowsThePlanAsBuiltUpToItsLine() throws {
        let plan = try PlanProcess()
        _ = try plan.write("t.plan", "value v\ngoal g serves v\ngoals\nupdate goal g by 2027-01\ngoals\n")
        let run = try plan.run(["run", "--today", "2026-11-25", "-q", "t.plan"])
        #expect(run.stdout == """
            name  due  status  serves  gap
            ────  ───  ──────  ──────  ───
            g     -    open    v       -

            name  due         status  serves  gap
            ────  ──────────  ──────  ──────  ───
            g     2027-01-31  open    v       -

            """)
    }
}
