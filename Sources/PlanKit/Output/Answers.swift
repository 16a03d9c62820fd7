/// How the answer to a question is shown: as text a person reads, or as one
/// JSON value for `--json`.
///
/// Text: whole numbers without `.0`, a string as is at the top level and
/// quoted inside a list, dates in ISO form, an entity by its kind and quoted
/// name, a list of entities of one kind as an aligned table, a list of groups
/// as one section per key.
///
/// JSON: entities are objects of their fields, dates `"YYYY-MM-DD"` strings,
/// durations `{"months": m, "days": d}` (months stay apart from days because
/// a month has no fixed length), groups `{"key": k, "items": [...]}`, none null.
public enum Answers {
    /// The answer as text without a final newline. `emptyListOf` names what
    /// an empty list would have held, so that it reads `(no goals)`, not `[]`.
    public static func text(_ value: Value, plan: Plan, emptyListOf kind: EntityKind? = nil) -> String {
        TextWriter(plan: plan).topLevel(value, emptyKind: kind)
    }

    public static func json(_ value: Value, plan: Plan) -> JSON {
        JSONWriter(plan: plan, links: AnswerLinks(plan: plan, kinds: kinds(in: value))).json(value)
    }

    /// The name of each goal a skill need lacks: needed skills whose level
    /// is below the level required (the skill's target when `at` is absent).
    static func gap(of goal: Goal, in plan: Plan) -> [String] {
        goal.needs.compactMap { need in
            guard let index = plan.index(of: .skill, named: need.skill.text),
                  plan.skills.indices.contains(index) else { return nil }
            let skill = plan.skills[index]
            return skill.level < (need.level ?? skill.target) ? need.skill.text : nil
        }
    }

    static func number(_ number: Double) -> String {
        if number.isFinite, number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    /// A string as plan source writes it, so that a list reads back as one.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static func kinds(in value: Value) -> Set<EntityKind> {
        switch value {
        case .entity(let kind, _): return [kind]
        case .list(let items): return items.reduce(into: []) { $0.formUnion(kinds(in: $1)) }
        case .group(let key, let items): return items.reduce(into: kinds(in: key)) { $0.formUnion(kinds(in: $1)) }
        default: return []
        }
    }
}

/// The links a plan keeps only in one direction (a goal names the values it
/// serves), turned around once per answer instead of once per row.
private struct AnswerLinks {
    var goalsServing: [String: [String]] = [:]
    var milestonesOf: [String: [String]] = [:]

    init(plan: Plan, kinds: Set<EntityKind>) {
        if kinds.contains(.value) {
            for goal in plan.goals {
                for value in goal.serves { goalsServing[value.text, default: []].append(goal.name.text) }
            }
        }
        if kinds.contains(.goal) {
            for milestone in plan.milestones {
                if let goal = milestone.goal { milestonesOf[goal.text, default: []].append(milestone.name.text) }
            }
        }
    }
}

private struct TextWriter {
    let plan: Plan

    func topLevel(_ value: Value, emptyKind: EntityKind?) -> String {
        switch value {
        case .string(let text): return text
        case .group: return sections([value])
        case .list(let items):
            if items.isEmpty { return emptyKind.map { "(no \($0.plural))" } ?? "[]" }
            if let kind = Self.commonKind(items) { return table(kind, items) }
            if items.allSatisfy({ if case .group = $0 { return true } else { return false } }) {
                return sections(items)
            }
            return inline(value)
        default: return inline(value)
        }
    }

    /// A value inside a list or a table cell: strings quoted.
    func inline(_ value: Value) -> String {
        switch value {
        case .none: return "none"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return Answers.number(number)
        case .string(let text): return Answers.quoted(text)
        case .date(let day): return day.description
        case .duration(let duration): return duration.description
        case .list(let items): return "[" + items.map(inline).joined(separator: ", ") + "]"
        case .entity(let kind, let index):
            return kind.rawValue + " " + Answers.quoted(plan.name(of: kind, at: index)?.text ?? "?")
        case .group(let key, let items): return inline(key) + ": " + inline(.list(items))
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
            if case .string(let text) = key { keyText = text } else { keyText = inline(key) }
            let body = topLevel(.list(items), emptyKind: nil)
            let indented = body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            parts.append(keyText + ":\n" + indented)
        }
        return parts.joined(separator: "\n\n")
    }

