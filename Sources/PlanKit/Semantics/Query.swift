import PlanCore
import PlanSyntax

/// Query clauses: each takes the list the clauses before it made and makes
/// the next one, left to right. Inside a clause the current item is in scope.
extension Evaluator {
    func query(_ base: Expr, _ clauses: [QueryClause], in scope: Scope) throws(EvaluationError) -> Value {
        var current = try evaluate(base, in: scope)
        var kind = itemKind(of: base)
        for clause in clauses {
            if case .list(let items) = current, items.isEmpty, let kind {
                try checkNames(in: clause.kind.expression, itemKind: kind, scope: scope)
            }
            current = .list(try apply(clause, to: current, in: scope))
            switch clause.kind {
            case .select, .group: kind = nil
            case .where, .sort, .limit: break
            }
        }
        return current
    }

    /// The kind of entity a list expression yields, when the question says
    /// it (`goals`, `goals where ...`), whatever the list holds today.
    func itemKind(of expr: Expr) -> EntityKind? {
        switch expr.kind {
        case .collection(let kind, _): return kind
        case .query(let base, let clauses):
            let keepsItems = clauses.allSatisfy {
                switch $0.kind {
                case .where, .sort, .limit: return true
                case .select, .group: return false
                }
            }
            return keepsItems ? itemKind(of: base) : nil
        default: return nil
        }
    }

    /// An empty list gives a clause no item to be evaluated against, so a
    /// mistyped field (`skills where lvl > 1` on a plan without skills) would
    /// pass unnoticed; its bare names are checked against the item's kind.
    private func checkNames(in expr: Expr, itemKind kind: EntityKind, scope: Scope) throws(EvaluationError) {
        var known = Fields.names(of: kind) + ["it"] + bindings.keys.sorted()
        for item in scope.items { known += Fields.names(of: item) }
        var names: [(String, SourceRange)] = []
        Evaluator.bareNames(in: expr, into: &names)
        for (name, range) in names where !known.contains(name) {
            let hint = Suggestion.closestField(to: name, among: known).map { "did you mean \(Literal.string($0))?" }
            throw EvaluationError(.unknownName, "unknown name \(Literal.string(name))", at: range, hint: hint)
        }
    }

    /// The identifiers an expression reads from its scope; a nested query's
    /// clauses have a scope of their own and are left to that query.
    private static func bareNames(in expr: Expr, into names: inout [(String, SourceRange)]) {
        switch expr.kind {
        case .identifier(let name): names.append((name, expr.range))
        case .list(let items): for item in items { bareNames(in: item, into: &names) }
        case .unary(_, let operand): bareNames(in: operand, into: &names)
        case .binary(_, let left, let right, _), .logical(_, let left, let right, _):
            bareNames(in: left, into: &names)
            bareNames(in: right, into: &names)
        case .field(let base, _, _): bareNames(in: base, into: &names)
        case .call(_, _, let arguments): for argument in arguments { bareNames(in: argument, into: &names) }
        case .index(let base, let position):
            bareNames(in: base, into: &names)
            bareNames(in: position, into: &names)
        case .query(let base, _): bareNames(in: base, into: &names)
        case .number, .string, .bool, .none, .today, .date, .duration, .entity, .collection, .vision, .owner: break
        }
    }

    private func apply(_ clause: QueryClause, to value: Value, in scope: Scope) throws(EvaluationError) -> [Value] {
        guard case .list(let items) = value else {
            throw EvaluationError(.typeMismatch, "\(clause.kind.word) needs a list, got \(value.typeName)", at: clause.range)
        }
        switch clause.kind {
        case .where(let condition): return try filter(items, by: condition, in: scope)
        case .sort(let key, let descending): return try sort(items, by: key, descending: descending, in: scope)
        case .group(let key): return try group(items, by: key, in: scope)
        case .limit(let count): return Array(items.prefix(try limit(count, in: scope)))
        case .select(let expr): return try map(items, expr, in: scope)
        }
    }

    /// `expr` evaluated once per item, with the item in scope.
    private func map(_ items: [Value], _ expr: Expr, in scope: Scope) throws(EvaluationError) -> [Value] {
        var inner = scope
        inner.items.append(.none)
        let last = inner.items.count - 1
        var results: [Value] = []
        results.reserveCapacity(items.count)
        for item in items {
            inner.items[last] = item
            results.append(try evaluate(expr, in: inner))
        }
        return results
    }

