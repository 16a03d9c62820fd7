import Foundation
@testable import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `:save` proven by a generated round trip (docs/repl.md, "Saving"):
/// plans generated from the kinds' own descriptions, written the ways
/// people write them, edited by random sessions of what the REPL accepts,
/// saved, read back and held to what `:save` promises. The clause table
/// comes from `KindInfo`, so a kind or clause described later is covered
/// without a change here.
///
/// A fixed seed runs in `make test`; `make fuzz-save` (or
/// PLAN_SAVE_FUZZ_SECONDS) runs random seeds for as long as asked, and a
/// failure is shrunk and kept in SaveRoundTrips/, which every run replays.
@Suite struct SaveRoundTripTests {
    static let today = Day(year: 2026, month: 11, day: 25) ?? Day(lastDayOfYear: 2026, month: 11)
    static let regressions = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("SaveRoundTrips")

    /// 2,000 sessions from one fixed seed, in four batches that run side by side.
    @Test(arguments: 0..<4)
    func aFixedSeedSavesTwoThousandSessionsLosingNothing(batch: UInt64) {
        var random = SplitMix64(seed: 17 + batch)
        var failures: [String] = []
        var saved = 0
        var skipped: [String: Int] = [:]
        let started = Date()
        for _ in 0..<500 {
            let seed = random.next()
            let trial = SaveTrial.generated(seed: seed)
            switch trial.outcome() {
            case .skipped(let why): skipped[why, default: 0] += 1
            case .held: saved += 1
            case .failed(let why): failures.append("seed \(seed): \(why)\n\(trial.shrunk().description)")
            }
            if failures.count >= 3 { break }
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
        // Most generated sessions must reach a save, or the property proves little.
        #expect(saved >= 350, "only \(saved) of 500 sessions saved; skipped: \(skipped)")
        print("save round trip, batch \(batch): 500 sessions (\(saved) saved, skipped \(skipped)) in \(String(format: "%.1f", seconds)) s")
    }

    @Test func theKeptRegressionsStillHold() throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Self.regressions.path)) ?? []
        for file in files.sorted() where file.hasSuffix(".json") {
            let data = try Data(contentsOf: Self.regressions.appendingPathComponent(file))
            let trial = try JSONDecoder().decode(SaveTrial.self, from: data)
            switch trial.outcome() {
            case .held: break
            case .skipped(let why): Issue.record("\(file): \(why)")
            case .failed(let why): Issue.record("\(file): \(why)")
            }
        }
    }

    /// The long mode: random seeds until PLAN_SAVE_FUZZ_SECONDS have passed
    /// (`make fuzz-save`); skipped without it.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PLAN_SAVE_FUZZ_SECONDS"] != nil))
    func randomSeedsForAsLongAsAsked() throws {
        let text = ProcessInfo.processInfo.environment["PLAN_SAVE_FUZZ_SECONDS"] ?? ""
        let seconds = try #require(Double(text), "PLAN_SAVE_FUZZ_SECONDS must be a number of seconds")
        var source = SystemRandomNumberGenerator()
        let started = Date()
        var sessions = 0
        var saved = 0
        var failures = 0
        let firstSeed = source.next()
        var seed = firstSeed
        while Date().timeIntervalSince(started) < seconds {
            let trial = SaveTrial.generated(seed: seed)
            sessions += 1
            switch trial.outcome() {
            case .skipped: break
            case .held: saved += 1
            case .failed(let why):
                failures += 1
                let shrunk = trial.shrunk()
                let file = Self.regressions.appendingPathComponent("seed-\(seed).json")
                try FileManager.default.createDirectory(at: Self.regressions, withIntermediateDirectories: true)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(shrunk).write(to: file, options: .atomic)
                Issue.record("seed \(seed): \(why)\nkept as \(file.path)\n\(shrunk.description)")
            }
            seed &+= 1
        }
        print("save round trip, long mode: \(sessions) sessions (\(saved) saved) in \(Int(Date().timeIntervalSince(started))) s, "
              + "seeds \(firstSeed) to \(seed &- 1), \(failures) failures")
    }
}

