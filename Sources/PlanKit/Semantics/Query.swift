/// Query clauses: each takes the list the clauses before it made and makes
/// the next one, left to right. Inside a clause the current item is in scope.
extension Evaluator {
    func query(_ base: Expr, _ clauses: [QueryClause], in scope: Scope) throws(EvaluationError) -> Value {
        var current = try evaluate(base, in: scope)
        for clause in clauses {
            current = .list(try apply(clause, to: current, in: scope))
        }
        return current
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
