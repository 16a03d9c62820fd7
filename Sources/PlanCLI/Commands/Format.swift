import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan fmt [-w | --check] FILE...`: every file is read and formatted
/// before anything is printed or written, so that when one of them cannot
/// be read or does not parse, no file is touched. Without a flag the
/// canonical text goes to stdout; `-w` rewrites (atomically, permissions
/// kept) only the files that change; `--check` names each file that would
/// change and fails. `-` is stdin.
func runFormat(files: [String], write: Bool, check: Bool, context: CommandContext) -> Int32 {
    if write, files.contains("-") {
        StandardStream.error.write("plan: error: fmt -w cannot rewrite stdin\nRun 'plan --help' to see every command and option.\n")
        return 2
    }
    let results = files.map(FormattedFile.init)

    var report = ""
    for result in results where result.text == nil {
        let renderer = DiagnosticRenderer(sources: result.sources, color: context.output.color)
        for diagnostic in result.diagnostics {
            report += context.output.json ? renderer.json(diagnostic).serialized() + "\n" : renderer.render(diagnostic)
        }
    }
    // Checking only reports, so it names the unformatted files even beside
    // ones with errors; printing and rewriting are all or nothing.
    if check {
        for result in results where result.rewrite != nil {
            report += "plan: \(Literal.printable(result.name)) is not formatted\n"
        }
        StandardStream.error.write(report)
        return report.isEmpty ? 0 : 1
    }
    guard report.isEmpty else {
        StandardStream.error.write(report)
        return 1
    }

    guard write else {
        let text = results.compactMap(\.text).joined()
        // A comment keeps its characters as written, raw control bytes and
        // bidirectional overrides too: on a terminal they are spelt out, so
        // that the listing shows what is there; into a pipe or a file they
        // go as they are, so that `plan fmt f > g` writes what `fmt -w` would.
        StandardStream.output.write(StandardStream.output.isTerminal ? Literal.printableLines(text) : text)
        return 0
    }
    var failed = false
    for result in results {
        guard let text = result.rewrite else { continue }
        do {
            try AtomicFile.write(text, to: result.name)
        } catch {
            StandardStream.error.write("plan: error: \(Literal.printable(error.description))\n")
            failed = true
        }
    }
    return failed ? 1 : 0
}

/// One input of `plan fmt`, read and formatted, with what went wrong.
private struct FormattedFile {
    /// How messages name the file, and where a rewrite goes.
    var name: String
    var original: [UInt8] = []
    /// nil when the file cannot be read or does not parse.
    var text: String?
    var diagnostics: [Diagnostic] = []
    /// The file's source at id 0, where the formatter's parse puts it, for
    /// drawing its diagnostics.
    var sources = SourceMap()

    /// The canonical text when it differs from the file's.
    var rewrite: String? { text.flatMap { Array($0.utf8) == original ? nil : $0 } }

    init(path: String) {
        name = path == "-" ? Inputs.stdinName : path
        if path == "-" {
            switch Inputs.readStdin() {
            case .success(let bytes): format(bytes)
            case .failure(let failure): diagnostics = [failure.diagnostic]
            }
            return
        }
        // The same reading as `plan check`: a device or a pipe could be
        // endless, and could not be rewritten.
        switch FileReader.contents(of: path) {
        case .failure(let failure):
            diagnostics = [failure.cannotRead(path)]
        case .success(let file):
            format(file.bytes)
        }
    }

    private mutating func format(_ bytes: [UInt8]) {
        original = bytes
        let source = Source(name: name, bytes: bytes)
        _ = sources.add(source)
        (text, diagnostics) = Formatter.format(source)
    }
}
