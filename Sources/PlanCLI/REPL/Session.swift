#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanKit

/// The plan of one REPL session and what it does with input: the part that
/// typed lines and a piped script share. Typed at a terminal, each change
/// shows the problems it causes at once and can be taken back with
/// `:undo`; piped, the session runs like a file, checked at its end.
struct Session {
    private(set) var interpreter: Interpreter
    let context: CommandContext
    /// Typed at a terminal rather than piped in.
    let interactive: Bool
    /// Something went wrong at least once; a script then exits with status 1.
    private(set) var hadErrors = false
    /// The `let`s and `assert`s typed, as typed: `:save` writes them too.
    private var additions: [Addition] = []
    /// What `:undo` goes back to, latest last (only typed sessions keep it:
    /// a snapshot a statement would make a long piped script quadratic).
    private var history: [Step] = []
    private var trial: Trial?
    /// The problems the checks found after the last change, so that the
    /// next one shows only those it causes.
    private var problems: [Diagnostic] = []

    private struct Addition {
        var text: String
        var isLet: Bool
    }

    private struct Step {
        var state: Interpreter.State
        var additions: [Addition]
        var what: String
    }

    /// A what-if: the plan at `:try`, to compare with and to go back to.
    private struct Trial {
        var state: Interpreter.State
        var additions: [Addition]
        var historyCount: Int
        var problems: [Diagnostic]
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
        let changes = Parser.parse(source, id: 0).statements.filter { statement in
            if case .expression = statement.kind { return false }
            return true
        }
        if interactive, let first = changes.first {
            history.append(Step(state: interpreter.state, additions: additions, what: source.text(first.range)))
        }
        let outcomes = interpreter.run(source)
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
        if interactive, !changes.isEmpty { showNewProblems() }
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
        Presenter(options: context.output).present(context.visible(diagnostics.map(Outcome.diagnostic)), in: interpreter)
        return hadErrors || Inputs.fails(diagnostics, strict: context.strict) ? 1 : 0
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
        case .load(let path):
            if interactive { history.append(Step(state: interpreter.state, additions: additions, what: ":load \(path)")) }
            present(interpreter.load(path: path))
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
        case .save(let path):
            save(to: path)
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
            trial = Trial(state: interpreter.state, additions: additions, historyCount: history.count, problems: interpreter.check())
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
        trial = nil
        problems = []
    }

    private mutating func undo() {
        guard interactive else {
            fail("a piped session keeps no undo history; :try and :drop take back a what-if")
            return
        }
        guard let step = history.last else {
            tell("nothing to undo")
            return
        }
        if let trial, history.count <= trial.historyCount {
            fail("nothing to undo since :try; :drop ends the what-if")
            return
        }
        history.removeLast()
        interpreter.restore(step.state)
        additions = step.additions
        problems = interpreter.check()
        tell("undid " + step.what)
    }

    /// Writes the session's changes back into the files read, or the main
    /// file's text to `path`; a session that read nothing writes its plan
    /// in canonical form.
    private mutating func save(to path: String?) {
        guard planIsWhole(or: "nothing written" + (path.map { " to \($0)" } ?? "")) else { return }
        let files = SourceEditor.edit(interpreter, additions: additions.map(\.text))
        guard let main = files.first else {
            guard let path else {
                fail(":save needs a file name: this session read no file (:save career.plan)")
                return
            }
            let lets = additions.filter(\.isLet).map(\.text)
            write(PlanWriter.render(interpreter.plan, lets: lets), to: path)
            return
        }
        if let path {
            write(main.text, to: path)
            for file in files.dropFirst() where file.changed {
                tell("note: \(file.path) changed too and is not in \(path); :save alone writes it")
            }
            return
        }
        let changed = files.filter(\.changed)
        if changed.isEmpty { tell("nothing to save: the files already hold the plan") }
        for file in changed { write(file.text, to: file.path) }
        #if PLAN_FUZZ_SINK
        fuzzSaved(interpreter, files: files, typed: !additions.isEmpty)
        #endif
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
            write(text, to: path, sparing: interpreter.sourceFiles)
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

    private mutating func write(_ text: String, to path: String, sparing: [String] = []) {
        if text.allSatisfy(\.isWhitespace) {
            var status = stat()
            if stat(path, &status) == 0, status.st_size > 0 {
                fail("nothing written to \(path): the plan is empty and the file is not")
                return
            }
        }
        do {
            try AtomicFile.write(text, to: path, sparing: sparing)
            tell("saved \(path)")
        } catch {
            fail(error.description)
        }
    }

    @discardableResult
    private mutating func present(_ outcomes: [Outcome]) -> Bool {
        let failed = Presenter(options: context.output).present(outcomes, in: interpreter)
        hadErrors = hadErrors || failed
        return failed
    }

    /// A message carries what was typed (a topic, a path, a statement
    /// `:undo` takes back): every control character in it is shown escaped
    /// (SPEC 14), the line breaks of a statement over several lines kept.
    private func tell(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        StandardStream.error.write(lines.map { Literal.printable(String($0)) }.joined(separator: "\n") + "\n")
    }

    private mutating func fail(_ message: String) {
        hadErrors = true
        tell("error: " + message)
    }
}
