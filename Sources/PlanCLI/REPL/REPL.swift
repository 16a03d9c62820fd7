import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

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
    /// The statement pending is whole, but clause lines may follow.
    var awaitingClauses = false

    // A statement over several lines is one history entry, recalled whole
    // by Up, and one change for :undo.
    func runPending() {
        if !pending.typed.isEmpty { editor.remember(pending.typed) }
        session.evaluate(Source(name: "<repl>", text: pending.text))
        pending.clear()
        awaitingClauses = false
    }

    while true {
        editor.completer.plan = session.interpreter.plan
        switch editor.read(continuing: !pending.isEmpty, trying: session.isTrying) {
        case .end:
            if awaitingClauses { runPending() }
            StandardStream.output.write("\n")
            if mayLeave(editor: editor, session: &session) { return 0 }
            pending.clear()
            awaitingClauses = false
        case .interrupted:
            pending.clear()
            awaitingClauses = false
        case .line(let line):
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            let indented = line.first == " " || line.first == "\t"
            // Clause lines go on until a blank line or one at the left
            // margin, which then starts anew.
            if awaitingClauses, !indented || blank {
                runPending()
                if blank { continue }
            }
            if pending.isEmpty {
                if blank { continue }
                if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                    editor.remember(line)
                    if session.execute(line) == .quit, mayLeave(editor: editor, session: &session) { return 0 }
                    continue
                }
            } else if blank {
                // An empty line while continuing evaluates what there is, so
                // its error shows instead of the prompt waiting forever.
                runPending()
                continue
            }
            pending.append(line)
            if pending.needsMore {
                awaitingClauses = false
            } else if pending.takesClauseLines {
                awaitingClauses = true
            } else {
                runPending()
            }
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
