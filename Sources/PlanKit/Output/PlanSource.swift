/// The plan model written back as canonical plan source (the REPL's
/// `:save`): vision, values, skills, goals with one clause a line,
/// milestones, mentors, asserts. Reading the text back builds the same plan.
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
            "assert " + ExpressionPrinter.render(assertion.condition) + (assertion.message.map { " " + string($0) } ?? "")
        })
        let text = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        return text.isEmpty ? "" : text + "\n"
    }

    /// A bare identifier when the name is one and is not a keyword, else a string.
    public static func name(_ text: String) -> String {
        isIdentifier(text) ? text : string(text)
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || ("A"..."Z").contains(first) || ("a"..."z").contains(first) else {
            return false
        }
        let plain = text.unicodeScalars.allSatisfy {
            $0 == "_" || ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0)
        }
        return plain && Keyword(rawValue: text) == nil
    }

    /// A string literal with the escapes the lexer reads back.
    public static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Canonical expression source with only the parentheses that precedence
/// (SPEC section 5) requires, for `assert`, `:save` and the formatter.
public enum ExpressionPrinter {
    public static func render(_ expr: Expr) -> String {
        print(expr, parenthesizeLeadingEntity: false)
    }

    /// As a statement of its own: an expression that would begin with a
    /// declaration keyword (`goal "X".due`) gets its first entity wrapped,
    /// `(goal "X").due`, so that it is not read as a declaration.
    public static func renderStatement(_ expr: Expr) -> String {
        if case .vision = expr.kind { return "vision" }
        return print(expr, parenthesizeLeadingEntity: true)
    }

    /// Binding strength, loosest first, as SPEC section 5 lists them.
    private enum Level: Int, Comparable {
        case query, or, and, not, comparison, additive, multiplicative, unary, postfix, primary

        static func < (lhs: Level, rhs: Level) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    private static func level(_ expr: Expr) -> Level {
        switch expr.kind {
        case .query: return .query
        case .binary(let op, _, _, _): return level(op)
        case .unary(.not, _): return .not
        case .unary(.negate, _): return .unary
        case .number(let number) where number < 0 || (number == 0 && number.sign == .minus): return .unary
        case .duration(let duration) where duration.months < 0 || duration.days < 0: return .unary
        case .field, .call, .index: return .postfix
        default: return .primary
        }
    }

    private static func level(_ op: BinaryOperator) -> Level {
        switch op {
        case .or: return .or
        case .and: return .and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: return .comparison
        case .add, .subtract: return .additive
        case .multiply, .divide: return .multiplicative
        }
    }

    /// `lead` is true while printing the leftmost operand of a statement.
    private static func print(_ expr: Expr, parenthesizeLeadingEntity lead: Bool) -> String {
        func operand(_ inner: Expr, atLeast minimum: Level, leading: Bool = false) -> String {
            if level(inner) < minimum { return "(" + print(inner, parenthesizeLeadingEntity: false) + ")" }
            return print(inner, parenthesizeLeadingEntity: leading && lead)
        }
        func all(_ items: [Expr]) -> String {
            items.map { print($0, parenthesizeLeadingEntity: false) }.joined(separator: ", ")
        }
        switch expr.kind {
        case .number(let number): return self.number(number)
        case .string(let text): return PlanSource.string(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .none: return "none"
        case .today: return "today"
        case .date(let day): return day.description
        case .duration(let duration): return self.duration(duration)
        case .identifier(let name): return name
        case .list(let items): return "[" + all(items) + "]"
        case .entity(let kind, let name):
            let text = kind.rawValue + " " + PlanSource.name(name.text)
            return lead ? "(" + text + ")" : text
        case .collection(let kind): return kind.plural
        case .vision: return lead ? "(vision)" : "vision"
        case .unary(.not, let inner): return "not " + operand(inner, atLeast: .not)
        case .unary(.negate, let inner): return "-" + operand(inner, atLeast: .unary)
        case .binary(let op, let left, let right, _):
            let strength = level(op)
            // Comparisons do not chain, so an equal-strength left side is wrapped too.
            let leftMinimum = strength == .comparison ? Level.additive : strength
            let rightMinimum = Level(rawValue: strength.rawValue + 1) ?? .primary
            return operand(left, atLeast: leftMinimum, leading: true) + " " + op.rawValue + " " + operand(right, atLeast: rightMinimum)
        case .field(let base, let name, _):
            return postfixBase(base, lead: lead) + "." + name
        case .call(let name, _, let arguments):
            return name + "(" + all(arguments) + ")"
        case .index(let base, let index):
            return postfixBase(base, lead: lead) + "[" + print(index, parenthesizeLeadingEntity: false) + "]"
        case .query(let base, let clauses):
            var text = operand(base, atLeast: .or, leading: true)
            for clause in clauses {
                switch clause.kind {
                case .where(let condition): text += " where " + operand(condition, atLeast: .or)
                case .sort(let key, let descending): text += " sort by " + operand(key, atLeast: .or) + (descending ? " desc" : "")
                case .group(let key): text += " group by " + operand(key, atLeast: .or)
                case .limit(let count): text += " limit " + operand(count, atLeast: .or)
                case .select(let value): text += " select " + operand(value, atLeast: .or)
                }
            }
            return text
        }
    }

    /// The thing before `.field` or `[index]`; a number or date literal is
    /// wrapped so that its dot cannot be read as part of the literal.
    private static func postfixBase(_ base: Expr, lead: Bool) -> String {
        switch base.kind {
        case .number, .date, .duration: return "(" + print(base, parenthesizeLeadingEntity: false) + ")"
        default:
            if level(base) < .postfix { return "(" + print(base, parenthesizeLeadingEntity: false) + ")" }
            return print(base, parenthesizeLeadingEntity: lead)
        }
    }

    private static func number(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// One literal when one unit says it, else a sum of two. A literal is
    /// never negative; a negative duration is written as a negation.
    private static func duration(_ duration: Duration) -> String {
        func unit(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let months = abs(duration.months)
        let days = abs(duration.days)
        var parts: [String] = []
        if months != 0 { parts.append(months % 12 == 0 ? unit(months / 12, "year") : unit(months, "month")) }
        if days != 0 || parts.isEmpty { parts.append(unit(days, "day")) }
        let text = parts.count > 1 ? "(" + parts.joined(separator: " + ") + ")" : parts.joined()
        return duration.months < 0 || duration.days < 0 ? "-" + text : text
    }
}
