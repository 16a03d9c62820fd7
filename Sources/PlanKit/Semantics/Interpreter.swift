/// One result of running a statement: an answer to a question, or a problem.
public enum Outcome: Sendable {
    /// The value of an expression statement, and where that statement stands.
    case answer(Value, SourceRange)
    case diagnostic(Diagnostic)
}

/// Runs statements against a plan. `plan run`, `plan check` and the REPL all
/// go through `run` / `load`, so a line typed in the REPL and the same line in
/// a file behave alike.
public struct Interpreter: Sendable {
    public private(set) var plan = Plan()
    public private(set) var sources = SourceMap()
    public var today: Day
    /// Paths given to `load`, in order, so that the REPL can `:reload` them.
    public private(set) var loadedFiles: [String] = []

    public init(today: Day) {
        self.today = today
    }

    /// Parses and runs every statement of `source`: declarations change the
    /// plan, questions are answered against the plan as built so far.
    public mutating func run(_ source: Source) -> [Outcome] {
        _ = sources.add(source)
        return []
    }

    /// Reads the file at `path` and runs it; `include`s inside resolve
    /// relative to the including file.
    public mutating func load(path: String) -> [Outcome] {
        loadedFiles.append(path)
        return []
    }

    /// Every check of the loaded plan, errors then warnings, with the
    /// results of `assert` statements, in source order within each severity.
    public func check() -> [Diagnostic] {
        []
    }
}
