import Foundation
@testable import PlanCLI
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
import Testing

/// The REPL as a person uses it: the built binary on a pseudo-terminal.
@Suite(.serialized) struct REPLTerminalTests {
    @Test func answersAQuestionAboutADeclaration() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("skill \"project management\" level 2 target 4\r\r")
        try terminal.expect("plan> ")
        terminal.type("(skill \"project management\").gap * 50\r")
        try terminal.expect("\n100\nplan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func anErrorDoesNotEndTheSession() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("count(skils)\r")
        try terminal.expect("<repl>:1:7: error[E010]: unknown name \"skils\"")
        try terminal.expect("plan> ")
        terminal.type(":lod x.plan\r")
        try terminal.expect("error: unknown command :lod (did you mean :load?)")
        try terminal.expect("plan> ")
        terminal.type("6 * 7\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesSkillNamesWithQuotes() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("skill \"project management\" level 2 target 4\r\r")
        try terminal.expect("plan> ")
        terminal.type("skill programming level 1 target 2\r\r")
        try terminal.expect("plan> ")
        // Two candidates: both are listed, the line keeps what was typed.
        terminal.type("(skill pro\t")
        try terminal.expect("\n\"project management\"  programming\nplan> (skill pro")
        terminal.type("j\t).target\r")
        try terminal.expect("\n4\nplan> ")
        terminal.type(":q!\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(home.contents("state/plan/history")?.contains("(skill\\040\"project\\040management\").target") == true)
    }

