import Foundation
import Testing

/// A plan cannot drive the terminal (docs/cli.md, "Limits and writes"): every control character that
/// comes from a plan or a path reaches people escaped (`\u{1B}`), in
/// messages, answers, tables and the report; `--json` escapes as JSON does.
@Suite(.serialized) struct ControlCharacterTests {
    private let plan: PlanProcess
    private var folder: URL { plan.folder }

    init() throws {
        plan = try PlanProcess()
    }

    /// Every control character but the line breaks of the output's own layout.
    private func raw(_ text: String) -> [Unicode.Scalar] {
        text.unicodeScalars.filter { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    private let hostile = """
        vision "Lead\\u{1B}[2J"
        value "fam\\u{1B}[31mily" priority 1 note "bell\\u{7}\\u{9B}"
        skill "s\\u{1B}]0;title\\u{7}" level 1 target 3
        goal "G\\u{1B}[5m" needs skill "s\\u{1B}]0;title\\u{7}" serves "fam\\u{1B}[31mily" by 2026-10 role "r\\u{8}"
            impact "i\\u{1B}c"
        mentor "M\\u{1B}" helps "s\\u{1B}]0;title\\u{7}" note "n\\u{1B}"
        "a\\u{1B}[31mb"
        goals
        skills select name
        goals group by name
        (goal "G\\u{1B}[5m").nmae

        """

    @Test func answersAndMessagesAreEscaped() throws {
        try Data((hostile + "include \"\\u{1B}[31mRED\"\n").utf8).write(to: folder.appendingPathComponent("h.plan"))
        let run = try plan.run(["run", "--color", "never", "--today", "2026-11-25", "h.plan"])
        #expect(raw(run.stdout).isEmpty)
        #expect(raw(run.stderr).isEmpty)
        #expect(run.stdout.hasPrefix("a\\u{1B}[31mb\n\nname        due         status  serves            gap\n"))
        #expect(run.stdout.contains("G\\u{1B}[5m  2026-10-31  open    fam\\u{1B}[31mily  s\\u{1B}]0;title\\u{7}\n"))
        #expect(run.stdout.contains("[\"s\\u{1B}]0;title\\u{7}\"]"))
        #expect(run.stdout.contains("G\\u{1B}[5m:\n"))
        #expect(run.stderr.contains("h.plan:12:9: error[E040]: cannot include \\u{1B}[31mRED: only .plan files can be included\n"))
        #expect(run.stderr.contains("12 | include \"\\u{1B}[31mRED\"\n   |         ^^^^^^^^^^^^^^^ include reads"))
    }

    @Test func theReportAndTheMarkdownExportAreEscaped() throws {
        // The declarations alone: an error in a question would block the report.
        let declarations = hostile.split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
        try Data(declarations.utf8).write(to: folder.appendingPathComponent("h.plan"))
        let report = try plan.run(["report", "--color", "never", "--today", "2026-11-25", "h.plan"])
        #expect(raw(report.stdout).isEmpty)
        #expect(report.stdout.contains("  Lead\\u{1B}[2J\n"))
        #expect(report.stdout.contains("  1. fam\\u{1B}[31mily\n     bell\\u{7}\\u{9B}\n"))
        let markdown = try plan.run(["export", "--format", "md", "--today", "2026-11-25", "h.plan"])
        #expect(raw(markdown.stdout).isEmpty)
        #expect(markdown.stdout.contains("| 1 | fam\\\\u{1B}\\[31mily |  | bell\\\\u{7}\\\\u{9B} |"))
    }

    /// Found by the REPL fuzz target (Fuzz/REPLScriptTarget.swift): the DOT
    /// export wrote NUL and ESC raw, the calendar and the SVG let DEL and the
    /// C1 controls through; each is printed on a terminal by `-` as well.
    @Test func exportsCarryNoRawControlCharacters() throws {
        let declarations = hostile.split(separator: "\n").prefix(6).joined(separator: "\n") + "\n"
        let milestone = "milestone \"M\\u{0}\\u{85}\\u{7F}\" for \"G\\u{1B}[5m\" by 2026-12-01\n"
        try Data((declarations + milestone).utf8).write(to: folder.appendingPathComponent("h.plan"))
        for format in ["json", "md", "ics", "dot", "svg"] {
            let export = try plan.run(["export", "--format", format, "--today", "2026-11-25", "h.plan"])
            #expect(export.status == 0, "\(format): \(export.stderr)")
            // The tab and the calendar's CR LF are layout, not terminal commands.
            #expect(raw(export.stdout).filter { $0 != "\r" && $0 != "\t" }.isEmpty, "\(format)")
            if format == "dot" {
                #expect(export.stdout.contains(#""goal:G\\u{1B}[5m""#))
                #expect(export.stdout.contains(#"label="M\\u{0}\\u{85}\\u{7F}"#))
            }
        }
    }

    /// What a REPL command line carries (a help topic, a file name) is shown
    /// escaped in the messages about it.
    @Test func replMessagesAreEscaped() throws {
        let script = ":help \u{1B}[31mX\n:save a\u{1B}[5m.plan\n:export \u{1B}x -\n:agenda \u{1B}\n"
        let run = try plan.run(["repl"], stdin: script)
        #expect(raw(run.stdout).isEmpty)
        #expect(raw(run.stderr).isEmpty)
        #expect(run.stderr.contains("error: no help on \\u{1B}[31mX"))
        #expect(run.stderr.contains("saved a\\u{1B}[5m.plan\n"))
        #expect(run.stderr.contains("error: unknown format \"\\u{1B}x\""))
    }

    @Test func pathsInMessagesAreEscaped() throws {
        let name = "x\u{1B}[31m.plan"
        try Data("goal \"A\" by 2026-12 2027\n".utf8).write(to: folder.appendingPathComponent(name))
        let check = try plan.run(["check", "--color", "never", name])
        #expect(raw(check.stderr).isEmpty)
        #expect(check.stderr.hasPrefix("x\\u{1B}[31m.plan:1:21: error[E001]"))
        let format = try plan.run(["fmt", "--check", name])
        #expect(raw(format.stderr).isEmpty)
        let missing = try plan.run(["check", "no\u{1B}[31m.plan"])
        #expect(missing.stderr.hasPrefix("plan: error[E040]: cannot read no\\u{1B}[31m.plan: no such file or directory\n"))
        let unknown = try plan.run(["\u{1B}[31mx"])
        #expect(raw(unknown.stderr).isEmpty)
        #expect(unknown.stderr.hasPrefix("plan: error: "))
        let format2 = try plan.run(["export", "--format", "\u{1B}x", "a.plan"])
        #expect(raw(format2.stderr).isEmpty)
    }

    @Test func jsonEscapesAsJSONDoes() throws {
        try Data("\"a\\u{1B}b\\u{9B}\"\ngoal \"G\\u{7F}\" by 2026-12\n".utf8).write(to: folder.appendingPathComponent("j.plan"))
        let run = try plan.run(["run", "--json", "--today", "2026-11-25", "j.plan"])
        #expect(run.stdout == "\"a\\u001bb\\u009b\"\n")
        #expect(raw(run.stderr).isEmpty)
        #expect(run.stderr.contains("\"message\":\"goal \\\"G\\\\u{7F}\\\" serves no value\""))
    }

    /// Invisible characters that reorder a line (U+202E, U+2066) or break it
    /// for some readers (U+2028) reach people spelt out, in answers,
    /// messages and excerpts; `--json` writes them as `\u202e`, `\u2028`.
    @Test func bidiControlsAndLineSeparatorsAreEscaped() throws {
        let text = "goal \"admin\u{202E}\u{2066}txt\u{2069}\" by 2027-06\n"
            + "value \"a\u{2028}b\u{200F}\" priority 1\n"
            + "goals select name\n(goal \"admin\u{202E}\u{2066}txt\u{2069}\").nmae\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("b.plan"))
        let hidden: [Unicode.Scalar] = ["\u{202E}", "\u{2066}", "\u{2069}", "\u{2028}", "\u{200F}"]
        let run = try plan.run(["run", "--color", "never", "--today", "2026-11-25", "b.plan", "-e", "values select name"])
        #expect(!(run.stdout + run.stderr).unicodeScalars.contains { hidden.contains($0) })
        #expect(run.stdout.contains(#"admin\u{202E}\u{2066}txt\u{2069}"#))
        #expect(run.stdout.contains(#"a\u{2028}b\u{200F}"#))
        #expect(run.stderr.contains(#"4 | (goal "admin\u{202E}\u{2066}txt\u{2069}").nmae"#))
        let json = try plan.run(["run", "--json", "--today", "2026-11-25", "b.plan", "-e", "values select name"])
        #expect(!json.stdout.unicodeScalars.contains { hidden.contains($0) })
        #expect(json.stdout.contains(#"a\u2028b\u200f"#))
        #expect(json.stdout.contains(#"admin\u202e\u2066txt\u2069"#))
    }

    /// `plan fmt FILE` keeps a comment's characters as written; on a terminal
    /// they are spelt out, into a pipe they go raw, as `fmt -w` writes them.
    @Test func fmtSpellsOutACommentsRawCharactersOnlyOnATerminal() throws {
        let text = "# note \u{1B}[2J \u{202E}reversed\r here\nvalue v\n"
        try Data(text.utf8).write(to: folder.appendingPathComponent("c.plan"))
        let terminal = try plan.runOnTerminal(["fmt", "c.plan"])
        #expect(terminal == #"# note \u{1B}[2J \u{202E}reversed\u{D} here"# + "\nvalue v\n")
        let piped = try plan.run(["fmt", "c.plan"])
        #expect(piped.status == 0)
        #expect(piped.stdout == "# note \u{1B}[2J \u{202E}reversed\r here\nvalue v\n")
        let rewrite = try plan.run(["fmt", "-w", "c.plan"])
        #expect(rewrite.status == 0)
        #expect(try Data(contentsOf: folder.appendingPathComponent("c.plan")) == Data(piped.stdout.utf8))
    }
}
