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
                     "--version", "Exit status"] {
            #expect(result.stdout.contains(word), "help lacks \(word)")
        }
        #expect(try plan.run(["-h"]).stdout == result.stdout)
        #expect(try plan.run(["help"]).stdout == result.stdout)
        #expect(try plan.run(["report", "--bogus", "--help"]).stdout == result.stdout)
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
        (["export", "a.plan"], "export needs --format (json, md, ics, dot, svg)"),
        (["export", "--format", "jsn", "a.plan"], "unknown export format \"jsn\"; formats: json, md, ics, dot, svg; did you mean json?"),
        (["export", "--format=pdf", "a.plan"], "unknown export format \"pdf\"; formats: json, md, ics, dot, svg"),
        (["--today", "2027-02-30", "a.plan"], "--today \"2027-02-30\" is not a date: February 2027 has 28 days, not 30"),
        (["--today", "2027-06", "a.plan"], "--today \"2027-06\" is not a day: write it YYYY-MM-DD"),
        (["--today", "2027-Q2", "a.plan"], "--today \"2027-Q2\" is not a day: write it YYYY-MM-DD"),
        (["--today"], "option --today needs a value"),
        (["--json=yes", "a.plan"], "option --json takes no value"),
        (["--color", "blue", "a.plan"], "--color takes auto, always or never, not \"blue\""),
        (["check", "a.plan", "-e", "1"], "option -e is only for run"),
        (["report", "a.plan", "--strict"], "option --strict is only for check and run"),
        (["check", "a.plan", "-w"], "option -w is only for fmt"),
        (["run", "a.plan", "-o", "x"], "option -o is only for export"),
        (["export", "a.plan", "--format", "md", "-o", "x", "-o", "y"], "-o is given twice"),
        (["export", "a.plan", "--output=x", "-o", "y", "--format", "md"], "-o is given twice"),
        (["export", "a.plan", "--format", "md", "--format", "json"], "--format is given twice"),
        (["a.plan", "--today", "2027-01-01", "--today", "2027-01-02"], "--today is given twice"),
        (["a.plan", "--color", "never", "--color=always"], "--color is given twice"),
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
            "message":"cannot read x.plan: no such file or directory","hint":null}

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
