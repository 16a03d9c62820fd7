import PlanCore
import PlanSyntax
import PlanKit

extension LanguageServer {
    /// LSP's completion item kinds.
    private enum ItemKind: Int { case field = 5, keyword = 14, value = 12 }

    /// What fits where the cursor is: inside a string after a word that
    /// refers to a kind, that kind's names; after `.` or in a query, fields;
    /// at a line's start, statement words, or on an indented line the
    /// clauses the statement above still lacks. Items are whole: no resolve.
    func completion(in document: OpenDocument, at offset: Int) -> JSON {
        guard let context = context(for: document) else { return .array([]) }
        let source = document.source
        let lineStart = source.start(ofLine: source.line(of: offset))
        let tokens = context.tokens
        // The tokens of this line before the cursor.
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.start < lineStart { low = mid + 1 } else { high = mid }
        }
        let first = low
        var last = first
        while last < tokens.count, tokens[last].range.start < offset, tokens[last].kind != .eof { last += 1 }
        let before = Array(tokens[first..<last])

        // Inside a string: the names of the kinds the words before it refer to.
        if let open = before.last, open.kind == .string || open.kind == .invalid,
           source.bytes.indices.contains(open.range.start), source.bytes[open.range.start] == UInt8(ascii: "\""),
           offset > open.range.start, offset < open.range.end || !Self.closed(open, in: source) {
            let kinds = context.kinds(before: last - 1) ?? []
            let typedRange = SourceRange(source: context.sourceID, start: open.range.start + 1, end: offset)
            var list = ItemList(replacing: lspRange(typedRange, in: source), sharedRange: completionItemDefaults)
            let names = kinds.flatMap { context.plan.names(of: $0) }
            let detail = kinds.map(\.rawValue).joined(separator: " or ")
            let closing = Self.closed(open, in: source) ? "" : "\""
            for name in Self.unique(names) {
                let escaped = String(Literal.string(name).dropFirst().dropLast())
                list.add(name, .value, detail: detail, newText: escaped + closing)
            }
            return list.answer
        }

        let wordStart = Self.wordStart(before: offset, in: source.bytes, from: lineStart)
        let replace = lspRange(SourceRange(source: context.sourceID, start: wordStart, end: offset), in: source)
        func items(_ words: [String], _ kind: ItemKind, detail: String, newText: (String) -> String = { $0 }) -> JSON {
            var list = ItemList(replacing: replace, sharedRange: completionItemDefaults)
            for word in Self.unique(words) { list.add(word, kind, detail: detail, newText: newText(word)) }
            return list.answer
        }
        let previous = before.last { $0.range.end <= wordStart }

