import Foundation
import Testing

/// Every `Samples/NAME.plan` is run by the built binary exactly as
/// `scripts/update-golden` runs it, and must print `Samples/NAME.out` on stdout
/// and `Samples/NAME.err` on stderr, and exit 0: the samples are the
/// behaviour's spec, so any change in their output has to be a reviewed change
/// of those files.
@Suite struct GoldenTests {
    /// The package root, three levels above this file.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The sample names, read when the tests are collected, so that a new
    /// sample is tested without touching this file.
    static func sampleNames() -> [String] {
        let folder = root.appendingPathComponent("Samples")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".plan") }
            .map { String($0.dropLast(".plan".count)) }
            .sorted()
    }

    @Test func theSamplesAreThere() {
        #expect(GoldenTests.sampleNames() == ["balance", "coaching", "drifted", "product-launch"])
    }

    @Test(arguments: GoldenTests.sampleNames())
    func sampleMatchesItsGoldenFiles(name: String) throws {
        let expectedOut = try String(contentsOf: GoldenTests.root.appendingPathComponent("Samples/\(name).out"), encoding: .utf8)
        let expectedErr = try String(contentsOf: GoldenTests.root.appendingPathComponent("Samples/\(name).err"), encoding: .utf8)

        let result = try GoldenRun.plan(["run", "--today", "2026-11-25", "--color", "never", "Samples/\(name).plan"],
                                        in: GoldenTests.root)

        #expect(result.stdout == expectedOut)
        #expect(result.stderr == expectedErr)
        #expect(result.status == 0)
    }
}

/// Runs the debug binary with the package root as working directory, so that
/// file names in diagnostics read `Samples/NAME.plan` as in the golden files.
private struct GoldenRun {
    var stdout: String
    var stderr: String
    var status: Int32

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func plan(_ arguments: [String], in root: URL) throws -> GoldenRun {
        let binary = root.appendingPathComponent(".build/debug/plan")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(description: "\(binary.path) does not exist: run `swift build` first")
        }
        // Files rather than pipes: a child that fills one pipe while we wait
        // on the other would never finish.
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("plan-golden-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
              FileManager.default.createFile(atPath: errURL.path, contents: nil) else {
            throw Failure(description: "cannot create files in \(scratch.path)")
        }
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PLAN_TODAY")
        environment.removeValue(forKey: "NO_COLOR")
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()

        return GoldenRun(stdout: try String(contentsOf: outURL, encoding: .utf8),
                         stderr: try String(contentsOf: errURL, encoding: .utf8),
                         status: process.terminationStatus)
    }
}
