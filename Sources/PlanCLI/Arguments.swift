import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// What the person asked for, once the command line is read.
enum Command: Equatable, Sendable {
    case repl(files: [String])
    /// `-` among the files stands for stdin.
    case run(files: [String], expressions: [String])
    case check(files: [String])
    case fmt(files: [String], write: Bool, check: Bool)
    case report(file: String)
    case agenda(files: [String], days: Int)
    case review(files: [String])
    case export(format: String, file: String, output: String?)
    /// Each path a plan or a folder of plans; `jobs` threads load them.
    /// `htmlFolder`: write the index and one page a client there instead.
    case practice(paths: [String], details: Bool, jobs: Int, htmlFolder: String?)
    /// nil: the help for every command.
    case help(command: String?)
    case version
    /// The language server over stdin and stdout.
    case lsp
}

enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// A command and the options that hold for every command.
struct Invocation: Equatable, Sendable {
    var command: Command
    var json = false
    /// nil: the local system date.
    var today: Day?
    var color = ColorChoice.auto
    var strict = false
    /// Warnings are not shown (unless `strict` makes them fail the command).
    var quiet = false
}

struct UsageError: Error, Equatable, CustomStringConvertible {
    var description: String
}

/// Reads argv. Options may stand anywhere on the line; `--` ends them.
struct Arguments {
    static let commands = ["run", "check", "fmt", "report", "agenda", "review", "export", "practice", "repl", "lsp", "help", "version"]
    static let flags = ["--json", "--strict", "-q", "--quiet", "-w", "--write", "--check", "--help", "-h", "--version",
                        "--details", "--html"]
    static let valued = ["--today", "--color", "-e", "--format", "-o", "--output", "--days", "--jobs"]

    var environment: [String: String] = [:]
    var stdinIsTerminal = false
    /// Whether a word that is not a command names a file to run.
    var fileExists: @Sendable (String) -> Bool = { _ in false }
    /// The names of the files in a folder, for "did you mean" when a word
    /// names neither a command nor a file.
    var filesIn: @Sendable (_ folder: String) -> [String] = { _ in [] }

    func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var positionals: [String] = []
        var expressions: [String] = []
        var given: Set<String> = []
        var values: [String: String] = [:]
        var position = 0
        var optionsEnded = false
        // The first one is reported, and only when neither --help nor
        // --version is on the line.
        var problem: UsageError?

        while position < arguments.count {
            let argument = arguments[position]
            position += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            if Self.flags.contains(name) {
                guard inline == nil else { throw UsageError(description: "option \(name) takes no value") }
                given.insert(Self.canonical(name))
            } else if Self.valued.contains(name) {
                let value: String
                if let inline {
                    value = inline
                } else if position < arguments.count {
                    value = arguments[position]
                    position += 1
                } else {
                    throw UsageError(description: "option \(name) needs a value")
                }
                let key = Self.canonical(name)
                given.insert(key)
                if key == "-e" {
                    expressions.append(value)
                } else if values.updateValue(value, forKey: key) != nil, problem == nil {
                    // Neither value can be said to win: `--today A --today B` is a slip.
                    problem = UsageError(description: "\(name) is given twice")
                }
            } else if problem == nil {
                var message = "unknown option \(name)"
                // A one-letter option is one edit from every other: no guess.
                let long = (Self.flags + Self.valued).filter { $0.hasPrefix("--") }
                if name.hasPrefix("--"), let near = Suggestion.closest(to: name, among: long) {
                    message += "; did you mean \(near)?"
                }
                problem = UsageError(description: message)
            }
        }

        if given.contains("--help") {
            // `plan run --help` is the help for run; `plan FILE --help` the help for all.
            let word = positionals.first.flatMap { Self.commands.contains($0) ? $0 : nil }
            return Invocation(command: .help(command: word == "help" ? nil : word))
        }
        if given.contains("--version") { return Invocation(command: .version) }
        if let problem { throw problem }

