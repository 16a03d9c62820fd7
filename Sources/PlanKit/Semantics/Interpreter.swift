import PlanCore
import Synchronization
import PlanSyntax

/// One result of running a statement: an answer to a question, or a problem.
public enum Outcome: Sendable {
    /// The value of an expression statement, where that statement stands,
    /// and the collection it lists when it asks for one.
    case answer(Value, SourceRange, listing: Keyword?)
    case diagnostic(Diagnostic)
}

/// Runs statements against a plan. `plan run`, `plan check` and the REPL all
/// go through `run` / `load`, so a line typed in the REPL and the same line in
/// a file behave alike.
public struct Interpreter: Sendable {
    public private(set) var plan = Plan() { didSet { asOfMemo = nil } }
    public private(set) var sources = SourceMap()
    public var today: Day
    /// Paths given to `load`, in order, so that the REPL can `:reload` them.
    public private(set) var loadedFiles: [String] = [] { didSet { changing?.changed = true } }
    /// The `let` names bound so far; a later `let` of a name replaces it.
    public private(set) var bindings: [String: Value] = [:] { didSet { changing?.changed = true } }
    /// Where, in the files read, each entity and the vision were declared
    /// and changed: what `:save` edits.
    public private(set) var origins = Origins() { didSet { changing?.changed = true } }
    /// While a change is recorded (`beginChange`), the values beside the
    /// plan as they were, and whether any has changed since.
    private var changing: Before?

    private struct Before: Sendable {
        var bindings: [String: Value]
        var origins: Origins
        var loadedFiles: [String]
        var includedFiles: [String: SourceRange]
        var changed = false
    }
    /// The first error met reading a file. Such a plan is never written
    /// back: a declaration kept without a clause that did not parse would
    /// lose that clause's text, and a declaration the session already had
    /// (E020) would put the session's in the file's place.
    public private(set) var fileError: Diagnostic?
    /// Whether to keep `origins`: a session that may `:save` does; a run
    /// or a check of a large plan need not pay for them.
    public var keepsOrigins = false

    /// The plan as it stands on `today`: what is declared, with the log's
    /// counting entries applied (skill levels reached, goals and milestones
    /// done, people met). Questions, checks and outputs read this one;
    /// `plan` is what the files and the session declared, which `:save` writes.
    public var asOfToday: Plan {
        if let asOfMemo { return asOfMemo.plan(on: today) { Interpreter.asOf(plan, today: $0) } }
        return Interpreter.asOf(plan, today: today)
    }

    /// `asOfToday` kept while the plan stays as it is, from the first
    /// question on: a question and the showing of its answer, and a run of
    /// questions after the last declaration, work the log out once, not
    /// once each. Any change to the plan drops it; a copy of the
    /// interpreter that changes its plan drops only its own.
    private var asOfMemo: AsOfMemo?

    /// `plan` as it stands on `today`, every kind applied in turn.
    public static func asOf(_ plan: Plan, today: Day) -> Plan {
        EntityKind.applyOrder.reduce(plan.withoutJournal()) { current, kind in kind.info.asOf(current, today) }
    }

    /// How files named by `load` and `include` are read.
    private let reader: any SourceReader
    /// The `update`s of a file being loaded that set something the log
    /// decides, by the entity's identity: a file's log entries may come
    /// after them, so they are weighed once the whole file is read.
    private var updatesToWeigh: [(declaration: Declaration, identity: Int)] = []
    /// Each file `include` has read, by its real path, with the first
    /// `include` of it.
    private var includedFiles: [String: SourceRange] = [:] { didSet { changing?.changed = true } }
    private var includeStatementsRun = 0
    /// Every long name read, made once (`NameInterner`): each parser holds
    /// it while it reads and hands it back around each statement it runs,
    /// so that names from every file, include and line share one String.
    private var internedNames = NameInterner()

    /// `reader` reads what the plan includes; without one, a plan is its own text alone.
    public init(today: Day, reader: any SourceReader = NoFiles()) {
        self.today = today
        self.reader = reader
    }

