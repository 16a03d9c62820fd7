import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanKit

/// The interactive session, `plan` on a terminal or `plan repl [FILE...]`.
/// On a terminal it edits lines with libedit; otherwise it reads standard
/// input as a script, so `echo 'count(goals)' | plan repl my.plan` answers.
func runREPL(files: [String], context: CommandContext) -> Int32 {
    var session = Session(context: context)
    session.load(files)
    if isatty(0) == 0 {
        return runScript(session: &session)
    }
    // libedit reads the character set when it starts: UTF-8 input needs it.
    setlocale(LC_CTYPE, "")
    let historyPath = LineEditor.historyPath(environment: processEnvironment())
    guard let editor = LineEditor(completer: Completer(plan: session.interpreter.plan), historyPath: historyPath) else {
        return runScript(session: &session)
    }
    return runInteractive(editor: editor, session: &session)
}

/// A script on standard input, refused whole when it is larger than a file may be.
private func runScript(session: inout Session) -> Int32 {
    switch Inputs.readStdin() {
    case .success(let bytes):
        return runScript(bytes, session: &session)
    case .failure(let failure):
        Presenter(options: session.context.output).present([.diagnostic(failure.diagnostic)], in: session.interpreter)
        return 1
    }
}

private func runInteractive(editor: LineEditor, session: inout Session) -> Int32 {
    shim_ignore_sigint()
    StandardStream.output.write("plan: type :help for help, :quit or Ctrl-D to leave\n")
    var pending = PendingInput()
    var lastDeclaration: Declaration?
    while true {
        editor.completer.plan = session.interpreter.plan
        switch editor.read(continuing: !pending.isEmpty) {
        case .end:
            StandardStream.output.write("\n")
            return 0
        case .interrupted:
            pending.clear()
        case .line(let line):
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if !blank { editor.remember(line) }
            if pending.isEmpty {
                if blank { continue }
                if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                    if session.execute(line) == .quit { return 0 }
                    continue
                }
                // Indented clause lines after a declaration, as in a file
                // (or pasted from one), go on declaring that entity.
                if let declaration = lastDeclaration, line.first == " " || line.first == "\t" {
                    pending.append("update \(declaration.kind.rawValue) \(Literal.name(declaration.name.text))")
                }
                pending.append(line)
                if pending.needsMore { continue }
            } else if !blank {
                pending.append(line)
                if pending.needsMore { continue }
            }
            // An empty line while continuing evaluates what there is, so its
            // error shows instead of the prompt waiting forever.
            let source = Source(name: "<repl>", text: pending.text)
            let failed = session.evaluate(source)
            lastDeclaration = failed ? nil : PendingInput.lastDeclaration(in: source)
            pending.clear()
        }
    }
}

/// Standard input that is not a terminal: no prompt and no editing. Lines
/// starting with `:` are commands; the statements between them run as one
/// source each, padded so that diagnostics name the line of the script.
private func runScript(_ bytes: [UInt8], session: inout Session) -> Int32 {
    var chunk: [UInt8] = []
    var chunkFirstLine = 1
    var lineNumber = 0

    func flush(_ session: inout Session) {
        if chunk.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }) {
            let padding = [UInt8](repeating: UInt8(ascii: "\n"), count: chunkFirstLine - 1)
            session.evaluate(Source(name: "<stdin>", bytes: padding + chunk))
        }
        chunk = []
    }

    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        lineNumber += 1
        if line.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }).first == UInt8(ascii: ":") {
            flush(&session)
            if session.execute(String(decoding: line, as: UTF8.self)) == .quit { break }
            chunkFirstLine = lineNumber + 1
        } else {
            chunk += line
            chunk.append(UInt8(ascii: "\n"))
        }
    }
    flush(&session)
    return session.hadErrors ? 1 : 0
}
