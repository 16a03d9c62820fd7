import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// A shell command typed at the REPL's prompt, `plan export --format md`.
/// The language sees a statement that starts with the unknown word `plan`
/// and says so (E029); which REPL command does what a `plan` subcommand
/// does is the command line's to know, so the hint that names it is
/// written here. Only `plan` followed by one of its commands is taken for
/// a shell command: that is the clear sign, and any other unknown word
/// keeps the language's own hint.
enum ShellCommand {
    /// `diagnostic`, with the REPL command to type as its hint when it is
    /// about `plan COMMAND ...` typed in the session of `interpreter`.
    static func hinted(_ diagnostic: Diagnostic, in interpreter: Interpreter) -> Diagnostic {
        guard diagnostic.code == .unknownStatement, let source = interpreter.sources[diagnostic.range.source],
              source.text(diagnostic.range) == "plan" else { return diagnostic }
        // The rest of the line: a shell command ends there.
        let lineEnd = source.lineBytes(source.line(of: diagnostic.range.start)).endIndex
        let rest = source.text(SourceRange(source: diagnostic.range.source, start: diagnostic.range.end, end: lineEnd))
        let words = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let command = words.first, let hint = hint(command, Array(words.dropFirst()), loaded: interpreter.loadedFiles)
        else { return diagnostic }
        var hinted = diagnostic
        hinted.hint = "`plan \(command)` is a shell command; " + hint
        return hinted
    }

    /// What to do in the REPL instead of `plan COMMAND ARGUMENTS`; nil when
    /// `command` is no command of `plan`.
    static func hint(_ command: String, _ arguments: [String], loaded: [String]) -> String? {
        var values: [String: String] = [:]
        var files: [String] = []
        var position = 0
        while position < arguments.count {
            let argument = arguments[position]
            position += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                files.append(argument)
                continue
            }
            if let equals = argument.firstIndex(of: "=") {
                values[String(argument[..<equals])] = String(argument[argument.index(after: equals)...])
            } else if Arguments.valued.contains(argument), position < arguments.count {
                values[argument] = arguments[position]
                position += 1
            }
        }
        // A file named and not loaded yet is loaded first.
        let loads = files.filter { !loaded.contains($0) }.map { ":load \($0)" }
        func type(_ command: String) -> String {
            "in the REPL, type " + (loads + [command]).joined(separator: ", then ")
        }
        switch command {
        case "report": return type(":report")
        case "review": return type(":review")
        case "check": return type(":check")
        case "agenda": return type(":agenda" + (values["--days"].map { " " + $0 } ?? ""))
        case "export":
            // `-` is standard output, where `plan export` writes without -o.
            return type(":export \(values["--format"] ?? "md") \(values["-o"] ?? values["--output"] ?? "-")")
        // What follows `help` is a command to explain, not a file.
        case "help": return "in the REPL, type :help"
        case "run", "repl":
            if !loads.isEmpty { return "in the REPL, type " + loads.joined(separator: ", then ") }
            return files.isEmpty ? "this is the REPL already" : "in the REPL, type :reload to read the files again"
        case "fmt", "version": return "the REPL has no command like it: type it in a shell"
        default:
            // `plan career.plan` runs the file, as `plan run` does.
            guard command.hasSuffix(".plan") else { return nil }
            return loaded.contains(command) ? "in the REPL, type :reload to read it again" : "in the REPL, type :load \(command)"
        }
    }
}
