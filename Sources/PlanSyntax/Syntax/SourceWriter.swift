import PlanCore

/// The pieces of canonical plan source shared by the formatter (source to
/// source) and by writing a whole plan back out (`:save`).
public enum SourceWriter {
    /// How tightly each kind of expression binds; a child printed in a slot
    /// that needs more gets parentheses.
    private static func precedence(_ kind: ExprKind) -> Int {
        switch kind {
        case .query: return 0
        case .logical(.or, _, _, _): return 1
        case .logical(.and, _, _, _): return 2
        case .binary(let op, _, _, _):
            switch op {
            case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: return 4
            case .add, .subtract: return 5
            case .multiply, .divide: return 6
            }
        case .unary(.not, _): return 3
        case .unary(.negate, _): return 7
        case .field, .index, .call: return 8
        // Negative literals print with a minus sign, so they bind like one.
        case .number(let value) where value < 0: return 7
        case .duration(let duration) where duration.months < 0 || duration.days < 0: return 7
        default: return 9
        }
    }

    /// Canonical source of an expression, with only the parentheses that
    /// precedence needs. `literal` may supply the text a literal was written
    /// with (a formatter keeps `2027-Q2` as written).
    public static func expression(_ expr: Expr, literal: @escaping (Expr) -> String? = { _ in nil }) -> String {
        var printer = ExpressionPrinter(literal: literal)
        return printer.print(expr, needs: 0)
    }

    private struct ExpressionPrinter {
        let literal: (Expr) -> String?

        mutating func print(_ expr: Expr, needs: Int) -> String {
            let text = bare(expr)
            return SourceWriter.precedence(expr.kind) < needs ? "(" + text + ")" : text
        }

        mutating func bare(_ expr: Expr) -> String {
            switch expr.kind {
            case .number(let value): return literal(expr) ?? Literal.number(value)
            case .string(let text): return Literal.string(text)
            case .bool(let flag): return flag ? "true" : "false"
            case .none: return "none"
            case .today: return "today"
            case .vision: return "vision"
            case .owner: return "owner"
            case .date(let day): return literal(expr) ?? day.description
            case .duration(let duration): return literal(expr) ?? Literal.duration(duration)
            case .identifier(let name): return name
            case .list(let items): return "[" + items.map { print($0, needs: 0) }.joined(separator: ", ") + "]"
            case .entity(_, let name, let spelled): return spelled.rawValue + " " + Literal.name(name.text)
            case .collection(_, let spelled): return spelled.rawValue
            case .unary(.not, let operand): return "not " + print(operand, needs: 3)
            case .unary(.negate, let operand): return "-" + print(operand, needs: 7)
            case .binary(let op, let left, let right, _):
                let level = SourceWriter.precedence(expr.kind)
                return print(left, needs: level) + " " + op.rawValue + " " + print(right, needs: level + 1)
            case .logical(let op, let left, let right, _):
                let level = SourceWriter.precedence(expr.kind)
                return print(left, needs: level) + " " + op.rawValue + " " + print(right, needs: level + 1)
            case .field(let base, let name, _):
                return postfixBase(base) + "." + name
            case .index(let base, let index):
                return postfixBase(base) + "[" + print(index, needs: 0) + "]"
            case .call(let name, _, let arguments):
                return name + "(" + arguments.map { print($0, needs: 0) }.joined(separator: ", ") + ")"
            case .query(let base, let clauses):
                var text = print(base, needs: 1)
                for clause in clauses {
                    switch clause.kind {
                    case .where(let condition): text += " where " + print(condition, needs: 1)
                    case .sort(let key, let descending): text += " sort by " + print(key, needs: 1) + (descending ? " desc" : "")
                    case .group(let key): text += " group by " + print(key, needs: 1)
                    case .limit(let count): text += " limit " + print(count, needs: 1)
                    case .select(let projection): text += " select " + print(projection, needs: 1)
                    }
                }
                return text
            }
        }

        /// `(goal "Lead").due`: an entity reference is bracketed before a
        /// postfix, which is also what a statement starting with it needs.
        mutating func postfixBase(_ base: Expr) -> String {
            if case .entity = base.kind { return "(" + bare(base) + ")" }
            return print(base, needs: 8)
        }
    }
}
