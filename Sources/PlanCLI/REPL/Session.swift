#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// The plan of one REPL session and what it does with input: the part that
/// typed lines and a piped script share. Either way a change can be taken
/// back with `:undo`. Typed at a terminal, each change shows the problems it
/// causes at once; piped, the session runs like a file, checked at its end.
struct Session {
    private(set) var interpreter: Interpreter
    let context: CommandContext
    /// Typed at a terminal rather than piped in.
    let interactive: Bool
    /// Something went wrong at least once; a script then exits with status 1.
    private(set) var hadErrors = false
    /// The `let`s and `assert`s typed, as typed: `:save` writes them too.
    private var additions: [Addition] = []
    /// What `:undo` takes back, latest last, from `historyStart` on: the
    /// latest `undoLimit` changes.
    private var history: [Step] = []
    private var historyStart = 0
    /// Older changes than the history holds were made: undo cannot reach them.
    private var forgotChanges = false
    /// Changes made since the files were read or last saved (an `:undo`
    /// past that point is one more), which leaving would lose.
    private(set) var unsavedChanges = 0
    /// Where the history stood when the files last held the plan: undoing
    /// a step above it takes an unsaved change back; nil once an undo has
    /// gone below it, since the files then hold what the session no longer does.
    private var savedHistoryCount: Int? = 0
    /// `:quit!` said to leave what is not saved without a word.
    private var leavingWithoutSaving = false
    /// The diagnostics a script has shown of each code, and those it did
    /// not: their count is told at its end.
    private var cap = DiagnosticCap()
    private var trial: Trial?
    /// The problems the checks found after the last change, so that the
    /// next one shows only those it causes.
    private var problems: [Diagnostic] = []
    /// What this session last wrote to each file it saved, by the name the
    /// file was read under: `:save` compares the file on disk with this, or
    /// else with what was read, to notice a change made meanwhile.
    private var saved: [String: Fingerprint] = [:]

    /// A file's text, told apart from any other by its length and a 64-bit
    /// FNV-1a hash, so that the session need not keep a second copy.
    private struct Fingerprint: Equatable {
        var count: Int
        var hash: UInt64

        init(_ bytes: [UInt8]) {
            count = bytes.count
            hash = bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
    }

    private struct Addition {
        var text: String
        var isLet: Bool
    }

    /// How many changes `:undo` can take back, typed or piped: each keeps
    /// only what it changed, but a script may make millions.
    static let undoLimit = 1000

    /// One change, as `:undo` takes it back. `additions` only ever grow
    /// between two steps, so their count is all a step needs of them.
    private struct Step {
        var change: Interpreter.Change
        var additionCount: Int
        var what: String
        /// A change `:save` would write (`:load` reads a file instead).
        var unsaved = true
    }

    /// A what-if: the plan at `:try`, to compare with and to go back to.
    private struct Trial {
        var state: Interpreter.State
        var additions: [Addition]
        var historyCount: Int
        var problems: [Diagnostic]
        var unsavedChanges: Int
        var savedHistoryCount: Int?
    }

    init(context: CommandContext, interactive: Bool) {
        self.context = context
        self.interactive = interactive
        interpreter = Session.freshInterpreter(context)
    }

    private static func freshInterpreter(_ context: CommandContext) -> Interpreter {
        var interpreter = Interpreter(today: context.today, reader: FileReader())
        interpreter.keepsOrigins = true
        return interpreter
    }

    var isTrying: Bool { trial != nil }

    enum Next {
        case keepGoing
        case quit
    }

    /// Loads the files named on the command line; false when one of them
    /// cannot be read at all (then no session should open).
    mutating func load(_ files: [String]) -> Bool {
        var allRead = true
        for file in files {
            let outcomes = interpreter.load(path: file)
            present(outcomes)
            allRead = allRead && !outcomes.contains { outcome in
                if case .diagnostic(let diagnostic) = outcome { return diagnostic.code == .includeFailed && diagnostic.range == .none }
                return false
            }
        }
        if interactive { problems = interpreter.check() }
        return allRead
    }

