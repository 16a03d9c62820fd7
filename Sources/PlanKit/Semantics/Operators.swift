import PlanCore
import PlanSyntax

extension CalendarLimits {
    static func bounded(_ duration: Duration, at range: SourceRange) throws(EvaluationError) -> Duration {
        guard contains(duration) else {
            throw EvaluationError(.typeMismatch, "a duration may span at most 10000 years", at: range)
        }
        return duration
    }
}

extension Evaluator {
    func unary(_ op: UnaryOperator, _ operand: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch (op, operand) {
        case (.negate, .number(let number)):
            return .number(-number)
        case (.negate, .duration(let duration)):
            return .duration(-(try bounded(duration, at: range)))
        case (.not, .bool(let flag)):
            return .bool(!flag)
        case (.not, .none):
            // none counts as false wherever a bool is expected.
            return .bool(true)
        case (.not, _):
            throw EvaluationError(.typeMismatch, "not needs a bool, got \(operand.typeName)", at: range)
        case (.negate, _):
            throw EvaluationError(.typeMismatch, "cannot negate \(operand.typeName)", at: range)
        }
    }

    /// Both sides already evaluated; `evaluate` short-circuits `and` / `or`
    /// itself, and their right side is looked at here only when it would be.
    /// `operands` are the expressions the values came from, for hints that
    /// rewrite the question.
    func binary(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange,
                operands: (left: Expr, right: Expr)) throws(EvaluationError) -> Value {
        switch op {
        case .equal: return .bool(try equals(left, right, at: range, operands: (op, operands)))
        case .notEqual: return .bool(!(try equals(left, right, at: range, operands: (op, operands))))
        case .less, .lessEqual, .greater, .greaterEqual: return .bool(try compare(op, left, right, at: range, operands: operands))
        case .in: return .bool(try contains(right, left, at: range, operands: operands))
        case .add: return try add(left, right, at: range)
        case .subtract: return try subtract(left, right, at: range)
        case .multiply: return try multiply(left, right, at: range)
        case .divide: return try divide(left, right, at: range)
        }
    }

    /// A bool operand of `and` / `or`; none counts as false.
    func truth(_ value: Value, for op: LogicalOperator, at range: SourceRange) throws(EvaluationError) -> Bool {
        switch value {
        case .bool(let flag): return flag
        case .none: return false
        default: throw EvaluationError(.typeMismatch, "\(op.rawValue) needs bools, got \(value.typeName)", at: range)
        }
    }

    /// `==`: none equals only none; otherwise both sides must be of one type.
    /// `operands` is the comparison as written, when there is one to rewrite.
    private func equals(_ left: Value, _ right: Value, at range: SourceRange,
                        operands: (op: BinaryOperator, exprs: (left: Expr, right: Expr))?) throws(EvaluationError) -> Bool {
        guard comparable(left, right) else { throw mismatch("compare", left, right, at: range) }
        try checkUnits(left, right, at: range, operands: operands)
        return left.isSame(as: right)
    }

    /// Whether `==` may compare the two: none with anything, otherwise values
    /// of one type (entities of one kind), never groups.
    private func comparable(_ left: Value, _ right: Value) -> Bool {
        switch (left, right) {
        case (.none, _), (_, .none): return true
        case (.group, _), (_, .group): return false
        default: return left.typeName == right.typeName
        }
    }

    /// `< <= > >=`: numbers, strings, dates, durations and bools, each with its
    /// own kind; any comparison with none is false.
    private func compare(_ op: BinaryOperator, _ left: Value, _ right: Value, at range: SourceRange,
                         operands: (left: Expr, right: Expr)) throws(EvaluationError) -> Bool {
        if case .none = left { return false }
        if case .none = right { return false }
        guard let ascending = left.precedes(right), let descending = right.precedes(left) else {
            throw mismatch("compare", left, right, at: range)
        }
        try checkUnits(left, right, at: range, operands: (op, operands))
        switch op {
        case .less: return ascending
        case .lessEqual: return !descending
        case .greater: return descending
        default: return !ascending
        }
    }

