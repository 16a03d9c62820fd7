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
/// A file named that cannot be read ends it before it starts, status 1.
func runREPL(files: [String], context: CommandContext) -> Int32 {
    let interactive = isatty(0) != 0
    var session = Session(context: context, interactive: interactive)
    guard session.load(files) else { return 1 }
    if !interactive {
        return runScript(session: &session, input: 0)
    }
    // libedit reads the character set when it starts: UTF-8 input needs it.
    setlocale(LC_CTYPE, "")
    let historyPath = LineEditor.historyPath(environment: processEnvironment())
    guard let editor = LineEditor(completer: Completer(plan: session.interpreter.plan), historyPath: historyPath) else {
        return runScript(session: &session, input: 0)
    }
    return runInteractive(editor: editor, session: &session)
}

private func runInteractive(editor: LineEditor, session: inout Session) -> Int32 {
    shim_ignore_sigint()
    StandardStream.output.write("plan: type :help for help, :quit or Ctrl-D to leave\n")
    var pending = PendingInput()
    var lastDeclaration: Declaration?
    while true {
        editor.completer.plan = session.interpreter.plan
        switch editor.read(continuing: !pending.isEmpty, trying: session.isTrying) {
        case .end:
            StandardStream.output.write("\n")
            if mayLeave(editor: editor, session: &session) { return 0 }
        case .interrupted:
            pending.clear()
        case .line(let line):
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if pending.isEmpty {
                if blank { continue }
                if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                    editor.remember(line)
                    if session.execute(line) == .quit, mayLeave(editor: editor, session: &session) { return 0 }
                    continue
                }
                // Indented clause lines after a declaration, as in a file
                // (or pasted from one), go on declaring that entity.
                if let declaration = lastDeclaration, line.first == " " || line.first == "\t" {
                    editor.remember(line)
                    pending.append("update \(declaration.kind.rawValue) \(Literal.name(declaration.name.text))")
                    pending.append(line)
                    pending.typed = ""
                } else {
                    pending.append(line)
                }
                if pending.needsMore { continue }
            } else if !blank {
                pending.append(line)
                if pending.needsMore { continue }
            }
            // A statement over several lines is one history entry, recalled
            // whole by Up.
            if !pending.typed.isEmpty { editor.remember(pending.text) }
            // An empty line while continuing evaluates what there is, so its
            // error shows instead of the prompt waiting forever.
            let source = Source(name: "<repl>", text: pending.text)
            let errorsBefore = session.hadErrors
            session.evaluate(source)
            lastDeclaration = session.hadErrors != errorsBefore ? nil : PendingInput.lastDeclaration(in: source)
            pending.clear()
        }
    }
}

/// Leaving with changes not saved asks first, as ed and vim do: yes saves
/// and leaves (unless the save fails), no leaves, stay (or Ctrl-C) goes
/// back to the prompt. A terminal that went away cannot answer: then it leaves.
private func mayLeave(editor: LineEditor, session: inout Session) -> Bool {
    guard session.asksBeforeLeaving else { return true }
    session.tellUnsaved()
    while true {
        switch editor.askBeforeLeaving() {
        case .end:
            StandardStream.output.write("\n")
            return true
        case .interrupted:
            return false
        case .line(let answer):
            switch answer.lowercased().filter({ $0 != " " && $0 != "\t" }) {
            case "y", "yes": return session.leave(saving: true)
            case "n", "no": return session.leave(saving: false)
            case "s", "stay": return false
            default: continue
            }
        }
    }
}
