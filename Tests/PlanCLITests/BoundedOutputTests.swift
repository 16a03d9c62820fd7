import Foundation
import Testing

/// Outputs in proportion to what they say: a file repeating one mistake
/// shows it 100 times and counts the rest, as a piped session does, and the
/// JSON export, written as it is made, is the same bytes it always was.
@Suite struct BoundedOutputTests {
    /// `value a` declared once, then `count` times more: one E020 each.
    private static func duplicates(_ count: Int) -> String {
        String(repeating: "value a\n", count: count + 1)
    }

    @Test func checkShowsAHundredOfOneCodeThenCountsTheRest() throws {
        let plan = try PlanProcess()
        try plan.write("dup.plan", Self.duplicates(250))
        let result = try plan.run(["check", "--color", "never", "dup.plan"])
        let first = """
            dup.plan:2:7: error[E020]: value "a" is already declared
              |
            2 | value a
              |       ^ to change it, write update value "a" ...; to ask about it, write (value "a")
            dup.plan:1:7: note: first declared here
              |
            1 | value a
              |       ^

            """
        let last = """
            dup.plan:1:7: warning[W008]: no goal serves value "a"
              |
            1 | value a
              |       ^ add serves a to the goals that honour it
            note: 150 more error[E020] not shown (the first 100 are)

            """
        #expect(result.stderr.hasPrefix(first))
        #expect(result.stderr.components(separatedBy: "error[E020]: value").count - 1 == 100)
        #expect(result.stderr.contains("dup.plan:101:7: error[E020]"))
        #expect(!result.stderr.contains("dup.plan:102:7: error[E020]"))
        #expect(result.stderr.hasSuffix(last))
        #expect(result.stdout == "")
        #expect(result.status == 1)
    }

    /// With --json stdout holds only diagnostics, one a line; the count goes to stderr.
    @Test func checkJSONShowsAHundredAndCountsTheRestOnStderr() throws {
        let plan = try PlanProcess()
        try plan.write("dup.plan", Self.duplicates(101))
        let result = try plan.run(["check", "--json", "dup.plan"])
        let lines = result.stdout.split(separator: "\n")
        // And the two warnings of the plan: no vision, no goal serves "a".
        #expect(lines.count == 102)
        #expect(lines.filter { $0.contains(#""code":"E020""#) }.count == 100)
        #expect(lines.suffix(2).map { $0.contains(#""code":"W00"#) } == [true, true])
        #expect(result.stderr == "note: 1 more error[E020] not shown (the first 100 are)\n")
        #expect(result.status == 1)
    }

    /// Up to 100 of a code nothing is counted, and the exit status still
    /// says whether a hidden diagnostic was an error.
    @Test func checkOfAHundredDuplicatesShowsThemAll() throws {
        let plan = try PlanProcess()
        try plan.write("dup.plan", Self.duplicates(100))
        let result = try plan.run(["check", "--json", "dup.plan"])
        #expect(result.stdout.split(separator: "\n").count == 102)
        #expect(result.stderr == "")
        #expect(result.status == 1)
    }

    static func sampleNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PlanProcess.samplesFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }.sorted()
    }

    @Test func everySampleHasItsJSONExport() {
        #expect(Self.sampleNames() == ["balance", "coaching", "drifted", "intersection", "product-launch", "realigned", "rhythm"])
    }

    /// `Samples/NAME.json` was written by the export before it streamed;
    /// to stdout and to a file alike it must give those bytes.
    @Test(arguments: BoundedOutputTests.sampleNames())
    func jsonExportIsTheSameBytesStreamed(name: String) throws {
        let expected = try String(contentsOf: PlanProcess.samplesFolder.appendingPathComponent("\(name).json"), encoding: .utf8)
        let plan = try PlanProcess()
        let printed = try plan.run(["export", "--format", "json", "--today", "2026-11-25", "Samples/\(name).plan"],
                                   in: PlanProcess.packageRoot)
        #expect(printed.stdout == expected)
        #expect(printed.status == 0)
        let file = plan.folder.appendingPathComponent("out.json").path
        let written = try plan.run(["export", "--format", "json", "--today", "2026-11-25", "-o", file, "Samples/\(name).plan"],
                                   in: PlanProcess.packageRoot)
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == expected)
    }
}
