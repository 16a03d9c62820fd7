import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan run FILE... [-e EXPR]`: loads each file in order, printing each
/// answer as its question runs, runs each `-e` statement, then the checks.
/// Exit 1 on any error (on warnings too with --strict).
func runRun(files: [String], expressions: [String], context: CommandContext) -> Int32 {
    var interpreter = Interpreter(today: context.today, reader: FileReader())
    var stream = PresentationStream(presenter: Presenter(options: context.output))
    var failed = false

    func show(_ outcome: Outcome, _ interpreter: Interpreter) {
        if case .diagnostic(let diagnostic) = outcome {
            failed = Inputs.fails([diagnostic], strict: context.strict) || failed
        }
        if context.shows(outcome) { stream.add(outcome, in: interpreter) }
    }

    for file in files {
        Inputs.load(file, into: &interpreter, each: show)
        stream.finish()
    }
    // Spaced as one file's answers are.
    for expression in expressions {
        interpreter.run(Source(name: "<expression>", text: expression), each: show)
    }
    stream.finish()
    for diagnostic in interpreter.check() { show(.diagnostic(diagnostic), interpreter) }
    stream.finish()
    return failed ? 1 : 0
}