        if wordStart > lineStart, source.bytes[wordStart - 1] == UInt8(ascii: ".") {
            return items(EntityKind.allCases.flatMap(Fields.names(of:)).sorted(), .field, detail: "field")
        }
        if let kind = Self.queriedKind(before.filter { $0.range.end <= wordStart }) {
            return items(kind.info.fieldNames, .field, detail: "field of \(kind.plural)")
        }
        if let previous, case .keyword(let keyword) = previous.kind, let kinds = DocumentContext.kinds(named: keyword),
           !(EntityKind.allCases.contains { $0.rawValue == keyword.rawValue || $0.alias?.declares == keyword }) || Self.follows(previous, in: before) {
            let names = kinds.flatMap { context.plan.names(of: $0) }
            return items(names, .value, detail: kinds.map(\.rawValue).joined(separator: " or "), newText: Literal.string)
        }
        guard previous == nil else { return .array([]) }
        let indented = source.bytes.indices.contains(lineStart) && (source.bytes[lineStart] == 0x20 || source.bytes[lineStart] == 0x09)
        if indented, let (kind, start) = Self.statement(before: first, in: tokens) {
            // A clause is given once: offer those the statement still lacks.
            let given = Set(tokens[start..<first].compactMap { token -> Keyword? in
                if case .keyword(let keyword) = token.kind { return keyword } else { return nil }
            })
            let lacking = kind.info.clauses.filter { !given.contains($0.keyword) }
            return items(lacking.map { ($0.lead.map { $0.rawValue + " " } ?? "") + $0.keyword.rawValue }, .keyword,
                         detail: "clause of \(kind.rawValue)")
        }
        return items(Self.statementWords, .keyword, detail: "statement")
    }

    /// The words a statement starts with: every declared kind's keyword
    /// (and its alias), then the statements that are not declarations.
    static let statementWords: [String] = EntityKind.writtenOrder.filter { !$0.info.derived }.flatMap { kind in
        [kind.rawValue] + (kind.alias.map { [$0.declares.rawValue] } ?? [])
    } + [Keyword.vision, .update, .let, .include, .assert].map(\.rawValue) + ["remove", "rename"]

    /// The items of one answer, which all replace the same range. A client
    /// that takes `itemDefaults.editRange` (LSP 3.17) is sent the range once
    /// and, per item, only the text when it differs from the label: a
    /// thousand names are then a third of the bytes.
    private struct ItemList {
        let replacing: JSON
        let sharedRange: Bool
        private var items: [JSON] = []

        init(replacing: JSON, sharedRange: Bool) {
            self.replacing = replacing
            self.sharedRange = sharedRange
        }

        mutating func add(_ label: String, _ kind: ItemKind, detail: String, newText: String) {
            var members: [(String, JSON)] = [("label", .string(label)), ("kind", .number(Double(kind.rawValue))),
                                             ("detail", .string(detail))]
            if !sharedRange {
                members.append(("textEdit", LanguageServer.edit(replacing, newText)))
            } else if newText != label {
                members.append(("textEditText", .string(newText)))
            }
            items.append(.object(members))
        }

        var answer: JSON {
            guard sharedRange else { return .array(items) }
            return .object([("isIncomplete", .bool(false)), ("itemDefaults", .object([("editRange", replacing)])),
                            ("items", .array(items))])
        }
    }

    private static func unique(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        return words.filter { seen.insert($0).inserted }
    }

    private static func closed(_ token: Token, in source: Source) -> Bool {
        token.range.end - token.range.start >= 2 && source.bytes.indices.contains(token.range.end - 1)
            && source.bytes[token.range.end - 1] == UInt8(ascii: "\"")
    }

    /// A kind keyword that refers by name only after another word
    /// (`needs skill`), not where it declares (`skill "x"` at a line's start).
    private static func follows(_ token: Token, in line: [Token]) -> Bool {
        line.first != token
    }

    private static func wordStart(before offset: Int, in bytes: [UInt8], from lineStart: Int) -> Int {
        var start = offset
        while start > lineStart, bytes.indices.contains(start - 1), Lexer.isIdentifierByte(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") {
            start -= 1
        }
        return start
    }

    /// The kind a query on this line is about, when the cursor is in one of
    /// its clauses (`goals where d`): the last collection before a query word.
    private static func queriedKind(_ line: [Token]) -> EntityKind? {
        var kind: EntityKind?
        var inQuery = false
        for token in line {
            guard case .keyword(let keyword) = token.kind else { continue }
            if let collection = EntityKind.allCases.first(where: { $0.plural == keyword.rawValue }) {
                kind = collection
                inQuery = false
            } else if [.where, .sort, .group, .select].contains(keyword) {
                inQuery = kind != nil
            }
        }
        return inQuery ? kind : nil
    }

    /// The kind the statement that an indented line continues declares,
    /// and the index of its keyword.
    private static func statement(before index: Int, in tokens: [Token]) -> (EntityKind, Int)? {
        var position = index - 1
        while position >= 0 {
            if case .keyword(let keyword) = tokens[position].kind, position == 0 || tokens[position - 1].kind == .newline
                || (position >= 1 && tokens[position - 1].kind == .keyword(.update)) {
                guard let kind = EntityKind.allCases.first(where: { $0.rawValue == keyword.rawValue || $0.alias?.declares == keyword })
                else { return nil }
                return (kind, position)
            }
            if tokens[position].kind == .newline, position > 0, tokens[position - 1].kind == .newline { return nil }
            position -= 1
        }
        return nil
    }
}
