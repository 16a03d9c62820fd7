/// The functions an expression can call (docs/expressions.md). Public so that the
/// REPL can complete their names.
public enum BuiltinFunction: String, CaseIterable, Sendable {
    case count, sum, min, max, avg, any, all, first, len, join, days
    case quarter, quarterStart = "quarter_start", quarterEnd = "quarter_end", monthEnd = "month_end"
    case monthsBetween = "months_between"

    /// How many arguments the function takes.
    package var arity: ClosedRange<Int> {
        switch self {
        case .join: return 1...2
        case .monthsBetween: return 2...2
        default: return 1...1
        }
    }
}
