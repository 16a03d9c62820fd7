import Foundation
import Testing
@testable import PlanKit

/// What `include` may read (SPEC 14): only files whose name ends in `.plan`,
/// refused before anything is read, and never a path holding NUL.
@Suite struct IncludeRulesTests {
    /// A reader that records every path it is asked for and serves any file
    /// from memory: a refusal must come before it is asked at all.
    final class Recorder: SourceReader, @unchecked Sendable {
        private let lock = NSLock()
        private var asked: [String] = []
        let files: [String: String]

        init(_ files: [String: String]) { self.files = files }

        var paths: [String] { lock.withLock { asked } }

        func read(_ path: String) -> Result<SourceText, ReadFailure> {
            lock.withLock { asked.append(path) }
            guard let text = files[path] else { return .failure(ReadFailure(reason: "no such file or directory")) }
            return .success(SourceText(bytes: Array(text.utf8), canonicalPath: "/" + path))
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
}
