import PlanCore
import PlanSyntax

extension Evaluator {
    func call(_ name: String, at nameRange: SourceRange, arguments: [Expr], range: SourceRange,
              in scope: Scope) throws(EvaluationError) -> Value {
        guard let function = BuiltinFunction(rawValue: name) else {
            let hint = Suggestion.closest(to: name, among: BuiltinFunction.allCases.map(\.rawValue))
                .map { "did you mean \(Literal.string($0))?" }
            throw EvaluationError(.unknownFunction, "unknown function \(Literal.string(name))", at: nameRange, hint: hint)
        }
        guard function.arity.contains(arguments.count) else {
            let wanted = function.arity.count == 1
                ? "\(function.arity.lowerBound) argument\(function.arity.lowerBound == 1 ? "" : "s")"
                : "\(function.arity.lowerBound) or \(function.arity.upperBound) arguments"
            throw EvaluationError(.badArguments, "\(name) takes \(wanted), got \(arguments.count)", at: range)
        }
        var values: [Value] = []
        for argument in arguments { values.append(try evaluate(argument, in: scope)) }
        let call = Call(function: function, arguments: Array(zip(values, arguments.map(\.range))), range: range)
        return try call.run(plan: plan)
    }
}

/// One call of a builtin, its arguments already evaluated.
private struct Call {
    let function: BuiltinFunction
    let arguments: [(value: Value, range: SourceRange)]
    let range: SourceRange

    func run(plan: Plan) throws(EvaluationError) -> Value {
        switch function {
        case .count: return .number(Double(try list(0).count))
        case .sum: return try sum()
        case .min: return try extreme(smallest: true)
        case .max: return try extreme(smallest: false)
        case .avg: return try average()
        case .any: return .bool(try bools().contains(true))
        case .all: return .bool(try bools().allSatisfy { $0 })
        case .first: return try list(0).first ?? .none
        case .len: return try length()
        case .join: return try join(plan: plan)
        case .days: return try days()
        case .quarter: return try date(0).map { .string("\(Day.pad($0.year, 4))-Q\($0.quarter)") } ?? .none
        case .quarterStart: return try date(0).map { .date($0.quarterStart) } ?? .none
        case .quarterEnd: return try date(0).map { .date(Day(lastDayOfYear: $0.year, month: $0.quarter * 3)) } ?? .none
        case .monthEnd: return try date(0).map { .date(Day(lastDayOfYear: $0.year, month: $0.components.month)) } ?? .none
        case .monthsBetween:
            guard let from = try date(0), let to = try date(1) else { return .none }
            return .number(Double(to < from ? -Self.wholeMonths(from: to, to: from) : Self.wholeMonths(from: from, to: to)))
        }
    }

    private func argument(_ position: Int) -> (value: Value, range: SourceRange) {
        arguments.indices.contains(position) ? arguments[position] : (.none, range)
    }

    private func bad(_ message: String, _ position: Int) -> EvaluationError {
        EvaluationError(.badArguments, "\(function.rawValue) \(message)", at: argument(position).range)
    }

    private func list(_ position: Int) throws(EvaluationError) -> [Value] {
        guard case .list(let items) = argument(position).value else {
            throw bad("needs a list, got \(argument(position).value.typeName)", position)
        }
        return items
    }

    /// The list's items with the nones left out: aggregates skip missing values.
    private func present() throws(EvaluationError) -> [Value] {
        try list(0).filter { if case .none = $0 { return false } else { return true } }
    }

    private func sum() throws(EvaluationError) -> Value {
        let items = try present()
        if case .duration = items.first {
            var total = Duration()
            for item in items {
                guard case .duration(let duration) = item else { throw mixed(items) }
                guard CalendarLimits.contains(duration), CalendarLimits.contains(total + duration) else {
                    throw bad("adds up to more than 10000 years", 0)
                }
                total = total + duration
            }
            return .duration(total)
        }
        var total = 0.0
        for item in items {
            guard case .number(let number) = item else { throw mixed(items) }
            total += number
        }
        return try finite(total)
    }

    private func mixed(_ items: [Value]) -> EvaluationError {
        let types = items.reduce(into: [String]()) { seen, item in
            if !seen.contains(item.typeName) { seen.append(item.typeName) }
        }
        return bad("needs a list of numbers or of durations, got \(types.joined(separator: " and "))", 0)
    }

