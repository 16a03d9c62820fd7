/// The plan model written back as canonical plan source (the REPL's
/// `:save`): vision, values, skills, goals with their clauses, milestones,
/// mentors, asserts. Reading the text back builds the same plan.
public enum PlanWriter {
    public static func render(_ plan: Plan) -> String {
        var sections: [[String]] = []
        if let vision = plan.vision { sections.append(["vision " + Literal.string(vision)]) }
        for kind in EntityKind.allCases {
            let info = kind.info
            var lines: [String] = []
            for index in 0..<plan.count(of: kind) {
                guard let name = plan.name(of: kind, at: index) else { continue }
                var written = info.written(plan, index)
                // A contact who mentors you is written as `mentor "X"`.
                var word = kind.rawValue
                if let alias = kind.alias?.declares, written.contains(where: { $0.0 == alias }) {
                    word = alias.rawValue
                    written.removeAll { $0.0 == alias }
                }
                var head = Literal.name(name.text)
                switch info.head {
                case .name: break
                case .none: head = ""
                case .amount(let words): head = ([name.text] + words).joined(separator: " ")
                case .date: break
                }
                if case .date(let textKeyword) = info.head {
                    // `log 2026-11-03 "Ran the retro" ...`: the date, then the text without its keyword.
                    head = name.text
                    if let text = written.first(where: { $0.0 == textKeyword }), case .text(let note) = text.1 {
                        head += " " + Literal.string(note)
                    }
                    written.removeAll { $0.0 == textKeyword }
                }
                let clauses = written.map { Formatter.clause($0.0, $0.1, indent: "", syntax: info.clause($0.0)) }
                let line = ([head.isEmpty ? word : word + " " + head] + clauses).joined(separator: " ")
                // A kind laid out a clause a line is a paragraph of its own.
                if info.layout == .clausePerLine { sections.append([line]) } else { lines.append(line) }
            }
            sections.append(lines)
        }
        sections.append(plan.assertions.map { assertion in
            "assert " + SourceWriter.expression(assertion.condition) + (assertion.message.map { " " + Literal.string($0) } ?? "")
        })
        let text = sections.filter { !$0.isEmpty }.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
        guard !text.isEmpty else { return "" }
        // The formatter owns the canonical layout (one-clause goals on one
        // line, long `needs` wrapped), so a saved plan is already `plan fmt`
        // clean. It only declines text that does not parse, which this is not.
        return Formatter.format(Source(name: "plan", text: text + "\n")).text ?? text + "\n"
    }
}
