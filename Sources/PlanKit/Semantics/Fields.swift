import PlanCore
import PlanSyntax

/// The fields an expression can read from an entity or a group. Each kind's
/// fields are in its description; public so that the REPL can complete them.
public enum Fields {
    public static func names(of kind: EntityKind) -> [String] {
        kind.info.fieldNames
    }

    /// The two fields of one group of a `group by` clause.
    public static let groupNames = ["key", "items"]

    /// The fields of one item of a goal's `gap`.
    public static var gapNames: [String] { SkillGapDescription.fieldNames }

    /// The fields of `value`, empty when it has none.
    static func names(of value: Value) -> [String] {
        switch value {
        case .entity(let kind, _): return names(of: kind)
        case .group: return groupNames
        case .gap: return gapNames
        default: return []
        }
    }
}

/// The references turned round: a goal names the values it serves, and
/// `value.goals` asks which goals serve it. One table for answers, the
/// report and every export alike, built on first use from the kinds'
/// descriptions and kept while the plan stands still, so that asking every
/// value for its goals reads the goals once, not once per value.
package final class Links {
    let plan: Plan
    let today: Day
    private struct Key: Hashable {
        var source: EntityKind
        var clause: Keyword
        var target: EntityKind
    }
    private var inverted: [Key: [[Int]]] = [:]
    private var worked = WorkedOut()
    /// The names resolved so far, lent to one pass at a time.
    private var memory = RecentlyResolved()

    package init(plan: Plan, today: Day) {
        self.plan = plan
        self.today = today
    }

    /// `pass` with the memory of names resolved by the passes over this
    /// plan so far, given back when it ends: a plan's checks then size and
    /// fill one, where each once made its own. A pass run inside another
    /// starts from an empty memory.
    func withMemory<Result>(_ pass: (inout RecentlyResolved) -> Result) -> Result {
        var lent = RecentlyResolved()
        swap(&lent, &memory)
        defer { swap(&lent, &memory) }
        return pass(&lent)
    }

    /// What a kind works out once over the whole plan, one typed slot per
    /// result, so that reading one back needs no cast.
    struct WorkedOut {
        var logEntries: LogEntries?
        var goalLogs: GoalKind.Logged?
    }

    /// `make`'s result, made on first use and kept in `slot` with the table.
    func memo<Result>(_ slot: WritableKeyPath<WorkedOut, Result?>, _ make: (Links) -> Result) -> Result {
        if let made = worked[keyPath: slot] { return made }
        let made = make(self)
        worked[keyPath: slot] = made
        return made
    }

    /// The entities of `source` whose `clause` names entity `target` of
    /// kind `kind` (the clause's first kind when not given), in their order,
    /// once each; names that resolve to nothing are left out.
    package func referrers(_ source: EntityKind, via clause: Keyword, to target: Int, of kind: EntityKind? = nil) -> [Int] {
        guard let kind = kind ?? source.info.clause(clause)?.shape.referred.first else { return [] }
        let key = Key(source: source, clause: clause, target: kind)
        if let table = inverted[key] { return table.indices.contains(target) ? table[target] : [] }
        let table = invert(key)
        inverted[key] = table
        return table.indices.contains(target) ? table[target] : []
    }

    /// Takes the entities of `source` whose `clause` names each entity of
    /// `target`, worked out by a pass that resolved every reference already
    /// (the checks'), so that the first `referrers` of the clause does not
    /// resolve its names again. `table` must be what `invert` would make.
    func file(_ source: EntityKind, via clause: Keyword, to target: EntityKind, _ table: [[Int]]) {
        inverted[Key(source: source, clause: clause, target: target)] = table
    }

    private func invert(_ key: Key) -> [[Int]] {
        var result = [[Int]](repeating: [], count: plan.count(of: key.target))
        withMemory { recent in
            key.source.info.forEachReference(plan, key.clause) { source, reference in
                guard let (kind, target) = recent.resolve(reference.name.text, among: reference.kinds, in: plan),
                      kind == key.target else { return }
                Links.add(source, naming: target, to: &result)
            }
        }
        return result
    }

    /// `source` among the referrers of `target` in `table`, once however
    /// often it names it: entities come in order, so a repeat is the last.
    static func add(_ source: Int, naming target: Int, to table: inout [[Int]]) {
        if table.indices.contains(target), table[target].last != source { table[target].append(source) }
    }

    /// The entities `names` refer to; names that resolve to nothing are
    /// skipped because the checks report them.
    func entities(_ kind: EntityKind, _ names: [Name]) -> Value {
        .list(names.compactMap { name in plan.index(of: kind, named: name.text).map { .entity(kind, $0) } })
    }
}

extension Evaluator {
    /// `value.name`; none maps to none and a list maps over its items.
    func field(_ name: String, of value: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch value {
        case .none:
            return .none
        case .list(let items):
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { result.append(try field(name, of: item, at: range)) }
            return .list(result)
        default:
            if let result = fieldValue(name, of: value) { return result }
            throw noField(name, typeName: value.typeName, fields: Fields.names(of: value), at: range)
        }
    }

    func noField(_ name: String, typeName: String, fields: [String], at range: SourceRange) -> EvaluationError {
        let near = Suggestion.closestField(to: name, among: fields)
        return EvaluationError(.unknownField, "\(typeName) has no field \(Literal.string(name))", at: range,
                               hint: near.map { "did you mean \(Literal.string($0))?" }, fix: near.map { .replacing(range, with: $0) })
    }

    /// The field of an entity or group, or nil when it has no such field.
    package func fieldValue(_ name: String, of value: Value) -> Value? {
        switch value {
        case .entity(let kind, let index):
            return kind.info.value(of: name, context, index)
        case .group(let key, let items):
            switch name {
            case "key": return key
            case "items": return .list(items)
            default: return nil
            }
        case .gap(let gap):
            return SkillGapDescription.value(of: name, gap, in: plan)
        default:
            return nil
        }
    }
}

extension Value {
    /// `text`, or none.
    static func optional(_ text: String?) -> Value {
        text.map(Value.string) ?? .none
    }

    static func optional(_ day: Day?) -> Value {
        day.map(Value.date) ?? .none
    }
}