        var color = ColorChoice.auto
        if let text = values["--color"] {
            guard let choice = ColorChoice(rawValue: text) else {
                throw UsageError(description: "--color takes auto, always or never, not \"\(text)\"")
            }
            color = choice
        }
        let today = try today(values["--today"])
        let command = try command(positionals, expressions: expressions, given: given, values: values)
        try checkApplies(given, to: command)
        return Invocation(command: command, json: given.contains("--json"), today: today, color: color,
                          strict: given.contains("--strict"), quiet: given.contains("-q"))
    }

    private static func canonical(_ name: String) -> String {
        switch name {
        case "-h": return "--help"
        case "--write": return "-w"
        case "--quiet": return "-q"
        case "--output": return "-o"
        default: return name
        }
    }

    private func today(_ option: String?) throws(UsageError) -> Day? {
        let text: String
        let origin: String
        if let option {
            (text, origin) = (option, "--today")
        } else if let variable = environment["PLAN_TODAY"], !variable.isEmpty {
            (text, origin) = (variable, "PLAN_TODAY")
        } else {
            return nil
        }
        // One day, not a month or quarter: `--today 2027-06` would otherwise
        // quietly mean the month's last day, as a deadline does.
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.map(\.count) == [4, 2, 2] else {
            throw UsageError(description: "\(origin) \"\(text)\" is not a day: write it YYYY-MM-DD")
        }
        switch Day.parse(text) {
        case .success(let day): return day
        case .failure(let problem):
            throw UsageError(description: "\(origin) \"\(text)\" is not a date: \(problem)")
        }
    }

    private func command(_ words: [String], expressions: [String], given: Set<String>,
                         values: [String: String]) throws(UsageError) -> Command {
        guard let word = words.first else {
            if !expressions.isEmpty { return .run(files: [], expressions: expressions) }
            return stdinIsTerminal ? .repl(files: []) : .run(files: ["-"], expressions: [])
        }
        let files = Array(words.dropFirst())
        switch word {
        case "run":
            guard !files.isEmpty || !expressions.isEmpty else {
                throw UsageError(description: "run needs a file or -e EXPR")
            }
            return .run(files: files, expressions: expressions)
        case "check":
            guard !files.isEmpty else { throw UsageError(description: "check needs at least one file") }
            return .check(files: files)
        case "fmt":
            guard !files.isEmpty else { throw UsageError(description: "fmt needs at least one file") }
            let (write, check) = (given.contains("-w"), given.contains("--check"))
            guard !(write && check) else { throw UsageError(description: "fmt takes -w or --check, not both") }
            return .fmt(files: files, write: write, check: check)
        case "report":
            guard files.count == 1, let file = files.first else {
                throw UsageError(description: "report takes exactly one file")
            }
            return .report(file: file)
        case "agenda":
            // `--days s.plan` took the file for its number: that is what to say.
            let days = try Self.days(values["--days"])
            guard !files.isEmpty else { throw UsageError(description: "agenda needs at least one file") }
            return .agenda(files: files, days: days)
        case "review":
            guard !files.isEmpty else { throw UsageError(description: "review needs at least one file") }
            return .review(files: files)
        case "export":
            guard let format = values["--format"] else {
                throw UsageError(description: "export needs --format (\(ExportFormat.list))")
            }
            guard ExportFormat(rawValue: format) != nil else {
                var message = "unknown export format \"\(format)\"; formats: \(ExportFormat.list)"
                if let near = Suggestion.closest(to: format, among: ExportFormat.allCases.map(\.rawValue)) {
                    message += "; did you mean \(near)?"
                }
                throw UsageError(description: message)
            }
            guard files.count == 1, let file = files.first else {
                throw UsageError(description: "export takes exactly one file")
            }
            guard values["-o"] != "" else { throw UsageError(description: "-o needs a file name (or - for stdout)") }
            return .export(format: format, file: file, output: values["-o"])
        case "practice":
            guard !files.isEmpty else { throw UsageError(description: "practice needs a plan or a folder of plans") }
            guard !files.contains("-") else {
                throw UsageError(description: "practice reads each client's plan from its file, not from stdin")
            }
            let jobs = try Self.jobs(values["--jobs"])
            let html = given.contains("--html")
            guard html == (values["-o"] != nil) else {
                throw UsageError(description: html ? "practice --html needs -o FOLDER for the pages"
                                                   : "practice -o is for --html: the folder the pages go to")
            }
            guard values["-o"] != "", values["-o"] != "-" else {
                throw UsageError(description: "practice --html -o needs a folder name")
            }
            guard !(html && given.contains("--json")) else {
                throw UsageError(description: "practice takes --json or --html, not both")
            }
            return .practice(paths: files, details: given.contains("--details"), jobs: jobs, htmlFolder: values["-o"])
        case "repl":
            guard !files.contains("-") else {
                throw UsageError(description: "repl reads what you type from stdin, so it cannot load a plan from - too; "
                                 + "name the plan's file, or pipe the plan to plan run -")
            }
            return .repl(files: files)
        case "help":
            guard files.count <= 1 else { throw UsageError(description: "help takes at most one command") }
            guard let topic = files.first else { return .help(command: nil) }
            guard Self.commands.contains(topic) else {
                var message = "no help for \"\(topic)\": it is not a command"
                if let near = Suggestion.closest(to: topic, among: Self.commands) { message += "; did you mean \(near)?" }
                throw UsageError(description: message)
            }
            return .help(command: topic == "help" ? nil : topic)
        case "version": return .version
        case "lsp":
            guard files.isEmpty else { throw UsageError(description: "lsp takes no files: the editor sends them") }
            return .lsp
        default:
            if word == "-" || word.hasSuffix(".plan") || fileExists(word) {
                return .run(files: words, expressions: expressions)
            }
            var message = "unknown command or file \"\(word)\""
            if let near = nearest(to: word) { message += "; did you mean \(near)?" }
            throw UsageError(description: message)
        }
    }

    /// `--jobs N` of practice: how many threads load plans, 1 to 256;
    /// by default one a processor.
    static func jobs(_ text: String?) throws(UsageError) -> Int {
        guard let text else { return onlineProcessors() }
        guard text.allSatisfy(\.isASCII), let jobs = Int(text), (1...256).contains(jobs) else {
            throw UsageError(description: "--jobs takes a whole number of threads from 1 to 256, not \"\(text)\"")
        }
        return jobs
    }

    /// `--days N` of agenda: a whole number of days, 1 to Agenda.maximumDays.
    static func days(_ text: String?) throws(UsageError) -> Int {
        guard let text else { return Agenda.defaultDays }
        guard text.allSatisfy(\.isASCII), let days = Int(text), (1...Agenda.maximumDays).contains(days) else {
            throw UsageError(description: "--days takes a whole number of days from 1 to \(Agenda.maximumDays), not \"\(text)\"")
        }
        return days
    }

    /// The command or the file a mistyped word most likely meant. A word that
    /// looks like a path is first taken for a file; in its folder a `.plan`
    /// file is preferred to any other.
    private func nearest(to word: String) -> String? {
        let slash = word.lastIndex(of: "/")
        let folder = slash.map { String(word[...$0]) } ?? ""
        let name = slash.map { String(word[word.index(after: $0)...]) } ?? word
        // A name that would show control characters is not offered: the
        // message must not drive the terminal.
        let files = filesIn(folder.isEmpty ? "." : folder).filter { file in
            !file.hasPrefix(".") && !file.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        }
        let file = (Suggestion.closest(to: name, among: files.filter { $0.hasSuffix(".plan") })
            ?? Suggestion.closest(to: name, among: files)).map { folder + $0 }
        let command = Suggestion.closest(to: word, among: Self.commands)
        let looksLikeAPath = word.contains(".") || word.contains("/")
        return looksLikeAPath ? file ?? command : command ?? file
    }

    /// Options that only make sense for some commands are an error elsewhere,
    /// rather than silently doing nothing.
    private func checkApplies(_ given: Set<String>, to command: Command) throws(UsageError) {
        let owners: [(option: String, commands: Set<String>)] = [
            ("-e", ["run"]), ("--strict", ["run", "check"]), ("-w", ["fmt"]), ("--check", ["fmt"]),
            ("--format", ["export"]), ("-o", ["export", "practice"]), ("--days", ["agenda"]),
            ("--details", ["practice"]), ("--html", ["practice"]), ("--jobs", ["practice"]),
        ]
        for owner in owners where given.contains(owner.option) && !owner.commands.contains(command.word) {
            throw UsageError(description: "option \(owner.option) is only for \(owner.commands.sorted().joined(separator: " and "))")
        }
        // -q holds for every command that loads a plan through CommandContext,
        // a new one included (the REPL too). fmt reports syntax errors only.
        if given.contains("-q"), command.word == "fmt" {
            throw UsageError(description: "option -q is not for fmt: it hides the warnings of run, check, report, agenda, review, export and repl")
        }
    }
}

extension Command {
    /// The command word as typed.
    var word: String {
        switch self {
        case .repl: return "repl"
        case .run: return "run"
        case .check: return "check"
        case .fmt: return "fmt"
        case .report: return "report"
        case .agenda: return "agenda"
        case .review: return "review"
        case .export: return "export"
        case .practice: return "practice"
        case .help: return "help"
        case .version: return "version"
        case .lsp: return "lsp"
        }
    }
}
