import PlanCore
import PlanSyntax

/// Why evaluating an expression stopped. Thrown to unwind to the statement
/// that asked, which turns it back into an ordinary diagnostic.
struct EvaluationError: Error {
    var diagnostic: Diagnostic

    init(_ code: DiagnosticCode, _ message: String, at range: SourceRange, hint: String? = nil, fix: Fix? = nil) {
        diagnostic = .error(code, message, at: range, hint: hint, fix: fix)
    }
}

/// The items of the query clauses around an expression, innermost last.
/// Their fields are names in scope, the innermost first.
struct Scope {
    var items: [Value] = []
}

/// Evaluates expressions against one plan as it stands. A plan does not
/// change while an expression is evaluated, which is what lets `links`
/// cache the reverse references.
package struct Evaluator {
    package let plan: Plan
    let today: Day
    let bindings: [String: Value]
    let links: Links
    /// What the kinds' fields are computed from.
    package let context: FieldContext

    package init(plan: Plan, today: Day, bindings: [String: Value]) {
        self.plan = plan
        self.today = today
        self.bindings = bindings
        links = Links(plan: plan, today: today)
        context = FieldContext(plan: plan, today: today, links: links)
    }

    func evaluate(_ expr: Expr, in scope: Scope = Scope()) throws(EvaluationError) -> Value {
        switch expr.kind {
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .bool(let flag): return .bool(flag)
        case .none: return .none
        case .today: return .date(today)
        case .date(let day): return .date(day)
        case .duration(let duration): return .duration(duration)
        case .identifier(let name): return try lookup(name, at: expr.range, in: scope)
        case .list(let items):
            var values: [Value] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try evaluate(item, in: scope)) }
            return .list(values)
        case .entity(let kind, let name, let spelled): return try entity(kind, name, spelled: spelled)
        case .collection(let kind, let spelled): return collection(kind, spelled: spelled, in: scope)
        case .vision: return plan.vision.map(Value.string) ?? .none
        case .owner: return plan.owner.map(Value.string) ?? .none
        case .unary(let op, let operand):
            return try unary(op, try evaluate(operand, in: scope), at: expr.range)
        case .logical(let op, let left, let right, let operatorRange):
            // Short-circuit here rather than through a closure, which
            // would copy the evaluator, plan and all, for every item of a query.
            let leftTruth = try truth(try evaluate(left, in: scope), for: op, at: operatorRange)
            if leftTruth == (op == .or) { return .bool(leftTruth) }
            return .bool(try truth(try evaluate(right, in: scope), for: op, at: operatorRange))
        case .binary(let op, let left, let right, let operatorRange):
            let leftValue = try evaluate(left, in: scope)
            return try binary(op, leftValue, try evaluate(right, in: scope), at: operatorRange, operands: (left, right))
        case .field(let base, let name, let nameRange):
            let value = try evaluate(base, in: scope)
            if case .list(let items) = value, items.isEmpty, let kind = itemKind(of: base),
               !Fields.names(of: kind).contains(name) {
                throw noField(name, typeName: kind.rawValue, fields: Fields.names(of: kind), at: nameRange)
            }
            return try field(name, of: value, at: nameRange)
        case .call(let name, let nameRange, let arguments):
            return try call(name, at: nameRange, arguments: arguments, range: expr.range, in: scope)
        case .index(let base, let position):
            let list = try evaluate(base, in: scope)
            return try index(list, try evaluate(position, in: scope), at: position.range)
        case .query(let base, let clauses):
            return try query(base, clauses, in: scope)
        }
    }

    /// A bare name: `it`, a field of a query item (innermost first), then a `let` name.
    private func lookup(_ name: String, at range: SourceRange, in scope: Scope) throws(EvaluationError) -> Value {
        if name == "it", let item = scope.items.last { return item }
        for item in scope.items.reversed() {
            if let value = fieldValue(name, of: item) { return value }
        }
        if let value = bindings[name] { return value }
        throw unknownName(name, at: range, in: scope)
    }

    private func unknownName(_ name: String, at range: SourceRange, in scope: Scope) -> EvaluationError {
        let message = "unknown name \(Literal.string(name))"
        for kind in EntityKind.nameResolutionOrder where plan.index(of: kind, named: name) != nil {
            return EvaluationError(.unknownName, message, at: range,
                                   hint: "to refer to the \(kind.rawValue), write \(kind.rawValue) \(Literal.string(name))")
        }
        // The collections and `today` are keywords, not names, yet they are
        // what a misspelt word most often meant (`count(skils)`).
        var candidates = Array(bindings.keys).sorted() + EntityKind.allCases.map(\.plural)
            + EntityKind.allCases.flatMap { $0.info.otherCollections.map(\.keyword.rawValue) } + ["today", "vision"]
        for item in scope.items { candidates += Fields.names(of: item) }
        if !scope.items.isEmpty { candidates.append("it") }
        // Inside a query a bare word is most likely one of the item's fields.
        let near = scope.items.isEmpty ? Suggestion.closest(to: name, among: candidates)
            : Suggestion.closestField(to: name, among: candidates)
        let hint = near.map { "did you mean \(Literal.string($0))?" }
        return EvaluationError(.unknownName, message, at: range, hint: hint, fix: near.map { Fix.replacing(range, with: $0) })
    }

    private func entity(_ kind: EntityKind, _ name: Name, spelled: Keyword) throws(EvaluationError) -> Value {
        if let index = plan.index(of: kind, named: name.text) { return .entity(kind, index) }
        if kind.info.head == .none {
            let declaration = kind.info.stub(kind.rawValue, nil)
            throw EvaluationError(kind.info.unknownCode, "the plan has no \(kind.rawValue)", at: name.range,
                                  hint: "declare it: " + declaration, fix: .adding(declaration, after: name.range))
        }
        let near = Suggestion.closest(to: name.text, among: plan.names(of: kind))
        throw EvaluationError(kind.info.unknownCode, "unknown \(spelled.rawValue) \(Literal.string(name.text))", at: name.range,
                              hint: near.map { "did you mean \(Literal.string($0))?" },
                              fix: near.map { .respelling(name.range, quoted: name.quoted, as: $0) })
    }

    /// `goals` means every goal, except inside a query over items that have
    /// a field of that name (inside `values where ...` it is that value's
    /// goals). A kind's other collection (`mentors`) lists only the entities
    /// its other keyword declares.
    private func collection(_ kind: EntityKind, spelled: Keyword, in scope: Scope) -> Value {
        for item in scope.items.reversed() {
            if case .entity = item, let value = fieldValue(spelled.rawValue, of: item) { return value }
        }
        let info = kind.info
        if let other = info.otherCollections.first(where: { $0.keyword == spelled }) {
            return .list(other.members(plan, today).map { .entity(kind, $0) })
        }
        let order = info.listed(plan, today)
        if let alias = kind.alias, alias.lists == spelled {
            return .list(order.filter { info.has(alias.declares, plan, $0) }.map { .entity(kind, $0) })
        }
        return .list(order.map { .entity(kind, $0) })
    }

    /// `list[i]`: 0-based; a negative index counts from the end.
    private func index(_ base: Value, _ position: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        guard case .list(let items) = base else {
            if case .none = base { return .none }
            throw EvaluationError(.typeMismatch, "cannot index \(base.typeName)", at: range)
        }
        guard case .number(let number) = position, let whole = Int(exactly: number) else {
            throw EvaluationError(.typeMismatch, "an index must be a whole number, got \(describe(position))", at: range)
        }
        let resolved = whole < 0 ? items.count + whole : whole
        guard items.indices.contains(resolved) else {
            let size = items.count == 1 ? "1 item" : "\(items.count) items"
            throw EvaluationError(.indexOutOfRange, "index \(whole) is out of range for a list of \(size)", at: range)
        }
        return items[resolved]
    }

    /// A value's type for an error message, with the number itself when a
    /// number was the wrong kind of number.
    func describe(_ value: Value) -> String {
        if case .number(let number) = value { return Literal.number(number) }
        return value.typeName
    }
}