    /// Keeps the items whose condition is true; none counts as false.
    private func filter(_ items: [Value], by condition: Expr, in scope: Scope) throws(EvaluationError) -> [Value] {
        let verdicts = try map(items, condition, in: scope)
        var kept: [Value] = []
        for (item, verdict) in zip(items, verdicts) {
            switch verdict {
            case .bool(true): kept.append(item)
            case .bool(false), .none: continue
            default:
                throw EvaluationError(.typeMismatch, "where needs a bool, got \(verdict.typeName)", at: condition.range)
            }
        }
        return kept
    }

    /// A stable sort; items whose key is none go last in either direction.
    private func sort(_ items: [Value], by key: Expr, descending: Bool,
                      in scope: Scope) throws(EvaluationError) -> [Value] {
        let keys = try map(items, key, in: scope)
        var keyed: [Int] = []
        var missing: [Int] = []
        var first: Value?
        for (position, value) in keys.enumerated() {
            if case .none = value {
                missing.append(position)
                continue
            }
            guard let earlier = first else {
                guard value.precedes(value) != nil else {
                    throw EvaluationError(.typeMismatch, "cannot sort by \(value.typeName): a key must be a number, "
                                          + "string, date, duration or bool", at: key.range)
                }
                first = value
                keyed.append(position)
                continue
            }
            guard value.precedes(earlier) != nil else {
                throw EvaluationError(.typeMismatch, "cannot sort by keys of different types, "
                                      + "\(earlier.typeName) and \(value.typeName)", at: key.range)
            }
            keyed.append(position)
        }
        keyed.sort { a, b in
            let (left, right) = descending ? (keys[b], keys[a]) : (keys[a], keys[b])
            if left.precedes(right) == true { return true }
            if right.precedes(left) == true { return false }
            return a < b
        }
        return (keyed + missing).map { items[$0] }
    }

    /// Groups in the order their keys first appear, items in their order.
    private func group(_ items: [Value], by key: Expr, in scope: Scope) throws(EvaluationError) -> [Value] {
        let keys = try map(items, key, in: scope)
        var order: [Value] = []
        var members: [[Value]] = []
        var positions: [GroupKey: Int] = [:]
        for (item, value) in zip(items, keys) {
            guard let hashable = GroupKey(value) else {
                throw EvaluationError(.typeMismatch, "cannot group by \(value.typeName)", at: key.range)
            }
            if let position = positions[hashable], members.indices.contains(position) {
                members[position].append(item)
            } else {
                positions[hashable] = order.count
                order.append(value)
                members.append([item])
            }
        }
        return zip(order, members).map { Value.group(key: $0, items: $1) }
    }

    private func limit(_ count: Expr, in scope: Scope) throws(EvaluationError) -> Int {
        let value = try evaluate(count, in: scope)
        guard case .number(let number) = value, let whole = Int(exactly: number), whole >= 0 else {
            throw EvaluationError(.typeMismatch, "limit needs a whole number of 0 or more, got \(describe(value))",
                                  at: count.range)
        }
        return whole
    }
}

extension QueryClause.Kind {
    var expression: Expr {
        switch self {
        case .where(let expr), .sort(let expr, _), .group(let expr), .limit(let expr), .select(let expr): return expr
        }
    }

    /// The clause's words, as messages name it.
    var word: String {
        switch self {
        case .where: return "where"
        case .sort: return "sort by"
        case .group: return "group by"
        case .limit: return "limit"
        case .select: return "select"
        }
    }
}

/// A group key that can be hashed: equal keys are `Value.isSame`.
private indirect enum GroupKey: Hashable {
    case none
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(Day)
    case duration(Duration)
    case entity(EntityKind, Int)
    case gap(SkillGap)
    case list([GroupKey])

    /// nil for a group, which is no key.
    init?(_ value: Value) {
        switch value {
        case .none: self = .none
        case .bool(let flag): self = .bool(flag)
        case .number(let number): self = .number(number)
        case .string(let text): self = .string(text)
        case .date(let day): self = .date(day)
        case .duration(let duration): self = .duration(duration)
        case .entity(let kind, let index): self = .entity(kind, index)
        case .gap(let gap): self = .gap(gap)
        case .list(let items):
            var keys: [GroupKey] = []
            for item in items {
                guard let key = GroupKey(item) else { return nil }
                keys.append(key)
            }
            self = .list(keys)
        case .group: return nil
        }
    }
}