/// Files read by name from memory: the plan on its way in and back.
struct MemoryFiles: SourceReader {
    let files: [String: [UInt8]]

    func read(_ path: String) -> Result<SourceText, ReadFailure> {
        guard let bytes = files[path] else { return .failure(ReadFailure(reason: "no such file")) }
        return .success(SourceText(bytes: bytes, canonicalPath: path))
    }

    func realPath(_ path: String) -> Result<String, ReadFailure> {
        files[path] == nil ? .failure(ReadFailure(reason: "no such file")) : .success(path)
    }
}

/// One generated case: the files of a plan (main.plan first) and the lines
/// of a session typed over it, ending in `:save`.
struct SaveTrial: Codable, CustomStringConvertible {
    /// Each file as generated units (a statement with its comments and
    /// blank lines), so that shrinking can drop one at a time.
    var files: [PlanFile]
    var session: [String]

    struct PlanFile: Codable {
        var name: String
        var bom = false
        var crlf = false
        var units: [String]

        var text: String {
            let body = units.joined()
            return (bom ? "\u{FEFF}" : "") + (crlf ? body.replacingOccurrences(of: "\n", with: "\r\n") : body)
        }
    }

    var description: String {
        files.map { "=== \($0.name)\n\($0.text)" }.joined() + "=== session\n" + session.joined(separator: "\n")
    }

    enum Outcome {
        /// The plan did not load cleanly, or the session changed nothing.
        case skipped(String)
        case held
        case failed(String)
    }

    static func generated(seed: UInt64) -> SaveTrial {
        var generator = SaveGenerator(random: SplitMix64(seed: seed))
        return generator.trial()
    }

    func outcome() -> Outcome {
        var files: [String: [UInt8]] = [:]
        for file in self.files { files[file.name] = Array(file.text.utf8) }
        var session = EditingSession(files: MemoryFiles(files: files))
        guard session.loadsCleanly() else { return .skipped("the plan does not load cleanly") }
        for line in self.session { session.type(line) }
        guard session.accepted > 0 else { return .skipped("no statement was accepted") }
        return session.saveHolds(originals: files).map(Outcome.failed) ?? .held
    }

    /// The smallest case that still fails: statements, then session lines,
    /// dropped one at a time while the failure stays.
    func shrunk() -> SaveTrial {
        func fails(_ trial: SaveTrial) -> Bool {
            if case .failed = trial.outcome() { return true }
            return false
        }
        var best = self
        var progress = true
        while progress {
            progress = false
            for position in best.session.indices.reversed() where position < best.session.count - 1 {
                var candidate = best
                candidate.session.remove(at: position)
                if fails(candidate) { best = candidate; progress = true }
            }
            for file in best.files.indices {
                for unit in best.files[file].units.indices.reversed() where unit < best.files[file].units.count {
                    var candidate = best
                    candidate.files[file].units.remove(at: unit)
                    if fails(candidate) { best = candidate; progress = true }
                }
            }
        }
        return best
    }
}

/// The REPL session's part in an edit, in process: statements run as typed,
/// each one the plan does not accept taken back (a person would fix it
/// before saving, and `:save` refuses a plan with errors), `:undo` with a
/// history a step a statement, `:try` with `:keep` and `:drop`.
struct EditingSession {
    var interpreter: Interpreter
    var history: [Interpreter.State] = []
    var trial: (state: Interpreter.State, historyCount: Int)?
    /// Statements that changed the plan and stayed.
    var accepted = 0

    init(files: MemoryFiles) {
        interpreter = Interpreter(today: SaveRoundTripTests.today, reader: files)
        interpreter.keepsOrigins = true
    }

    mutating func loadsCleanly() -> Bool {
        let outcomes = interpreter.load(path: "main.plan")
        return !EditingSession.hasErrors(outcomes) && !interpreter.check().contains { $0.severity == .error }
    }

