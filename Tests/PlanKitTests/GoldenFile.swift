import Foundation
import Testing

/// A whole output compared with its golden file in Tests/Golden/, so that a
/// test never types out again what the kinds' descriptions say (a goal's
/// members). `scripts/update-golden` runs these tests with
/// PLAN_UPDATE_GOLDEN=1, which writes each file instead; review its diff as
/// for the samples' golden files.
enum GoldenFile {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ output: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["PLAN_UPDATE_GOLDEN"] == "1" {
            try Data(output.utf8).write(to: file, options: .atomic)
            return
        }
        let expected = try String(contentsOf: file, encoding: .utf8)
        #expect(output == expected, "Tests/Golden/\(name) differs", sourceLocation: sourceLocation)
    }
}
