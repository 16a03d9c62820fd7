@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A deterministic random source, so a failing generated plan can be made again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random but valid plans, written the untidy ways people write them (odd
/// spacing, clauses in any order, comments anywhere a comment may stand), for
/// property tests of the formatter.
struct PlanGenerator {
    var random: SplitMix64

    private let words = ["family", "health", "impact", "learning", "craft", "writing", "coaching",
                         "public speaking", "project management", "Lead a launch", "Write a book", "note",
                         "strategic planning", "Ship v2", "budget", "team's trust", "naïve ideas", "done"]

    mutating func plan() -> String {
        var lines: [String] = []
        if Bool.random(using: &random) { lines.append("#!/usr/bin/env plan") }
        if Bool.random(using: &random) { lines.append("vision " + quoted(pick()) + comment()) }
        let values = (0..<Int.random(in: 1...4, using: &random)).map { "v\($0)" }
        let skills = (0..<Int.random(in: 1...4, using: &random)).map { "s\($0) " + pick() }
        let goals = (0..<Int.random(in: 1...5, using: &random)).map { "g\($0) " + pick() }
        for value in values {
            var clauses = ["priority \(Int.random(in: 1...9, using: &random))"]
            if Bool.random(using: &random) { clauses.append("non-negotiable") }
            if Bool.random(using: &random) { clauses.append("note " + quoted(pick())) }
            lines.append("value \(value) " + shuffled(clauses).joined(separator: spaces()) + comment())
            if Int.random(in: 0..<4, using: &random) == 0 { lines.append("") }
        }
        for skill in skills {
            lines.append("skill " + quoted(skill) + " level \(Int.random(in: 0...5, using: &random)) target \(Int.random(in: 0...5, using: &random))")
        }
        for (position, goal) in goals.enumerated() {
            var clauses: [String] = []
            if Bool.random(using: &random) { clauses.append("role " + quoted(pick())) }
            if Bool.random(using: &random) {
                let needs = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    quoted(skills.randomElement(using: &random) ?? "s") + (Bool.random(using: &random) ? " at \(Int.random(in: 0...5, using: &random))" : "")
                }
                clauses.append("needs skill " + needs.joined(separator: "," + spaces()))
            }
            clauses.append("serves " + Array(values.shuffled(using: &random).prefix(Int.random(in: 1...values.count, using: &random))).joined(separator: ", "))
            if position > 0, Bool.random(using: &random) { clauses.append("after " + quoted(goals[position - 1])) }
            clauses.append("by " + date())
            if Bool.random(using: &random) { clauses.append("impact " + quoted(pick())) }
            if Bool.random(using: &random) { clauses.append(Bool.random(using: &random) ? "done" : "doing") }
            let ordered = shuffled(clauses)
            if Bool.random(using: &random) {
                lines.append("goal " + quoted(goal) + " " + ordered.joined(separator: " ") + comment())
            } else {
                lines.append("goal " + quoted(goal) + comment())
                for clause in ordered {
                    if Int.random(in: 0..<5, using: &random) == 0 { lines.append("  # why: " + pick()) }
                    lines.append("    " + clause + comment())
                }
            }
        }
        let goal = quoted(goals.randomElement(using: &random) ?? "g")
        lines.append("milestone \"m1\" for \(goal) by \(date())" + (Bool.random(using: &random) ? " done" : ""))
        lines.append("mentor \"Jordan Lee\" helps " + quoted(skills[0]) + " note " + quoted(pick()))
        lines.append("update goal \(goal) doing")
        lines.append("let soon = today +" + spaces() + "\(Int.random(in: 1...12, using: &random)) months")
        let questions = [
            "goals where due < soon and not done sort by due desc limit 3",
            "count(goals where serves == [])",
            "(goal \(goal)).days_left",
            "skills where gap > 0 sort by gap desc select name",
            "values where non_negotiable",
            "not (1 + 2 * 3 > 4 or false)",
            "-(2027-06-30 - today)",
            "goals group by status",
        ]
        lines.append(questions.randomElement(using: &random) ?? "goals")
        lines.append("assert count(goals) >= 1 " + quoted(pick()))
        return lines.joined(separator: Bool.random(using: &random) ? "\n" : "\r\n") + "\n"
    }

    private mutating func pick() -> String { words.randomElement(using: &random) ?? "x" }
    private func quoted(_ text: String) -> String { Literal.string(text) }
    private mutating func spaces() -> String { String(repeating: " ", count: Int.random(in: 1...3, using: &random)) }
    private mutating func shuffled(_ items: [String]) -> [String] { items.shuffled(using: &random) }

    private mutating func comment() -> String {
        Int.random(in: 0..<4, using: &random) == 0 ? "  # " + pick() : ""
    }

    private mutating func date() -> String {
        let year = Int.random(in: 2025...2030, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return "\(year)-Q\(Int.random(in: 1...4, using: &random))"
        case 1: return "\(year)-0\(Int.random(in: 1...9, using: &random))"
        default: return "\(year)-1\(Int.random(in: 0...2, using: &random))-2\(Int.random(in: 0...8, using: &random))"
        }
    }
}
