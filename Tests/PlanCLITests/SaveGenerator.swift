import Foundation
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A deterministic random source, so that a failing case can be made again.
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

/// Plans and sessions for the save round trip, read off the kinds'
/// descriptions: every declared kind, each clause by its shape (the word
/// before a two-word clause, the unit after an amount), flags and statuses,
/// in every layout a file may use; and sessions of `update` (set, add,
/// drop, drop names, statuses), `rename`, `remove`, new declarations,
/// `:undo`, `:try` with `:keep` or `:drop`.
struct SaveGenerator {
    var random: SplitMix64
    /// The names of each kind's entities, in the order generated.
    private var names: [EntityKind: [String]] = [:]
    /// Names a rename gave, so that later lines may use them.
    private var renamed: [EntityKind: [String]] = [:]

    init(random: SplitMix64) { self.random = random }

    static let declaredKinds = EntityKind.allCases.filter { !$0.info.derived }
    private let words = ["family", "craft", "deep work", "naïve idea", "team's trust", "a # not a comment", "done", "x"]
    /// In order, so that a declaration's dates can follow one another.
    private let dates = ["2026-12-01", "2027-Q2", "2027-06-30", "2027-09", "2027-q4", "2028-01-15"]
    private var latestDate = 0
    private let logDates = ["2026-11-03", "2026-11-04", "2026-10-20", "2026-09-01"]

