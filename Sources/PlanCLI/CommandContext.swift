import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// What every command needs besides its own arguments.
struct CommandContext: Sendable {
    var today: Day
    var output: OutputOptions
    var strict = false
    /// `--quiet`: warnings are not shown.
    var quiet = false

    /// The outcomes to show: all of them, but with `--quiet` no warnings,
    /// unless `--strict` makes them fail the command. Errors always show.
    func visible(_ outcomes: [Outcome]) -> [Outcome] {
        outcomes.filter(shows)
    }

    /// Whether `outcome` is one of the visible ones.
    func shows(_ outcome: Outcome) -> Bool {
        guard quiet, !strict, case .diagnostic(let diagnostic) = outcome else { return true }
        return diagnostic.severity != .warning
    }

    /// Loads files for a command that turns the plan into something else
    /// (report, export): diagnostics go to stderr, answers to questions are
    /// not printed, and nil means there were errors, so nothing is written.
    /// A failed `assert` is listed but does not block: it is a rule of the
    /// person's own, and the report is where they see why it fails.
    func loadForOutput(_ files: [String]) -> Interpreter? {
        var interpreter = Interpreter(today: today, reader: FileReader())
        var outcomes: [Outcome] = []
        for file in files {
            outcomes += Inputs.load(file, into: &interpreter)
        }
        let problems = outcomes.filter {
            if case .diagnostic = $0 { return true } else { return false }
        } + interpreter.check().filter { $0.severity == .error }.map(Outcome.diagnostic)
        Presenter(options: output).present(visible(problems), in: interpreter)
        let blocking = Inputs.diagnostics(in: problems).contains {
            $0.severity == .error && $0.code != .assertionFailed
        }
        return blocking ? nil : interpreter
    }
}