    /// Runs statements and prints their answers and problems; typed, then
    /// the problems the change causes.
    mutating func evaluate(_ source: Source) {
        let changes = Parser.parse(source, id: 0, recoversClauses: false).statements.filter { statement in
            if case .expression = statement.kind { return false }
            return true
        }
        let additionCount = additions.count
        let sourceCount = interpreter.sources.count
        interpreter.beginChange()
        let outcomes = interpreter.run(source, typed: true)
        let change = interpreter.endChange()
        // A shell command typed here gets the REPL command to type instead.
        let failed = present(outcomes.map { outcome in
            guard case .diagnostic(let diagnostic) = outcome else { return outcome }
            return .diagnostic(ShellCommand.hinted(diagnostic, in: interpreter))
        })
        if !failed {
            for statement in changes {
                switch statement.kind {
                case .let: additions.append(Addition(text: source.text(statement.range), isLet: true))
                case .assert: additions.append(Addition(text: source.text(statement.range), isLet: false))
                default: break
                }
            }
        }
        if let first = changes.first, change.changedAnything || additions.count != additionCount {
            remember(Step(change: change, additionCount: additionCount, what: source.text(first.range)))
        } else if !change.changedAnything, additions.count == additionCount {
            interpreter.forgetSources(from: sourceCount)
        }
        if interactive, !changes.isEmpty { showNewProblems() }
    }

    private mutating func remember(_ step: Step) {
        history.append(step)
        if step.unsaved { unsavedChanges += 1 }
        guard history.count - historyStart > Self.undoLimit else { return }
        historyStart += 1
        forgotChanges = true
        // The oldest steps go in batches, so that forgetting one costs no move of the rest.
        guard historyStart >= Self.undoLimit else { return }
        history.removeFirst(historyStart)
        if let started = trial?.historyCount { trial?.historyCount = max(0, started - historyStart) }
        if let saved = savedHistoryCount { savedHistoryCount = max(0, saved - historyStart) }
        historyStart = 0
    }

    /// The problems the checks find now that they did not before. A name
    /// not declared yet is a warning here: it may still come.
    private mutating func showNewProblems() {
        let now = interpreter.check()
        func key(_ diagnostic: Diagnostic) -> String {
            "\(diagnostic.code.rawValue) \(diagnostic.range.source):\(diagnostic.range.start) \(diagnostic.message)"
        }
        let before = Set(problems.map(key))
        problems = now
        let unknownCodes = Set(EntityKind.allCases.map(\.info.unknownCode))
        let appeared = now.filter { !before.contains(key($0)) }.map { diagnostic -> Outcome in
            var shown = diagnostic
            if shown.severity == .error, unknownCodes.contains(shown.code) {
                shown.severity = .warning
                shown.message += " (not declared yet)"
            }
            return .diagnostic(shown)
        }
        Presenter(options: context.output).present(context.visible(appeared), in: interpreter)
    }

    /// The end of a piped session, as `plan run` ends: the checks and the
    /// asserts; the exit status says whether the plan holds.
    mutating func finish() -> Int32 {
        let diagnostics = interpreter.check()
        Presenter(options: context.output).present(capped(context.visible(diagnostics.map(Outcome.diagnostic))), in: interpreter)
        cap.notes.forEach(tell)
        if unsavedChanges > 0, !leavingWithoutSaving, !context.quiet {
            tell("note: \(Self.changes(unsavedChanges)) \(unsavedChanges == 1 ? "was" : "were") not saved: :save in the script writes them")
        }
        return hadErrors || Inputs.fails(diagnostics, strict: context.strict) ? 1 : 0
    }

    private static func changes(_ count: Int) -> String {
        count == 1 ? "1 change" : "\(count) changes"
    }

    /// Whether leaving a terminal session should ask first: changes are
    /// not saved, and `:quit!` did not say to leave them.
    var asksBeforeLeaving: Bool { unsavedChanges > 0 && !leavingWithoutSaving }

    /// What leaving would lose, before asking: how many changes, to which
    /// file, and the latest of them as typed.
    func tellUnsaved() {
        let file = interpreter.loadedFiles.first.map { " to \($0)" } ?? " (no file was read: :save FILE writes one)"
        var lines = ["\(Self.changes(unsavedChanges)) \(unsavedChanges == 1 ? "is" : "are") not saved\(file):"]
        // The steps above the save are the unsaved ones when no undo went below it.
        let shown = savedHistoryCount.map { saved in history[min(max(saved, historyStart), history.count)...].filter(\.unsaved) } ?? []
        if shown.count == unsavedChanges {
            lines += shown.suffix(5).map { "  " + $0.what }
            if shown.count > 5 { lines.insert("  ... and \(shown.count - 5) before", at: 1) }
        }
        tell(lines.joined(separator: "\n"))
    }