    @Test func unfinishedInputShowsTheContinuationPrompt() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("count([1,\r")
        try terminal.expect("...> ")
        terminal.type("2, 3])\r")
        try terminal.expect("\n3\nplan> ")
        // A string left open joins the next line with an escaped line break.
        terminal.type("vision \"one\r")
        try terminal.expect("...> ")
        terminal.type("two\"\r")
        try terminal.expect("plan> ")
        terminal.type("len(vision)\r")
        try terminal.expect("\n7\nplan> ")
        // An empty line while continuing evaluates, and the error shows.
        terminal.type("(1 +\r")
        try terminal.expect("...> ")
        terminal.type("\r")
        try terminal.expect("error[E001]")
        try terminal.expect("plan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    /// A goal typed as the docs write it, the declaration then indented
    /// clause lines, is one statement: checked once whole, one :undo, one
    /// history entry. A blank line or one at the left margin ends it.
    @Test func clauseLinesAfterADeclarationMakeOneStatement() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("value impact\r\r")
        try terminal.expect("plan> ")
        for line in ["goal \"Lead a launch\"", "    role \"Product Lead\"", "    serves impact", "    by 2027-Q2"] {
            terminal.type(line + "\r")
            try terminal.expect("...> ")
        }
        terminal.type("\r")
        try terminal.expect("plan> ")
        terminal.type("(goal \"Lead a launch\").due\r")
        try terminal.expect("\n2027-06-30\nplan> ")
        // Neither "no date" nor "serves no value" showed for the first line alone.
        #expect(!terminal.screen.contains("warning[W001]") && !terminal.screen.contains("warning[W005]"))
        terminal.type(":undo\r")
        try terminal.expect("undid goal \"Lead a launch\"\n    role \"Product Lead\"\n    serves impact\n    by 2027-Q2\nplan> ")
        terminal.type("count(goals)\r")
        try terminal.expect("\n0\nplan> ")
        // A log entry's clause lines too; a line at the left margin ends them and runs.
        terminal.type("log 2026-11-01 \"Retro\"\r")
        try terminal.expect("...> ")
        terminal.type("    hours 2\r")
        try terminal.expect("...> ")
        terminal.type("sum(logs select hours)\r")
        try terminal.expect("\n2\nplan> ")
        // Up recalls the entry whole, one history entry for its two lines.
        terminal.type("\u{1b}[A\u{1b}[A\r")
        try terminal.expect("...> ")
        terminal.type("\r")
        try terminal.expect("plan> ")
        terminal.type("count(logs)\r")
        try terminal.expect("\n2\nplan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCAbandonsTheInput() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("count([1,\r")
        try terminal.expect("...> ")
        terminal.type("99\u{03}")
        try terminal.expect("99^C\nplan> ")
        terminal.type("7 * 6\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func upArrowAndControlRRecallEarlierLines() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("40 + 2\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type("1\r")
        try terminal.expect("\n1\nplan> ")
        terminal.type("\u{1b}[A\u{1b}[A\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type("1\r")
        try terminal.expect("\n1\nplan> ")
        // Ctrl-R searches the history backwards as you type.
        terminal.type("\u{12}40")
        try terminal.expect("40 + 2")
        terminal.type("\r")
        try terminal.expect("\n42\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historySurvivesARestart() throws {
        let home = try PlanProcess()
        let first = try Terminal(["repl"], home: home.folder.path)
        try first.expect("plan> ")
        first.type("40 + 2\r")
        try first.expect("\n42\nplan> ")
        first.type("\u{04}")
        #expect(try first.waitForExit() == 0)
        #expect(home.contents("state/plan/history") == "_HiStOrY_V2_\n40\\040+\\0402\n")

        let second = try Terminal(["repl"], home: home.folder.path)
        try second.expect("plan> ")
        second.type("\u{1b}[A\r")
        try second.expect("\n42\nplan> ")
        second.type(":quit\r")
        #expect(try second.waitForExit() == 0)
    }

    @Test func saveWritesSourceThatLoadsBack() throws {
        let home = try PlanProcess()
        let saved = home.folder.path + "/saved.plan"
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("skill rust level 1 target 3\r\r")
        try terminal.expect("plan> ")
        terminal.type(":save \(saved)\r")
        try terminal.expect("saved \(saved)\n")
        try terminal.expect("plan> ")
        #expect(home.contents("saved.plan")?.contains("skill rust level 1 target 3") == true)
        terminal.type(":reset\r")
        try terminal.expect("plan> ")
        terminal.type("count(skills)\r")
        try terminal.expect("\n0\nplan> ")
        terminal.type(":load \(saved)\r")
        try terminal.expect("plan> ")
        terminal.type("(skill rust).target\r")
        try terminal.expect("\n3\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func reloadReadsTheFilesAgain() throws {
        let home = try PlanProcess()
        let file = home.folder.path + "/career.plan"
        try "skill rust level 1 target 3\n".write(toFile: file, atomically: true, encoding: .utf8)
        let terminal = try Terminal(["repl", file], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("(skill rust).target\r")
        try terminal.expect("\n3\nplan> ")
        try "skill rust level 1 target 5\n".write(toFile: file, atomically: true, encoding: .utf8)
        terminal.type(":reload\r")
        try terminal.expect("reloaded \(file)\n")
        try terminal.expect("plan> ")
        terminal.type("(skill rust).target\r")
        try terminal.expect("\n5\nplan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func saveWritesNothingWhenThePlanHasErrors() throws {
        let home = try PlanProcess()
        let terminal = try Terminal(["repl"], home: home.folder.path)
        try terminal.expect("plan> ")
        terminal.type("goal launch needs skill nothere by 2027-06\r\r")
        try terminal.expect("plan> ")
        terminal.type(":save \(home.folder.path)/broken.plan\r")
        try terminal.expect("error: nothing written to \(home.folder.path)/broken.plan: the plan has errors")
        try terminal.expect("plan> ")
        terminal.type(":quit!\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(home.contents("broken.plan") == nil)
    }

    @Test func aScriptOnStandardInputIsAnswered() throws {
        let home = try PlanProcess()
        let file = home.folder.path + "/my.plan"
        try "skill rust level 1 target 3\nskill go level 2\n".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try home.run(["repl", file], environment: ["HOME": home.folder.path, "NO_COLOR": "1"],
                                stdin: "count(skills)\n(skill rust).gap\n")
        #expect(run.stdout == "2\n2\n")
        // It ends as plan run does, with the checks: a warning leaves the status 0.
        #expect(run.stderr == "\(file):1:1: warning[W007]: the plan has no vision\n  |\n1 | skill rust level 1 target 3\n  | ^ add vision \"...\"\n")
        #expect(run.status == 0)
    }

    @Test func reportAndExportUseThePlanOfTheSession() throws {
        let home = try PlanProcess()
        let script = """
            vision "Ship tools"
            value family priority 1
            skill rust level 1 target 3
            goal Ship needs skill rust serves family by 2027-06
            :report
            :export json \(home.folder.path)/plan.json
            :export xml x

            """
        let run = try home.run(["repl"], environment: ["HOME": home.folder.path, "NO_COLOR": "1", "PLAN_TODAY": "2026-11-25"],
                                stdin: script)
        #expect(run.stdout.hasPrefix("Career plan as of 2026-11-25\n"))
        #expect(run.stdout.contains("\n  rust  level 1 of 3, gap 2\n"))
        #expect(home.contents("plan.json")?.contains("\"rust\"") == true)
        #expect(run.stderr == "saved \(home.folder.path)/plan.json\nerror: unknown format \"xml\"; formats: json, md, ics, dot, svg, html\n"
            + "note: 4 changes were not saved: :save in the script writes them\n")
        #expect(run.status == 1)
    }

    @Test func commandOutputKeepsItsPlaceAmongAnswers() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl"], environment: ["HOME": home.folder.path, "NO_COLOR": "1", "PLAN_TODAY": "2026-11-25"],
                               stdin: "1\n:export dot -\n2\n:help\n3\n")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let dot = try #require(lines.firstIndex(of: "digraph plan {"))
        let help = try #require(lines.firstIndex { $0.hasPrefix("Type a statement") })
        #expect(lines.first == "1")
        #expect(lines.firstIndex(of: "2").map { $0 > dot && $0 < help } == true)
        #expect(lines.last == "3")
        #expect(run.status == 0)
    }

    @Test func aScriptRunsCommandsAndReportsErrorsWithTheirLine() throws {
        let home = try PlanProcess()
        let run = try home.run(["repl"], environment: ["HOME": home.folder.path, "NO_COLOR": "1"],
                                stdin: "skill a level 1\n:lod x\ncount(skils)\n:quit\ncount(skills)\n")
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("error: unknown command :lod (did you mean :load?)\n<stdin>:3:7: error[E010]: unknown name \"skils\""))
        #expect(run.status == 1)
    }
}

/// A shell command typed at the prompt (docs/repl.md, "Commands").
@Suite struct REPLShellCommandTests {
    /// `plan COMMAND` is an unknown statement (E029) whose hint is the REPL
    /// command that does the same, the files named loaded first unless they are.
    @Test func aShellCommandPointsToTheREPLCommand() throws {
        let home = try PlanProcess()
        _ = try home.write("my.plan", "vision \"Ship tools\"\n")
        let run = try home.run(["repl", "my.plan"], environment: ["HOME": home.folder.path, "NO_COLOR": "1"],
                               stdin: "plan export --format md\nplan report other.plan\nplan agenda --days 7 my.plan\n")
        #expect(run.stdout == "")
        #expect(run.stderr == """
            <stdin>:1:1: error[E029]: unknown statement `plan`
              |
            1 | plan export --format md
              | ^^^^ `plan export` is a shell command; in the REPL, type :export md -
            <stdin>:2:1: error[E029]: unknown statement `plan`
              |
            2 | plan report other.plan
              | ^^^^ `plan report` is a shell command; in the REPL, type :load other.plan, then :report
            <stdin>:3:1: error[E029]: unknown statement `plan`
              |
            3 | plan agenda --days 7 my.plan
              | ^^^^ `plan agenda` is a shell command; in the REPL, type :agenda 7

            """)
        #expect(run.status == 1)
    }

    /// Each command's hint names REPL commands that parse, with what the
    /// shell command said (format, output, days, files).
    @Test func eachCommandOfPlanHasItsREPLCounterpart() {
        let hints: [(String, [String], String?)] = [
            ("report", ["a.plan"], "in the REPL, type :report"),
            ("review", ["b.plan"], "in the REPL, type :load b.plan, then :review"),
            ("check", ["--strict", "a.plan"], "in the REPL, type :check"),
            ("agenda", ["--days=30", "a.plan"], "in the REPL, type :agenda 30"),
            ("export", ["--today", "2026-11-25", "--format", "ics", "-o", "plan.ics", "a.plan"], "in the REPL, type :export ics plan.ics"),
            ("help", ["run"], "in the REPL, type :help"),
            ("run", ["a.plan", "b.plan"], "in the REPL, type :load b.plan"),
            ("repl", [], "this is the REPL already"),
            ("b.plan", [], "in the REPL, type :load b.plan"),
            ("fmt", ["-w", "a.plan"], "the REPL has no command like it: type it in a shell"),
            ("deploy", [], nil),
        ]
        for (command, arguments, expected) in hints {
            let hint = ShellCommand.hint(command, arguments, loaded: ["a.plan"])
            #expect(hint == expected, "plan \(command)")
            guard let typed = hint?.split(separator: "type ").last, typed.hasPrefix(":") else { continue }
            for line in typed.components(separatedBy: ", then ") {
                guard case .success = REPLCommand.parse(line) else {
                    Issue.record("\(line) does not parse")
                    continue
                }
            }
        }
    }
}

/// The pieces under the terminal, one by one.
@Suite struct REPLCompletionTests {
    static func plan(skills: [String], goals: [String] = []) -> Plan {
        var plan = Plan()
        for name in skills {
            plan.add(Skill(name: Name(text: name, range: .none, quoted: true)))
        }
        for name in goals {
            plan.add(Goal(name: Name(text: name, range: .none, quoted: true)))
        }
        return plan
    }

    let completer = Completer(plan: plan(skills: ["project management", "programming", "rust"], goals: ["Lead a launch"]))

    @Test func aUniqueNameIsInsertedQuotedWhenItMustBe() {
        #expect(completer.complete("(skill proj") == Completion(replacing: 4, insertion: "\"project management\"", choices: []))
        #expect(completer.complete("(skill ru") == Completion(replacing: 2, insertion: "rust", choices: []))
        #expect(completer.complete("(goal Lea") == Completion(replacing: 3, insertion: "\"Lead a launch\"", choices: []))
    }

    @Test func severalMatchesAreListedAndTheirCommonPrefixInserted() {
        #expect(completer.complete("(skill pro") == Completion(replacing: 3, insertion: "pro",
                                                               choices: ["\"project management\"", "programming"]))
        #expect(completer.complete("go") == Completion(replacing: 2, insertion: "goal", choices: ["goal", "goals"]))
    }

    @Test func insideAStringNamesCompleteAndTheStringCloses() {
        #expect(completer.complete("needs skill \"project m") == Completion(replacing: 9, insertion: "project management\"", choices: []))
        #expect(completer.complete("skill \"pro") == Completion(replacing: 3, insertion: "pro", choices: ["programming", "project management"]))
    }

    @Test func keywordsFunctionsCommandsAndFields() {
        #expect(completer.complete("value family non-n") == Completion(replacing: 5, insertion: "non-negotiable ", choices: []))
        #expect(completer.complete("cou") == Completion(replacing: 3, insertion: "count(", choices: []))
        #expect(completer.complete(":rel") == Completion(replacing: 4, insertion: ":reload ", choices: []))
        #expect(completer.complete(":re") == Completion(replacing: 3, insertion: ":re", choices: [":reload", ":report", ":reset", ":review"]))
        #expect(completer.complete(":sa") == Completion(replacing: 3, insertion: ":save", choices: [":save", ":save!"]))
        #expect(completer.complete(":save!") == Completion(replacing: 6, insertion: ":save! ", choices: []))
        #expect(completer.complete("(goal \"Lead a launch\").day") == Completion(replacing: 3, insertion: "days_left", choices: []))
        // After a `.`, every field of anything: a goal's gap has `needed`.
        #expect(completer.complete("skills.nee") == Completion(replacing: 3, insertion: "need", choices: ["needed", "needed_by", "needs"]))
    }

    @Test func theCalendarFunctionsComplete() {
        #expect(completer.complete("months_b") == Completion(replacing: 8, insertion: "months_between(", choices: []))
        #expect(completer.complete("month_") == Completion(replacing: 6, insertion: "month_end(", choices: []))
        #expect(completer.complete("goals group by quarter_") == Completion(replacing: 8, insertion: "quarter_",
                                                                          choices: ["quarter_end", "quarter_start"]))
    }

    @Test func nothingToCompleteInACommentOrForAnUnknownWord() {
        #expect(completer.complete("1 # pro") == nil)
        #expect(completer.complete("zzz") == nil)
    }

    @Test func choicesAreListedInColumnsDownThenAcross() {
        #expect(Completer.listing(["a", "bb", "ccc", "dddd", "e"], width: 18) == "a     ccc   e\nbb    dddd")
        #expect(Completer.listing(["one", "two", "three"], width: 80, limit: 2) == "one  two\n... and 1 more")
    }
}

@Suite struct REPLInputTests {
    @Test func aLineThatEndsInsideAStringJoinsWithAnEscapedLineBreak() {
        var input = PendingInput()
        input.append("vision \"one")
        #expect(input.needsMore)
        input.append("two\"")
        #expect(input.text == "vision \"one\\ntwo\"")
        #expect(!input.needsMore)
    }

    @Test func anOpenBracketAsksForMoreAndJoinsWithANewline() {
        var input = PendingInput()
        input.append("count([1,")
        #expect(input.needsMore)
        input.append("2])")
        #expect(input.text == "count([1,\n2])")
        #expect(!input.needsMore)
    }

    @Test func quotesInCommentsAndEscapesDoNotOpenStrings() {
        #expect(!PendingInput.endsInsideString("1 # say \"hi"))
        #expect(!PendingInput.endsInsideString("\"a \\\" b\""))
        #expect(PendingInput.endsInsideString("\"a \\\\\" \"b"))
    }

    @Test func commandsParseWithTheirArguments() {
        #expect(REPLCommand.parse(":q") == .success(.quit))
        #expect(REPLCommand.parse("  :save  out.plan ") == .success(.save("out.plan", overwriting: false)))
        #expect(REPLCommand.parse(":save!") == .success(.save(nil, overwriting: true)))
        #expect(REPLCommand.parse(":save! out.plan") == .success(.save("out.plan", overwriting: true)))
        #expect(REPLCommand.parse(":load in.plan\r") == .success(.load("in.plan")))
        #expect(REPLCommand.parse(":export md my plan.md") == .success(.export(format: "md", file: "my plan.md")))
        #expect(REPLCommand.parse(":lod x") == .failure(.init(message: "unknown command :lod", hint: "did you mean :load?")))
        #expect(REPLCommand.parse(":load") == .failure(.init(message: ":load needs a file name", hint: ":load career.plan")))
        #expect(REPLCommand.parse(":check now") == .failure(.init(message: ":check takes no argument")))
    }

    @Test func historyLivesInTheXDGStateFolder() throws {
        let home = try PlanProcess()
        #expect(LineEditor.historyPath(environment: ["HOME": home.folder.path]) == home.folder.path + "/.local/state/plan/history")
        #expect(LineEditor.historyPath(environment: ["HOME": "/nonexistent", "XDG_STATE_HOME": home.folder.path + "/s"]) == home.folder.path + "/s/plan/history")
        #expect(FileManager.default.fileExists(atPath: home.folder.path + "/s/plan/history"))
        #expect(LineEditor.historyPath(environment: [:]) == nil)
    }
}

extension PlanProcess {
    /// The text of a file in this run's folder; nil when there is none.
    func contents(_ name: String) -> String? {
        try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
}
