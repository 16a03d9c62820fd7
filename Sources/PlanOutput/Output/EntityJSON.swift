import PlanCore
import PlanSyntax
import PlanKit

/// Values as JSON, and the one writer of an entity's JSON object: `--json`
/// answers and the JSON export both build entities here, from the fields
/// the kind's description gives.
///
/// Dates are `"YYYY-MM-DD"` strings, durations `{"months": m, "days": d}`
/// (months stay apart from days because a month has no fixed length),
/// groups `{"key": k, "items": [...]}`, a goal's gap an object of its fields,
/// none null; inside an entity, other entities (and a goal's gaps) appear by
/// name, so that the object stays flat.
struct EntityJSON {
    let context: FieldContext
    var plan: Plan { context.plan }

    static func duration(_ duration: Duration) -> JSON {
        .object([("months", .number(Double(duration.months))), ("days", .number(Double(duration.days)))])
    }

    func json(_ value: Value) -> JSON {
        switch value {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .date(let day): return .string(day.description)
        case .duration(let duration): return Self.duration(duration)
        case .list(let items): return .array(items.map(json))
        case .group(let key, let items): return .object([("key", json(key)), ("items", .array(items.map(json)))])
        case .entity(let kind, let index):
            return object(kind, index, members: kind.info.fieldNames, leadingKind: true)
        case .gap(let gap):
            return .object(SkillGapDescription.fields.map { ($0.name, flat($0.value(gap, plan))) })
        }
    }

    /// The entity's `members`, each a field, in that order; `leadingKind`
    /// starts the object with the kind, for a reader of mixed answers.
    func object(_ kind: EntityKind, _ index: Int, members: [String], leadingKind: Bool) -> JSON {
        var result: [(String, JSON)] = leadingKind ? [("kind", .string(kind.rawValue))] : []
        guard index >= 0, index < plan.count(of: kind) else { return .object(result) }
        let info = kind.info
        for name in members {
            guard let field = info.field(named: name) else { continue }
            result.append((name, field.json?(context, index) ?? flat(field.value(context, index))))
        }
        return .object(result)
    }

    private func flat(_ value: Value) -> JSON {
        switch value {
        case .entity(let kind, let index): return plan.name(of: kind, at: index).map { .string($0.text) } ?? .null
        case .gap(let gap): return flat(.entity(.skill, gap.skill))
        case .list(let items): return .array(items.map(flat))
        default: return json(value)
        }
    }
}
