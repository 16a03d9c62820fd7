import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// What Tab does: replace the last `replacing` characters before the cursor
/// with `insertion`, and when several candidates remain, show `choices`.
struct Completion: Equatable {
    var replacing: Int
    var insertion: String
    var choices: [String]
}

/// Tab completion over the text before the cursor: keywords, functions,
/// `:commands`, the declared names of the plan, and fields after a `.`.
struct Completer {
    var plan: Plan

    /// Every field of every kind of entity, of a group and of a goal's gap, once, sorted.
    static let fields = Set(EntityKind.allCases.flatMap(Fields.names(of:)) + Fields.groupNames + Fields.gapNames).sorted()

    /// A candidate as it is inserted (`"project management"`) and the bare
    /// text a typed prefix may match (`project management`).
    private struct Candidate {
        var insertion: String
        var bare: String
        var suffix: String
    }

    func complete(_ before: String) -> Completion? {
        let scalars = Array(before.unicodeScalars)
        switch Self.context(of: scalars) {
        case .comment:
            return nil
        case .string(let opened):
            let typed = String(String.UnicodeScalarView(scalars[(opened + 1)...]))
            let matches = declaredNames().filter { $0.hasPrefix(typed) }
            return Self.completion(typed: typed, candidates: matches.map {
                Candidate(insertion: String(Literal.string($0).dropFirst().dropLast()), bare: $0, suffix: "\"")
            })
        case .code:
            return completeCode(scalars)
        }
    }

    private func completeCode(_ scalars: [Unicode.Scalar]) -> Completion? {
        let firstNonBlank = scalars.firstIndex { $0 != " " && $0 != "\t" }
        if let start = firstNonBlank, scalars[start] == ":",
           !scalars[start...].contains(where: { $0 == " " || $0 == "\t" }) {
            let typed = String(String.UnicodeScalarView(scalars[start...]))
            return Self.completion(typed: typed, candidates: REPLCommand.spellings.map {
                Candidate(insertion: $0, bare: $0, suffix: " ")
            })
        }

        let word = Self.trailingWord(scalars)
        let typed = String(String.UnicodeScalarView(word))
        let wordStart = scalars.count - word.count
        if wordStart > 0, scalars[wordStart - 1] == "." {
            return Self.completion(typed: typed, candidates: Self.fields.map {
                Candidate(insertion: $0, bare: $0, suffix: "")
            })
        }
        // In a query clause, the fields of the items the query is about come first.
        if let kind = Self.queriedKind(Array(scalars[..<wordStart])),
           let fields = Self.completion(typed: typed, candidates: kind.info.fieldNames.map {
               Candidate(insertion: $0, bare: $0, suffix: "")
           }) {
            return fields
        }
        var candidates = Keyword.allCases.map { Candidate(insertion: $0.rawValue, bare: $0.rawValue, suffix: " ") }
        candidates += Self.editWords.map { Candidate(insertion: $0, bare: $0, suffix: " ") }
        candidates += BuiltinFunction.allCases.map { Candidate(insertion: $0.rawValue, bare: $0.rawValue, suffix: "(") }
        candidates += declaredNames().map { Candidate(insertion: Literal.name($0), bare: $0, suffix: "") }
        return Self.completion(typed: typed, candidates: candidates)
    }

    /// The words that are statements or clauses only in their place
    /// (`remove goal`, `update goal X drop by`), not keywords.
    static let editWords = ["drop", "open", "remove", "rename"]

    /// The kind a query is about when the text before the word being typed
    /// is inside one of its clauses (`skills where g`): the last collection
    /// named before the last `where`, `sort by`, `group by` or `select`.
    static func queriedKind(_ scalars: [Unicode.Scalar]) -> EntityKind? {
        var words: [String] = []
        var word = ""
        var inString = false
        for scalar in scalars {
            if inString {
                if scalar == "\"" { inString = false }
                continue
            }
            if scalar == "\"" {
                inString = true
            } else if scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) {
                word.unicodeScalars.append(scalar)
                continue
            }
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        if !word.isEmpty { words.append(word) }
        guard let clause = words.lastIndex(where: { ["where", "select", "by"].contains($0) }) else { return nil }
        if words[clause] == "by", clause == 0 || !["sort", "group"].contains(words[clause - 1]) { return nil }
        for candidate in words[..<clause].reversed() {
            if let keyword = Keyword(rawValue: candidate), let kind = EntityKind(keyword, collection: true) { return kind }
        }
        return nil
    }

