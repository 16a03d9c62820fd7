import Foundation
import PlanKit

/// Files named on the command line, loaded into an interpreter. A file that
/// cannot be read is a diagnostic, like any other problem; `-` is stdin.
enum Inputs {
    static let stdinName = "<stdin>"

    static func load(_ path: String, into interpreter: inout Interpreter) -> [Outcome] {
        if path == "-" {
            let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            return interpreter.run(Source(name: stdinName, bytes: bytes))
        }
        if let reason = unreadable(path) {
            return [.diagnostic(.error(.includeFailed, "cannot read \(path): \(reason)", at: .none))]
        }
        return interpreter.load(path: path)
    }

    /// Why the file cannot be read (the system's words), or nil when it can.
    static func unreadable(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return String(cString: strerror(errno)) }
        return status.st_mode & S_IFMT == S_IFDIR ? String(cString: strerror(EISDIR)) : nil
    }

    /// Whether these diagnostics make the command fail.
    static func fails(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    static func diagnostics(in outcomes: [Outcome]) -> [Diagnostic] {
        outcomes.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }
}
