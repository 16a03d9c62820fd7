import PlanKit

/// How answers and diagnostics are written.
public struct OutputOptions: Sendable {
    /// One JSON value per answer and one JSON object per diagnostic, each on a line.
    public var json = false
    /// ANSI colors in diagnostics.
    public var color = false

    public init(json: Bool = false, color: Bool = false) {
        self.json = json
        self.color = color
    }
}

/// Writes answers to stdout and diagnostics to stderr, as the options ask.
public struct Presenter: Sendable {
    public var options: OutputOptions

    public init(options: OutputOptions) { self.options = options }

    /// Prints each outcome in order; returns true when any was an error.
    @discardableResult
    public func present(_ outcomes: [Outcome], in interpreter: Interpreter) -> Bool {
        let renderer = DiagnosticRenderer(sources: interpreter.sources, color: options.color)
        var hadError = false
        // Consecutive outcomes for one stream are written at once: one system
        // call for a thousand warnings, and still in order on a terminal.
        var pending = (stream: StandardStream.output, text: "")
        func emit(_ text: String, to stream: StandardStream) {
            if stream != pending.stream {
                pending.stream.write(pending.text)
                pending = (stream, "")
            }
            pending.text += text
        }
        // A table or a group runs into the next answer unless a blank line
        // parts them; one-line answers stay compact, as scripts expect.
        var previousAnswerSpannedLines: Bool?
        for outcome in outcomes {
            switch outcome {
            case .answer(let value, let range):
                let text = answer(value, at: range, in: interpreter)
                let spansLines = text.contains("\n")
                if !options.json, let previous = previousAnswerSpannedLines, previous || spansLines {
                    emit("\n", to: .output)
                }
                previousAnswerSpannedLines = spansLines
                emit(text + "\n", to: .output)
            case .diagnostic(let diagnostic):
                hadError = hadError || diagnostic.severity == .error
                emit(options.json ? renderer.json(diagnostic).serialized() + "\n" : renderer.render(diagnostic), to: .error)
            }
        }
        pending.stream.write(pending.text)
        return hadError
    }

    /// The text (or JSON line) for one answer, without the newline.
    public func answer(_ value: Value, at range: SourceRange, in interpreter: Interpreter) -> String {
        if options.json { return Answers.json(value, plan: interpreter.plan, today: interpreter.today).serialized() }
        var emptyKind: EntityKind?
        if case .list(let items) = value, items.isEmpty {
            emptyKind = Self.collectionAsked(at: range, in: interpreter.sources)
        }
        return Answers.text(value, plan: interpreter.plan, today: interpreter.today, emptyListOf: emptyKind)
    }

    /// The kind of entity a question lists when it starts with a collection
    /// (`goals where ...`) and selects nothing else from it, so that an empty
    /// answer can say `(no goals)`. Only the question's own text is lexed.
    static func collectionAsked(at range: SourceRange, in sources: SourceMap) -> EntityKind? {
        guard let source = sources[range.source] else { return nil }
        let question = Source(name: source.name, text: source.text(range))
        let tokens = Lexer.tokenize(question, id: 0).tokens
        guard let first = tokens.first(where: { $0.kind != .leftParen }),
              !tokens.contains(where: { $0.kind == .keyword(.select) }) else { return nil }
        switch first.kind {
        case .keyword(.goals): return .goal
        case .keyword(.skills): return .skill
        case .keyword(.values): return .value
        case .keyword(.milestones): return .milestone
        case .keyword(.mentors): return .mentor
        default: return nil
        }
    }
}
