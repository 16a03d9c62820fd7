#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// A line that starts with `:`.
enum REPLCommand: Equatable {
    /// `:help` alone, or about one topic.
    case help(String?)
    /// `:quit`: on a terminal, asks first when changes are not saved.
    case quit
    /// `:quit!`: leaves without asking, and without saving.
    case quitWithoutSaving
    case load(String)
    case reload
    /// To the files read, or the main file's text to another file;
    /// `overwriting` (`:save!`) even over what changed on disk since it was read.
    case save(String?, overwriting: Bool)
    case check
    case report
    case agenda(days: Int)
    case review
    case export(format: String, file: String)
    case reset
    case undo
    case `try`
    case diff
    case keep
    case drop

    /// What Tab offers after `:`.
    static let spellings = [":agenda", ":check", ":diff", ":drop", ":export", ":help", ":keep", ":load", ":q", ":q!", ":quit", ":quit!",
                            ":reload", ":report", ":reset", ":review", ":save", ":save!", ":try", ":undo"]

    /// A command line that cannot run, with what to say about it.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String?
    }

    static func parse(_ line: String) -> Result<REPLCommand, Problem> {
        let trimmed = trimming(line, newlines: true)
        let word = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let argument = trimming(trimmed.dropFirst(word.count))

        func noArgument(_ command: REPLCommand) -> Result<REPLCommand, Problem> {
            argument.isEmpty ? .success(command) : .failure(Problem(message: "\(word) takes no argument"))
        }
        func file(_ make: (String) -> REPLCommand) -> Result<REPLCommand, Problem> {
            argument.isEmpty
                ? .failure(Problem(message: "\(word) needs a file name", hint: "\(word) career.plan"))
                : .success(make(expandingTilde(argument)))
        }

        switch word {
        case ":help": return .success(.help(argument.isEmpty ? nil : argument))
        case ":quit", ":q": return noArgument(.quit)
        case ":quit!", ":q!": return noArgument(.quitWithoutSaving)
        case ":load": return file(REPLCommand.load)
        case ":reload": return noArgument(.reload)
        case ":save", ":save!":
            return .success(.save(argument.isEmpty ? nil : expandingTilde(argument), overwriting: word == ":save!"))
        case ":undo": return noArgument(.undo)
        case ":try": return noArgument(.try)
        case ":diff": return noArgument(.diff)
        case ":keep": return noArgument(.keep)
        case ":drop": return noArgument(.drop)
        case ":check": return noArgument(.check)
        case ":report": return noArgument(.report)
        case ":agenda":
            guard !argument.isEmpty else { return .success(.agenda(days: Agenda.defaultDays)) }
            guard argument.allSatisfy(\.isASCII), let days = Int(argument), (1...Agenda.maximumDays).contains(days) else {
                return .failure(Problem(message: ":agenda takes a whole number of days from 1 to \(Agenda.maximumDays), not \"\(argument)\"",
                                        hint: ":agenda 7"))
            }
            return .success(.agenda(days: days))
        case ":review": return noArgument(.review)
        case ":reset": return noArgument(.reset)
        case ":export":
            let format = String(argument.prefix { $0 != " " && $0 != "\t" })
            let path = trimming(argument.dropFirst(format.count))
            guard !format.isEmpty, !path.isEmpty else {
                return .failure(Problem(message: ":export needs a format and a file name", hint: ":export md plan.md"))
            }
            return .success(.export(format: format, file: expandingTilde(path)))
        default:
            let hint = Suggestion.closest(to: word, among: spellings).map { "did you mean \($0)?" }
            return .failure(Problem(message: "unknown command \(word)", hint: hint ?? "type :help for the commands"))
        }
    }

    /// `text` without the blanks around it (tabs and Unicode spaces, and
    /// with `newlines` line ends too), as Foundation's `trimmingCharacters`
    /// did here before.
    private static func trimming(_ text: some StringProtocol, newlines: Bool = false) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
                || newlines && (("\n"..."\r").contains(scalar) || ["\u{85}", "\u{2028}", "\u{2029}"].contains(scalar))
        }
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
              let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// `~` and `~/...` are the account's home folder (`$HOME` only when the
    /// account has none), `~name/...` that person's; anything else, or an
    /// unknown person, stays as typed. One slash at the end goes. All as
    /// Foundation's `expandingTildeInPath` did here before.
    private static func expandingTilde(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        let end = path.firstIndex(of: "/") ?? path.endIndex
        let user = path[path.index(after: path.startIndex)..<end]
        let entry = user.isEmpty ? getpwuid(geteuid()) : getpwnam(String(user))
        var home = entry.flatMap { $0.pointee.pw_dir }.map { String(cString: $0) }
        if home == nil, user.isEmpty, let variable = getenv("HOME") {
            home = String(cString: variable)
        }
        var expanded = (home ?? String(path[..<end])) + path[end...]
        if expanded.count > 1, expanded.hasSuffix("/") { expanded.removeLast() }
        return expanded
    }

    /// Words after a 13-column label, wrapped to 80 columns: the lists come
    /// from the tables the evaluator reads, so a new one is listed at once.
    private static func listed(_ words: [String]) -> String {
        var lines = [""]
        for word in words {
            let last = lines[lines.count - 1]
            if !last.isEmpty && 13 + last.count + 1 + word.count > 80 {
                lines.append(word)
            } else {
                lines[lines.count - 1] = last.isEmpty ? word : last + " " + word
            }
        }
        return lines.joined(separator: "\n" + String(repeating: " ", count: 13))
    }

    static let helpText = """
        Type a statement to add to the plan, or an expression to ask about it.

          vision "Lead teams and be home for dinner"
          value family priority 1 non-negotiable
          skill "project management" level 2 target 4
          goal "Lead a launch" needs skill "project management" serves family by 2027-Q2
          milestone "Shadow a launch" for "Lead a launch" by 2027-01-15 done
          mentor "Jordan Lee" helps "project management"
          contact "Ana Ruiz" at "Acme" every 6 weeks met 2026-10-02
          update goal "Lead a launch" doing
          update goal "Lead a launch" drop serves family
          rename skill "project management" to "delivery"
          remove mentor "Jordan Lee"
          let soon = today + 6 months

          goals where due < soon and not done sort by due
          skills where gap > 0 sort by gap desc select name
          count(values where goals == [])
          (goal "Lead a launch").ready

        Collections: \(listed(EntityKind.collections.map(\.keyword.rawValue) + ["vision"]))
        Clauses:     where COND  sort by EXPR [asc|desc]  group by EXPR  limit N  select EXPR
        Functions:   \(listed(BuiltinFunction.allCases.map(\.rawValue)))

        Commands:
          :help [TOPIC]      this text, or a statement, kind or command (:help rename)
          :load FILE         run a file in this session
          :reload            start again from the loaded files (after they changed on disk)
          :save [FILE]       write the changes back into the files read (or the main one to FILE)
          :save! [FILE]      the same, even over changes made on disk since they were read
          :undo              take back the last change, again and again
          :try               start a what-if; :diff shows it, :keep keeps it, :drop forgets it
          :check             run every check on the plan
          :report            the plan as a report
          :agenda [N]        what is overdue, then what is due in the next N days (14)
          :review            the four strategy questions, load against capacity
          :export FORMAT FILE  json, md, ics, dot, svg or html (FILE - is the screen)
          :reset             forget everything
          :quit, :q          leave (so does Ctrl-D); asks first when changes are not saved
          :quit!, :q!        leave without saving, without asking

        After a declaration or an update, ...> waits for indented clause lines;
        an empty or unindented line ends the statement and runs it whole.
        Tab completes keywords, commands, names and fields; Ctrl-R searches the
        history; Ctrl-C abandons the input; an empty line ends unfinished input.
        """
}
