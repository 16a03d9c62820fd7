import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format json`: the whole model for other programs, in the
/// versioned schema `schema` names, which docs/json-schema.md describes. Relations
/// are given both ways round (a value lists its goals) so that a reader
/// needs no second pass.
public enum JSONExport {
    public static let schema = "plan/2"

    /// Indented two spaces a level, one member a line, ending in a newline:
    /// a file people also read and diff.
    public static func render(_ plan: Plan, today: Day) -> String {
        var text = ""
        write(plan, today: today) { text += $0 }
        return text
    }

    /// How much text `write` gathers before handing it on.
    static let chunkSize = 1 << 16

    /// `render`'s text, handed to `sink` a chunk at a time as each entity is
    /// written, so that a large plan's export is never held whole: neither
    /// as a document nor as one string.
    public static func write(_ plan: Plan, today: Day, to sink: (String) -> Void) {
        let writer = EntityJSON(context: FieldContext(plan: plan, today: today, links: Links(plan: plan, today: today)))
        var out = "{\n"
        let head: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("today", .string(today.description)),
            ("vision", plan.vision.map(JSON.string) ?? .null),
            ("owner", plan.owner.map(JSON.string) ?? .null),
        ]
        for (key, value) in head {
            member(key, into: &out)
            pretty(value, indent: "  ", into: &out)
            out += ",\n"
        }
        let kinds = EntityKind.writtenOrder
        for (position, kind) in kinds.enumerated() {
            member(kind.plural, into: &out)
            let count = plan.count(of: kind)
            if count == 0 {
                out += "[]"
            } else {
                out += "[\n"
                let fields = kind.info.exportMembers
                for index in 0..<count {
                    out += "    "
                    pretty(writer.object(kind, index, members: fields, leadingKind: false), indent: "    ", into: &out)
                    out += index + 1 < count ? ",\n" : "\n"
                    if out.utf8.count >= chunkSize {
                        sink(out)
                        out = ""
                    }
                }
                out += "  ]"
            }
            out += position + 1 < kinds.count ? ",\n" : "\n"
        }
        sink(out + "}\n")
    }

    /// A member of the document's top object, up to its value.
    private static func member(_ key: String, into out: inout String) {
        out += "  "
        JSON.quote(key, into: &out)
        out += ": "
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
