import PlanKit

/// What every command needs besides its own arguments.
struct CommandContext: Sendable {
    var today: Day
    var output: OutputOptions
    var strict = false

    /// Loads files for a command that turns the plan into something else
    /// (report, export, fmt): diagnostics go to stderr, answers to questions
    /// are not printed, and nil means there were errors, so nothing is written.
    func loadForOutput(_ files: [String]) -> Interpreter? {
        var interpreter = Interpreter(today: today)
        var outcomes: [Outcome] = []
        for file in files {
            outcomes += Inputs.load(file, into: &interpreter)
        }
        let problems = outcomes.filter {
            if case .diagnostic = $0 { return true } else { return false }
        } + interpreter.check().filter { $0.severity == .error }.map(Outcome.diagnostic)
        let hadErrors = Presenter(options: output).present(problems, in: interpreter)
        return hadErrors ? nil : interpreter
    }
}