    /// What is given each outcome as it is made, with the interpreter as it
    /// stands then: an answer shown at once shows the plan as built so far,
    /// and a file of a million questions never holds a million answers.
    public typealias Sink = (Outcome, Interpreter) -> Void

    /// Parses and runs every statement of `source`: declarations change the
    /// plan, questions are answered against the plan as built so far.
    /// Its `include`s resolve relative to the current directory. A plan
    /// keeps a declaration whose clause is wrong, without that clause, so
    /// that its log entries and the goals after it still find it; `typed`
    /// input (a REPL line) is typed again whole, so a wrong line changes nothing.
    public mutating func run(_ source: Source, typed: Bool = false) -> [Outcome] {
        var outcomes: [Outcome] = []
        run(source, typed: typed) { outcome, _ in outcomes.append(outcome) }
        return outcomes
    }

    /// `run`, handing each outcome to `each` as soon as it is made.
    public mutating func run(_ source: Source, typed: Bool = false, each: Sink) {
        run(source, from: Inclusion(folder: "", chain: [], recoversClauses: !typed), each: each)
    }

    /// Reads the file at `path` and runs it; `include`s inside resolve
    /// relative to the including file.
    public mutating func load(path: String) -> [Outcome] {
        var outcomes: [Outcome] = []
        load(path: path) { outcome, _ in outcomes.append(outcome) }
        return outcomes
    }

    /// `load`, handing each outcome to `each` as soon as it is made.
    public mutating func load(path: String, each: Sink) {
        loadedFiles.append(path)
        switch reader.read(path) {
        case .failure(let failure):
            emit(each, .diagnostic(failure.cannotRead(path)))
        case .success(let file):
            let inclusion = Inclusion(folder: IncludePaths.folder(of: path), chain: [(file.canonicalPath, path)], fromFile: true)
            var firstError: Diagnostic?
            run(Source(name: path, bytes: file.bytes), from: inclusion) { outcome, interpreter in
                if firstError == nil, case .diagnostic(let diagnostic) = outcome, diagnostic.severity == .error { firstError = diagnostic }
                each(outcome, interpreter)
            }
            if fileError == nil { fileError = firstError }
            weighUpdates(each: each)
        }
    }

    /// The warnings for the file's `update`s the log overrides, now that all
    /// of its entries are read.
    private mutating func weighUpdates(each: Sink) {
        let updates = updatesToWeigh
        updatesToWeigh = []
        var positions: [EntityKind: [Int: Int]] = [:]
        for (declaration, identity) in updates {
            let kind = declaration.kind
            if positions[kind] == nil { positions[kind] = plan.positions(of: kind) }
            // An entity removed since has nothing left to override.
            guard let index = positions[kind]?[identity] else { continue }
            for problem in plan.overriddenByLog(declaration, at: index, today: today) { emit(each, .diagnostic(problem)) }
        }
    }

    /// Every check of the loaded plan, errors then warnings, with the
    /// results of `assert` statements, in source order within each severity.
    public func check() -> [Diagnostic] {
        checkAsOfToday().diagnostics
    }

    /// `check`, with the plan as of today that it checked, for a caller
    /// that reads that plan next (the language server's hover and hints).
    public func checkAsOfToday() -> (diagnostics: [Diagnostic], current: Plan) {
        let current = asOfToday
        var diagnostics = Checks.run(current, today: today)
        let evaluator = Evaluator(plan: current, today: today, bindings: bindings)
        for assertion in plan.assertions {
            if let problem = verify(assertion, with: evaluator) { diagnostics.append(problem) }
        }
        let ordered = diagnostics.enumerated().sorted { a, b in
            let (left, right) = (a.element, b.element)
            if left.severity != right.severity { return left.severity < right.severity }
            if left.range.source != right.range.source { return left.range.source < right.range.source }
            if left.range.start != right.range.start { return left.range.start < right.range.start }
            return a.offset < b.offset
        }.map(\.element)
        return (ordered, current)
    }

