import Foundation
@testable import PlanCLI
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
import Testing

/// Editing a plan in the REPL (docs/repl.md, "Editing a plan"), as a person does it: the
/// built binary on a pseudo-terminal.
@Suite(.serialized) struct EditingTerminalTests {
    static let plan = """
        # a small plan
        vision "Ship tools"
        value impact priority 1
        skill rust level 1 target 3   # the one to learn

        goal Ship
            needs skill rust
            serves impact
            by 2027-Q2

        """

    @Test func removeIsRefusedWhileReferredToAndRenameCarriesTheReferences() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", Self.plan)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("remove skill rust\r")
        try terminal.expect("error[E027]: cannot remove skill \"rust\": goal \"Ship\" (needs) refers to it")
        try terminal.expect("first: update goal Ship drop needs skill rust")
        try terminal.expect("plan> ")
        terminal.type("rename skill rust to \"Rust language\"\r")
        try terminal.expect("plan> ")
        terminal.type("(goal Ship).needs select name\r")
        try terminal.expect("\n[\"Rust language\"]\nplan> ")
        terminal.type("update goal Ship drop needs \"Rust language\"\r\r")
        try terminal.expect("plan> ")
        terminal.type("remove skill \"Rust language\"\r")
        try terminal.expect("plan> ")
        terminal.type("count(skills)\r")
        try terminal.expect("\n0\nplan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func undoTakesBackOneChangeAtATime() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("skill rust level 1\r\r")
        try terminal.expect("plan> ")
        terminal.type("update skill rust level 3\r\r")
        try terminal.expect("plan> ")
        terminal.type("(skill rust).level\r")
        try terminal.expect("\n3\nplan> ")
        terminal.type(":undo\r")
        try terminal.expect("undid update skill rust level 3\nplan> ")
        terminal.type("(skill rust).level\r")
        try terminal.expect("\n1\nplan> ")
        terminal.type(":undo\r")
        try terminal.expect("undid skill rust level 1\nplan> ")
        terminal.type("count(skills)\r")
        try terminal.expect("\n0\nplan> ")
        terminal.type(":undo\r")
        try terminal.expect("nothing to undo\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aWhatIfShowsItsDiffAndIsDropped() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", Self.plan)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type(":try\r")
        try terminal.expect("plan (try)> ")
        terminal.type("update goal Ship by 2026-10\r\r")
        try terminal.expect("warning[W002]: goal \"Ship\" was due 2026-10-31, 25 days ago")
        try terminal.expect("plan (try)> ")
        terminal.type(":diff\r")
        try terminal.expect("""
            ~ goal "Ship"
                due: 2026-10-31 -> 2027-06-30
            """.replacingOccurrences(of: "2026-10-31 -> 2027-06-30", with: "2027-06-30 -> 2026-10-31"))
        try terminal.expect("    overdue: false -> true\n")
        try terminal.expect("+ warning[W002]: goal \"Ship\" was due 2026-10-31, 25 days ago\n")
        try terminal.expect("plan (try)> ")
        terminal.type(":drop\r")
        try terminal.expect("dropped the what-if: the plan is as it was at :try\nplan> ")
        terminal.type("(goal Ship).due\r")
        try terminal.expect("\n2027-06-30\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aStatementOverSeveralLinesIsRecalledWholeByUp() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("count([1,\r")
        try terminal.expect("...> ")
        terminal.type("2, 3])\r")
        try terminal.expect("\n3\nplan> ")
        terminal.type("40 + 2\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type("\u{1b}[A\u{1b}[A\r")
        try terminal.expect("\n3\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabAfterWhereCompletesTheFieldsOfTheQueriedKind() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("skill rust level 1 target 3\r\r")
        try terminal.expect("plan> ")
        terminal.type("skills where g\t")
        try terminal.expect("skills where gap")
        terminal.type(" > 0 sort by ta\t")
        try terminal.expect("sort by target")
        terminal.type(" select name\r")
        try terminal.expect("\n[\"rust\"]\nplan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func aNameNotDeclaredYetShowsAtOnceAsAWarning() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("goal Ship needs skill rust by 2027-06\r\r")
        try terminal.expect("warning[E012]: unknown skill \"rust\" (not declared yet)")
        try terminal.expect("plan> ")
        terminal.type(":check\r")
        try terminal.expect("error[E012]: unknown skill \"rust\"")
        try terminal.expect("plan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func saveOnALoadedSampleChangesOnlyTheChangedLines() throws {
        let home = try PlanProcess()
        let original = try String(contentsOf: PlanProcess.packageRoot.appendingPathComponent("Samples/product-launch.plan"), encoding: .utf8)
        let file = try home.folder.appendingPathComponent(home.write("product-launch.plan", original)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("update goal \"Lead a product launch\" by 2027-Q4\r\r")
        try terminal.expect("plan> ")
        terminal.type("update milestone \"Public launch\" by 2027-11-20\r\r")
        try terminal.expect("plan> ")
        terminal.type(":save\r")
        try terminal.expect("saved \(file)\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        let before = original.split(separator: "\n", omittingEmptySubsequences: false)
        let after = saved.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(changed.map { String($0.element.1) } == [
            "    by 2027-Q4",
            "milestone \"Public launch\"            for \"Lead a product launch\" by 2027-11-20",
        ])
    }

    /// Entries without a name are picked by what they are written with: a
    /// log entry by its day and text, a capacity by its `from`.
    @Test func aLogEntryAndACapacityAreFixedRemovedAndMoved() throws {
        let home = try PlanProcess()
        let file = try home.folder.appendingPathComponent(home.write("career.plan", Self.logged)).path
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("update log 2026-11-03 hours 4\r\r")
        try terminal.expect("error[E034]: cannot update log 2026-11-03: 2 entries that day")
        try terminal.expect("say which by its text: update log 2026-11-03 \"Ran the retro\"")
        try terminal.expect("plan> ")
        terminal.type("update log 2026-11-03 \"Ran the retro\" hours 4\r\r")
        try terminal.expect("plan> ")
        terminal.type("rename log 2026-11-10 to 2026-11-12\r")
        try terminal.expect("plan> ")
        terminal.type("first(logs).hours\r")
        try terminal.expect("\n4\nplan> ")
        terminal.type("count(logs where date == 2026-11-12)\r")
        try terminal.expect("\n1\nplan> ")
        terminal.type(":undo\r")
        try terminal.expect("undid rename log 2026-11-10 to 2026-11-12\nplan> ")
        terminal.type("remove capacity from 2027-01-01\r")
        try terminal.expect("plan> ")
        terminal.type("count(capacities)\r")
        try terminal.expect("\n1\nplan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    static let logged = """
        goal Ship by 2027-06-30 effort 40 hours
        contact Ana every 6 weeks
        log 2026-11-03 "Ran the retro" for Ship hours 3
        log 2026-11-03 "Coffee" met Ana
        log 2026-11-10 for Ship hours 2
        capacity 10 hours per week
        capacity 6 hours per week from 2027-01-01

        """

}

/// The editing statements and commands through the binary, piped.
@Suite struct EditingScriptTests {
    static let environment = ["NO_COLOR": "1", "PLAN_TODAY": "2026-11-25"]

    @Test func aPipedAssertThatFailsExitsOne() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl"], environment: Self.environment, stdin: "assert false\n")
        #expect(run.stderr == "<stdin>:1:1: error[E042]: assertion failed: false\n  |\n1 | assert false\n  | ^^^^^^^^^^^^\n"
            + "note: 1 change was not saved: :save in the script writes them\n")
        #expect(run.status == 1)
        let holds = try home.run(["repl"], environment: Self.environment, stdin: "assert 1 < 2\n1\n")
        #expect(holds.stdout == "1\n")
        #expect(holds.status == 0)
    }

    /// `:diff` compares the plans as they stand today, so the quarters a
    /// change moves show, found again by their names.
    @Test func aWhatIfShowsTheQuartersWhoseLoadMoved() throws {
        let home = try PlanProcess()
        let script = """
            vision "v"
            value impact
            capacity 10 hours per week
            goal Ship serves impact by 2027-03-31 effort 40 hours
            :try
            update goal Ship effort 200 hours
            :diff
            :drop

            """
        let run = try home.run(["repl"], environment: Self.environment.merging(["PLAN_TODAY": "2026-12-01"]) { $1 }, stdin: script)
        #expect(run.stdout == """
            ~ goal "Ship"
                effort: 40 -> 200
                remaining: 40 -> 200
                weekly: 2.33 -> 11.67
            ~ quarter "2026-Q4"
                load: 2.33 -> 11.67
                over: false -> true
            ~ quarter "2027-Q1"
                load: 2.33 -> 11.67
                over: false -> true
            + warning[W014]: 2026-Q4 asks 11.67 hours a week of a capacity of 10
            + warning[W014]: 2027-Q1 asks 11.67 hours a week of a capacity of 10

            """)
        #expect(run.status == 0)
    }

    @Test func aPipedScriptCountsItsLinesAcrossStatementsAndCommands() throws {
        let home = try PlanProcess()
        let script = String(repeating: "1\n:check\n", count: 500) + "count(nothere)\n"
        let run = try home.run(["repl"], environment: Self.environment, stdin: script)
        #expect(run.stderr.contains("<stdin>:1001:7: error[E010]: unknown name \"nothere\""))
        #expect(run.stdout.split(separator: "\n").count == 500)
        #expect(run.status == 1)
    }

    @Test func aGoalsClauseLinesArriveAfterIt() throws {
        let home = try PlanProcess()
        let script = "value impact\ngoal Ship\n    serves impact\n\n    by 2027-Q2\n(goal Ship).due\n"
        let run = try home.run(["repl"], environment: Self.environment, stdin: script)
        #expect(run.stdout == "2027-06-30\n")
    }

    @Test func aMissingFileEndsTheSessionBeforeItStarts() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl", "missing.plan"], environment: Self.environment, stdin: "1\n")
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("plan: error[E040]: cannot read missing.plan: "))
        #expect(run.status == 1)
    }

    @Test func savingAnUnchangedSampleGivesBackItsBytes() throws {
        for name in ["product-launch", "coaching", "drifted", "balance"] {
            let home = try PlanProcess()
            let samples = PlanProcess.packageRoot.appendingPathComponent("Samples")
            let run = try home.run(["repl", "\(name).plan"], environment: Self.environment,
                                   stdin: ":save \(home.folder.path)/copy.plan\n", in: samples)
            #expect(run.stderr.contains("saved \(home.folder.path)/copy.plan\n"), "\(name): \(run.stderr)")
            let original = try Data(contentsOf: samples.appendingPathComponent("\(name).plan"))
            #expect(try Data(contentsOf: home.folder.appendingPathComponent("copy.plan")) == original, "\(name)")
        }
    }

    @Test func aChangeToAnIncludedEntityIsSavedInTheIncludedFile() throws {
        let home = try PlanProcess()
        try home.write("main.plan", "vision \"V\"\ninclude \"skills.plan\"  # kept\nlet x = 1\ngoal A needs skill rust serves v by 2027-Q2\nvalue v\n")
        try home.write("skills.plan", "# skills\nskill rust level 1 target 3\nskill go level 2\n")
        let run = try home.run(["repl", "main.plan"], environment: Self.environment,
                               stdin: "update skill rust level 2\nremove skill go\nskill zig level 0\n:save\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(home.contents("skills.plan") == "# skills\nskill rust level 2 target 3\n")
        #expect(home.contents("main.plan")
            == "vision \"V\"\ninclude \"skills.plan\"  # kept\nlet x = 1\ngoal A needs skill rust serves v by 2027-Q2\nvalue v\n\nskill zig level 0\n")
    }

    @Test func aRenameFollowsIntoEveryFile() throws {
        let home = try PlanProcess()
        try home.write("main.plan", "include \"skills.plan\"\ngoal A needs skill rust at 2 by 2027-Q2\n")
        try home.write("skills.plan", "skill rust level 1 target 3\nmentor Jo helps rust, go\nskill go\n")
        let run = try home.run(["repl", "main.plan"], environment: Self.environment,
                               stdin: "rename skill rust to \"Rust lang\"\n:save\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(home.contents("main.plan") == "include \"skills.plan\"\ngoal A needs skill \"Rust lang\" at 2 by 2027-Q2\n")
        #expect(home.contents("skills.plan") == "skill \"Rust lang\" level 1 target 3\nmentor Jo helps \"Rust lang\", go\nskill go\n")
    }

    @Test func anEmptySessionSavesDeclarationsLetsAndAssertsButNoQuestions() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl"], environment: Self.environment,
                               stdin: "skill rust level 1\nlet soon = today + 3 months\ncount(skills)\nassert count(skills) == 1\n:save out.plan\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(home.contents("out.plan") == "skill rust level 1\n\nlet soon = today + 3 months\n\nassert count(skills) == 1\n")
    }

    @Test func saveNeverEmptiesAFileNorWritesErrors() throws {
        let home = try PlanProcess()
        try home.write("keep.plan", "skill rust\n")
        let empty = try home.run(["repl"], environment: Self.environment, stdin: ":save keep.plan\n")
        #expect(empty.stderr == "error: nothing written to keep.plan: the plan is empty and the file is not\n")
        #expect(home.contents("keep.plan") == "skill rust\n")
        let broken = try home.run(["repl", "keep.plan"], environment: Self.environment, stdin: "goal A needs skill nothere\n:save\n")
        #expect(broken.stderr.contains("error: nothing written: the plan has errors\n"))
        #expect(home.contents("keep.plan") == "skill rust\n")
        #expect(broken.status == 1)
    }

    @Test func updateOpenDropAndVisionInAFile() throws {
        let home = try PlanProcess()
        try home.write("p.plan", """
            vision "Old"
            value a
            value b
            goal G serves a, b by 2027-06 done note "n"
            update goal G open drop by drop serves a
            update vision "New"
            vision
            (goal G).status
            (goal G).due
            (goal G).serves select name
            (goal G).note

            """)
        let run = try home.run(["run", "-q", "p.plan"], environment: Self.environment)
        #expect(run.stdout == "New\nopen\nnone\n[\"b\"]\nn\n")
        try home.write("q.plan", "milestone M for G by 2027-06\ngoal G by 2027-06\nupdate milestone M drop for\nupdate value x open\n")
        let refused = try home.run(["check", "q.plan"], environment: Self.environment)
        #expect(refused.stderr.contains("error[E028]: a milestone must have `for`"))
        #expect(refused.stderr.contains("error[E009]: a value has no status to open"))
    }

    @Test func helpExplainsStatementsKindsAndCommands() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl"], environment: Self.environment, stdin: ":help rename\n:help goal\n:help :try\n:help nothing\n")
        #expect(run.stdout.contains("rename KIND NAME to NAME"))
        #expect(run.stdout.contains("  rename skill \"project management\" to \"delivery\"\n"))
        #expect(run.stdout.contains("goal NAME {clause}"))
        #expect(run.stdout.contains("  fields:  " + EntityKind.goal.info.fieldNames.joined(separator: " ") + "\n"))
        #expect(run.stdout.contains(":try: starts a what-if"))
        #expect(run.stderr.hasPrefix("error: no help on nothing"))
    }

    @Test func logEntriesAndCapacitiesAreEditedInPlaceBySave() throws {
        let home = try PlanProcess()
        try home.write("career.plan", "# the log\n" + EditingTerminalTests.logged)
        let run = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: """
            update log 2026-11-03 "Coffee" note "Lunch" drop met
            update log 2026-11-03 "Ran the retro" hours 4
            rename log 2026-11-10 to 2026-11-12
            update capacity 12 hours per week
            rename capacity from 2027-01-01 to 2027-Q1
            :save

            """)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(home.contents("career.plan") == """
            # the log
            goal Ship by 2027-06-30 effort 40 hours
            contact Ana every 6 weeks
            log 2026-11-03 "Ran the retro" for Ship hours 4
            log 2026-11-03 "Lunch"
            log 2026-11-12 for Ship hours 2
            capacity 12 hours per week
            capacity 6 hours per week from 2027-Q1

            """)
        let removed = try home.run(["repl", "career.plan"], environment: Self.environment,
                                   stdin: "remove log 2026-11-03 \"Lunch\"\nremove capacity\n:save\n")
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(home.contents("career.plan") == """
            # the log
            goal Ship by 2027-06-30 effort 40 hours
            contact Ana every 6 weeks
            log 2026-11-03 "Ran the retro" for Ship hours 4
            log 2026-11-12 for Ship hours 2
            capacity 6 hours per week from 2027-Q1

            """)
    }

    @Test func aChangeToALogEntryOrCapacityThatNothingMatchesSaysWhatThereIs() throws {
        let home = try PlanProcess()
        try home.write("career.plan", EditingTerminalTests.logged + """
            update log 2026-11-05 hours 1
            update log 2026-11-03 "Cofee" hours 1
            remove capacity from 2027-05-01
            rename capacity to 2027-01-01
            update capacity 5 hours per week drop from
            rename review to 2027-01-01
            update log 2026-11-03 "Coffee" open

            """)
        let run = try home.run(["check", "career.plan"], environment: Self.environment)
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n")
        #expect(errors.filter { $0.hasPrefix("career.plan:") && $0.contains("error") } == [
            "career.plan:8:12: error[E023]: cannot update log 2026-11-05: there is no entry that day",
            "career.plan:9:23: error[E023]: cannot update log 2026-11-03 \"Cofee\": there is no such entry",
            "career.plan:10:17: error[E023]: cannot remove capacity from 2027-05-01: there is none",
            "career.plan:11:20: error[E020]: a capacity from 2027-01-01 is already declared",
            "career.plan:12:34: error[E028]: `from` says which capacity this is: it cannot be dropped",
            "career.plan:13:8: error[E009]: the review has no name to change",
            // A log entry's `done` names what was reached: it is no status.
            "career.plan:14:32: error[E009]: a log has no status to open",
        ])
        #expect(run.stderr.contains("the nearest days with entries: 2026-11-03, 2026-11-10"))
        #expect(run.stderr.contains("did you mean \"Coffee\"?"))
        #expect(run.stderr.contains("the capacities: from the beginning, from 2027-01-01"))
    }

    /// A log entry and a capacity are spoken of as they are written, not by
    /// the date or number that stands in for a name.
    @Test func answersAndDiffsNameALogEntryAndACapacityAsTheyAreWritten() throws {
        let home = try PlanProcess()
        try home.write("career.plan", EditingTerminalTests.logged)
        let run = try home.run(["repl", "career.plan"], environment: Self.environment, stdin: """
            [first(logs), first(capacities)]
            :try
            update capacity 8 hours per week from 2027-01-01
            :diff

            """)
        #expect(run.stdout.hasPrefix("[log 2026-11-03 \"Ran the retro\", capacity 10 hours per week]\n"), "\(run.stdout)")
        #expect(run.stdout.contains("~ capacity 8 hours per week from 2027-01-01\n    hours: 6 -> 8\n"), "\(run.stdout)")
    }
}
