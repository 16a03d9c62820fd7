import Foundation
import PlanKit

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
            report += "plan: \(result.name) is not formatted\n"
        }
        StandardStream.error.write(report)
        return report.isEmpty ? 0 : 1
    }
    guard report.isEmpty else {
        StandardStream.error.write(report)
        return 1
    }

    guard write else {
        StandardStream.output.write(results.compactMap(\.text).joined())
        return 0
    }
    var failed = false
    for result in results {
        guard let text = result.rewrite else { continue }
        do {
            try AtomicFile.write(text, to: FormattedFile.target(of: result.path))
        } catch {
            StandardStream.error.write("plan: error: \(error.description)\n")
            failed = true
        }
    }
    return failed ? 1 : 0
}

/// One input of `plan fmt`, read and formatted, with what went wrong.
private struct FormattedFile {
    var path: String
    /// How messages name the file.
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
        self.path = path
        name = path == "-" ? Inputs.stdinName : path
        switch Self.contents(of: path) {
        case .failure(let failure):
            diagnostics = [.error(.includeFailed, "cannot read \(path): \(failure.reason)", at: .none)]
        case .success(let bytes):
            original = bytes
            let source = Source(name: name, bytes: bytes)
            _ = sources.add(source)
            (text, diagnostics) = Formatter.format(source)
        }
    }

    struct ReadFailure: Error {
        var reason: String
    }

    /// The bytes of a regular file (or stdin), or why they cannot be had,
    /// in the words `plan check` uses for the same file.
    static func contents(of path: String) -> Result<[UInt8], ReadFailure> {
        if path == "-" {
            return .success([UInt8](FileHandle.standardInput.readDataToEndOfFile()))
        }
        // A device or a pipe could be endless, and could not be rewritten.
        var status = stat()
        guard stat(path, &status) == 0 else { return .failure(systemFailure()) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadFailure(reason: "it is a folder"))
        default: return .failure(ReadFailure(reason: "not a regular file"))
        }
        guard let data = FileManager.default.contents(atPath: path) else { return .failure(systemFailure()) }
        return .success([UInt8](data))
    }

    private static func systemFailure() -> ReadFailure {
        let text = String(cString: strerror(errno))
        return ReadFailure(reason: text.prefix(1).lowercased() + text.dropFirst())
    }

    /// The file a symbolic link points to: renaming over the link itself
    /// would replace the link with a copy and leave its target unformatted.
    static func target(of path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
