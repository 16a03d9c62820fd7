#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Entry point for the `plan` executable; returns the exit status:
/// 0 success, 1 errors in the plan or a failed file operation, 2 wrong usage.
public func runPlan(arguments: [String]) -> Int32 {
    let environment = processEnvironment()
    let reader = Arguments(environment: environment,
                           stdinIsTerminal: isatty(0) == 1,
                           fileExists: { path in
                               var status = stat()
                               return stat(path, &status) == 0
                           },
                           filesIn: filesIn)
    let invocation: Invocation
    do {
        invocation = try reader.parse(arguments)
    } catch {
        StandardStream.error.write("plan: error: \(Literal.printable(error.description))\nRun 'plan --help' to see every command and option.\n")
        return 2
    }

    let color: Bool
    switch invocation.color {
    case .always: color = true
    case .never: color = false
    case .auto:
        // Color goes where the colored text goes: the report, the agenda and
        // the review to stdout, diagnostics to stderr. `plan report x > file` must stay plain.
        let stream = ["report", "agenda", "review", "practice"].contains(invocation.command.word) ? StandardStream.output : StandardStream.error
        color = stream.isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
    let context = CommandContext(today: invocation.today ?? localToday(),
                                 output: OutputOptions(json: invocation.json, color: color),
                                 strict: invocation.strict, quiet: invocation.quiet)

    let status = run(invocation.command, context: context)
    // The REPL prints some text through stdio's buffer, whose failure only
    // shows when it is flushed.
    if fflush(nil) != 0 { StandardStream.outputFailed(errno) }
    return status
}

private func run(_ command: Command, context: CommandContext) -> Int32 {
    switch command {
    case .help(let command):
        StandardStream.output.write(command.flatMap(CommandHelp.page(for:)) ?? helpText)
        return 0
    case .version:
        StandardStream.output.write("plan \(version)\n")
        return 0
    case .repl(let files): return runREPL(files: files, context: context)
    case .run(let files, let expressions): return runRun(files: files, expressions: expressions, context: context)
    case .check(let files): return runCheck(files: files, context: context)
    case .fmt(let files, let write, let check): return runFormat(files: files, write: write, check: check, context: context)
    case .report(let file): return runReport(file: file, context: context)
    case .agenda(let files, let days): return runAgenda(files: files, days: days, context: context)
    case .review(let files): return runReview(files: files, context: context)
    case .export(let format, let file, let output): return runExport(format: format, file: file, output: output, context: context)
    case .practice(let paths, let details, let jobs, let htmlFolder):
        return runPractice(paths: paths, details: details, jobs: jobs, htmlFolder: htmlFolder, context: context)
    case .lsp: return runLanguageServer(context: context)
    }
}

let version = "0.1.0"

/// The names of the regular files in `folder`; none when it cannot be read.
@Sendable func filesIn(_ folder: String) -> [String] {
    guard let directory = opendir(folder) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
        // A name that is not UTF-8 could not be shown as it is, so it is not offered.
        guard let name = withUnsafeBytes(of: entry.pointee.d_name, { String(validating: $0.prefix { $0 != 0 }, as: UTF8.self) })
        else { continue }
        var status = stat()
        let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG { names.append(name) }
    }
    return names
}

/// The environment variables of this process; a name given twice keeps its
/// first value, as getenv reads it.
func processEnvironment() -> [String: String] {
    variables(in: environ)
}

/// The variables of a list shaped like `environ`: `NAME=value` strings,
/// then a null pointer.
func variables(in list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> [String: String] {
    var variables: [String: String] = [:]
    var entry = list
    while let pointer = entry.pointee {
        let text = String(cString: pointer)
        // The name ends at the first `=` byte, as POSIX has it: a search by
        // Character would also cost each variable a walk of grapheme
        // breaks, a tenth of starting `plan`.
        if let equals = text.utf8.firstIndex(of: UInt8(ascii: "=")) {
            let name = String(text[..<equals])
            if variables[name] == nil { variables[name] = String(text[text.utf8.index(after: equals)...]) }
        }
        entry += 1
    }
    return variables
}

/// The day it is where the person is, for `today` when nothing fixes it.
func localToday() -> Day {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return Day(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
        ?? Day(ordinal: Int(now) / 86_400)
}

let helpText = """
plan: a language for career plans

Usage:
  plan                          REPL on a terminal; otherwise run the script on stdin
  plan FILE...                  same as plan run FILE...
  plan run FILE... [-e EXPR]    load the files, print each question's answer, then check
  plan check FILE... [--strict] report problems only; prints nothing for a clean plan
  plan fmt [-w | --check] FILE...
                                print the files in canonical form (-w: rewrite them,
                                --check: exit 1 when a file is not formatted)
  plan report FILE              vision, values, timeline, skill gaps, next steps
  plan agenda FILE... [--days N]
                                what is overdue, then what is due in the next N days
                                (default 14): goals, milestones, people to reach
  plan review FILE...           the four strategy questions answered from the plan, the
                                load against capacity, and the line to log the review
  plan export --format F FILE [-o OUT]
                                F is json, md, ics, dot, svg or html; -o writes OUT atomically
  plan practice FILE|DIR... [--details] [--jobs N] [--html -o DIR]
                                one row a client plan, most urgent first; in a
                                folder, each plan no other plan of it includes
  plan repl [FILE...]           REPL with the files loaded
  plan lsp                      the language server, over stdin and stdout, for
                                editors (docs/editors.md)
  plan help [COMMAND]           this text, or one command's usage, options and an example
                                (also: plan COMMAND --help)
  plan version
A FILE of - is stdin.

Options (anywhere on the line; -- ends them):
  --json                 each answer as one JSON value per line; with check,
                         each diagnostic as one JSON object per line on stdout;
                         with agenda, each item as one JSON object per line;
                         with review, one object; with practice, one
                         object a client per line
  --today YYYY-MM-DD     what `today` means (default: $PLAN_TODAY, else the system date)
  --color auto|always|never
                         color diagnostics, the report, the agenda, the
                         review and the practice (auto: when the stream they
                         go to is a terminal and NO_COLOR is unset or empty)
  -e EXPR                run, after the files, the statement EXPR (repeatable)
  --strict               warnings fail too (run, check)
  -q, --quiet            hide warnings; errors always show, and so do warnings
                         with --strict (run, check, report, agenda, review, export)
  -w, --write            fmt: rewrite the files in place
  --check                fmt: only tell whether the files are formatted
  --days N               agenda: how many days ahead to look (default 14)
  --format F             export: the output format
  -o, --output OUT       export: the file to write instead of stdout;
                         practice --html: the folder for the pages
  --details              practice: each client's agenda too
  --html                 practice: write an index page and a page a client
  --jobs N               practice: threads that load plans (default: one a processor)
  -h, --help             this text; after a command, that command's help
  --version              the version

Examples:
  plan career.plan
  plan run career.plan -e 'goals where due < today + 6 months sort by due'
  plan check --strict --json career.plan
  plan --today 2027-01-01 -e 'today + 90 days'
  echo 'skills where gap > 0' | plan run career.plan -
  plan fmt -w career.plan
  plan report career.plan
  plan agenda --days 7 career.plan
  plan review career.plan
  plan repl career.plan
  plan export --format ics career.plan -o career.ics
  plan help run

Exit status: 0 success; 1 errors in the plan (warnings too with --strict)
or a failed file operation; 2 wrong usage.

"""
