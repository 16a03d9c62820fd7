import Testing
@testable import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// How argv becomes one Command, without running anything.
@Suite struct ArgumentsTests {
    private func parse(_ arguments: [String], terminal: Bool = false, environment: [String: String] = [:],
                       files: Set<String> = []) throws -> Invocation {
        try Arguments(environment: environment, stdinIsTerminal: terminal, fileExists: { files.contains($0) }).parse(arguments)
    }

    @Test func nothingMeansTheREPLOnATerminalAndStdinOtherwise() throws {
        #expect(try parse([], terminal: true).command == .repl(files: []))
        #expect(try parse([]).command == .run(files: ["-"], expressions: []))
        #expect(try parse(["--json"]).command == .run(files: ["-"], expressions: []))
        #expect(try parse(["-e", "1"], terminal: true).command == .run(files: [], expressions: ["1"]))
    }

    @Test func everyCommand() throws {
        #expect(try parse(["a.plan", "b.plan"]).command == .run(files: ["a.plan", "b.plan"], expressions: []))
        #expect(try parse(["notes"], files: ["notes"]).command == .run(files: ["notes"], expressions: []))
        #expect(try parse(["run", "a.plan", "-e", "x", "--", "-e"]).command == .run(files: ["a.plan", "-e"], expressions: ["x"]))
        #expect(try parse(["check", "a.plan", "b.plan"]).command == .check(files: ["a.plan", "b.plan"]))
        #expect(try parse(["fmt", "--write", "a.plan"]).command == .fmt(files: ["a.plan"], write: true, check: false))
        #expect(try parse(["fmt", "a.plan", "--check"]).command == .fmt(files: ["a.plan"], write: false, check: true))
        #expect(try parse(["report", "a.plan"]).command == .report(file: "a.plan"))
        #expect(try parse(["export", "a.plan", "--format=ics", "--output", "a.ics"]).command
                == .export(format: "ics", file: "a.plan", output: "a.ics"))
        #expect(try parse(["export", "--format", "svg", "a.plan"]).command == .export(format: "svg", file: "a.plan", output: nil))
        #expect(try parse(["repl", "a.plan"]).command == .repl(files: ["a.plan"]))
        #expect(try parse(["repl"]).command == .repl(files: []))
    }

    @Test func globalOptionsAnywhere() throws {
        let invocation = try parse(["check", "--strict", "a.plan", "--json", "--color", "always", "--today", "2027-06-30"])
        #expect(invocation == Invocation(command: .check(files: ["a.plan"]), json: true,
                                         today: Day(year: 2027, month: 6, day: 30), color: .always, strict: true))
    }

    @Test func todayFromTheOptionThenTheEnvironmentThenNothing() throws {
        #expect(try parse(["a.plan"]).today == nil)
        #expect(try parse(["a.plan"], environment: ["PLAN_TODAY": ""]).today == nil)
        #expect(try parse(["a.plan"], environment: ["PLAN_TODAY": "2027-01-02"]).today == Day(year: 2027, month: 1, day: 2))
        #expect(try parse(["a.plan", "--today", "2027-03-04"], environment: ["PLAN_TODAY": "bad"]).today
                == Day(year: 2027, month: 3, day: 4))
    }

    @Test func usageErrors() {
        #expect(throws: UsageError(description: "unknown command or file \"chekc\"; did you mean check?")) {
            try parse(["chekc"])
        }
        #expect(throws: UsageError(description: "option -e needs a value")) { try parse(["-e"]) }
        #expect(throws: UsageError(description: "unknown option -x")) { try parse(["-x", "a.plan"]) }
        // The same value twice is still twice: neither is quietly dropped.
        #expect(throws: UsageError(description: "--today is given twice")) {
            try parse(["a.plan", "--today", "2027-01-01", "--today=2027-01-01"])
        }
        // The first problem on the line is the one reported.
        #expect(throws: UsageError(description: "unknown option -x")) {
            try parse(["-x", "--color", "never", "--color", "never", "a.plan"])
        }
    }

    @Test func repeatableOptionsAndHelpStillWinOverATwiceGivenOption() throws {
        #expect(try parse(["-e", "1", "-e", "2"]).command == .run(files: [], expressions: ["1", "2"]))
        #expect(try parse(["--json", "--json", "a.plan"]).json)
        #expect(try parse(["-o", "x", "-o", "y", "--help"]).command == .help(command: nil))
    }

    @Test func helpForOneCommandOrForAll() throws {
        #expect(try parse(["help"]).command == .help(command: nil))
        #expect(try parse(["help", "run"]).command == .help(command: "run"))
        #expect(try parse(["help", "help"]).command == .help(command: nil))
        #expect(try parse(["export", "--help"]).command == .help(command: "export"))
        #expect(try parse(["--help", "fmt", "a.plan"]).command == .help(command: "fmt"))
        #expect(try parse(["a.plan", "-h"]).command == .help(command: nil))
    }

    @Test func quietIsAnOptionOfTheCommandsThatShowWarnings() throws {
        #expect(try parse(["run", "a.plan"]).quiet == false)
        #expect(try parse(["run", "-q", "a.plan"]).quiet)
        #expect(try parse(["report", "a.plan", "--quiet"]).quiet)
        #expect(try parse(["check", "-q", "a.plan"]).quiet)
        #expect(try parse(["export", "-q", "--format", "md", "a.plan"]).quiet)
        #expect(try parse(["repl", "--quiet", "a.plan"]).quiet)
        #expect(throws: UsageError(description: "option -q is not for fmt: it hides the warnings of run, check, report, agenda, review, export and repl")) {
            try parse(["fmt", "-q", "a.plan"])
        }
    }

    @Test func aMistypedWordSuggestsAFileInTheFolderItNames() {
        let folders: [String: [String]] = [".": ["marcus.plan", "marcus.pl", "check.txt"], "old/": ["career.plan"]]
        let arguments = Arguments(filesIn: { folders[$0] ?? [] })
        #expect(throws: UsageError(description: "unknown command or file \"marcus.pln\"; did you mean marcus.plan?")) {
            try arguments.parse(["marcus.pln"])
        }
        #expect(throws: UsageError(description: "unknown command or file \"old/carer\"; did you mean old/career.plan?")) {
            try arguments.parse(["old/carer"])
        }
        // A bare word is first taken for a command, a word with a dot for a file.
        #expect(throws: UsageError(description: "unknown command or file \"chek\"; did you mean check?")) {
            try arguments.parse(["chek"])
        }
        #expect(throws: UsageError(description: "unknown command or file \"check.tx\"; did you mean check.txt?")) {
            try arguments.parse(["check.tx"])
        }
    }
}