    /// Every declared name once, sorted, whatever kind of entity it names.
    private func declaredNames() -> [String] {
        var names = Set<String>()
        for kind in EntityKind.allCases {
            names.formUnion(plan.names(of: kind))
        }
        return names.sorted()
    }

    private static func completion(typed: String, candidates: [Candidate]) -> Completion? {
        var seen = Set<String>()
        let matches = candidates.filter {
            ($0.insertion.hasPrefix(typed) || $0.bare.hasPrefix(typed)) && seen.insert($0.insertion).inserted
        }
        guard let only = matches.first else { return nil }
        let typedLength = typed.unicodeScalars.count
        if matches.count == 1 {
            return Completion(replacing: typedLength, insertion: only.insertion + only.suffix, choices: [])
        }
        let common = commonPrefix(matches.map(\.insertion))
        // A quoted and a bare candidate share no prefix: then the word stays
        // as typed and the choices are only listed.
        let keepsWord = common.hasPrefix(typed) || (common.hasPrefix("\"") && common.dropFirst().hasPrefix(typed))
        let insertion = keepsWord ? common : typed
        return Completion(replacing: typedLength, insertion: insertion, choices: matches.map(\.insertion).sorted())
    }

    private enum Context {
        case code
        case comment
        /// Inside a string opened at this scalar offset.
        case string(opened: Int)
    }

    private static func context(of scalars: [Unicode.Scalar]) -> Context {
        var context = Context.code
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            switch context {
            case .comment:
                if scalar == "\n" { context = .code }
            case .string:
                if scalar == "\\" { index += 1 } else if scalar == "\"" || scalar == "\n" { context = .code }
            case .code:
                if scalar == "#" { context = .comment } else if scalar == "\"" { context = .string(opened: index) }
            }
            index += 1
        }
        return context
    }

    /// The identifier being typed before the cursor; `non-` counts as part of
    /// it so that `non-negotiable` completes.
    private static func trailingWord(_ scalars: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
        }
        var start = scalars.endIndex
        while start > scalars.startIndex, isWordScalar(scalars[start - 1]) { start -= 1 }
        let hyphenated = Array("non-".unicodeScalars)
        if start >= hyphenated.count, Array(scalars[(start - hyphenated.count)..<start]) == hyphenated,
           start - hyphenated.count == 0 || !isWordScalar(scalars[start - hyphenated.count - 1]) {
            start -= hyphenated.count
        }
        return scalars[start...]
    }

    private static func commonPrefix(_ texts: [String]) -> String {
        guard var prefix = texts.first.map({ Array($0.unicodeScalars) }) else { return "" }
        for text in texts.dropFirst() {
            let scalars = Array(text.unicodeScalars)
            var length = 0
            while length < prefix.count, length < scalars.count, prefix[length] == scalars[length] { length += 1 }
            prefix.removeLast(prefix.count - length)
        }
        return String(String.UnicodeScalarView(prefix))
    }

    /// The choices in columns that fit `width`, filled down then across like
    /// bash; a very long list is cut short with a count of the rest.
    static func listing(_ choices: [String], width: Int, limit: Int = 100) -> String {
        let shown = Array(choices.prefix(limit))
        let columnWidth = (shown.map { $0.unicodeScalars.count }.max() ?? 0) + 2
        let columns = max(1, width / max(columnWidth, 1))
        let rows = (shown.count + columns - 1) / columns
        var lines: [String] = []
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < shown.count else { break }
                let choice = shown[index]
                let isLast = column == columns - 1 || index + rows >= shown.count
                line += isLast ? choice : choice + String(repeating: " ", count: columnWidth - choice.unicodeScalars.count)
            }
            lines.append(line)
        }
        if choices.count > shown.count {
            lines.append("... and \(choices.count - shown.count) more")
        }
        return lines.joined(separator: "\n")
    }
}
