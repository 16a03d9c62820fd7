import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format dot`: the plan as a Graphviz graph. Node IDs carry
/// the kind (`goal:Lead`) because a goal and a skill may share a name.
/// Nodes come in declaration order, then edges in declaration order, so the
/// same plan always gives the same file.
public enum Graphviz {
    public static func render(_ plan: Plan, today: Day) -> String {
        let facts = PlanFacts(plan, today: today)
        var out = """
            digraph plan {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#ffffff"];
              edge [fontname="Helvetica", fontsize=9, color="#555555"];

            """
        func node(_ kind: EntityKind, _ name: String, _ label: String, _ attributes: String) {
            node(kind.rawValue, name, label, attributes)
        }
        func node(_ word: String, _ name: String, _ label: String, _ attributes: String) {
            out += "  \(id(word, name)) [label=\(quote(label)), \(attributes)];\n"
        }
        func edge(_ from: String, _ to: String, _ attributes: String = "") {
            out += "  \(from) -> \(to)\(attributes.isEmpty ? "" : " [\(attributes)]");\n"
        }

        for value in plan.values {
            var label = value.name.text
            if let priority = value.priority { label += "\npriority \(priority)" }
            let fill = value.nonNegotiable ? "#fde2b8" : "#fff3d6"
            node(.value, value.name.text, label, "shape=diamond, fillcolor=\"\(fill)\"")
        }
        for skill in plan.skills {
            let label = skill.name.text + "\nlevel \(skill.level) of \(skill.target)"
            node(.skill, skill.name.text, label, "shape=ellipse, fillcolor=\"\(skill.gap > 0 ? "#dbe9fb" : "#e8f5e1")\"")
        }
        for goal in plan.goals {
            var label = goal.name.text
            if let role = goal.role { label += "\n" + role }
            if let due = goal.due { label += "\nby \(due)" }
            let fill = goal.done ? "#e0e0e0" : facts.isOverdue(goal) ? "#f8d0cc" : "#ffffff"
            let extra = goal.done ? ", fontcolor=\"#777777\"" : ""
            node(.goal, goal.name.text, label, "shape=box, style=\"rounded,filled\", fillcolor=\"\(fill)\"\(extra)")
        }
        for milestone in plan.milestones {
            var label = milestone.name.text
            if let due = milestone.due { label += "\n\(due)" }
            let fill = milestone.done ? "#e0e0e0" : facts.isOverdue(milestone) ? "#f8d0cc" : "#f3e5f5"
            node(.milestone, milestone.name.text, label, "shape=hexagon, fillcolor=\"\(fill)\"")
        }
        let known = { (kind: EntityKind, name: Name) in plan.index(of: kind, named: name.text) != nil }
        for mentor in plan.mentors where mentor.helps.contains(where: { known(.skill, $0) }) {
            node("mentor", mentor.name.text, mentor.name.text, "shape=plain, style=\"\"")
        }
        out += "\n"
        for goal in plan.goals {
            let from = id(.goal, goal.name.text)
            for need in goal.needs where known(.skill, need.skill) {
                let level = facts.requiredLevel(need).map { "label=\(quote("at \($0)"))" } ?? ""
                edge(from, id(.skill, need.skill.text), level)
            }
            for value in goal.serves where known(.value, value) {
                edge(from, id(.value, value.text), "style=dashed")
            }
            for before in goal.after where known(.goal, before) {
                edge(id(.goal, before.text), from, "style=bold, label=\"then\"")
            }
        }
        for milestone in plan.milestones {
            guard let goal = milestone.goal, known(.goal, goal) else { continue }
            edge(id(.milestone, milestone.name.text), id(.goal, goal.text), "style=dotted")
        }
        for mentor in plan.mentors {
            for skill in mentor.helps where known(.skill, skill) {
                edge(id("mentor", mentor.name.text), id(.skill, skill.text), "style=dotted, arrowhead=empty")
            }
        }
        out += "}\n"
        return out
    }

    private static func id(_ kind: EntityKind, _ name: String) -> String {
        id(kind.rawValue, name)
    }

    private static func id(_ word: String, _ name: String) -> String {
        quote(word + ":" + name)
    }

    /// A DOT quoted string. Backslashes are doubled (a lone one would start
    /// an escape such as `\N` in a label), quotes escaped, line breaks
    /// turned into the `\n` label escape, and any other hidden character
    /// but a tab spelt as people see it elsewhere (`\u{1B}`, its backslash
    /// doubled in turn), so that the graph printed on a terminal cannot
    /// drive it and `dot` gets no NUL.
    static func quote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n", "\r\n": out += "\\n"
            case "\r": continue
            case "\t": out.append(character)
            case _ where character.unicodeScalars.contains(where: Literal.isHidden):
                for spelt in Literal.printable(String(character)) {
                    if spelt == "\\" { out += "\\\\" } else { out.append(spelt) }
                }
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
