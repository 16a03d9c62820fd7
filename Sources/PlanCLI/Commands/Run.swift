import PlanKit

/// `plan run FILE... [-e EXPR]`: loads each file in order, printing answers
/// as they come, runs each `-e` statement, then the checks. Exit 1 on any
/// error (on warnings too with --strict).
func runRun(files: [String], expressions: [String], context: CommandContext) -> Int32 {
    var interpreter = Interpreter(today: context.today, reader: FileReader())
    let presenter = Presenter(options: context.output)
    var failed = false

    func show(_ outcomes: [Outcome]) {
        presenter.present(context.visible(outcomes), in: interpreter)
        failed = Inputs.fails(Inputs.diagnostics(in: outcomes), strict: context.strict) || failed
    }

    for file in files {
        show(Inputs.load(file, into: &interpreter))
    }
    // Presented together so that their answers are spaced as one file's are.
    show(expressions.flatMap { interpreter.run(Source(name: "<expression>", text: $0)) })
    show(interpreter.check().map(Outcome.diagnostic))
    return failed ? 1 : 0
}