    private func verify(_ assertion: Assertion, with evaluator: Evaluator) -> Diagnostic? {
        let value: Value
        do {
            value = try evaluator.evaluate(assertion.condition)
        } catch {
            return error.diagnostic
        }
        switch value {
        case .bool(true):
            return nil
        case .bool(false):
            let text = sources[assertion.condition.range.source]?.text(assertion.condition.range) ?? ""
            return .error(.assertionFailed, assertion.message ?? "assertion failed: \(text)", at: assertion.range)
        default:
            return .error(.typeMismatch, "assert needs a bool, got \(value.typeName)", at: assertion.condition.range)
        }
    }

    /// Where a source came from: the folder its includes are relative to and
    /// the files including it, outermost first, to find cycles.
    private struct Inclusion {
        var folder: String
        var chain: [(path: String, name: String)]
        var depth = 0
        /// A file's text rather than typed or piped input.
        var fromFile = false
        /// A wrong clause drops itself, not its declaration.
        var recoversClauses = true
    }

    /// Each statement runs as soon as it is parsed, so that a large file
    /// never holds all its statements at once.
    private mutating func run(_ source: Source, from inclusion: Inclusion, each: Sink) {
        let id = sources.add(source)
        if inclusion.fromFile, keepsOrigins { origins.files.append(id) }
        reserveRoom(for: source)
        var parser = Parser(source, id: id, boundNames: Set(bindings.keys), recoversClauses: inclusion.recoversClauses)
        // Syntax errors go between the answers where they stand, as a reader
        // of the file would meet them. Every error before a statement has been
        // found by the time that statement is parsed; later ones wait here,
        // numbered to keep the order they were found in.
        var waiting: [(diagnostic: Diagnostic, order: Int)] = []
        var found = 0
        func collect(_ diagnostics: [Diagnostic]) {
            for diagnostic in diagnostics {
                waiting.append((diagnostic, found))
                found += 1
            }
        }
        func report(before offset: Int) {
            guard !waiting.isEmpty else { return }
            waiting.sort { ($0.diagnostic.range.start, $0.order) < ($1.diagnostic.range.start, $1.order) }
            let due = waiting.prefix { $0.diagnostic.range.start < offset }
            for waited in due { emit(each, .diagnostic(waited.diagnostic)) }
            waiting.removeFirst(due.count)
        }
        // An included file that turns out not to be a plan shows nothing past
        // its first syntax error's line: not in excerpts, nor in the tokens
        // later messages would quote. Its later syntax errors are counted.
        var unshown = 0
        func collectSyntaxErrors() {
            var diagnostics = parser.takeDiagnostics()
            if inclusion.fromFile, fileError == nil {
                fileError = diagnostics.first { $0.severity == .error }
            }
            if inclusion.depth > 0 {
                if let first = diagnostics.lazy.filter({ $0.severity == .error }).map(\.range.start).min() {
                    sources.endExcerpts(of: id, atLineOf: first)
                }
                if let end = sources[id]?.excerptsEnd {
                    let shown = diagnostics.filter { $0.range.start <= end }
                    unshown += diagnostics.count - shown.count
                    diagnostics = shown
                }
            }
            collect(diagnostics)
        }
        swap(&parser.interned, &internedNames)
        while let statement = parser.nextStatement() {
            if parser.hasDiagnosticsToTake { collectSyntaxErrors() }
            report(before: statement.range.start)
            swap(&parser.interned, &internedNames)
            if let spent = execute(statement, from: inclusion, each: each) { parser.reuse(spent) }
            swap(&parser.interned, &internedNames)
        }
        swap(&parser.interned, &internedNames)
        if plan.mayHaveRemoved { plan.compact() }
        collectSyntaxErrors()
        report(before: Int.max)
        if unshown > 0, let end = sources[id]?.excerptsEnd {
            let line = source.line(of: end)
            emit(each, .diagnostic(.error(.syntax, "\(source.name) has \(unshown) more syntax "
                                               + "error\(unshown == 1 ? "" : "s") after line \(line), not shown: an included "
                                               + "file shows nothing past its first error", at: .none,
                                               hint: "plan check \(source.name) shows them all")))
        }
    }

