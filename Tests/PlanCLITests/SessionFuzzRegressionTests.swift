import Foundation
import Testing

/// Every REPL session that once failed the REPL fuzz target
/// (Fuzz/REPLScriptTarget.swift: a crash, a trap, or a control character
/// reaching the output raw) is piped into `plan repl` again. It runs in a
/// folder holding copies of the samples, as the target's private folder
/// does, so that its `:load coaching.plan` finds the file; the inputs kept
/// name plain file names only (`:save new.plan`), so what they write stays
/// in that folder. The session must end by itself, with status 0 or 1, and
/// nothing raw on either stream (the tab and CR LF are layout).
@Suite struct SessionFuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("SessionFuzzRegressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func thereAreRegressionInputs() {
        #expect(!SessionFuzzRegressionTests.inputs.isEmpty)
    }

    @Test(arguments: SessionFuzzRegressionTests.inputs)
    func runsCleanly(_ name: String) throws {
        let plan = try PlanProcess()
        let samples = PlanProcess.samplesFolder
        for entry in try FileManager.default.contentsOfDirectory(atPath: samples.path) {
            let source = samples.appendingPathComponent(entry)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: source.path, isDirectory: &isFolder)
            if entry.hasSuffix(".plan") || isFolder.boolValue {
                try FileManager.default.copyItem(at: source, to: plan.folder.appendingPathComponent(entry))
            }
        }
        let script = try Data(contentsOf: SessionFuzzRegressionTests.folder.appendingPathComponent(name))
        let run = try plan.run(["repl", "--today", "2026-11-25"], stdinBytes: script)
        #expect(!run.timedOut)
        #expect(run.status == 0 || run.status == 1, "ended with \(run.status): \(run.stderr.suffix(2000))")
        func raw(_ text: String) -> [Unicode.Scalar] {
            let scalars = Array(text.unicodeScalars)
            return scalars.indices.filter { index in
                let scalar = scalars[index]
                if scalar == "\r" { return index + 1 == scalars.count || scalars[index + 1] != "\n" }
                return !"\n\t".unicodeScalars.contains(scalar) && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
            }.map { scalars[$0] }
        }
        #expect(raw(run.stdout).isEmpty, "raw in stdout: \(raw(run.stdout))")
        #expect(raw(run.stderr).isEmpty, "raw in stderr: \(raw(run.stderr))")
    }
}