    /// The answer to "save before leaving?": yes saves, and leaves only if
    /// everything was written.
    mutating func leave(saving: Bool) -> Bool {
        guard saving else { return true }
        save(to: nil, overwriting: false)
        return unsavedChanges == 0
    }

    /// Runs a `:command` line.
    mutating func execute(_ line: String) -> Next {
        switch REPLCommand.parse(line) {
        case .failure(let problem):
            fail(problem.message + (problem.hint.map { " (\($0))" } ?? ""))
            return .keepGoing
        case .success(let command):
            return run(command)
        }
    }

    private mutating func run(_ command: REPLCommand) -> Next {
        switch command {
        case .help(nil):
            StandardStream.output.write(REPLCommand.helpText + "\n")
        case .help(let topic?):
            if let text = Help.text(topic) {
                StandardStream.output.write(text + "\n")
            } else {
                let hint = Suggestion.closest(to: topic, among: Help.topics).map { "did you mean :help \($0)?" }
                fail("no help on \(topic)" + (hint.map { " (\($0))" } ?? "; topics: " + Help.topics.joined(separator: " ")))
            }
        case .quit:
            return .quit
        case .quitWithoutSaving:
            leavingWithoutSaving = true
            return .quit
        case .load(let path):
            interpreter.beginChange()
            let known = interpreter.sources.sources.count
            present(interpreter.load(path: path))
            remember(Step(change: interpreter.endChange(), additionCount: additions.count, what: ":load \(path)", unsaved: false))
            // Read again just now: what is on disk is what was read.
            for source in interpreter.sources.sources.dropFirst(known) { saved[source.name] = nil }
            if interactive { problems = interpreter.check() }
        case .reload:
            let files = interpreter.loadedFiles
            startAgain()
            _ = load(files)
            tell(files.isEmpty ? "nothing to reload: no file was loaded; the plan is empty" : "reloaded " + files.joined(separator: ", "))
        case .reset:
            startAgain()
            tell("the plan is empty")
        case .check:
            let problems = interpreter.check()
            present(problems.map(Outcome.diagnostic))
            if problems.isEmpty { tell("no problems") }
        case .save(let path, let overwriting):
            save(to: path, overwriting: overwriting)
        case .report:
            guard planIsWhole(or: "no report") else { break }
            StandardStream.output.write(Report(plan: interpreter.asOfToday, today: context.today, color: context.output.color).render())
        case .agenda(let days):
            guard planIsWhole(or: "no agenda") else { break }
            let agenda = Agenda(interpreter.asOfToday, today: context.today, days: days)
            StandardStream.output.write(context.output.json ? agenda.jsonLines() : agenda.render(color: context.output.color))
        case .review:
            guard planIsWhole(or: "no review") else { break }
            let review = StrategyReview(interpreter.asOfToday, today: context.today)
            StandardStream.output.write(context.output.json ? review.json().serialized() + "\n" : review.render(color: context.output.color))
        case .export(let format, let path):
            export(format: format, to: path)
        case .undo:
            undo()
        case .try:
            guard trial == nil else {
                fail("already in a what-if: :diff shows it, :keep keeps it, :drop forgets it")
                break
            }
            trial = Trial(state: interpreter.state, additions: additions, historyCount: history.count, problems: interpreter.check(),
                          unsavedChanges: unsavedChanges, savedHistoryCount: savedHistoryCount)
            tell("what-if: change anything; :diff shows what changed, :keep keeps it, :drop forgets it")
        case .diff:
            guard let trial else {
                fail("no what-if to compare with: start one with :try")
                break
            }
            let today = context.today
            let lines = PlanDiff.lines(from: PlanDiff.Side(plan: Interpreter.asOf(trial.state.planned, today: today), problems: trial.problems),
                                       to: PlanDiff.Side(plan: interpreter.asOfToday, problems: interpreter.check()), today: today)
            StandardStream.output.write(lines.isEmpty ? "no changes since :try\n" : lines.joined(separator: "\n") + "\n")
        case .keep:
            guard trial != nil else {
                fail("no what-if to keep: start one with :try")
                break
            }
            trial = nil
            tell("kept the what-if")
        case .drop:
            guard let trial else {
                fail("no what-if to drop: start one with :try")
                break
            }
            interpreter.restore(trial.state)
            additions = trial.additions
            history.removeLast(max(0, history.count - trial.historyCount))
            problems = trial.problems
            unsavedChanges = trial.unsavedChanges
            savedHistoryCount = trial.savedHistoryCount
            self.trial = nil
            tell("dropped the what-if: the plan is as it was at :try")
        }
        return .keepGoing
    }