    /// Counts the lines that start with a declaration's keyword, a pass
    /// over the line starts only, and makes room for that many entities.
    /// A line that only looks like one (inside a list spread over lines)
    /// costs a little unused room; a declaration not at a line start, an
    /// array growth: the count only ever saves memory, never decides anything.
    private mutating func reserveRoom(for source: Source) {
        let words = EntityKind.allCases.map { (kind: $0, spelling: Array($0.rawValue.utf8)) }
        var counts = [Int](repeating: 0, count: words.count)
        // Most lines of a large plan (indented clauses, comments, blank
        // lines) start with no kind's first letter: one look rules them
        // out, and the rest are compared with the kinds of that letter only.
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (position, word) in words.enumerated() {
            if let first = word.spelling.first { byFirstByte[Int(first)].append(position) }
        }
        let bytes = source.bytes
        for start in source.lineStarts where start < bytes.count {
            for position in byFirstByte[Int(bytes[start])] {
                let spelling = words[position].spelling
                let end = start + spelling.count
                if end < bytes.count, bytes[end] == UInt8(ascii: " "), bytes[start..<end].elementsEqual(spelling) {
                    counts[position] += 1
                }
            }
        }
        for (word, count) in zip(words, counts) where count > 0 { plan.reserveCapacity(count, more: word.kind) }
    }

    /// A declaration's list of clauses comes back, applied, for the parser
    /// to read the next declaration's into: one list for a whole file, not
    /// one made and freed per declaration.
    private mutating func execute(_ statement: consuming Statement, from inclusion: Inclusion, each: Sink) -> [Clause]? {
        // Removes leave their table to be packed once after the last of a
        // run of them (Plan.compact); any other statement may read by position.
        // Asked first, as a call that changes `plan` drops what was worked
        // out from it (`asOfMemo`).
        if case .remove = statement.kind {} else if plan.mayHaveRemoved { plan.compact() }
        let range = statement.range
        // Taken apart, not read: a declaration bound from `statement.kind`
        // would be copied, clause by clause, and the copy dropped after.
        let statementKind = (consume statement).kind
        switch consume statementKind {
        case .vision(let text):
            if plan.vision != nil {
                emit(each, .diagnostic(.error(.duplicate, "the plan already has a vision", at: range,
                                                   notes: [.init("first declared here", at: plan.visionRange ?? .none)])))
            } else {
                plan.vision = text
                plan.visionRange = range
                recordVisionOrigin(range, fromFile: inclusion.fromFile)
            }
        case .updateVision(let text):
            plan.vision = text
            plan.visionRange = range
            recordVisionOrigin(range, fromFile: inclusion.fromFile)
        case .owner(let name):
            if plan.owner != nil {
                emit(each, .diagnostic(.error(.duplicate, "the plan already has an owner", at: range,
                                              notes: [.init("first declared here", at: plan.ownerRange ?? .none)])))
            } else {
                plan.owner = name
                plan.ownerRange = range
                recordOwnerOrigin(range, fromFile: inclusion.fromFile)
            }
        case .updateOwner(let name):
            plan.owner = name
            plan.ownerRange = range
            recordOwnerOrigin(range, fromFile: inclusion.fromFile)
        case .declaration(let declaration):
            switch plan.apply(declaration) {
            case .failure(let problem): emit(each, .diagnostic(problem))
            case .success(let index):
                if inclusion.fromFile, keepsOrigins { recordOrigin(of: declaration.kind, at: index, range) }
                if declaration.isUpdate { weigh(declaration, at: index, inFile: inclusion.fromFile, each: each) }
            }
            return (consume declaration).clauses
        case .remove(let kind, let name, let key):
            if !inclusion.fromFile, kind.info.identity == .name, let named = origins.namedInExpressions[kind]?[name.text] {
                // Saved, the file would no longer load: its `let` or question names the entity.
                let place = sources[named.source].map { "\($0.name):\($0.line(of: named.start))" } ?? "a file"
                emit(each, .diagnostic(.error(.removeOfReferenced, "cannot remove \(kind.rawValue) \(Literal.string(name.text)): "
                                                   + "an expression at \(place) names it", at: name.range,
                                                   hint: "first change or delete the line at \(place)")))
                return nil
            }
            let (removed, problem) = plan.remove(kind, named: name, key: key)
            if let problem { emit(each, .diagnostic(problem)) }
            if let removed { bindings = bindings.mapValues { $0.afterRemoving(kind, at: removed) } }
        case .rename(let kind, let old, let key, let new):
            switch plan.rename(kind, old, key: key, to: new) {
            case .failure(let problem): emit(each, .diagnostic(problem))
            case .success(let index):
                if kind.info.identity == .name, let named = origins.namedInExpressions[kind]?.removeValue(forKey: old.text) {
                    origins.namedInExpressions[kind, default: [:]][new.text] = named
                }
                if inclusion.fromFile, keepsOrigins { recordOrigin(of: kind, at: index, range) }
            }
        case .let(let name, _, let expr):
            if inclusion.fromFile, keepsOrigins { recordNames(in: expr) }
            switch evaluate(expr) {
            case .success(let value) where value.nests(deeperThan: Parser.maxDepth):
                // `let x = [x]`, repeated, would otherwise grow a value too deep to print or compare.
                emit(each, .diagnostic(.error(.nestingTooDeep, "the value of \(name) nests deeper than "
                                                   + "\(Parser.maxDepth) levels", at: expr.range)))
            case .success(let value): bindings[name] = value
            case .failure(let problem): emit(each, .diagnostic(problem.diagnostic))
            }
        case .include(let path, let pathRange):
            include(path, at: pathRange, from: inclusion, each: each)
        case .assert(let condition, let message):
            if inclusion.fromFile, keepsOrigins { recordNames(in: condition) }
            plan.assertions.append(Assertion(condition: condition, message: message, range: range))
        case .expression(let expr):
            if inclusion.fromFile, keepsOrigins { recordNames(in: expr) }
            if asOfMemo == nil { asOfMemo = AsOfMemo() }
            switch evaluate(expr) {
            case .success(let value): emit(each, .answer(value, range, listing: expr.listing))
            case .failure(let problem): emit(each, .diagnostic(problem.diagnostic))
            }
        }
        return nil
    }

