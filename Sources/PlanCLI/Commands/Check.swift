import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan check FILE... [--strict] [-q]`: loads without printing answers and shows
/// only the problems; a clean plan prints nothing. With --json each
/// diagnostic is one JSON object per line on stdout, for editors and CI.
/// Of one code, the first `DiagnosticCap.shownPerCode` are shown and the
/// rest counted, each as it is found, so that a file repeating one mistake
/// is neither kept nor printed whole.
func runCheck(files: [String], context: CommandContext) -> Int32 {
    var interpreter = Interpreter(today: context.today, reader: FileReader())
    var cap = DiagnosticCap()
    var shown: [Diagnostic] = []
    var failed = false
    func take(_ diagnostic: Diagnostic) {
        failed = failed || Inputs.fails([diagnostic], strict: context.strict)
        guard context.shows(.diagnostic(diagnostic)), cap.admits(diagnostic) else { return }
        shown.append(diagnostic)
    }
    for file in files {
        Inputs.load(file, into: &interpreter) { outcome, _ in
            if case .diagnostic(let diagnostic) = outcome { take(diagnostic) }
        }
    }
    interpreter.check().forEach(take)

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
    // On stderr even with --json, whose stdout holds diagnostics alone.
    for note in cap.notes { StandardStream.error.write(note + "\n") }
    ProcessEnd.keep(interpreter)
    return failed ? 1 : 0
}
