import PlanCore
import PlanSyntax

/// What an expression evaluates to.
public enum Value: Sendable {
    case none
    case bool(Bool)
    case number(Double)
    case string(String)
    case date(Day)
    case duration(Duration)
    case list([Value])
    /// An entity of the plan, by its position in the plan's list of that kind.
    case entity(EntityKind, Int)
    /// One group of a `group by` clause.
    indirect case group(key: Value, items: [Value])
    /// One item of a goal's `gap`.
    case gap(SkillGap)

    /// The type's name as error messages say it.
    public var typeName: String {
        switch self {
        case .none: return "none"
        case .bool: return "bool"
        case .number: return "number"
        case .string: return "string"
        case .date: return "date"
        case .duration: return "duration"
        case .list: return "list"
        case .entity(let kind, _): return kind.rawValue
        case .group: return "group"
        case .gap: return SkillGapDescription.typeName
        }
    }
}