    static func hasErrors(_ outcomes: [Outcome]) -> Bool {
        outcomes.contains { outcome in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic.severity == .error }
            return false
        }
    }

    mutating func type(_ line: String) {
        switch line {
        case ":undo":
            guard let last = history.last, history.count > (trial?.historyCount ?? 0) else { return }
            history.removeLast()
            interpreter.restore(last)
        case ":try":
            if trial == nil { trial = (interpreter.state, history.count) }
        case ":keep":
            trial = nil
        case ":drop":
            guard let trial else { return }
            interpreter.restore(trial.state)
            history.removeLast(max(0, history.count - trial.historyCount))
            self.trial = nil
        default:
            let before = interpreter.state
            let outcomes = interpreter.run(Source(name: "<repl>", text: line + "\n"))
            if EditingSession.hasErrors(outcomes) || interpreter.check().contains(where: { $0.severity == .error }) {
                interpreter.restore(before)
            } else {
                history.append(before)
                accepted += 1
            }
        }
    }

    /// `:save`, then every promise checked; nil when all hold, else what broke.
    func saveHolds(originals: [String: [UInt8]]) -> String? {
        // `:save` waits for the end of a what-if; the session keeps it.
        let edited = SourceEditor.edit(interpreter, additions: [])
        var saved = originals
        for file in edited { saved[file.path] = Array(file.text.utf8) }
        for file in edited where !file.changed {
            if file.text.utf8.elementsEqual(originals[file.path] ?? []) == false { return "\(file.path) unchanged but rewritten" }
        }
        var reloaded = Interpreter(today: SaveRoundTripTests.today, reader: MemoryFiles(files: saved))
        reloaded.keepsOrigins = true
        let problems = reloaded.load(path: "main.plan").compactMap { outcome -> Diagnostic? in
            if case .diagnostic(let diagnostic) = outcome, diagnostic.severity == .error { return diagnostic }
            return nil
        } + reloaded.check().filter { $0.severity == .error }
        if let problem = problems.first {
            return "the saved plan does not load: \(problem.code.rawValue) \(problem.message)\n" + texts(edited)
        }
        let session = JSONExport.render(interpreter.asOfToday, today: SaveRoundTripTests.today)
        let back = JSONExport.render(reloaded.asOfToday, today: SaveRoundTripTests.today)
        if session != back {
            return "the saved plan is not the session's:\n" + difference(session, back) + "\n" + texts(edited)
        }
        // The plan written from scratch, entity by entity in canonical form
        // (what `PlanWriter.render` lays out), the session's and the saved one's.
        func canonical(_ plan: Plan) -> String {
            EntityKind.allCases.flatMap { kind in (0..<plan.count(of: kind)).compactMap { PlanWriter.line(plan, kind, $0) } }
                .joined(separator: "\n")
        }
        let written = canonical(interpreter.plan)
        let rewritten = canonical(reloaded.plan)
        if written != rewritten {
            return "fmt of the saved plan differs from the session's written from scratch:\n" + difference(written, rewritten)
        }
        for file in edited {
            guard Formatter.format(Source(name: file.path, text: file.text)).text != nil else {
                return "fmt refuses the saved \(file.path)\n" + texts(edited)
            }
        }
        return untouchedLinesStand(saved: saved, edited: edited) ?? commentsStand(saved: saved, edited: edited)
    }

    private func texts(_ files: [SourceEditor.File]) -> String {
        files.map { "--- saved \($0.path)\n\($0.text)" }.joined()
    }

    private func difference(_ left: String, _ right: String) -> String {
        let a = left.split(separator: "\n", omittingEmptySubsequences: false)
        let b = right.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) where (a.indices.contains(index) ? a[index] : nil) != (b.indices.contains(index) ? b[index] : nil) {
            return "session: \(a.indices.contains(index) ? String(a[index]) : "(end)")\nsaved:   \(b.indices.contains(index) ? String(b[index]) : "(end)")"
        }
        return ""
    }

    /// The entities as the files declared them, by where each statement
    /// stands, and whether the session left each as it was.
    private func fileStatements() -> [(range: SourceRange, untouched: Bool, removed: Bool)] {
        var result: [(SourceRange, Bool, Bool)] = []
        let plan = interpreter.plan
        let positions = EntityKind.allCases.map { plan.positions(of: $0) }
        var days: [String: Int] = [:]
        for kind in EntityKind.allCases where kind.info.identity == .dayAndText {
            for index in 0..<plan.count(of: kind) { days["\(kind) \(plan.name(of: kind, at: index)?.text ?? "")", default: 0] += 1 }
        }
        for (key, origin) in interpreter.origins.entities {
            let index = positions[key.kind.ordinal][key.identity]
            // An entry an `update` in a file picks by its day alone is written
            // again when another entry moved to that day: the file would not load.
            let sharesItsDay = key.kind.info.identity == .dayAndText && origin.statements.count > 1
                && (days["\(key.kind) \(index.flatMap { plan.name(of: key.kind, at: $0)?.text } ?? "")"] ?? 0) > 1
            let untouched = !sharesItsDay && (index.map { PlanWriter.clauses(plan, key.kind, $0) == origin.asRead } ?? false)
            for range in origin.statements { result.append((range, untouched, index == nil)) }
        }
        return result
    }

    /// Every line of an entity the session left alone is in its file as it was.
    private func untouchedLinesStand(saved: [String: [UInt8]], edited: [SourceEditor.File]) -> String? {
        let statements = fileStatements()
        var parsed: [Int: [Statement]] = [:]
        for (range, untouched, _) in statements where untouched {
            guard let source = interpreter.sources[range.source], let after = saved[source.name] else { continue }
            let lines = wholeLines(range, in: source.bytes)
            if parsed[range.source] == nil { parsed[range.source] = Parser.parse(source, id: range.source).statements }
            // Lines shared with another statement change when that one does.
            let shared = (parsed[range.source] ?? []).contains { other in
                other.range.start != range.start && other.range.start < lines.upperBound && other.range.end > lines.lowerBound
            }
            if shared { continue }
            let block = Array(source.bytes[lines])
            // One line of a block fmt lines up in columns is laid out again
            // when another row of it changed: only its blanks move.
            let realigned = !block.dropLast().contains(UInt8(ascii: "\n"))
                && contains(Self.squeezingBlanks([UInt8(ascii: "\n")] + after), Self.squeezingBlanks([UInt8(ascii: "\n")] + block))
            if !contains(after, block), !realigned {
                return "an untouched entity's lines changed in \(source.name):\n\(String(decoding: block, as: UTF8.self))\n" + texts(edited)
            }
        }
        return nil
    }

    /// Every comment stands in its file, unless the entity it was written in was removed.
    private func commentsStand(saved: [String: [UInt8]], edited: [SourceEditor.File]) -> String? {
        let statements = fileStatements()
        for id in interpreter.origins.files {
            guard let source = interpreter.sources[id], let after = saved[source.name] else { continue }
            for comment in Parser.parse(source, id: id).comments {
                let owner = statements.first { statement in
                    guard statement.range.source == id else { return false }
                    let lines = wholeLines(statement.range, in: source.bytes)
                    return comment.start >= statement.range.start && comment.start < lines.upperBound
                }
                if owner?.removed == true { continue }
                var text = Array(source.bytes[comment.start..<comment.end])
                while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                    text.removeLast()
                }
                if !contains(after, text) {
                    return "a comment is gone from \(source.name): \(String(decoding: text, as: UTF8.self))\n" + texts(edited)
                }
            }
        }
        return nil
    }

    /// From the start of the range's first line to the end of its last, line end included.
    private func wholeLines(_ range: SourceRange, in bytes: [UInt8]) -> Range<Int> {
        var start = min(range.start, bytes.count)
        while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var end = min(range.end, bytes.count)
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
        return start..<min(end + 1, bytes.count)
    }

    /// Each run of spaces one space, so columns no longer count.
    static func squeezingBlanks(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        for byte in bytes where byte != UInt8(ascii: " ") || result.last != UInt8(ascii: " ") { result.append(byte) }
        return result
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= haystack.count else { return false }
        let first = needle[0]
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
