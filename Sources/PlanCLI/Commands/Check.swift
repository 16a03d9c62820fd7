import PlanKit

/// `plan check FILE... [--strict] [-q]`: loads without printing answers and shows
/// only the problems; a clean plan prints nothing. With --json each
/// diagnostic is one JSON object per line on stdout, for editors and CI.
func runCheck(files: [String], context: CommandContext) -> Int32 {
    var interpreter = Interpreter(today: context.today, reader: FileReader())
    var diagnostics: [Diagnostic] = []
    for file in files {
        diagnostics += Inputs.diagnostics(in: Inputs.load(file, into: &interpreter))
    }
    diagnostics += interpreter.check()
    let shown = Inputs.diagnostics(in: context.visible(diagnostics.map(Outcome.diagnostic)))

    if context.output.json {
        let renderer = DiagnosticRenderer(sources: interpreter.sources)
        var lines = ""
        for diagnostic in shown {
            lines += renderer.json(diagnostic).serialized() + "\n"
        }
        StandardStream.output.write(lines)
    } else {
        Presenter(options: context.output).present(shown.map(Outcome.diagnostic), in: interpreter)
    }
    return Inputs.fails(diagnostics, strict: context.strict) ? 1 : 0
}
