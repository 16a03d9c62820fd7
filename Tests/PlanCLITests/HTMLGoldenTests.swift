import Foundation
import Testing

/// `Samples/NAME.html`: each sample's page as `plan export --format html`
/// writes it, compared line by line so that a change shows where it is.
@Suite struct HTMLGoldenTests {
    static let samples = ["balance", "coaching", "drifted", "intersection", "product-launch", "realigned", "rhythm"]

    @Test(arguments: samples)
    func pageMatchesItsGoldenFile(name: String) throws {
        let expected = try String(contentsOf: PlanProcess.samplesFolder.appendingPathComponent("\(name).html"), encoding: .utf8)
        let result = try PlanProcess().run(["export", "--format", "html", "--today", "2026-11-25", "Samples/\(name).plan"],
                                           in: PlanProcess.packageRoot)
        #expect(result.status == 0)
        let got = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (line, (left, right)) in zip(got, want).enumerated() where left != right {
            Issue.record("Samples/\(name).html:\(line + 1): got \(left)")
            break
        }
        #expect(got.count == want.count)
    }
}
