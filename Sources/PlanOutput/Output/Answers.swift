import PlanCore
import PlanSyntax
import PlanKit

/// How the answer to a question is shown: as text a person reads, or as one
/// JSON value for `--json`. Entity fields are read through the interpreter's
/// own field definitions, so a table's `gap` column is what `goal.gap` says.
///
/// Text: every control character from the plan escaped (`\u{1B}`, see
/// `Literal.printable`), whole numbers without `.0`, others to two decimals (an average
/// reads `2.14`, not `2.142857142857143`; `--json` keeps every digit), a string as is at the top level and
/// quoted inside a list, dates in ISO form, an entity by its kind and quoted
/// name, a list of entities of one kind (or of a goal's gaps) as an aligned
/// table, a list of groups as one section per key.
///
/// JSON: entities are objects of their kind, name and fields (other entities
/// by name, a goal's `days_left` a number of days as in the JSON export), a
/// goal's gap an object of its fields, dates `"YYYY-MM-DD"` strings, durations `{"months": m, "days": d}`
/// (months stay apart from days because a month has no fixed length), groups
/// `{"key": k, "items": [...]}`, none null.
public enum Answers {
    /// The answer as text without a final newline. `emptyListOf` names what
    /// an empty list would have held, so that it reads `(no goals)`, not `[]`.
    public static func text(_ value: Value, plan: Plan, today: Day, emptyListOf kind: Keyword? = nil) -> String {
        TextWriter(fields: Evaluator(plan: plan, today: today, bindings: [:])).topLevel(value, emptyKind: kind)
    }

    /// The answer on one line, as inside a list (`:diff` shows fields so).
    public static func inline(_ value: Value, plan: Plan, today: Day) -> String {
        inline(value, by: Evaluator(plan: plan, today: today, bindings: [:]))
    }

    /// `value` on one line, read through `evaluator`, whose links are
    /// worked out once however many values it shows.
    static func inline(_ value: Value, by evaluator: Evaluator) -> String {
        TextWriter(fields: evaluator).inline(value)
    }

    public static func json(_ value: Value, plan: Plan, today: Day) -> JSON {
        EntityJSON(context: Evaluator(plan: plan, today: today, bindings: [:]).context).json(value)
    }
}

extension Evaluator {
    /// The item's field, or nil when the item or the field does not exist.
    fileprivate func tableField(_ name: String, of item: Value) -> Value? {
        if case .entity(let kind, let index) = item, index < 0 || index >= plan.count(of: kind) { return nil }
        return fieldValue(name, of: item)
    }
}

private struct TextWriter {
    let fields: Evaluator
    var plan: Plan { fields.plan }

    func topLevel(_ value: Value, emptyKind: Keyword?) -> String {
        switch value {
        case .string(let text): return Literal.printable(text)
        case .group: return sections([value])
        case .list(let items):
            if items.isEmpty { return emptyKind.map { "(no \($0.rawValue))" } ?? "[]" }
            if let kind = Self.commonKind(items) { return table(kind.info.columns, items) }
            if items.allSatisfy({ if case .gap = $0 { return true } else { return false } }) {
                return table(SkillGapDescription.columns, items)
            }
            if items.allSatisfy({ if case .group = $0 { return true } else { return false } }) {
                return sections(items)
            }
            return inline(value)
        default: return inline(value)
        }
    }

    /// A value inside a list: strings quoted.
    func inline(_ value: Value) -> String {
        switch value {
        case .none: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Literal.rounded(number)
        // Quoted as plan source writes it, so that a list reads back as one.
        case .string(let text): return Literal.string(text)
        case .date(let day): return day.description
        case .duration(let duration): return duration.description
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .entity(let kind, let index):
            return kind.info.title(plan, index)
        case .group(let key, let items): return inline(key) + ": " + inline(.list(items))
        case .gap(let gap):
            return "skill \(Literal.string(skillName(gap))) (level \(gap.level), needs \(gap.needed))"
        }
    }

    private func skillName(_ gap: SkillGap) -> String {
        plan.name(of: .skill, at: gap.skill)?.text ?? "?"
    }

    /// A table cell: names bare, lists joined, nothing as `-`.
    func cell(_ value: Value?) -> String {
        switch value {
        case nil, .none?: return "-"
        case .bool(let flag)?: return flag ? "yes" : "no"
        case .string(let text)?: return Literal.printable(text)
        case .entity(let kind, let index)?: return Literal.printable(plan.name(of: kind, at: index)?.text ?? "?")
        // By its skill alone: a table of goals names the skills each waits
        // on, and the goal's own gap shows the levels.
        case .gap(let gap)?: return Literal.printable(skillName(gap))
        case .list(let items)?: return items.isEmpty ? "-" : items.map { cell($0) }.joined(separator: ", ")
        // In the unit it is likely written in: `6 weeks`, not `42 days`.
        case .duration(let duration)?: return Literal.duration(duration)
        case let other?: return inline(other)
        }
    }

    static func commonKind(_ items: [Value]) -> EntityKind? {
        guard case .entity(let kind, _)? = items.first else { return nil }
        for item in items {
            guard case .entity(let other, _) = item, other == kind else { return nil }
        }
        return kind
    }

    func sections(_ groups: [Value]) -> String {
        var parts: [String] = []
        for case .group(let key, let items) in groups {
            let keyText: String
            if case .string(let text) = key { keyText = Literal.printable(text) } else { keyText = inline(key) }
            let body = topLevel(.list(items), emptyKind: nil)
            let indented = body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            parts.append(keyText + ":\n" + indented)
        }
        return parts.joined(separator: "\n\n")
    }

    /// A row an item, a column a field.
    func table(_ columns: [Column], _ items: [Value]) -> String {
        var columns = columns
        let rows = items.map { item in columns.map { cell(fields.tableField($0.field, of: item)) } }
        let kept = columns.indices.filter { column in !columns[column].optional || rows.contains { $0[column] != "-" } }
        columns = kept.map { columns[$0] }
        var grid = Grid(header: columns.map(\.header))
        grid.rightAligned = Set(columns.indices.filter { columns[$0].rightAligned })
        grid.rows = rows.map { row in kept.map { row[$0] } }
        return grid.text()
    }
}

/// Rows of cells laid out in columns as wide as their widest cell on screen.
private struct Grid {
    var header: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    func text() -> String {
        let measured = rows.map { $0.map(DisplayWidth.of) }
        var widths = header.map(DisplayWidth.of)
        for row in measured {
            for (column, width) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], width)
            }
        }
        var lines = [line(header, header.map(DisplayWidth.of), widths)]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (row, cellWidths) in zip(rows, measured) {
            lines.append(line(row, cellWidths, widths))
        }
        return lines.joined(separator: "\n")
    }

    private func line(_ cells: [String], _ cellWidths: [Int], _ widths: [Int]) -> String {
        var out = ""
        for (column, (cell, width)) in zip(cells, cellWidths).enumerated() where column < widths.count {
            let padding = String(repeating: " ", count: widths[column] - width)
            if column > 0 { out += "  " }
            out += rightAligned.contains(column) ? padding + cell : cell + padding
        }
        while out.hasSuffix(" ") { out.removeLast() }
        return out
    }
}
