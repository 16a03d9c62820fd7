import Foundation
import PlanKit

/// A line that starts with `:`.
enum REPLCommand: Equatable {
    case help
    case quit
    case load(String)
    case reload
    case save(String)
    case check
    case report
    case export(format: String, file: String)
    case reset

    /// What Tab offers after `:`.
    static let spellings = [":check", ":export", ":help", ":load", ":q", ":quit", ":reload", ":report", ":reset", ":save"]

    /// A command line that cannot run, with what to say about it.
    struct Problem: Error, Equatable {
        var message: String
        var hint: String?
    }

    static func parse(_ line: String) -> Result<REPLCommand, Problem> {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let word = String(trimmed.prefix { $0 != " " && $0 != "\t" })
        let argument = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)

        func noArgument(_ command: REPLCommand) -> Result<REPLCommand, Problem> {
            argument.isEmpty ? .success(command) : .failure(Problem(message: "\(word) takes no argument"))
        }
        func file(_ make: (String) -> REPLCommand) -> Result<REPLCommand, Problem> {
            argument.isEmpty
                ? .failure(Problem(message: "\(word) needs a file name", hint: "\(word) career.plan"))
                : .success(make(expandingTilde(argument)))
        }

        switch word {
        case ":help": return noArgument(.help)
        case ":quit", ":q": return noArgument(.quit)
        case ":load": return file(REPLCommand.load)
        case ":reload": return noArgument(.reload)
        case ":save": return file(REPLCommand.save)
        case ":check": return noArgument(.check)
        case ":report": return noArgument(.report)
        case ":reset": return noArgument(.reset)
        case ":export":
            let format = String(argument.prefix { $0 != " " && $0 != "\t" })
            let path = argument.dropFirst(format.count).trimmingCharacters(in: .whitespaces)
            guard !format.isEmpty, !path.isEmpty else {
                return .failure(Problem(message: ":export needs a format and a file name", hint: ":export md plan.md"))
            }
            return .success(.export(format: format, file: expandingTilde(path)))
        default:
            let hint = Suggestion.closest(to: word, among: spellings).map { "did you mean \($0)?" }
            return .failure(Problem(message: "unknown command \(word)", hint: hint ?? "type :help for the commands"))
        }
    }

    private static func expandingTilde(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }

    static let helpText = """
        Type a statement to add to the plan, or an expression to ask about it.

          vision "Lead teams and be home for dinner"
          value family priority 1 non-negotiable
          skill "project management" level 2 target 4
          goal "Lead a launch" needs skill "project management" serves family by 2027-Q2
          milestone "Shadow a launch" for "Lead a launch" by 2027-01-15 done
          mentor "Jordan Lee" helps "project management"
          update goal "Lead a launch" doing
          let soon = today + 6 months

          goals where due < soon and not done sort by due
          skills where gap > 0 sort by gap desc select name
          count(values where goals == [])
          (goal "Lead a launch").ready

        Collections: goals skills values milestones mentors vision
        Clauses:     where COND  sort by EXPR [asc|desc]  group by EXPR  limit N  select EXPR
        Functions:   count sum min max avg any all first len join days

        Commands:
          :help              this text
          :load FILE         run a file in this session
          :reload            start again from the loaded files (after they changed on disk)
          :save FILE         write the plan as canonical source
          :check             run every check on the plan
          :report            the plan as a report
          :export FORMAT FILE  json, md, ics, dot or svg (FILE - is the screen)
          :reset             forget everything
          :quit, :q          leave (so does Ctrl-D)

        Tab completes keywords, commands, names and fields; Ctrl-R searches the
        history; Ctrl-C abandons the input; an empty line ends unfinished input.
        """
}