    /// Warns at once of an `update` typed or piped that the log overrides;
    /// one in a file waits for the file's later entries (`weighUpdates`).
    private mutating func weigh(_ declaration: Declaration, at index: Int, inFile: Bool, each: Sink) {
        let info = declaration.kind.info
        guard declaration.clauses.contains(where: { info.loggedBy[$0.keyword] != nil }) else { return }
        guard inFile else {
            for problem in plan.overriddenByLog(declaration, at: index, today: today) { emit(each, .diagnostic(problem)) }
            return
        }
        if let identity = plan.identity(of: declaration.kind, at: index) { updatesToWeigh.append((declaration, identity)) }
    }

    /// Hands `outcome` on with the interpreter as it stands now.
    private func emit(_ each: Sink, _ outcome: Outcome) {
        each(outcome, self)
    }

    private mutating func recordNames(in expr: Expr) {
        expr.forEachEntity { kind, name in
            if origins.namedInExpressions[kind]?[name.text] == nil { origins.namedInExpressions[kind, default: [:]][name.text] = name.range }
        }
    }

    private mutating func recordVisionOrigin(_ range: SourceRange, fromFile: Bool) {
        guard fromFile, keepsOrigins else { return }
        origins.vision.append(range)
        origins.visionAsRead = plan.vision
    }

    private mutating func recordOwnerOrigin(_ range: SourceRange, fromFile: Bool) {
        guard fromFile, keepsOrigins else { return }
        origins.owner.append(range)
        origins.ownerAsRead = plan.owner
    }