    /// A fresh, empty interpreter: what came before cannot be undone past this.
    private mutating func startAgain() {
        interpreter = Session.freshInterpreter(context)
        additions = []
        history = []
        historyStart = 0
        forgotChanges = false
        unsavedChanges = 0
        savedHistoryCount = 0
        trial = nil
        problems = []
        saved = [:]
    }

    private mutating func undo() {
        guard history.count > historyStart, let step = history.last else {
            tell(forgotChanges ? "nothing more to undo: only the last \(Self.undoLimit) changes are kept" : "nothing to undo")
            return
        }
        if let trial, history.count <= trial.historyCount {
            fail("nothing to undo since :try; :drop ends the what-if")
            return
        }
        history.removeLast()
        if step.unsaved {
            if let saved = savedHistoryCount, history.count >= saved {
                unsavedChanges -= 1
            } else {
                unsavedChanges += 1
                savedHistoryCount = nil
            }
        }
        interpreter.takeBack(step.change)
        additions.removeLast(max(0, additions.count - step.additionCount))
        if interactive { problems = interpreter.check() }
        tell("undid " + step.what)
    }

    /// Writes the session's changes back into the files read, or the main
    /// file's text to `path`; a session that read nothing writes its plan
    /// in canonical form. Unless `overwriting`, a file changed on disk since
    /// it was read is left as it is, and then so is every other.
    private mutating func save(to path: String?, overwriting: Bool) {
        // A what-if is a question, not yet a change to the plan: writing it
        // would leave the file holding what :drop then says is gone.
        guard trial == nil else {
            fail(":save waits for the end of the what-if: :keep then :save (or :drop to forget it)")
            return
        }
        guard planIsWhole(or: "nothing written" + (path.map { " to \($0)" } ?? "")) else { return }
        if let broken = interpreter.fileError {
            present([.diagnostic(broken)])
            fail("nothing written" + (path.map { " to \($0)" } ?? "") + ": a file of the plan had errors when it was read "
                 + "(fix them in the file, then :reload)")
            return
        }
        let files = SourceEditor.edit(interpreter, additions: additions.map(\.text))
        guard let main = files.first else {
            guard let path else {
                fail(":save needs a file name: this session read no file (:save career.plan)")
                return
            }
            let lets = additions.filter(\.isLet).map(\.text)
            if write([(PlanWriter.render(interpreter.plan, lets: lets), path)]) { markSaved() }
            return
        }
        if let path {
            // The main file's text would replace another file of the plan.
            let others = readFiles.map(\.name).filter { $0 != main.path }
            let isMain = isSameFile(path, as: main.path)
            guard overwriting || !isMain || refuseChanged([main.path]) else { return }
            guard write([(main.text, path)], sparing: others, as: isMain ? main.path : nil) else { return }
            if isMain && files.dropFirst().allSatisfy({ !$0.changed }) { markSaved() }
            for file in files.dropFirst() where file.changed {
                tell("note: \(file.path) changed too and is not in \(path); :save alone writes it")
            }
            return
        }
        let changed = files.filter(\.changed)
        guard !changed.isEmpty else {
            tell("nothing to save: the files already hold the plan")
            markSaved()
            return
        }
        guard overwriting || refuseChanged(changed.map(\.path)) else { return }
        if write(changed.map { ($0.text, $0.path) }) { markSaved() }
        #if PLAN_FUZZ_SINK
        fuzzSaved(interpreter, files: files, typed: !additions.isEmpty)
        #endif
    }

    /// The files now hold the plan: leaving loses nothing.
    private mutating func markSaved() {
        unsavedChanges = 0
        savedHistoryCount = history.count
    }

