/// The plan model written back as canonical plan source (the REPL's
/// `:save`): vision, values, skills, goals with their clauses, milestones,
/// mentors, asserts. Reading the text back builds the same plan.
public enum PlanSource {
    public static func render(_ plan: Plan) -> String {
        var sections: [[String]] = []
        if let vision = plan.vision { sections.append(["vision " + string(vision)]) }
        sections.append(plan.values.map { value in
            var line = "value " + name(value.name.text)
            if let priority = value.priority { line += " priority \(priority)" }
            if value.nonNegotiable { line += " non-negotiable" }
            if let note = value.note { line += " note " + string(note) }
            return line
        })
        sections.append(plan.skills.map { skill in
            var line = "skill " + name(skill.name.text) + " level \(skill.level)"
            if let target = skill.explicitTarget { line += " target \(target)" }
            return line
        })
        for goal in plan.goals {
            var lines = ["goal " + name(goal.name.text)]
            if let role = goal.role { lines.append("role " + string(role)) }
            if !goal.needs.isEmpty {
                lines.append("needs skill " + goal.needs.map { need in
                    name(need.skill.text) + (need.level.map { " at \($0)" } ?? "")
                }.joined(separator: ", "))
            }
            if !goal.serves.isEmpty { lines.append("serves " + goal.serves.map { name($0.text) }.joined(separator: ", ")) }
            if !goal.after.isEmpty { lines.append("after " + goal.after.map { name($0.text) }.joined(separator: ", ")) }
            if let due = goal.due { lines.append("by \(due)") }
            if let impact = goal.impact { lines.append("impact " + string(impact)) }
            if let note = goal.note { lines.append("note " + string(note)) }
            switch goal.status {
            case .done: lines.append("done")
            case .doing: lines.append("doing")
            case .open: break
            }
            sections.append([lines[0]] + lines.dropFirst().map { "    " + $0 })
        }
        sections.append(plan.milestones.map { milestone in
            var line = "milestone " + name(milestone.name.text)
            if let goal = milestone.goal { line += " for " + name(goal.text) }
            if let due = milestone.due { line += " by \(due)" }
            if milestone.done { line += " done" }
            return line
        })
        sections.append(plan.mentors.map { mentor in
            var line = "mentor " + name(mentor.name.text)
            if !mentor.helps.isEmpty { line += " helps " + mentor.helps.map { name($0.text) }.joined(separator: ", ") }
            if let note = mentor.note { line += " note " + string(note) }
            return line
        })
        sections.append(plan.assertions.map { assertion in
            "assert " + SourceWriter.expression(assertion.condition) + (assertion.message.map { " " + string($0) } ?? "")
        })
        let text = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        guard !text.isEmpty else { return "" }
        // The formatter owns the canonical layout (one-clause goals on one
        // line, long `needs` wrapped), so a saved plan is already `plan fmt`
        // clean. It only declines text that does not parse, which this is not.
        return Formatter.format(Source(name: "plan", text: text + "\n")).text ?? text + "\n"
    }

    private static func name(_ text: String) -> String { Literal.name(text) }
    private static func string(_ text: String) -> String { Literal.string(text) }
}

/// Canonical expression source with only the parentheses that precedence
/// (SPEC section 5) needs. The formatter's printer, under the name the
/// REPL and `:save` use.
public enum ExpressionPrinter {
    public static func render(_ expr: Expr) -> String {
        SourceWriter.expression(expr)
    }
}
