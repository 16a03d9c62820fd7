import Foundation
import Testing

/// Every `Samples/NAME.plan` is run by the built binary exactly as
/// `scripts/update-golden` runs it, and must print `Samples/NAME.out` on stdout
/// and `Samples/NAME.err` on stderr, and exit 0: the samples are the
/// behaviour's spec, so any change in their output has to be a reviewed change
/// of those files.
@Suite struct GoldenTests {
    /// The sample names, read when the tests are collected, so that a new
    /// sample is tested without touching this file.
    static func sampleNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PlanProcess.samplesFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".plan") }
            .map { String($0.dropLast(".plan".count)) }
            .sorted()
    }

    @Test func theSamplesAreThere() {
        #expect(GoldenTests.sampleNames() == ["balance", "coaching", "drifted", "intersection", "product-launch", "realigned", "rhythm"])
    }

    /// Run from the package root, so that file names in diagnostics read
    /// `Samples/NAME.plan` as in the golden files.
    @Test(arguments: GoldenTests.sampleNames())
    func sampleMatchesItsGoldenFiles(name: String) throws {
        let samples = PlanProcess.samplesFolder
        let expectedOut = try String(contentsOf: samples.appendingPathComponent("\(name).out"), encoding: .utf8)
        let expectedErr = try String(contentsOf: samples.appendingPathComponent("\(name).err"), encoding: .utf8)

        let result = try PlanProcess().run(["run", "--today", "2026-11-25", "--color", "never", "Samples/\(name).plan"],
                                           in: PlanProcess.packageRoot)

        #expect(result.stdout == expectedOut)
        #expect(result.stderr == expectedErr)
        #expect(result.status == 0)
        #expect(!result.timedOut)
    }

    /// `Samples/NAME.agenda`, `Samples/NAME.report` and `Samples/NAME.review`:
    /// a sample's agenda, report and review as `plan agenda`, `plan report`
    /// and `plan review` print them.
    static func printed() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: PlanProcess.samplesFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".agenda") || $0.hasSuffix(".report") || $0.hasSuffix(".review") }.sorted()
    }

    @Test func theAgendasAndReportsAreThere() {
        #expect(GoldenTests.printed() == ["drifted.agenda", "drifted.report", "intersection.report", "intersection.review",
                                          "realigned.agenda", "realigned.review", "rhythm.agenda", "rhythm.report"])
    }

    @Test(arguments: GoldenTests.printed())
    func agendaOrReportMatchesItsGoldenFile(file: String) throws {
        let expected = try String(contentsOf: PlanProcess.samplesFolder.appendingPathComponent(file), encoding: .utf8)
        guard let dot = file.lastIndex(of: ".") else { return }
        let command = String(file[file.index(after: dot)...])
        let result = try PlanProcess().run([command, "--today", "2026-11-25", "--color", "never", "Samples/\(file[..<dot]).plan"],
                                           in: PlanProcess.packageRoot)

        #expect(result.stdout == expected)
        #expect(result.status == 0)
        #expect(!result.timedOut)
    }
}
