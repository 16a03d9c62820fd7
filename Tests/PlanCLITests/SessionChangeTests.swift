import Foundation
@testable import PlanCLI
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
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

    /// Piped, a declaration and its clause lines are one statement too,
    /// and one :undo takes all of it back.
    @Test func clauseLinesInAScriptAreOneStatementAndOneUndo() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl", "-q"], environment: Self.environment, stdin: """
            goal "Lead a launch"
                role "Product Lead"

                by 2027-Q2
            log 2026-11-01 "Retro"
                for "Lead a launch"
                hours 2
            [count(goals), sum(logs select hours)]
            :undo
            :undo
            count(goals)
            :undo

            """)
        #expect(run.stdout == "[1, 2]\n0\n")
        // An empty line inside a statement still counts: this error is on line 4.
        let late = try home.run(["repl", "-q"], environment: Self.environment, stdin: "goal g\n    role \"r\"\n\n    by 2027-13\n")
        #expect(late.stderr.hasPrefix("<stdin>:4:8: error[E005]: invalid date 2027-13"))
        #expect(run.stderr == """
            undid log 2026-11-01 "Retro"
                for "Lead a launch"
                hours 2
            undid goal "Lead a launch"
                role "Product Lead"

                by 2027-Q2
            nothing to undo

            """)
    }

    /// A statement of many lines is read line by line, each line once: a
    /// list over 2,000 lines is one statement with one answer.
    @Test func aLongBracketedStatementIsOneStatement() throws {
        let home = try PlanProcess()
        let script = "count([\n" + String(repeating: "1,\n  2,\n", count: 1000) + "3])\n6 * 7\n"
        let run = try home.run(["repl"], environment: Self.environment, stdin: script)
        #expect(run.stdout == "2001\n42\n")
        #expect(run.stderr == "")
    }

    /// A script that repeats one mistake shows it 100 times, then a count.
    @Test func aFloodOfOneDiagnosticIsCapped() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl", "-q"], environment: Self.environment,
                               stdin: "vision \"v\"\n" + String(repeating: "value a\n", count: 251))
        let errors = run.stderr.components(separatedBy: "error[E020]: value \"a\" is already declared").count - 1
        #expect(errors == DiagnosticCap.shownPerCode)
        #expect(run.stderr.contains("<stdin>:102:7: error[E020]"))
        #expect(!run.stderr.contains("<stdin>:103:7: error[E020]"))
        #expect(run.stderr.hasSuffix("  |       ^\nnote: 150 more error[E020] not shown (the first 100 are)\n"))
        #expect(run.status == 1)
    }

    /// A statement that changed nothing (a question, a refused change)
    /// leaves no text behind once answered; a change keeps its own, which
    /// later messages show.
    @Test func aScriptKeepsTheTextOfItsChangesOnly() throws {
        var session = Session(context: CommandContext(today: Day(lastDayOfYear: 2026, month: 11), output: OutputOptions()),
                              interactive: false)
        session.evaluate(Source(name: Inputs.stdinName, text: "value a"))
        for question in ["count(values)", "value a", "remove value nothere", "1 +"] {
            session.evaluate(Source(name: Inputs.stdinName, text: question))
        }
        #expect(session.interpreter.sources.count == 1)
        session.evaluate(Source(name: Inputs.stdinName, text: "let n = 2"))
        #expect(session.interpreter.sources.count == 2)
        #expect(session.interpreter.sources[0]?.text(SourceRange(source: 0, start: 0, end: 7)) == "value a")
    }

    @Test func aPipedSessionThatEndsWithChangesNotSavedSaysHowMany() throws {
        let home = try PlanProcess()
        try home.write("career.plan", EditingTerminalTests.plan)
        let note = "note: 2 changes were not saved: :save in the script writes them\n"
        let unsaved = try home.run(["repl", "career.plan"], environment: Self.environment,
                                   stdin: "update skill rust level 2\nupdate goal Ship role \"Lead\"\ncount(goals)\n")
        #expect(unsaved.stderr == note)
        #expect(unsaved.status == 0)
        let one = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: "update skill rust level 2\n:quit\n")
        #expect(one.stderr == "note: 1 change was not saved: :save in the script writes them\n")
        // -q, :quit!, a :save after the changes, and undoing them all say nothing.
        for (arguments, script) in [
            (["repl", "-q", "career.plan"], "update skill rust level 2\nupdate goal Ship role \"Lead\"\n"),
            (["repl", "career.plan"], "update skill rust level 2\n:q!\n"),
            (["repl", "career.plan"], "update skill rust level 2\n:undo\n(skill rust).level\n"),
            (["repl", "career.plan"], ":try\nupdate skill rust level 2\n:drop\n"),
        ] {
            let run = try home.run(arguments, environment: Self.environment, stdin: script)
            #expect(!run.stderr.contains("not saved"), "\(script)")
        }
        let saved = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: "update skill rust level 2\n:save\n")
        #expect(saved.stderr == "saved career.plan\n")
        // Undoing a change the file holds is a change the file does not hold.
        let undone = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: "update skill rust level 3\n:save\n:undo\n")
        #expect(undone.stderr == "saved career.plan\nundid update skill rust level 3\n"
            + "note: 1 change was not saved: :save in the script writes them\n")
    }
}

/// Leaving a terminal session with changes not saved asks first.
@Suite(.serialized) struct LeavingTerminalTests {
    @Test func quitAsksAndStayGoesBackNoLeavesTheFileAsItWas() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", EditingTerminalTests.plan)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("update skill rust level 2\r\r")
        try terminal.expect("plan> ")
        terminal.type("update goal Ship role \"Lead\"\r\r")
        try terminal.expect("plan> ")
        terminal.type(":q\r")
        try terminal.expect("""
            2 changes are not saved to \(file):
              update skill rust level 2
              update goal Ship role "Lead"
            save them before leaving? (yes / no / stay)\u{20}
            """)
        terminal.type("stay\r")
        try terminal.expect("plan> ")
        terminal.type("(skill rust).level\r")
        try terminal.expect("\n2\nplan> ")
        // Ctrl-D asks the same; an answer it does not know asks again.
        terminal.type("\u{04}")
        try terminal.expect("save them before leaving? (yes / no / stay) ")
        terminal.type("maybe\r")
        try terminal.expect("save them before leaving? (yes / no / stay) ")
        terminal.type("no\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(home.contents("career.plan") == EditingTerminalTests.plan)
    }

    @Test func yesSavesThenLeaves() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", EditingTerminalTests.plan)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("update skill rust level 2\r\r")
        try terminal.expect("plan> ")
        terminal.type(":quit\r")
        try terminal.expect("1 change is not saved to \(file):\n  update skill rust level 2\n")
        terminal.type("yes\r")
        try terminal.expect("saved \(file)\n")
        #expect(try terminal.waitForExit() == 0)
        #expect(home.contents("career.plan")?.contains("skill rust level 2 target 3") == true)
    }

    @Test func quitWithABangLeavesWithoutAskingAndSavedChangesDoNotAsk() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", EditingTerminalTests.plan)).path
        let saving = try Terminal(["repl", file], home: home.folder.path)
        try saving.expect("plan> ")
        saving.type("update skill rust level 2\r\r")
        try saving.expect("plan> ")
        saving.type(":save\r")
        try saving.expect("saved \(file)\nplan> ")
        saving.type(":q\r")
        #expect(try saving.waitForExit() == 0)

        let leaving = try Terminal(["repl", file], home: home.folder.path)
        try leaving.expect("plan> ")
        leaving.type("update skill rust level 3\r\r")
        try leaving.expect("plan> ")
        leaving.type(":q!\r")
        #expect(try leaving.waitForExit() == 0)
        #expect(!leaving.screen.contains("not saved"))
        #expect(home.contents("career.plan")?.contains("skill rust level 2 target 3") == true)
    }
}
