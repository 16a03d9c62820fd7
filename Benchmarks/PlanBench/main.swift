#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

// Times the stages of `plan` in one process, on bytes already in memory, so
// that lexing and parsing can be measured alone without hidden CLI flags:
//
//     plan-bench FILE [-e QUERY] [--runs N] [--today YYYY-MM-DD]
//
// Each phase runs N times and the fastest run counts, as in run.py.

let usage = "usage: plan-bench FILE [-e QUERY] [--runs N] [--today YYYY-MM-DD]"

struct Options {
    var path = ""
    var query: String?
    var runs = 3
    var today = Day(ordinal: 0)
}

func fail(_ message: String, status: Int32) -> Never {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(status)
}

func parseOptions(_ arguments: ArraySlice<String>) -> Options {
    var options = Options()
    var path: String?
    var todayText = "2026-11-25"
    var rest = arguments
    while let argument = rest.popFirst() {
        switch argument {
        case "-e", "--runs", "--today":
            guard let value = rest.popFirst() else { fail("plan-bench: \(argument) needs a value\n\(usage)", status: 2) }
            if argument == "-e" {
                options.query = value
            } else if argument == "--runs" {
                guard let runs = Int(value), runs > 0 else { fail("plan-bench: --runs needs a count above 0", status: 2) }
                options.runs = runs
            } else {
                todayText = value
            }
        case "-h", "--help":
            print(usage)
            exit(0)
        default:
            guard path == nil, !argument.hasPrefix("-") else { fail("plan-bench: unexpected \(argument)\n\(usage)", status: 2) }
            path = argument
        }
    }
    guard let path else { fail(usage, status: 2) }
    options.path = path
    switch Day.parse(todayText) {
    case .success(let day): options.today = day
    case .failure(let problem): fail("plan-bench: --today \(todayText): \(problem)", status: 2)
    }
    return options
}

/// As `plan` itself allows, so that `/dev/zero` is an error and not a hang.
let sizeLimit = 64 << 20

func readFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { fail("plan-bench: cannot read \(path): \(String(cString: strerror(errno)))", status: 1) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 { fail("plan-bench: cannot read \(path): \(String(cString: strerror(errno)))", status: 1) }
        if count == 0 { return bytes }
        bytes.append(contentsOf: chunk.prefix(count))
        if bytes.count > sizeLimit { fail("plan-bench: cannot read \(path): it is larger than 64 MiB", status: 1) }
    }
}

/// The fastest of `runs` runs of `body`, and what the last run returned
/// (printed, so that the optimizer cannot drop the work).
func best<Result>(of runs: Int, _ body: () -> Result) -> (time: Swift.Duration, result: Result) {
    let clock = ContinuousClock()
    var start = clock.now
    var result = body()
    var fastest = clock.now - start
    for _ in 1..<max(runs, 1) {
        start = clock.now
        let next = body()
        fastest = min(fastest, clock.now - start)
        // Freeing the previous run's result is no part of this run's time.
        result = next
    }
    return (fastest, result)
}

func milliseconds(_ duration: Swift.Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1000 + Double(attoseconds) / 1e15
}

/// `value` with one decimal, right-aligned in `width` characters.
func column(_ value: Double, width: Int) -> String {
    let tenths = Int((value * 10).rounded())
    let text = "\(tenths / 10).\(tenths % 10)"
    return String(repeating: " ", count: max(0, width - text.count)) + text
}

func report(_ phase: String, _ duration: Swift.Duration, bytes: Int, detail: String) {
    let ms = milliseconds(duration)
    let rate = ms > 0 ? Double(bytes) / 1e6 / (ms / 1000) : 0
    let name = phase + String(repeating: " ", count: max(0, 12 - phase.count))
    print("\(name)\(column(ms, width: 10)) ms\(column(rate, width: 9)) MB/s   \(detail)")
}

let options = parseOptions(CommandLine.arguments.dropFirst())
let source = Source(name: options.path, bytes: readFile(options.path))
let size = source.bytes.count
print("plan-bench \(options.path): \(size) bytes, best of \(options.runs), today \(options.today)")

// The public whole-file lexer keeps its tokens in an array, which costs a
// little beyond lexing; the streaming parser below never holds them.
let lexed = best(of: options.runs) { Lexer.tokenize(source, id: 0) }
report("lex", lexed.time, bytes: size,
       detail: "\(lexed.result.tokens.count) tokens, \(lexed.result.diagnostics.count) errors")

let parsed = best(of: options.runs) {
    var parser = Parser(source, id: 0)
    var statements = 0
    while parser.nextStatement() != nil { statements += 1 }
    return (statements: statements, errors: parser.takeDiagnostics().count)
}
report("parse", parsed.time, bytes: size, detail: "\(parsed.result.statements) statements, \(parsed.result.errors) errors")

let loaded = best(of: options.runs) {
    var interpreter = Interpreter(today: options.today)
    let problems = interpreter.run(source).filter { if case .diagnostic = $0 { return true } else { return false } }
    return (interpreter: interpreter, diagnostics: problems.count + interpreter.check().count)
}
report("load+check", loaded.time, bytes: size,
       detail: "\(loaded.result.interpreter.plan.goals.count) goals, \(loaded.result.diagnostics) diagnostics")

if let query = options.query {
    let question = Source(name: "-e", text: query)
    let answered = best(of: options.runs) {
        // A copy per run: the loaded plan is shared, only the copy's list of sources grows.
        var interpreter = loaded.result.interpreter
        return interpreter.run(question)
    }
    let plan = loaded.result.interpreter.plan
    let answers = answered.result.map { outcome -> String in
        switch outcome {
        case .answer(let value, _, _): return Answers.text(value, plan: plan, today: options.today)
        case .diagnostic(let diagnostic): return "error: \(diagnostic.message)"
        }
    }
    report("query", answered.time, bytes: size, detail: answers.joined(separator: "; "))
    let failed = answered.result.contains { if case .diagnostic = $0 { return true } else { return false } }
    if failed { exit(1) }
}