    mutating func trial() -> SaveTrial {
        names = [:]
        for kind in Self.declaredKinds {
            switch kind.info.head {
            case .name:
                names[kind] = (0..<Int.random(in: 1...3, using: &random)).map { position in
                    // Some names need quotes, some can go bare.
                    Bool.random(using: &random) ? "\(kind.rawValue)_\(position)" : "\(kind.rawValue) no \(position)"
                }
            case .none:
                names[kind] = Bool.random(using: &random) ? [kind.rawValue] : []
            case .amount:
                // The one from the beginning, and one from a later day.
                names[kind] = Bool.random(using: &random) ? ["", "2027-03-01"] : [""]
            case .date:
                names[kind] = Array(logDates.shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random)))
            }
        }
        var units: [String] = []
        if Bool.random(using: &random) { units.append("# a plan" + lineEnd()) }
        if Bool.random(using: &random) { units.append("vision " + Literal.string(pick(words)) + lineEnd()) }
        for kind in Self.declaredKinds {
            for (position, name) in (names[kind] ?? []).enumerated() {
                units.append(declaration(kind, name: name, position: position))
            }
        }
        // Files also update what they declare, and name entities in expressions.
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            guard let (kind, name, position) = someEntity() else { break }
            units.append("update " + kind.rawValue + updateHead(kind, name, position: position) + " " + change(kind, position: position) + lineEnd())
        }
        for number in 0..<Int.random(in: 0...3, using: &random) {
            guard let (kind, name, _) = someEntity(), kind.info.head == .name else { continue }
            let entity = kind.rawValue + " " + self.name(name)
            let field = kind.info.fieldNames.first ?? "name"
            units.append(pick(["let named_\(number) = (\(entity)).\(field)", "(\(entity)).\(field)", "let listed_\(number) = [\(entity)]",
                               "assert (\(entity)).name != \"\""]) + lineEnd())
        }
        units = joinedBySemicolons(units)
        let crlf = Int.random(in: 0..<6, using: &random) == 0
        let bom = Int.random(in: 0..<6, using: &random) == 0
        var files = [SaveTrial.PlanFile(name: "main.plan", bom: bom, crlf: crlf, units: units)]
        if units.count > 3, Bool.random(using: &random) {
            // Some statements in an included file, the include where they stood.
            let from = Int.random(in: 1..<units.count, using: &random)
            let to = Int.random(in: from...min(units.count, from + 4), using: &random)
            files.append(SaveTrial.PlanFile(name: "part.plan", bom: false, crlf: false, units: Array(units[from..<to])))
            files[0].units.replaceSubrange(from..<to, with: ["include \"part.plan\"\n"])
        }
        var session: [String] = []
        for _ in 0..<Int.random(in: 1...8, using: &random) { session.append(line()) }
        return SaveTrial(files: files, session: session)
    }

    private mutating func pick(_ list: [String]) -> String { list.randomElement(using: &random) ?? "x" }

    private mutating func lineEnd() -> String {
        Int.random(in: 0..<5, using: &random) == 0 ? "  # why: " + pick(words) + "\n" : "\n"
    }

    private mutating func name(_ text: String) -> String {
        // A name that can go bare sometimes does.
        text.contains(" ") || Bool.random(using: &random) ? Literal.string(text) : text
    }

    /// Two one-line statements next to each other, sometimes on one line with `;`.
    private mutating func joinedBySemicolons(_ units: [String]) -> [String] {
        var joined: [String] = []
        for unit in units {
            if let last = joined.last, !last.dropLast().contains("\n"), !last.contains("#"), !unit.dropLast().contains("\n"),
               !unit.contains("#"), Int.random(in: 0..<4, using: &random) == 0 {
                joined[joined.count - 1] = String(last.dropLast()) + "; " + unit
            } else {
                joined.append(unit)
            }
        }
        return joined
    }

    /// What a clause's value may be, by its shape; names of entities
    /// generated (never the entity's own, nor a later goal's, so no cycle).
    private mutating func value(_ clause: ClauseSyntax, of kind: EntityKind, position: Int) -> String? {
        func target(_ kinds: [EntityKind]) -> String? {
            for candidate in kinds.shuffled(using: &random) {
                var pool = (names[candidate] ?? []) + (renamed[candidate] ?? [])
                if candidate == kind { pool = Array(pool.prefix(position)) }
                if let chosen = pool.randomElement(using: &random) { return name(chosen) }
            }
            return nil
        }
        switch clause.shape {
        case .flag: return ""
        case .whole(_, let range): return String(Int.random(in: range ?? 1...9, using: &random))
        case .text: return Literal.string(pick(words))
        case .date:
            let index = Int.random(in: latestDate..<dates.count, using: &random)
            latestDate = index
            return dates[index]
        case .duration: return pick(["6 weeks", "3 months", "2 weeks", "1 year"])
        case .amount(_, let unit): return pick(["2", "1.5", "40", "0.5"]) + (unit.map { " " + $0.rawValue } ?? "")
        case .name(_, let kinds):
            return kinds.isEmpty ? name(pick(words)) : target(kinds.kinds)
        case .names(_, let kinds):
            if kinds.isEmpty {
                var chosen: [String] = []
                for _ in 0..<Int.random(in: 1...3, using: &random) {
                    let word = name(pick(words))
                    if !chosen.contains(word) { chosen.append(word) }
                }
                return chosen.joined(separator: ", ")
            }
            var chosen: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                if let one = target(kinds.kinds), !chosen.contains(one) { chosen.append(one) }
            }
            return chosen.isEmpty ? nil : chosen.joined(separator: ", ")
        case .skillNeeds:
            var chosen: [String] = []
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                if let one = target([.skill]), !chosen.contains(where: { $0.hasPrefix(one) }) {
                    chosen.append(one + (Bool.random(using: &random) ? " at \(Int.random(in: 0...5, using: &random))" : ""))
                }
            }
            return chosen.isEmpty ? nil : "skill " + chosen.joined(separator: ", ")
        case .skillLevel:
            return target([.skill]).map { $0 + " level \(Int.random(in: 0...5, using: &random))" }
        }
    }

    private mutating func clauseText(_ clause: ClauseSyntax, of kind: EntityKind, position: Int) -> String? {
        guard let value = value(clause, of: kind, position: position) else { return nil }
        let word = (clause.lead.map { $0.rawValue + " " } ?? "") + clause.keyword.rawValue
        return value.isEmpty ? word : word + " " + value
    }

    /// The words after the kind that say which entity: its name, a date
    /// (and the text after it), a number of hours.
    private mutating func head(_ kind: EntityKind, name: String, hours: String? = nil) -> String {
        switch kind.info.head {
        case .name: return " " + self.name(name)
        case .none: return ""
        case .amount(let words): return " " + (hours ?? pick(["10", "6", "12.5"])) + " " + words.joined(separator: " ")
        case .date: return " " + name
        }
    }

    /// A declaration with some of its clauses (the required ones always,
    /// one of each group that sets one thing), laid out on one line or a
    /// clause a line in any order, comments between.
    private mutating func declaration(_ kind: EntityKind, name: String, position: Int) -> String {
        let info = kind.info
        var slots = Set<Keyword>()
        var clauses: [String] = []
        var text = kind.rawValue + head(kind, name: name)
        if case .date(let textKeyword) = info.head {
            slots.insert(textKeyword)
            // Entries of one day told apart by their text.
            if Bool.random(using: &random) || (names[kind] ?? []).filter({ $0 == name }).count > 1 {
                text += " " + Literal.string("entry \(position)")
            }
        }
        if case .dayClause(let keyword) = info.identity {
            slots.insert(keyword)
            if !name.isEmpty { clauses.append(keyword.rawValue + " " + name) }
        }
        // Values in the kind's canonical order, dates never going back (a
        // goal's `start` before its `by`); then laid out in any order.
        latestDate = 0
        let reserved = slots
        var picked = info.clauses.shuffled(using: &random).filter { clause in
            slots.insert(clause.slot).inserted && (clause.required || Int.random(in: 0..<3, using: &random) == 0)
        }
        // Something besides what says which: an entry that says nothing is refused.
        if picked.isEmpty, let one = info.clauses.filter({ !reserved.contains($0.slot) }).randomElement(using: &random) {
            picked.append(one)
        }
        let canonical = info.clauses.map(\.keyword)
        picked.sort { (canonical.firstIndex(of: $0.keyword) ?? 0) < (canonical.firstIndex(of: $1.keyword) ?? 0) }
        for clause in picked {
            if let written = clauseText(clause, of: kind, position: position) { clauses.append(written) }
        }
        clauses.shuffle(using: &random)
        let multiLine = !clauses.isEmpty && (info.layout == .clausePerLine ? Int.random(in: 0..<4, using: &random) > 0 : Int.random(in: 0..<6, using: &random) == 0)
        guard multiLine else {
            return ([text] + clauses).joined(separator: " ") + lineEnd() + (Int.random(in: 0..<4, using: &random) == 0 ? "\n" : "")
        }
        let indent = Int.random(in: 0..<5, using: &random) == 0 ? "\t" : "    "
        var lines = text + lineEnd()
        for clause in clauses {
            if Int.random(in: 0..<5, using: &random) == 0 { lines += indent + "# about " + pick(words) + "\n" }
            lines += indent + clause + lineEnd()
        }
        return lines + (Int.random(in: 0..<3, using: &random) == 0 ? "\n" : "")
    }

    /// A kind with entities to edit, and one of them: its name or date as the generator wrote it.
    private mutating func someEntity() -> (EntityKind, String, Int)? {
        let kinds = Self.declaredKinds.filter { !(names[$0] ?? []).isEmpty }
        guard let kind = kinds.randomElement(using: &random), let all = names[kind] else { return nil }
        let position = Int.random(in: 0..<all.count, using: &random)
        return (kind, all[position], position)
    }

    /// What says which entity after the kind in `update`, `remove`, `rename`.
    private mutating func picking(_ kind: EntityKind, _ name: String, position: Int) -> String {
        switch kind.info.identity {
        case .name: return head(kind, name: name)
        case .dayAndText:
            // The text is only known when the generator wrote one; a wrong pick is refused and skipped.
            return " " + name + (Bool.random(using: &random) ? " " + Literal.string("entry \(position)") : "")
        case .dayClause(let keyword): return name.isEmpty ? "" : " \(keyword.rawValue) \(name)"
        }
    }

    /// One line a person might type; many are refused (a name taken, a
    /// clause required), and the session skips those as a person would.
    private mutating func line() -> String {
        let choice = Int.random(in: 0..<20, using: &random)
        if choice < 2 { return ":undo" }
        if choice == 2 { return ":try" }
        if choice == 3 { return Bool.random(using: &random) ? ":keep" : ":drop" }
        guard let (kind, name, position) = someEntity() else { return ":undo" }
        let info = kind.info
        switch choice {
        case 4:
            return "remove " + kind.rawValue + picking(kind, name, position: position)
        case 5, 6:
            let newName: String
            switch info.identity {
            case .name:
                let fresh = "\(kind.rawValue) renamed \(Int.random(in: 0..<9, using: &random))"
                renamed[kind, default: []].append(fresh)
                newName = Literal.string(fresh)
            case .dayAndText, .dayClause: newName = pick(logDates + ["2027-04-01", "2027-Q3"])
            }
            return "rename " + kind.rawValue + picking(kind, name, position: position) + " to " + newName
        case 7:
            // A new entity of the kind, as typed: one line.
            let fresh: String
            switch info.head {
            case .name: fresh = "\(kind.rawValue) new \(Int.random(in: 0..<9, using: &random))"
            case .none: fresh = kind.rawValue
            case .amount: fresh = pick(["2027-05-01", "2028-01-01"])
            case .date: fresh = pick(logDates + ["2026-11-20"])
            }
            let declared = declaration(kind, name: fresh, position: 9)
            names[kind, default: []].append(fresh)
            return declared.split(separator: "\n").first.map { String($0.split(separator: "#").first ?? $0) } ?? ""
        default:
            return "update " + kind.rawValue + updateHead(kind, name, position: position) + " " + change(kind, position: position)
        }
    }

    private mutating func updateHead(_ kind: EntityKind, _ name: String, position: Int) -> String {
        switch kind.info.head {
        case .amount: return head(kind, name: name) + picking(kind, name, position: position)
        case .name, .none, .date: return picking(kind, name, position: position)
        }
    }

    /// The flags that share the slot of `done`: what `open` clears.
    private func statuses(of kind: EntityKind) -> [String] {
        kind.info.clauses.filter { clause in
            if case .flag = clause.shape { return clause.slot == .done } else { return false }
        }.map(\.keyword.rawValue)
    }

    /// A clause set or added, a clause dropped, names taken out of a list, a status.
    private mutating func change(_ kind: EntityKind, position: Int) -> String {
        let info = kind.info
        let changeable = info.clauses.filter { clause in
            if case .dayClause(clause.keyword) = info.identity { return false }
            return true
        }
        guard let clause = changeable.randomElement(using: &random) else { return "" }
        switch Int.random(in: 0..<6, using: &random) {
        case 0 where info.clearable.contains(clause.keyword) && !clause.required:
            return "drop " + clause.keyword.rawValue
        case 1 where clause.shape.isList:
            guard let names = value(clause, of: kind, position: 99) else { return "" }
            let listed = names.hasPrefix("skill ") ? String(names.dropFirst(6)) : names
            let bare = listed.split(separator: ",").map { $0.split(separator: " at ").first.map(String.init) ?? String($0) }
            return "drop " + clause.keyword.rawValue + " " + bare.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        case 2 where !statuses(of: kind).isEmpty:
            return pick(statuses(of: kind) + ["open"])
        default:
            return clauseText(clause, of: kind, position: 99) ?? ""
        }
    }
}