    /// The sources that are files, latest reading last.
    private var readFiles: [Source] { interpreter.origins.files.compactMap { interpreter.sources[$0] } }

    /// Whether `path` and `other` name one file (links and spellings alike).
    private func isSameFile(_ path: String, as other: String) -> Bool {
        var (one, two) = (stat(), stat())
        return stat(path, &one) == 0 && stat(other, &two) == 0 && one.st_dev == two.st_dev && one.st_ino == two.st_ino
    }

    /// False, having said which, when a file among `names` no longer holds
    /// what this session read or last wrote there.
    private mutating func refuseChanged(_ names: [String]) -> Bool {
        let changed = names.filter { name in
            guard let expected = saved[name] ?? readFiles.last(where: { $0.name == name }).map({ Fingerprint($0.bytes) }) else {
                return false
            }
            guard case .success(let now) = FileReader.contents(of: name, warning: false) else { return true }
            return Fingerprint(now.bytes) != expected
        }
        guard !changed.isEmpty else { return true }
        let list = changed.joined(separator: ", ")
        fail("nothing saved: \(list) changed on disk since this session read \(changed.count == 1 ? "it" : "them") "
             + "(:reload reads the files again, then redo your changes; :save! writes over \(changed.count == 1 ? "it" : "them"))")
        return false
    }

    private mutating func export(format: String, to path: String) {
        guard let exportFormat = ExportFormat(rawValue: format) else {
            fail("unknown format \"\(format)\"; formats: \(ExportFormat.list)")
            return
        }
        guard planIsWhole(or: "nothing written to \(path)") else { return }
        let text = exportFormat.render(interpreter.asOfToday, today: context.today)
        if path == "-" {
            StandardStream.output.write(text)
        } else {
            write([(text, path)], sparing: interpreter.sourceFiles)
        }
    }

    /// Shows the plan's errors, if any, and says what was not done because of
    /// them: a broken plan never replaces a good file.
    private mutating func planIsWhole(or refusal: String) -> Bool {
        let errors = interpreter.check().filter { $0.severity == .error }
        guard errors.isEmpty else {
            present(errors.map(Outcome.diagnostic))
            fail(refusal + ": the plan has errors")
            return false
        }
        return true
    }

    /// Writes every file or none; `readAs` is the name the session read a
    /// single file under, when it is one of the plan's.
    @discardableResult
    private mutating func write(_ files: [(text: String, path: String)], sparing: [String] = [],
                                as readAs: String? = nil) -> Bool {
        for (text, path) in files where text.allSatisfy(\.isWhitespace) {
            var status = stat()
            if stat(path, &status) == 0, status.st_size > 0 {
                fail("nothing written to \(path): the plan is empty and the file is not")
                return false
            }
        }
        do {
            try AtomicFile.write(files, sparing: sparing)
        } catch {
            fail(error.description)
            return false
        }
        for (text, path) in files {
            if readAs != nil || readFiles.contains(where: { $0.name == path }) {
                saved[readAs ?? path] = Fingerprint(Array(text.utf8))
            }
            tell("saved \(path)")
        }
        return true
    }

    @discardableResult
    private mutating func present(_ outcomes: [Outcome]) -> Bool {
        let failed = outcomes.contains { outcome in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic.severity == .error }
            return false
        }
        Presenter(options: context.output).present(capped(outcomes), in: interpreter)
        hadErrors = hadErrors || failed
        return failed
    }

    /// `outcomes` without the diagnostics of a code a script has shown
    /// `DiagnosticCap.shownPerCode` times already, those counted instead.
    /// Typed, each shows: a person reads them one at a time.
    private mutating func capped(_ outcomes: [Outcome]) -> [Outcome] {
        guard !interactive else { return outcomes }
        return outcomes.filter { outcome in
            guard case .diagnostic(let diagnostic) = outcome else { return true }
            return cap.admits(diagnostic)
        }
    }

    /// A message carries what was typed (a topic, a path, a statement
    /// `:undo` takes back): every control character in it is shown escaped
    /// (docs/cli.md, "Limits and writes"), the line breaks of a statement over several lines kept.
    private func tell(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        StandardStream.error.write(lines.map { Literal.printable(String($0)) }.joined(separator: "\n") + "\n")
    }

    private mutating func fail(_ message: String) {
        hadErrors = true
        tell("error: " + message)
    }
}
