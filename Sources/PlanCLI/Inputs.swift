import PlanKit

/// Files named on the command line, loaded into an interpreter; `-` is stdin.
/// A file that cannot be read is a diagnostic from the interpreter, like any
/// other problem.
enum Inputs {
    static let stdinName = "<stdin>"

    static func load(_ path: String, into interpreter: inout Interpreter) -> [Outcome] {
        if path == "-" {
            switch readStdin() {
            case .success(let bytes): return interpreter.run(Source(name: stdinName, bytes: bytes))
            case .failure(let failure): return [.diagnostic(failure.diagnostic)]
            }
        }
        return interpreter.load(path: path)
    }

    /// Standard input, held to the bound a file has.
    static func readStdin() -> Result<[UInt8], StandardStream.InputFailure> {
        StandardStream.readInput(limit: Source.sizeLimit)
    }

    /// Whether these diagnostics make the command fail.
    static func fails(_ diagnostics: [Diagnostic], strict: Bool) -> Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }

    static func diagnostics(in outcomes: [Outcome]) -> [Diagnostic] {
        outcomes.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }
}

extension StandardStream.InputFailure {
    /// The error a file that cannot be read gets.
    var diagnostic: Diagnostic {
        .error(.includeFailed, "cannot read \(Inputs.stdinName): \(reason)", at: .none)
    }
}
