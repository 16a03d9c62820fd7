import PlanCore
import PlanSyntax

/// The plan model written back as canonical plan source: vision, each kind
/// in order, the `let`s given, asserts. Reading the text back builds the
/// same plan. `:save` of a session that read no file writes this; one that
/// did edits its files instead (SourceEditor).
public enum PlanWriter {
    public static func render(_ plan: Plan, lets: [String] = []) -> String {
        var sections: [[String]] = []
        if let vision = plan.vision { sections.append(["vision " + Literal.string(vision)]) }
        if let owner = plan.owner { sections.append(["owner " + Literal.string(owner)]) }
        for kind in EntityKind.writtenOrder {
            let info = kind.info
            var lines: [String] = []
            for index in 0..<plan.count(of: kind) {
                guard let line = line(plan, kind, index) else { continue }
                // A kind laid out a clause a line is a paragraph of its own.
                if info.layout == .clausePerLine { sections.append([line]) } else { lines.append(line) }
            }
            sections.append(lines)
        }
        sections.append(lets)
        sections.append(plan.assertions.map { assertion in
            "assert " + SourceWriter.expression(assertion.condition) + (assertion.message.map { " " + Literal.string($0) } ?? "")
        })
        let text = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        guard !text.isEmpty else { return "" }
        return laidOut(text)
    }

    /// Entity `index` of `kind` as one line: its name and clauses in
    /// canonical order. `written` may give a clause's value as the person
    /// wrote it (`2027-Q2`).
    public static func line(_ plan: Plan, _ kind: EntityKind, _ index: Int,
                            written: (Keyword, ClauseValue) -> String? = { _, _ in nil }) -> String? {
        guard let name = plan.name(of: kind, at: index) else { return nil }
        let info = kind.info
        var clauses = info.written(plan, index)
        // A contact who mentors you is written as `mentor "X"`.
        var word = kind.rawValue
        if let alias = kind.alias?.declares, clauses.contains(where: { $0.0 == alias }) {
            word = alias.rawValue
            clauses.removeAll { $0.0 == alias }
        }
        var head = Literal.name(name.text)
        switch info.head {
        case .name: break
        case .none: head = ""
        case .amount(let words): head = ([name.text] + words).joined(separator: " ")
        case .date(let textKeyword):
            // `log 2026-11-03 "Ran the retro" ...`: the date, then the text without its keyword.
            head = name.text
            if let text = clauses.first(where: { $0.0 == textKeyword }), case .text(let note) = text.1 {
                head += " " + Literal.string(note)
            }
            clauses.removeAll { $0.0 == textKeyword }
        }
        let written = clauses.map { keyword, value in
            Formatter.clause(keyword, value, of: kind, indent: "") { written(keyword, value) }
        }
        return ([head.isEmpty ? word : word + " " + head] + written).joined(separator: " ")
    }

    /// Entity `index` of `kind` as its name, then each clause in canonical form.
    public static func clauses(_ plan: Plan, _ kind: EntityKind, _ index: Int) -> [String] {
        guard let name = plan.name(of: kind, at: index) else { return [] }
        return [Literal.name(name.text)] + kind.info.written(plan, index).map {
            Formatter.clause($0.0, $0.1, of: kind, indent: "")
        }
    }

    /// The formatter owns the canonical layout (one-clause goals on one
    /// line, long `needs` wrapped), so written text is already `plan fmt`
    /// clean. It only declines text that does not parse, which this is not.
    package static func laidOut(_ text: String) -> String {
        Formatter.format(Source(name: "plan", text: text + "\n")).text ?? text + "\n"
    }
}