    /// Two durations compare only when they differ in days alone or in months
    /// alone: a month is 28 to 31 days, so `days_left <= 6 months` has no one
    /// answer. The hint asks the same question of dates, where months are exact.
    private func checkUnits(_ left: Value, _ right: Value, at range: SourceRange,
                            operands: (op: BinaryOperator, exprs: (left: Expr, right: Expr))?) throws(EvaluationError) {
        guard case .duration(let a) = left, case .duration(let b) = right, a.months != b.months, a.days != b.days else {
            return
        }
        var hint = "a month is 28 to 31 days; compare dates instead"
        if let operands {
            let rewritten = Expr(.binary(operands.op, Self.asDate(operands.exprs.left), Self.asDate(operands.exprs.right),
                                         operatorRange: range), range)
            hint += ": " + SourceWriter.expression(rewritten)
        }
        throw EvaluationError(.typeMismatch, "cannot compare \(Self.unitName(a)) and \(Self.unitName(b))",
                              at: range, hint: hint)
    }

    private static func unitName(_ duration: Duration) -> String {
        switch (duration.months, duration.days) {
        case (0, _): return "a duration in days"
        case (_, 0): return "a duration in months"
        default: return "a duration in months and days"
        }
    }

    /// The date a duration reaches from today: a goal's `days_left` is its
    /// `due`, anything else `today + duration`.
    private static func asDate(_ duration: Expr) -> Expr {
        switch duration.kind {
        case .field(let base, "days_left", let nameRange): return Expr(.field(base, name: "due", nameRange: nameRange), duration.range)
        case .identifier("days_left"): return Expr(.identifier("due"), duration.range)
        default: return Expr(.binary(.add, Expr(.today, duration.range), duration, operatorRange: duration.range), duration.range)
        }
    }

    /// `needle in haystack`: membership in a list, each item compared as `==`
    /// compares, or a substring of a string.
    private func contains(_ haystack: Value, _ needle: Value, at range: SourceRange,
                          operands: (left: Expr, right: Expr)) throws(EvaluationError) -> Bool {
        switch (needle, haystack) {
        case (.none, _), (_, .none): return false
        case (_, .list(let items)):
            if let stranger = items.first(where: { !comparable(needle, $0) }) {
                throw EvaluationError(.typeMismatch, "cannot compare \(needle.typeName) and \(stranger.typeName)",
                                      at: range, hint: Self.membershipHint(needle, stranger, operands: operands))
            }
            var found = false
            for item in items {
                found = try equals(needle, item, at: range, operands: nil) || found
            }
            return found
        case (.string(let part), .string(let whole)): return whole.contains(part)
        default:
            throw EvaluationError(.typeMismatch, "cannot look for \(needle.typeName) in \(haystack.typeName)", at: range)
        }
    }

    /// A name looked for among entities, an entity among names, or a skill
    /// among a goal's gaps: the form that asks what was meant.
    private static func membershipHint(_ needle: Value, _ item: Value, operands: (left: Expr, right: Expr)) -> String? {
        var wanted = operands.left
        var among = operands.right
        let purpose: String
        switch (needle, item) {
        case (.string(let name), .entity(let kind, _)):
            // Printed as written, so the name stays quoted as the person typed it.
            wanted = Expr(.identifier(kind.rawValue + " " + Literal.string(name)), operands.left.range)
            purpose = "to look for the \(kind.rawValue)"
        case (.entity, .string):
            wanted = Expr(.field(operands.left, name: "name", nameRange: operands.left.range), operands.left.range)
            purpose = "to look for its name"
        case (.entity(.skill, _), .gap):
            among = Expr(.field(operands.right, name: "skill", nameRange: operands.right.range), operands.right.range)
            purpose = "to look for the skill among the gaps"
        default:
            return nil
        }
        let range = operands.left.range.through(operands.right.range)
        return purpose + ", write "
            + SourceWriter.expression(Expr(.binary(.in, wanted, among, operatorRange: range), range))
    }