    func table(_ kind: EntityKind, _ items: [Value]) -> String {
        let indices = items.compactMap { item -> Int? in
            if case .entity(_, let index) = item { return index } else { return nil }
        }
        var grid = Grid()
        switch kind {
        case .goal:
            grid.header = ["name", "due", "status", "serves", "gap"]
            for index in indices where plan.goals.indices.contains(index) {
                let goal = plan.goals[index]
                grid.rows.append([goal.name.text, goal.due?.description ?? "-", goal.status.rawValue,
                                  Self.names(goal.serves.map(\.text)), Self.names(Answers.gap(of: goal, in: plan))])
            }
        case .skill:
            grid.header = ["name", "level", "target", "gap"]
            grid.rightAligned = [1, 2, 3]
            for index in indices where plan.skills.indices.contains(index) {
                let skill = plan.skills[index]
                grid.rows.append([skill.name.text, String(skill.level), String(skill.target), String(skill.gap)])
            }
        case .value:
            let links = AnswerLinks(plan: plan, kinds: [.value])
            grid.header = ["name", "priority", "non-negotiable", "goals"]
            grid.rightAligned = [1]
            for index in indices where plan.values.indices.contains(index) {
                let value = plan.values[index]
                grid.rows.append([value.name.text, value.priority.map(String.init) ?? "-",
                                  value.nonNegotiable ? "yes" : "no",
                                  Self.names(links.goalsServing[value.name.text] ?? [])])
            }
        case .milestone:
            grid.header = ["name", "goal", "due", "done"]
            for index in indices where plan.milestones.indices.contains(index) {
                let milestone = plan.milestones[index]
                grid.rows.append([milestone.name.text, milestone.goal?.text ?? "-",
                                  milestone.due?.description ?? "-", milestone.done ? "yes" : "no"])
            }
        case .mentor:
            grid.header = ["name", "helps"]
            for index in indices where plan.mentors.indices.contains(index) {
                let mentor = plan.mentors[index]
                grid.rows.append([mentor.name.text, Self.names(mentor.helps.map(\.text))])
            }
        }
        return grid.text()
    }

    static func names(_ names: [String]) -> String {
        names.isEmpty ? "-" : names.joined(separator: ", ")
    }
}

/// Rows of cells laid out in columns as wide as their widest cell on screen.
private struct Grid {
    var header: [String] = []
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

private struct JSONWriter {
    let plan: Plan
    let links: AnswerLinks

    func json(_ value: Value) -> JSON {
        switch value {
        case .none: return .null
        case .bool(let flag): return .bool(flag)
        case .number(let number): return .number(number)
        case .string(let text): return .string(text)
        case .date(let day): return .string(day.description)
        case .duration(let duration):
            return .object([("months", .number(Double(duration.months))), ("days", .number(Double(duration.days)))])
        case .list(let items): return .array(items.map(json))
        case .group(let key, let items): return .object([("key", json(key)), ("items", .array(items.map(json)))])
        case .entity(let kind, let index): return entity(kind, index)
        }
    }

    private func entity(_ kind: EntityKind, _ index: Int) -> JSON {
        func text(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
        func names(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }
        func day(_ value: Day?) -> JSON { value.map { .string($0.description) } ?? .null }
        func int(_ value: Int?) -> JSON { value.map { .number(Double($0)) } ?? .null }
        let head: [(String, JSON)] = [("kind", .string(kind.rawValue)), ("name", text(plan.name(of: kind, at: index)?.text))]
        switch kind {
        case .goal:
            guard plan.goals.indices.contains(index) else { return .object(head) }
            let goal = plan.goals[index]
            let needs: [JSON] = goal.needs.map { need in
                let target = plan.index(of: .skill, named: need.skill.text).flatMap { plan.skills.indices.contains($0) ? plan.skills[$0].target : nil }
                return .object([("skill", .string(need.skill.text)), ("level", int(need.level ?? target))])
            }
            return .object(head + [
                ("role", text(goal.role)), ("due", day(goal.due)), ("status", .string(goal.status.rawValue)),
                ("done", .bool(goal.done)), ("needs", .array(needs)), ("serves", names(goal.serves.map(\.text))),
                ("after", names(goal.after.map(\.text))), ("milestones", names(links.milestonesOf[goal.name.text] ?? [])),
                ("impact", text(goal.impact)), ("note", text(goal.note)), ("gap", names(Answers.gap(of: goal, in: plan))),
            ])
        case .skill:
            guard plan.skills.indices.contains(index) else { return .object(head) }
            let skill = plan.skills[index]
            return .object(head + [("level", int(skill.level)), ("target", int(skill.target)), ("gap", int(skill.gap))])
        case .value:
            guard plan.values.indices.contains(index) else { return .object(head) }
            let value = plan.values[index]
            return .object(head + [
                ("priority", int(value.priority)), ("non_negotiable", .bool(value.nonNegotiable)),
                ("note", text(value.note)), ("goals", names(links.goalsServing[value.name.text] ?? [])),
            ])
        case .milestone:
            guard plan.milestones.indices.contains(index) else { return .object(head) }
            let milestone = plan.milestones[index]
            return .object(head + [("goal", text(milestone.goal?.text)), ("due", day(milestone.due)), ("done", .bool(milestone.done))])
        case .mentor:
            guard plan.mentors.indices.contains(index) else { return .object(head) }
            let mentor = plan.mentors[index]
            return .object(head + [("helps", names(mentor.helps.map(\.text))), ("note", text(mentor.note))])
        }
    }
}
