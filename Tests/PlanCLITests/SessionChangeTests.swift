import Foundation
@testable import PlanCLI
import PlanKit
import Testing

/// What a REPL session does with its changes, piped: undo, what-ifs and
/// saving, and what it says when it ends with changes never saved.
@Suite struct SessionChangeTests {
    static let environment = ["NO_COLOR": "1", "PLAN_TODAY": "2026-11-25"]

    @Test func saveIsRefusedDuringAWhatIf() throws {
        let home = try PlanProcess()
        try home.write("career.plan", EditingTerminalTests.plan)
        let run = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: """
            :try
            update goal Ship by 2027-Q4
            :save
            :drop
            (goal Ship).due

            """)
        #expect(run.stderr == """
            error: :save waits for the end of the what-if: :keep then :save (or :drop to forget it)
            dropped the what-if: the plan is as it was at :try

            """.replacingOccurrences(of: "error:", with: "what-if: change anything; :diff shows what changed, :keep keeps it, :drop forgets it\nerror:"))
        #expect(run.stdout == "2027-06-30\n")
        #expect(home.contents("career.plan") == EditingTerminalTests.plan)
        #expect(run.status == 1)
    }

    @Test func undoTakesBackChangesInAPipedSession() throws {
        let home = try PlanProcess()
        try home.write("career.plan", EditingTerminalTests.plan)
        let run = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: """
            update skill rust level 3
            rename skill rust to "Rust lang"
            (goal Ship).needs select name
            :undo
            (goal Ship).needs select name
            (skill rust).level
            :undo
            (skill rust).level
            remove goal Ship
            count(goals)
            :undo
            (goal Ship).due
            :undo

            """)
        #expect(run.stdout == "[\"Rust lang\"]\n[\"rust\"]\n3\n1\n0\n2027-06-30\n")
        #expect(run.stderr == """
            undid rename skill rust to "Rust lang"
            undid update skill rust level 3
            undid remove goal Ship
            nothing to undo

            """)
        #expect(run.status == 0)
    }

    /// Undo keeps the latest changes only, so a long script's memory stays bounded.
    @Test func undoReachesBackTheLatestChangesOnly() throws {
        let home = try PlanProcess()
        let count = Session.undoLimit + 2
        let script = (0..<count).map { "value v\($0)\n" }.joined() + String(repeating: ":undo\n", count: Session.undoLimit + 1)
            + "count(values)\n"
        let run = try home.run(["repl"], environment: Self.environment, stdin: script)
        #expect(run.stdout == "2\n")
        #expect(run.stderr.hasPrefix("undid value v\(count - 1)\n"))
        #expect(run.stderr.contains("undid value v2\nnothing more to undo: only the last \(Session.undoLimit) changes are kept\n"))
    }
}