    private func extreme(smallest: Bool) throws(EvaluationError) -> Value {
        let items = try present()
        guard var best = items.first else { return .none }
        switch best {
        case .number, .date, .duration, .string: break
        default: throw bad("needs numbers, dates, durations or strings, got \(best.typeName)", 0)
        }
        for item in items.dropFirst() {
            guard let before = item.precedes(best) else {
                throw bad("needs items of one type, got \(best.typeName) and \(item.typeName)", 0)
            }
            let after = best.precedes(item) ?? false
            if smallest ? before : after { best = item }
        }
        return best
    }

    private func average() throws(EvaluationError) -> Value {
        let items = try present()
        guard !items.isEmpty else { return .none }
        var total = 0.0
        for item in items {
            guard case .number(let number) = item else {
                throw bad("needs a list of numbers, got \(item.typeName)", 0)
            }
            total += number
        }
        return try finite(total / Double(items.count))
    }

    /// A total past the largest Double is an error, never `inf` as an answer.
    private func finite(_ number: Double) throws(EvaluationError) -> Value {
        guard number.isFinite else { throw bad("adds up to a number too large to hold", 0) }
        return .number(number)
    }

    /// The list as bools; none counts as false.
    private func bools() throws(EvaluationError) -> [Bool] {
        var flags: [Bool] = []
        for item in try list(0) {
            switch item {
            case .bool(let flag): flags.append(flag)
            case .none: flags.append(false)
            default: throw bad("needs a list of bools, got \(item.typeName)", 0)
            }
        }
        return flags
    }

    private func length() throws(EvaluationError) -> Value {
        switch argument(0).value {
        case .list(let items): return .number(Double(items.count))
        case .string(let text): return .number(Double(text.count))
        case let other: throw bad("needs a list or a string, got \(other.typeName)", 0)
        }
    }

    private func join(plan: Plan) throws(EvaluationError) -> Value {
        let items = try list(0)
        var separator = ", "
        if arguments.count > 1 {
            guard case .string(let text) = argument(1).value else {
                throw bad("needs a string separator, got \(argument(1).value.typeName)", 1)
            }
            separator = text
        }
        return .string(items.map { PlainText.plain($0, in: plan) }.joined(separator: separator))
    }

    /// A date argument; nil for none, which the calendar functions pass on.
    private func date(_ position: Int) throws(EvaluationError) -> Day? {
        switch argument(position).value {
        case .date(let day): return day
        case .none: return nil
        case let other: throw bad("needs a date, got \(other.typeName)", position)
        }
    }

    /// The most months that can be added to `from`, calendar-aware as `+`
    /// adds them, without passing `to` (not before `from`); so
    /// `months_between(d, d + n months)` is n.
    private static func wholeMonths(from: Day, to: Day) -> Int {
        let (fromYear, fromMonth, _) = from.components
        let (toYear, toMonth, _) = to.components
        let months = (toYear - fromYear) * 12 + toMonth - fromMonth
        return from.adding(Duration(months: months)) > to ? months - 1 : months
    }

    private func days() throws(EvaluationError) -> Value {
        switch argument(0).value {
        case .duration(let duration):
            return .number(try CalendarLimits.bounded(duration, at: argument(0).range).approximateDays.rounded())
        case .none: return .none
        case let other: throw bad("needs a duration, got \(other.typeName)", 0)
        }
    }
}

/// Values written as plain text, the way `join` puts them in a string.
enum PlainText {
    static func plain(_ value: Value, in plan: Plan) -> String {
        switch value {
        case .none: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Literal.number(number)
        case .string(let text): return text
        case .date(let day): return day.description
        case .duration(let duration): return duration.description
        case .entity(let kind, let index): return plan.name(of: kind, at: index)?.text ?? ""
        case .gap(let gap): return plan.name(of: .skill, at: gap.skill)?.text ?? ""
        case .list(let items): return "[" + items.map { plain($0, in: plan) }.joined(separator: ", ") + "]"
        case .group(let key, let items):
            return plain(key, in: plan) + ": " + plain(.list(items), in: plan)
        }
    }
}
