import PlanKit

/// Files named on the command line, loaded into an interpreter; `-` is stdin.
/// A file that cannot be read is a diagnostic from the interpreter, like any
/// other problem.
enum Inputs {
    static let stdinName = "<stdin>"

    static func load(_ path: String, into interpreter: inout Interpreter) -> [Outcome] {
        if path == "-" {
            return interpreter.run(Source(name: stdinName, bytes: StandardStream.readInput()))
        }
        return interpreter.load(path: path)
    }

    /// Whether these diagnostics make the command fail.
    static func fails(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    static func diagnostics(in outcomes: [Outcome]) -> [Diagnostic] {
        outcomes.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }
}
