import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// What `include` may read (docs/language.md, "include"): only files whose name ends in `.plan`,
/// refused before anything is read, and never a path holding NUL.
@Suite struct IncludeRulesTests {
    /// A reader that records every path it is asked for and serves any file
    /// from memory: a refusal must come before it is asked at all.
    final class Recorder: SourceReader, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        let files: [String: String]
        /// Symbolic links: a name and the real path it leads to.
        let links: [String: String]

        init(_ files: [String: String], links: [String: String] = [:]) {
            self.files = files
            self.links = links
        }

        var paths: [String] { lock.withLock { asked } }

        func read(_ path: String) -> Result<SourceText, ReadFailure> {
            lock.withLock { asked.append(path) }
            guard let text = files[path] else { return .failure(ReadFailure(reason: "no such file or directory")) }
            return .success(SourceText(bytes: Array(text.utf8), canonicalPath: "/" + path))
        }

        func realPath(_ path: String) -> Result<String, ReadFailure> {
            .success(links[path] ?? path)
        }
    }

    private func run(_ text: String, reader: Recorder) -> [String] {
        var interpreter = Interpreter(today: testToday, reader: reader)
        return interpreter.run(Source(name: "main.plan", text: text)).map {
            switch $0 {
            case .answer(let value, _, _): return show(value, in: interpreter.plan)
            case .diagnostic(let diagnostic): return "\(diagnostic.code.rawValue) \(diagnostic.message) | \(diagnostic.hint ?? "")"
            }
        }
    }

    @Test func onlyPlanFilesAreRead() {
        let reader = Recorder(["/etc/passwd": "root:x:0:0:root:/root:/bin/bash\n", "notes.txt": "goal \"A\"\n",
                               "t.plan": "goal \"T\"\n"])
        let lines = run("include \"/etc/passwd\"\ninclude \"notes.txt\"\ninclude \"/proc/self/environ\"\n"
                        + "include \"t.plan/\"\ninclude \"t.plan\"\ncount(goals)\n", reader: reader)
        let hint = "include reads only files whose name ends in .plan"
        #expect(lines == [
            "E040 cannot include /etc/passwd: only .plan files can be included | \(hint)",
            "E040 cannot include notes.txt: only .plan files can be included | \(hint)",
            "E040 cannot include /proc/self/environ: only .plan files can be included | \(hint)",
            "E040 cannot include t.plan/: only .plan files can be included | \(hint)",
            "1",
        ])
        #expect(reader.paths == ["t.plan"])
    }

    @Test func aPathHoldingNULIsAnError() {
        let reader = Recorder(["t.plan": "goal \"T\"\n"])
        let lines = run("include \"t.plan\\u{0}.x\"\ninclude \"t.plan\\u{0}\"\ncount(goals)\n", reader: reader)
        #expect(lines == [
            "E040 cannot include t.plan\u{0}.x: a file name cannot hold NUL | remove the \\u{0} from the path",
            "E040 cannot include t.plan\u{0}: a file name cannot hold NUL | remove the \\u{0} from the path",
            "0",
        ])
        #expect(reader.paths.isEmpty)
    }

    @Test func theCurrentFolderIsNamedAsWritten() {
        let reader = Recorder([:])
        let lines = run("include \".\"\ninclude \"./\"\ninclude \"\"\n", reader: reader)
        let hint = "include reads only files whose name ends in .plan"
        #expect(lines == [
            "E040 cannot include .: only .plan files can be included | \(hint)",
            "E040 cannot include ./: only .plan files can be included | \(hint)",
            "E040 cannot include : only .plan files can be included | \(hint)",
        ])
        #expect(reader.paths.isEmpty)
    }

    /// The rule judges the file a link leads to: `notes.plan` naming
    /// `/proc/self/environ` is refused, and nothing is read.
    @Test func aLinkToAFileNotAPlanIsRefused() {
        let reader = Recorder(["/proc/self/environ": "SECRET=1\n", "/real/t.plan": "goal \"T\"\n"],
                              links: ["notes.plan": "/proc/self/environ", "t.plan": "/real/t.plan"])
        let lines = run("include \"notes.plan\"\ninclude \"t.plan\"\ncount(goals)\n", reader: reader)
        #expect(lines == [
            "E040 cannot include notes.plan: it leads to /proc/self/environ, and only .plan files can be included"
                + " | include reads only files whose name ends in .plan",
            "1",
        ])
        #expect(reader.paths == ["/real/t.plan"])
    }

    /// A file included twice, under two names or one, runs once; the second
    /// `include` is an error naming the first.
    @Test func aFileIsIncludedOnce() {
        let reader = Recorder(["/real/t.plan": "goal \"T\"\n"], links: ["t.plan": "/real/t.plan", "again.plan": "/real/t.plan"])
        var interpreter = Interpreter(today: testToday, reader: reader)
        let outcomes = interpreter.run(Source(name: "main.plan", text: "include \"t.plan\"\ninclude \"again.plan\"\ncount(goals)\n"))
        let diagnostics = outcomes.compactMap { if case .diagnostic(let found) = $0 { return found } else { return nil } }
        #expect(diagnostics.map(\.message) == ["cannot include again.plan again: it is already part of the plan"])
        #expect(diagnostics.first?.range.start == 25)
        #expect(diagnostics.first?.notes.map(\.message) == ["first included here"])
        #expect(diagnostics.first?.notes.first?.range.start == 8)
        #expect(reader.paths == ["/real/t.plan"])
        #expect(interpreter.plan.goals.count == 1)
    }

    /// A file that could not be read is not part of the plan: including it
    /// again says again why it cannot be read.
    @Test func aFileThatCannotBeReadIsNotIncludedYet() {
        let reader = Recorder([:])
        let lines = run("include \"gone.plan\"\ninclude \"gone.plan\"\n", reader: reader)
        #expect(lines == ["E040 cannot include gone.plan: no such file or directory | ",
                          "E040 cannot include gone.plan: no such file or directory | "])
    }

    /// Each file includes the next twice: forty levels would be 2^40 runs
    /// if every include ran; each file is read once.
    @Test func anIncludeBombReadsEachFileOnce() {
        var files: [String: String] = [:]
        for level in 0..<40 {
            let next = "f\(level + 1).plan"
            files["f\(level).plan"] = "goal \"G\(level)\"\ninclude \"\(next)\"\ninclude \"\(next)\"\n"
        }
        files["f40.plan"] = "goal \"Last\"\n"
        let reader = Recorder(files)
        let lines = run("include \"f0.plan\"\ncount(goals)\n", reader: reader)
        #expect(lines.count == 41)
        #expect(lines.first == "E040 cannot include f40.plan again: it is already part of the plan | ")
        #expect(lines.last == "41")
        #expect(reader.paths.count == 41)
        #expect(Set(reader.paths).count == 41)
    }

    /// Past the bound on include statements, one error and the rest skipped.
    @Test func includeStatementsAreBounded() {
        let limit = IncludePaths.statementLimit
        let text = (0...(limit + 1)).map { "include \"m\($0).plan\"\n" }.joined()
        let reader = Recorder([:])
        let lines = run(text, reader: reader)
        #expect(lines.count == limit + 1)
        #expect(lines.last == "E040 cannot include m\(limit).plan: a plan may run at most \(limit) include statements; "
                    + "the rest are skipped | ")
        #expect(reader.paths.count == limit)
    }

    /// An included file that does not parse shows its lines up to its first
    /// syntax error, never one past it.
    @Test func noExcerptPastAnIncludedFilesFirstError() {
        let reader = Recorder(["keys.plan": "goal \"A\"\nssh-rsa AAAAfirst\nsecond line secret )\nthird line secret ]\n"])
        var interpreter = Interpreter(today: testToday, reader: reader)
        var shown = ""
        interpreter.run(Source(name: "main.plan", text: "include \"keys.plan\"\n")) { outcome, current in
            if case .diagnostic(let diagnostic) = outcome {
                shown += DiagnosticRenderer(sources: current.sources).render(diagnostic)
            }
        }
        #expect(shown.contains("keys.plan:2:"))
        #expect(shown.contains("2 | ssh-rsa AAAAfirst"))
        #expect(!shown.contains("keys.plan:3:"))
        #expect(!shown.contains("secret"))
        #expect(shown.hasSuffix("plan: error[E001]: keys.plan has 2 more syntax errors after line 2, not shown: "
                                + "an included file shows nothing past its first error\nhint: plan check keys.plan shows them all\n"))
    }
}