    private mutating func recordOrigin(of kind: EntityKind, at index: Int, _ range: SourceRange) {
        guard let identity = plan.identity(of: kind, at: index) else { return }
        let key = EntityKey(kind: kind, identity: identity)
        origins.entities[key, default: Origin()].statements.append(range)
        let asRead = PlanWriter.clauses(plan, kind, index)
        origins.entities[key]?.asRead = asRead
    }

    /// The whole plan and what goes with it, for `:try` to compare with
    /// and to go back to. The sources read stay, so that a problem found
    /// later still shows its line.
    public struct State: Sendable {
        fileprivate var plan: Plan
        fileprivate var bindings: [String: Value]
        fileprivate var origins: Origins
        fileprivate var loadedFiles: [String]
        fileprivate var includedFiles: [String: SourceRange]

        public var planned: Plan { plan }
    }

    public var state: State { State(plan: plan, bindings: bindings, origins: origins, loadedFiles: loadedFiles,
                                   includedFiles: includedFiles) }

    public mutating func restore(_ state: State) {
        plan = state.plan
        bindings = state.bindings
        origins = state.origins
        loadedFiles = state.loadedFiles
        includedFiles = state.includedFiles
    }

    /// What the statements run between `beginChange` and `endChange`
    /// changed, as it was before, so that `:undo` can take it back: the
    /// entities edited and the values beside the plan (shared with the
    /// interpreter's own until they change), never a copy of the whole plan.
    public struct Change: Sendable {
        fileprivate var plan: Plan.Journal
        fileprivate var bindings: [String: Value]
        fileprivate var origins: Origins
        fileprivate var loadedFiles: [String]
        fileprivate var includedFiles: [String: SourceRange]
        /// The statements changed something (not every statement that
        /// could change the plan does: one may fail).
        public fileprivate(set) var changedAnything = false
    }

    /// Starts keeping what the statements that follow change.
    public mutating func beginChange() {
        plan.beginJournal()
        changing = Before(bindings: bindings, origins: origins, loadedFiles: loadedFiles, includedFiles: includedFiles)
    }

    /// What changed since `beginChange`.
    public mutating func endChange() -> Change {
        let before = changing ?? Before(bindings: bindings, origins: origins, loadedFiles: loadedFiles, includedFiles: includedFiles)
        changing = nil
        let journal = plan.endJournal()
        return Change(plan: journal, bindings: before.bindings, origins: before.origins, loadedFiles: before.loadedFiles,
                      includedFiles: before.includedFiles,
                      changedAnything: before.changed || journal.changed(plan))
    }

    /// Forgets the sources read since there were `count`, for a caller
    /// that knows nothing refers to them: statements that changed nothing
    /// (questions, refused changes), whose outcomes are already shown. A
    /// long script of questions then holds no text of those it has answered.
    public mutating func forgetSources(from count: Int) {
        sources.removeAll(from: count)
    }

    /// Puts back what `change` changed; the interpreter must be as the
    /// change left it (later changes taken back first).
    public mutating func takeBack(_ change: Change) {
        plan.takeBack(change.plan)
        bindings = change.bindings
        origins = change.origins
        loadedFiles = change.loadedFiles
        includedFiles = change.includedFiles
    }
    private func evaluate(_ expr: Expr) -> Result<Value, EvaluationError> {
        do {
            return .success(try Evaluator(plan: asOfToday, today: today, bindings: bindings).evaluate(expr))
        } catch {
            return .failure(error)
        }
    }