    private func add(_ left: Value, _ right: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)): return try finite(a + b, from: .add, at: range)
        case (.string(let a), .string(let b)): return .string(a + b)
        case (.list(let a), .list(let b)): return .list(a + b)
        case (.date(let day), .duration(let duration)), (.duration(let duration), .date(let day)):
            return .date(try shift(day, by: duration, at: range))
        case (.duration(let a), .duration(let b)):
            return .duration(try bounded(try bounded(a, at: range) + bounded(b, at: range), at: range))
        default: throw mismatch("add", left, right, at: range)
        }
    }

    private func subtract(_ left: Value, _ right: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)): return try finite(a - b, from: .subtract, at: range)
        case (.date(let day), .duration(let duration)):
            return .date(try shift(day, by: -(try bounded(duration, at: range)), at: range))
        case (.date(let a), .date(let b)): return .duration(Duration(days: a.ordinal - b.ordinal))
        case (.duration(let a), .duration(let b)):
            return .duration(try bounded(try bounded(a, at: range) + -(try bounded(b, at: range)), at: range))
        default: throw mismatch("subtract", left, right, at: range)
        }
    }

    private func multiply(_ left: Value, _ right: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)): return try finite(a * b, from: .multiply, at: range)
        case (.duration(let duration), .number(let factor)), (.number(let factor), .duration(let duration)):
            let base = try bounded(duration, at: range)
            guard let months = Int(exactly: Double(base.months) * factor),
                  let days = Int(exactly: Double(base.days) * factor) else {
                throw EvaluationError(.typeMismatch, "cannot multiply \(base) by \(Literal.number(factor)): "
                                      + "a duration is a whole number of months and days", at: range)
            }
            return .duration(try bounded(Duration(months: months, days: days), at: range))
        default: throw mismatch("multiply", left, right, at: range)
        }
    }

    private func divide(_ left: Value, _ right: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        guard case .number(let a) = left, case .number(let b) = right else {
            throw mismatch("divide", left, right, at: range)
        }
        guard b != 0 else { throw EvaluationError(.divisionByZero, "division by zero", at: range) }
        return try finite(a / b, from: .divide, at: range)
    }

    /// A number past the largest a Double holds would go on as `inf` or
    /// `nan` and print as an answer; it is an error at its operator instead.
    private func finite(_ number: Double, from op: BinaryOperator, at range: SourceRange) throws(EvaluationError) -> Value {
        guard number.isFinite else {
            throw EvaluationError(.invalidNumber, "the result of \(op.rawValue) is too large for a number", at: range)
        }
        return .number(number)
    }

    /// `day` moved by `duration`, calendar-aware, kept inside years 1 to 9999.
    private func shift(_ day: Day, by duration: Duration, at range: SourceRange) throws(EvaluationError) -> Day {
        let result = day.adding(try bounded(duration, at: range))
        guard CalendarLimits.years.contains(result.year) else {
            throw EvaluationError(.invalidDate, "the resulting date falls outside the years 1 to 9999", at: range)
        }
        return result
    }

    private func bounded(_ duration: Duration, at range: SourceRange) throws(EvaluationError) -> Duration {
        try CalendarLimits.bounded(duration, at: range)
    }

    private func mismatch(_ operation: String, _ left: Value, _ right: Value, at range: SourceRange) -> EvaluationError {
        EvaluationError(.typeMismatch, "cannot \(operation) \(left.typeName) and \(right.typeName)", at: range)
    }
}

extension Value {
    /// Structural equality: the same type and the same contents; entities by
    /// identity, lists item by item. Values of different types are not the same.
    func isSame(as other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.date(let a), .date(let b)): return a == b
        case (.duration(let a), .duration(let b)): return a == b
        case (.entity(let kindA, let a), .entity(let kindB, let b)): return kindA == kindB && a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isSame(as: $1) }
        case (.group(let keyA, let itemsA), .group(let keyB, let itemsB)):
            return keyA.isSame(as: keyB) && Value.list(itemsA).isSame(as: .list(itemsB))
        case (.gap(let a), .gap(let b)): return a == b
        default: return false
        }
    }

    /// Whether lists and groups inside one another go more than `limit` deep.
    func nests(deeperThan limit: Int) -> Bool {
        guard limit >= 0 else { return true }
        switch self {
        case .list(let items): return items.contains { $0.nests(deeperThan: limit - 1) }
        case .group(let key, let items):
            return key.nests(deeperThan: limit - 1) || items.contains { $0.nests(deeperThan: limit - 1) }
        default: return false
        }
    }

    /// Whether `self` sorts before `other`; nil when the two have no order
    /// between them (different types, or a type without an order).
    func precedes(_ other: Value) -> Bool? {
        switch (self, other) {
        case (.number(let a), .number(let b)): return a < b
        case (.string(let a), .string(let b)): return a < b
        case (.date(let a), .date(let b)): return a < b
        case (.duration(let a), .duration(let b)): return a < b
        case (.bool(let a), .bool(let b)): return !a && b
        default: return nil
        }
    }
}
