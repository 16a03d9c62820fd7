import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

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
        var stream = PresentationStream(presenter: self)
        for outcome in outcomes { stream.add(outcome, in: interpreter) }
        stream.finish()
        return stream.hadError
    }

    /// The text (or JSON line) for one answer, without the newline.
    public func answer(_ value: Value, listing: Keyword?, plan: Plan, today: Day) -> String {
        if options.json { return Answers.json(value, plan: plan, today: today).serialized() }
        return Answers.text(value, plan: plan, today: today, emptyListOf: listing)
    }
}

/// Outcomes printed one by one as they are made (`plan run` hands each over
/// as its statement runs), exactly as `present` prints a list of them.
public struct PresentationStream {
    let presenter: Presenter
    public private(set) var hadError = false
    /// Consecutive outcomes for one stream are written at once: one system
    /// call for a thousand warnings, and still in order on a terminal.
    private var pending = (stream: StandardStream.output, text: "")
    /// A table or a group runs into the next answer unless a blank line
    /// parts them; one-line answers stay compact, as scripts expect.
    private var previousAnswerSpannedLines: Bool?
    /// Beyond this much, pending text is written, so that memory stays
    /// small however many answers a file asks for.
    private static let bufferLimit = 1 << 16

    public init(presenter: Presenter) { self.presenter = presenter }

    /// Prints `outcome`, shown with `interpreter` as it stands now.
    public mutating func add(_ outcome: Outcome, in interpreter: Interpreter) {
        switch outcome {
        case .answer(let value, _, let listing):
            // Shown against the plan as it stands today.
            let text = presenter.answer(value, listing: listing, plan: interpreter.asOfToday, today: interpreter.today)
            let spansLines = text.contains("\n")
            if !presenter.options.json, let previous = previousAnswerSpannedLines, previous || spansLines {
                emit("\n", to: .output)
            }
            previousAnswerSpannedLines = spansLines
            emit(text + "\n", to: .output)
        case .diagnostic(let diagnostic):
            hadError = hadError || diagnostic.severity == .error
            let renderer = DiagnosticRenderer(sources: interpreter.sources, color: presenter.options.color)
            emit(presenter.options.json ? renderer.json(diagnostic).serialized() + "\n" : renderer.render(diagnostic),
                 to: .error)
        }
    }

    /// Writes what is pending; the next answer starts afresh, with no blank
    /// line before it, as the first of a new list would.
    public mutating func finish() {
        pending.stream.write(pending.text)
        pending.text = ""
        previousAnswerSpannedLines = nil
    }

    private mutating func emit(_ text: String, to stream: StandardStream) {
        if stream != pending.stream || pending.text.utf8.count > Self.bufferLimit {
            pending.stream.write(pending.text)
            pending = (stream, "")
        }
        pending.text += text
    }
}

/// How many diagnostics of each code are shown, and how many more are not:
/// input that repeats one mistake a million times shows it `shownPerCode`
/// times, then one note with the count, so that neither the time to show
/// them nor the memory to keep them grows with the flood (docs/cli.md).
struct DiagnosticCap {
    static let shownPerCode = 100
    private var shownByCode: [DiagnosticCode: Int] = [:]
    private var hiddenByCode: [DiagnosticCode: (count: Int, severity: Severity)] = [:]

    /// Whether `diagnostic` is to be shown; one that is not is counted.
    mutating func admits(_ diagnostic: Diagnostic) -> Bool {
        let shown = shownByCode[diagnostic.code, default: 0]
        guard shown >= Self.shownPerCode else {
            shownByCode[diagnostic.code] = shown + 1
            return true
        }
        hiddenByCode[diagnostic.code, default: (0, diagnostic.severity)].count += 1
        return false
    }

    /// A line for each code some diagnostics of which were not shown, by code.
    var notes: [String] {
        hiddenByCode.sorted { $0.key.rawValue < $1.key.rawValue }.map { code, hidden in
            "note: \(hidden.count) more \(hidden.severity.rawValue)[\(code.rawValue)] not shown (the first \(Self.shownPerCode) are)"
        }
    }
}
