import Foundation
import Testing

/// Runs the built `plan` binary the way a person or a script would: with
/// arguments, an environment, stdin, in a folder of its own (removed when
/// the test is done), capturing both streams.
final class PlanProcess {
    struct Result {
        var stdout: String
        var stderr: String
        /// The exit status, or 128 + the signal's number when a signal ended it.
        var status: Int32
        var timedOut = false
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let samplesFolder = packageRoot.appendingPathComponent("Samples")

    /// A fresh folder for the files one test needs.
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("plan-cli-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return name
    }

    /// The binary: $PLAN_BINARY, else beside the test bundle (SwiftPM puts
    /// every product of a build in one folder), else this package's
    /// .build/debug.
    static func binary() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["PLAN_BINARY"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("plan"))
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("plan"))
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("plan"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/plan"))
        let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
        return try #require(found, "no plan binary; run `swift build` first (looked in \(candidates.map(\.path)))")
    }

    /// The environment a test starts from: no PLAN_TODAY or NO_COLOR leaking
    /// in from the machine running the tests.
    static func baseEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in ["PLAN_TODAY", "NO_COLOR", "PLAN_BINARY"] { environment[name] = nil }
        return environment
    }

    /// Output goes to files, not pipes, so a large output cannot block the
    /// child; a run past `timeout` seconds is killed and marked as such.
    /// `stdout` takes standard output instead (`/dev/full`, a pipe nobody
    /// reads); the result's stdout is then empty. `stdinBytes` is standard
    /// input that need not be UTF-8 (a fuzzer's finding).
    func run(_ arguments: [String], environment extra: [String: String] = [:], stdin: String? = nil,
             stdinBytes: Data? = nil, in directory: URL? = nil, timeout: TimeInterval = 60, binary: URL? = nil,
             stdout: FileHandle? = nil) throws -> Result {
        let process = Process()
        process.executableURL = try binary ?? Self.binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? folder
        process.environment = Self.baseEnvironment().merging(extra) { $1 }

        let id = UUID().uuidString
        let outURL = folder.appendingPathComponent(".out-\(id)")
        let errURL = folder.appendingPathComponent(".err-\(id)")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = stdout ?? out
        process.standardError = err
        if let input = stdinBytes ?? stdin.map({ Data($0.utf8) }) {
            let inURL = folder.appendingPathComponent(".in-\(id)")
            try input.write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                      status: status, timedOut: timedOut)
    }

    /// Runs on a pseudo-terminal (through util-linux `script`), to see what
    /// `--color auto` does when a person is watching. Returns what reached
    /// the terminal, stdout and stderr together.
    /// `stdoutFile` sends stdout to that file in the test's folder instead,
    /// as `plan report x > file` does at a prompt.
    func runOnTerminal(_ arguments: [String], environment extra: [String: String] = [:],
                       stdoutFile: String? = nil) throws -> String {
        let script = "/usr/bin/script"
        try #require(FileManager.default.isExecutableFile(atPath: script), "util-linux script is needed for terminal tests")
        func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = ([try Self.binary().path] + arguments).map(quoted).joined(separator: " ")
            + (stdoutFile.map { " > " + quoted($0) } ?? "")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = ["-qefc", command, "/dev/null"]
        process.currentDirectoryURL = folder
        process.environment = Self.baseEnvironment().merging(extra) { $1 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // The terminal turns each newline into CR LF.
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}

extension PlanProcess {
    /// `plan check` of `text` as bad.plan, which must fail: its errors as a
    /// person sees them, the warnings hidden.
    func checkErrors(_ text: String) throws -> String {
        try write("bad.plan", text + "\n")
        let result = try run(["check", "-q", "--today", "2026-11-25", "--color", "never", "bad.plan"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        return result.stderr
    }
}