    private mutating func include(_ path: String, at range: SourceRange, from inclusion: Inclusion, each: Sink) {
        let name = IncludePaths.resolve(path, in: inclusion.folder)
        includeStatementsRun += 1
        guard includeStatementsRun <= IncludePaths.statementLimit else {
            // Said once: past the bound, a plan of a million includes would otherwise say it a million times.
            if includeStatementsRun == IncludePaths.statementLimit + 1 {
                emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name): a plan may run at most "
                                                   + "\(IncludePaths.statementLimit) include statements; "
                                                   + "the rest are skipped", at: range)))
            }
            return
        }
        guard inclusion.depth < IncludePaths.nestingLimit else {
            emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name): includes nest deeper than "
                                               + "\(IncludePaths.nestingLimit)", at: range)))
            return
        }
        if let refusal = IncludePaths.refusal(path, resolved: name) {
            emit(each, .diagnostic(.error(.includeFailed, refusal.message, at: range, hint: refusal.hint)))
            return
        }
        let realPath: String
        switch reader.realPath(name) {
        case .failure(let failure):
            emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name): \(failure.reason)", at: range, hint: failure.hint)))
            return
        case .success(let resolved):
            realPath = resolved
        }
        // The rule holds for the file a link leads to, not for the link's own name.
        if let refusal = IncludePaths.refusal(realPath, resolved: realPath) {
            emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name): it leads to \(realPath), and only "
                                               + ".plan files can be included", at: range, hint: refusal.hint)))
            return
        }
        if let start = inclusion.chain.firstIndex(where: { $0.path == realPath }) {
            let names = inclusion.chain[start...].map(\.name) + [name]
            emit(each, .diagnostic(.error(.includeCycle, "include cycle: " + names.joined(separator: " -> "), at: range)))
            return
        }
        // Running a file again would declare all it declares again; refusing
        // it here also keeps a file that includes the next one twice, level
        // after level, from doubling the work at each level.
        if let first = includedFiles[realPath] {
            emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name) again: it is already part of the plan",
                                               at: range, notes: [.init("first included here", at: first)])))
            return
        }
        let file: SourceText
        switch reader.read(realPath) {
        case .failure(let failure):
            emit(each, .diagnostic(.error(.includeFailed, "cannot include \(name): \(failure.reason)", at: range, hint: failure.hint)))
            return
        case .success(let contents):
            file = contents
        }
        includedFiles[realPath] = range
        // An included file is a file, even when a typed `include` names it.
        let inner = Inclusion(folder: IncludePaths.folder(of: name),
                              chain: inclusion.chain + [(realPath, name)], depth: inclusion.depth + 1, fromFile: true)
        run(Source(name: name, bytes: file.bytes), from: inner, each: each)
    }
}

/// An entity known again through updates, renames and removals of others.
public struct EntityKey: Hashable, Sendable {
    public var kind: EntityKind
    public var identity: Int

    package init(kind: EntityKind, identity: Int) {
        self.kind = kind
        self.identity = identity
    }
}

/// Where, in the files read, the plan's statements stand.
public struct Origins: Sendable {
    public var entities: [EntityKey: Origin] = [:]
    /// The `vision` statement, then any `update vision`.
    public var vision: [SourceRange] = []
    public var visionAsRead: String?
    /// The `owner` statement, then any `update owner`.
    public var owner: [SourceRange] = []
    public var ownerAsRead: String?
    /// The sources that are files, in the order read (the first is the main file).
    public var files: [Int] = []
    /// Where the files' `let`s, asserts and questions first name each
    /// entity (`(value family).goals`), by kind and name as it is now: a
    /// `remove` that would leave such a line unable to load is refused.
    public var namedInExpressions: [EntityKind: [String: SourceRange]] = [:]
}

/// Where one entity was written, and what the files made of it.
public struct Origin: Sendable {
    /// Its declaration, then its `update`s and `rename`s, as read.
    public var statements: [SourceRange] = []
    /// The entity's name and clauses in canonical source once the files
    /// were read, to tell whether the session changed it, and what.
    public var asRead: [String] = []
}

/// The plan as of one day, made once for a plan that does not change.
private final class AsOfMemo: Sendable {
    private let made = Mutex<(day: Day, plan: Plan)?>(nil)

    func plan(on day: Day, _ make: (Day) -> Plan) -> Plan {
        if let kept = made.withLock({ $0 }), kept.day == day { return kept.plan }
        let plan = make(day)
        made.withLock { $0 = (day, plan) }
        return plan
    }
}
