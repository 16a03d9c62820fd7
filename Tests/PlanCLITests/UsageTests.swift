import Foundation
import Testing

/// The command line itself: help, version, options and wrong usage, none of
/// which needs a plan to be loaded.
@Suite struct UsageTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    private let pointer = "Run 'plan --help' to see every command and option.\n"

    @Test func versionAnywhere() throws {
        for arguments in [["--version"], ["version"], ["check", "x.plan", "--version"]] {
            let result = try plan.run(arguments)
            #expect(result.stdout == "plan 0.1.0\n")
            #expect(result.stderr == "")
            #expect(result.status == 0)
        }
    }

    @Test func helpNamesEveryCommandAndOption() throws {
        let result = try plan.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        for word in ["plan run FILE...", "plan check FILE...", "plan fmt", "plan report FILE", "plan export --format F FILE",
                     "plan repl", "--json", "--today YYYY-MM-DD", "--color auto|always|never", "NO_COLOR", "PLAN_TODAY",
                     "-e EXPR", "--strict", "-w, --write", "--check", "--format F", "-o, --output OUT", "-h, --help",
                     "--version", "Exit status", "-q, --quiet", "plan help [COMMAND]"] {
            #expect(result.stdout.contains(word), "help lacks \(word)")
        }
        #expect(try plan.run(["-h"]).stdout == result.stdout)
        #expect(try plan.run(["help"]).stdout == result.stdout)
        #expect(try plan.run(["help", "help"]).stdout == result.stdout)
        #expect(try plan.run(["help", "--help"]).stdout == result.stdout)
        #expect(try plan.run(["career.plan", "--help"]).stdout == result.stdout)
    }

    /// `plan help run` and `plan run --help`: that command's usage, options
    /// and an example, for every command.
    @Test(arguments: ["run", "check", "fmt", "report", "export", "repl", "version"])
    func eachCommandHasItsOwnHelp(command: String) throws {
        let result = try plan.run(["help", command])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.hasPrefix("Usage: plan \(command)"))
        #expect(result.stdout.contains("\nExample:\n  plan \(command == "version" ? "version" : command + " ")"))
        #expect(result.stdout.hasSuffix("\nplan --help lists every command and the options they share (--today, --color).\n"))
        if command != "version" { #expect(result.stdout.contains("\nOptions:\n  -")) }
        #expect(try plan.run([command, "--help"]).stdout == result.stdout)
        #expect(try plan.run([command, "-h", "--bogus", "x.plan"]).stdout == result.stdout)
        #expect(result.stdout != (try plan.run(["--help"])).stdout)
    }

    @Test func runHelp() throws {
        #expect(try plan.run(["run", "--help"]).stdout == """
            Usage: plan run FILE... [-e EXPR]... [--strict] [-q] [--json]
                   plan FILE...

            Loads the files in order, printing the answer to each question as it
            comes, then runs each -e statement, then the checks. A FILE of - is stdin.
            Exit status 1 when the plan has errors (warnings too with --strict).

            Options:
              -e EXPR        run the statement EXPR after the files (repeatable)
              --strict       warnings fail too
              -q, --quiet    hide warnings (errors always show; --strict shows them)
              --json         each answer as one JSON value per line

            Example:
              plan run career.plan -e 'goals where due < today + 6 months sort by due'

            plan --help lists every command and the options they share (--today, --color).

            """)
    }

    /// A word that is neither a command nor a file: the nearest file in the
    /// folder it names, a `.plan` one first, else the nearest command.
    @Test func aMistypedFileNameSuggestsTheNearestFile() throws {
        try plan.write("marcus.plan", "value family\n")
        try plan.write("marcus.plx", "")
        try plan.write("notes.txt", "")
        try FileManager.default.createDirectory(at: plan.folder.appendingPathComponent("old"), withIntermediateDirectories: true)
        try plan.write("old/career.plan", "")
        let cases = [
            ("marcus.pln", "unknown command or file \"marcus.pln\"; did you mean marcus.plan?"),
            ("marcus", "unknown command or file \"marcus\"; did you mean marcus.plan?"),
            ("notes.tx", "unknown command or file \"notes.tx\"; did you mean notes.txt?"),
            ("old/carer.pln", "unknown command or file \"old/carer.pln\"; did you mean old/career.plan?"),
            ("./marcus.pln", "unknown command or file \"./marcus.pln\"; did you mean ./marcus.plan?"),
            ("rpl", "unknown command or file \"rpl\"; did you mean repl?"),
            ("nothing/marcus.pln", "unknown command or file \"nothing/marcus.pln\""),
            ("zebra.pln", "unknown command or file \"zebra.pln\""),
        ]
        for (word, message) in cases {
            let result = try plan.run([word])
            #expect(result.stderr == "plan: error: \(message)\n" + pointer, "\(word)")
            #expect(result.status == 2)
        }
    }

    @Test(arguments: [
        (["chek", "x"], "unknown command or file \"chek\"; did you mean check?"),
        (["--jsn"], "unknown option --jsn; did you mean --json?"),
        (["run"], "run needs a file or -e EXPR"),
        (["check"], "check needs at least one file"),
        (["fmt"], "fmt needs at least one file"),
        (["fmt", "-w", "--check", "a.plan"], "fmt takes -w or --check, not both"),
        (["report"], "report takes exactly one file"),
        (["report", "a.plan", "b.plan"], "report takes exactly one file"),
        (["export", "a.plan"], "export needs --format (json, md, ics, dot, svg, html)"),
        (["export", "--format", "jsn", "a.plan"], "unknown export format \"jsn\"; formats: json, md, ics, dot, svg, html; did you mean json?"),
        (["export", "--format=pdf", "a.plan"], "unknown export format \"pdf\"; formats: json, md, ics, dot, svg, html"),
        (["--today", "2027-02-30", "a.plan"], "--today \"2027-02-30\" is not a date: February 2027 has 28 days, not 30"),
        (["--today", "2027-06", "a.plan"], "--today \"2027-06\" is not a day: write it YYYY-MM-DD"),
        (["--today", "2027-Q2", "a.plan"], "--today \"2027-Q2\" is not a day: write it YYYY-MM-DD"),
        (["--today"], "option --today needs a value"),
        (["--json=yes", "a.plan"], "option --json takes no value"),
        (["--color", "blue", "a.plan"], "--color takes auto, always or never, not \"blue\""),
        (["check", "a.plan", "-e", "1"], "option -e is only for run"),
        (["report", "a.plan", "--strict"], "option --strict is only for check and run"),
        (["fmt", "a.plan", "-q"], "option -q is not for fmt: it hides the warnings of run, check, report, agenda, review, export and repl"),
        (["help", "nope"], "no help for \"nope\": it is not a command"),
        (["help", "rn"], "no help for \"rn\": it is not a command; did you mean run?"),
        (["help", "run", "check"], "help takes at most one command"),
        (["check", "a.plan", "-w"], "option -w is only for fmt"),
        (["run", "a.plan", "-o", "x"], "option -o is only for export and practice"),
        (["export", "a.plan", "--format", "md", "-o", "x", "-o", "y"], "-o is given twice"),
        (["export", "a.plan", "--output=x", "-o", "y", "--format", "md"], "-o is given twice"),
        (["export", "a.plan", "--format", "md", "--format", "json"], "--format is given twice"),
        (["a.plan", "--today", "2027-01-01", "--today", "2027-01-02"], "--today is given twice"),
        (["a.plan", "--color", "never", "--color=always"], "--color is given twice"),
        (["export", "--format", "md", "a.plan", "-o", ""], "-o needs a file name (or - for stdout)"),
        (["agenda", "--days", "s.plan"], "--days takes a whole number of days from 1 to 3660, not \"s.plan\""),
        (["repl", "-"], "repl reads what you type from stdin, so it cannot load a plan from - too; "
                        + "name the plan's file, or pipe the plan to plan run -"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try plan.run(arguments)
        #expect(result.stderr == "plan: error: \(message)\n" + pointer)
        #expect(result.stdout == "")
        #expect(result.status == 2)
    }

    @Test func badPlanTodayIsAUsageError() throws {
        let result = try plan.run(["-e", "today"], environment: ["PLAN_TODAY": "tomorrow"])
        #expect(result.stderr == "plan: error: PLAN_TODAY \"tomorrow\" is not a day: write it YYYY-MM-DD\n" + pointer)
        #expect(result.status == 2)
    }

    @Test func missingFileIsAnErrorNotAUsageError() throws {
        let result = try plan.run(["check", "x.plan"])
        #expect(result.stderr == "plan: error[E040]: cannot read x.plan: no such file or directory\n")
        #expect(result.stdout == "")
        #expect(result.status == 1)

        let json = try plan.run(["check", "--json", "x.plan"])
        #expect(json.stdout == """
            {"file":null,"line":null,"column":null,"end_line":null,"end_column":null,"severity":"error","code":"E040",\
            "message":"cannot read x.plan: no such file or directory","hint":null,"fix":null}

            """)
        #expect(json.stderr == "")
        #expect(json.status == 1)

        let implicit = try plan.run(["x.plan"])
        #expect(implicit.stderr == "plan: error[E040]: cannot read x.plan: no such file or directory\n")
        #expect(implicit.status == 1)
    }

    @Test func folderIsNotAPlan() throws {
        try FileManager.default.createDirectory(at: plan.folder.appendingPathComponent("dir.plan"), withIntermediateDirectories: true)
        let result = try plan.run(["run", "dir.plan"])
        #expect(result.stderr == "plan: error[E040]: cannot read dir.plan: it is a folder\n")
        #expect(result.status == 1)
    }

    @Test func colorOnlyWhenAskedOrOnATerminal() throws {
        let plain = "plan: error[E040]: cannot read x.plan: no such file or directory\n"
        let colored = "\u{1B}[1mplan:\u{1B}[0m \u{1B}[1;31merror[E040]\u{1B}[0m\u{1B}[1m: cannot read x.plan: no such file or directory\u{1B}[0m\n"
        #expect(try plan.run(["check", "x.plan"]).stderr == plain)
        #expect(try plan.run(["check", "x.plan", "--color", "never"]).stderr == plain)
        #expect(try plan.run(["check", "x.plan", "--color=always"]).stderr == colored)
        #expect(try plan.run(["check", "x.plan", "--color", "always"], environment: ["NO_COLOR": "1"]).stderr == colored)

        #expect(try plan.runOnTerminal(["check", "x.plan"]) == colored)
        #expect(try plan.runOnTerminal(["check", "x.plan"], environment: ["NO_COLOR": "1"]) == plain)
        #expect(try plan.runOnTerminal(["check", "x.plan"], environment: ["NO_COLOR": ""]) == colored)
        #expect(try plan.runOnTerminal(["check", "x.plan", "--color", "never"]) == plain)
    }

    /// The report is colored for the terminal it is shown on, and plain when
    /// stdout goes to a file even though stderr is still the terminal.
    @Test func reportColorFollowsStdout() throws {
        try plan.write("v.plan", "vision \"Ship tools people love\"\n")
        let shown = try plan.runOnTerminal(["report", "--today", "2026-11-25", "v.plan"])
        #expect(shown.contains("\u{1B}[36mVISION\u{1B}[0m\n  Ship tools people love\n"))
        #expect(try plan.runOnTerminal(["report", "--today", "2026-11-25", "v.plan"], stdoutFile: "report.txt") == "")
        let saved = try String(contentsOf: plan.folder.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(saved.hasPrefix("Career plan as of 2026-11-25\n\nVISION\n  Ship tools people love\n"))
    }

    @Test func doubleDashEndsOptions() throws {
        let result = try plan.run(["check", "--", "--strict.plan"])
        #expect(result.stderr == "plan: error[E040]: cannot read --strict.plan: no such file or directory\n")
        #expect(result.status == 1)
    }

    @Test func anExistingFileRunsWithoutTheRunWord() throws {
        try plan.write("notes", "vision \"x\"\n\"hello\"\n")
        let result = try plan.run(["notes"])
        #expect(result.stdout == "hello\n")
        #expect(result.status == 0)
    }
}

/// A file name with a typo gets the name of the file beside it it most
/// likely meant, on the command line and in an `include`.
@Suite struct MisspeltFileTests {
    @Test func aMissingFileNamesTheNearestFileBesideIt() throws {
        let plan = try PlanProcess()
        _ = try plan.write("career.plan", "vision \"v\"\n")
        _ = try plan.write("main.plan", "include \"careeer.plan\"\n")
        let result = try plan.run(["check", "careeer.plan"])
        #expect(result.stderr == "plan: error[E040]: cannot read careeer.plan: no such file or directory\nhint: did you mean career.plan?\n")
        let included = try plan.run(["check", "main.plan"])
        #expect(included.stderr.contains("did you mean career.plan?"), "\(included.stderr)")
    }
}
