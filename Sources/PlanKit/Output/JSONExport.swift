/// `plan export --format json`: the whole model for other programs, in the
/// versioned schema `plan/1` that docs/json-schema.md describes. Relations
/// are given both ways round (a value lists its goals) so that a reader
/// needs no second pass.
public enum JSONExport {
    public static let schema = "plan/2"

    public static func document(_ plan: Plan, today: Day) -> JSON {
        let writer = EntityJSON(context: FieldContext(plan: plan, today: today, links: Links(plan: plan, today: today)))
        var members: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("today", .string(today.description)),
            ("vision", plan.vision.map(JSON.string) ?? .null),
            ("owner", plan.owner.map(JSON.string) ?? .null),
        ]
        for kind in EntityKind.allCases {
            let fields = kind.info.exportMembers
            members.append((kind.plural, .array((0..<plan.count(of: kind)).map { index in
                writer.object(kind, index, members: fields, leadingKind: false)
            })))
        }
        return .object(members)
    }

    /// Indented two spaces a level, one member a line, ending in a newline:
    /// a file people also read and diff.
    public static func render(_ plan: Plan, today: Day) -> String {
        var out = ""
        pretty(document(plan, today: today), indent: "", into: &out)
        return out + "\n"
    }

    private static func pretty(_ json: JSON, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch json {
        case .array(let items) where !items.isEmpty:
            // A list of names stays on one line.
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                json.write(to: &out, spaced: true)
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += inner
                pretty(item, indent: inner, into: &out)
                out += position + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members) where members.count <= 2 && members.allSatisfy({ !$0.1.isContainer }):
            // A pair such as a need, `{"skill": "writing", "level": 3}`, stays on one line.
            json.write(to: &out, spaced: true)
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (position, member) in members.enumerated() {
                out += inner
                JSON.quote(member.0, into: &out)
                out += ": "
                pretty(member.1, indent: inner, into: &out)
                out += position + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            json.write(to: &out)
        }
    }
}

private extension JSON {
    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
