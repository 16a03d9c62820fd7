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
        // Answers are shown against the plan as it stands today, read once.
        var current: Plan?
        for outcome in outcomes {
            switch outcome {
            case .answer(let value, _, let listing):
                let plan = current ?? interpreter.asOfToday
                current = plan
                let text = answer(value, listing: listing, plan: plan, today: interpreter.today)
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
    public func answer(_ value: Value, listing: Keyword?, plan: Plan, today: Day) -> String {
        if options.json { return Answers.json(value, plan: plan, today: today).serialized() }
        return Answers.text(value, plan: plan, today: today, emptyListOf: listing)
    }
}
