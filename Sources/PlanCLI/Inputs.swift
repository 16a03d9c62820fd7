import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Files named on the command line, loaded into an interpreter; `-` is stdin.
/// A file that cannot be read is a diagnostic from the interpreter, like any
/// other problem.
enum Inputs {
    static let stdinName = "<stdin>"

    static func load(_ path: String, into interpreter: inout Interpreter) -> [Outcome] {
        var outcomes: [Outcome] = []
        load(path, into: &interpreter) { outcome, _ in outcomes.append(outcome) }
        return outcomes
    }

    /// `load`, handing each outcome to `each` as soon as it is made.
    static func load(_ path: String, into interpreter: inout Interpreter, each: Interpreter.Sink) {
        guard path == "-" else { return interpreter.load(path: path, each: each) }
        switch readStdin() {
        case .success(let bytes): interpreter.run(Source(name: stdinName, bytes: bytes), each: each)
        case .failure(let failure): each(.diagnostic(failure.diagnostic), interpreter)
        }
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
