import PlanKit

/// How answers and diagnostics are written. (Placeholder until the CLI lands.)
public struct OutputOptions: Sendable {
    public var json = false
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
        false
    }
}
