import PlanKit

/// The plan of one REPL session and what it does with input: the part that
/// typed lines and a piped script share.
struct Session {
    private(set) var interpreter: Interpreter
    let context: CommandContext
    /// Something went wrong at least once; a script then exits with status 1.
    private(set) var hadErrors = false

    init(context: CommandContext) {
        self.context = context
        interpreter = Interpreter(today: context.today, reader: FileReader())
    }

    enum Next {
        case keepGoing
        case quit
    }

    mutating func load(_ files: [String]) {
        for file in files {
            present(interpreter.load(path: file))
        }
    }

    /// Runs statements and prints their answers and problems; true when
    /// there was an error.
    @discardableResult
    mutating func evaluate(_ source: Source) -> Bool {
        present(interpreter.run(source))
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
        case .help:
            StandardStream.output.write(REPLCommand.helpText + "\n")
        case .quit:
            return .quit
        case .load(let path):
            present(interpreter.load(path: path))
        case .reload:
            let files = interpreter.loadedFiles
            interpreter = Interpreter(today: context.today, reader: FileReader())
            load(files)
            tell(files.isEmpty ? "nothing to reload: no file was loaded; the plan is empty" : "reloaded " + files.joined(separator: ", "))
        case .reset:
            interpreter = Interpreter(today: context.today, reader: FileReader())
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
        }
        return .keepGoing
    }

    /// Writes the plan as canonical source.
    private mutating func save(to path: String) {
        guard planIsWhole(or: "nothing written to \(path)") else { return }
        write(PlanWriter.render(interpreter.plan), to: path)
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

    private func tell(_ message: String) {
        StandardStream.error.write(message + "\n")
    }

    private mutating func fail(_ message: String) {
        hadErrors = true
        tell("error: " + message)
    }
}
