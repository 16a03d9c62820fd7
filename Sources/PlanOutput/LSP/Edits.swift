import PlanCore
import PlanSyntax
import PlanKit

extension LanguageServer {
    /// `plan fmt`'s text as one edit of the whole document; no edit when
    /// the text has errors or is already formatted.
    func formatting(_ document: OpenDocument) throws(Failure) -> JSON {
        guard let text = Formatter.format(document.source).text, Array(text.utf8) != document.source.bytes else { return .array([]) }
        let end = Positions.position(of: document.source.bytes.count, in: document.source, encoding: encoding)
        return .array([Self.edit(DiagnosticConverter.range(LSPPosition(line: 0, character: 0), end), text)])
    }

    static func edit(_ range: JSON, _ newText: String) -> JSON {
        .object([("range", range), ("newText", .string(newText))])
    }

    /// The name under the cursor, when it names an entity that can be renamed.
    func prepareRename(in document: OpenDocument, at offset: Int) -> JSON {
        guard let context = context(for: document), let index = context.tokenIndex(at: offset),
              let target = context.entity(at: index), target.kind.info.identity == .name,
              let (_, range) = converter(for: context.analysis).location(context.tokens[index].range) else { return .null }
        return .object([("range", range), ("placeholder", .string(context.text(of: context.tokens[index])))])
    }

    /// Every place that names the entity, in every file of its plan, made
    /// to name it `newName`; refused when another entity of its kind has
    /// that name already.
    func rename(in document: OpenDocument, at offset: Int, to newName: String) throws(Failure) -> JSON {
        guard let context = context(for: document), let index = context.tokenIndex(at: offset),
              let target = context.entity(at: index), target.kind.info.identity == .name else {
            throw Failure(code: .requestFailed, message: "there is no declared name here to rename")
        }
        guard !newName.isEmpty else { throw Failure(code: .requestFailed, message: "a name cannot be empty") }
        if let taken = context.plan.index(of: target.kind, named: newName), taken != target.index {
            throw Failure(code: .requestFailed,
                          message: "\(target.kind.info.title(context.plan, taken)) is already declared; choose another name")
        }
        var changes: [String: [JSON]] = [:]
        var order: [String] = []
        let converter = converter(for: context.analysis)
        for range in context.references(to: target, includingDeclaration: true) {
            guard let source = context.analysis.interpreter.sources[range.source],
                  let (uri, lspRange) = converter.location(range) else { continue }
            let written = source.text(range)
            let replacement = written.hasPrefix("\"") || !Self.isBareName(newName) ? Literal.string(newName) : newName
            if changes[uri] == nil { changes[uri] = []; order.append(uri) }
            changes[uri]?.append(Self.edit(lspRange, replacement))
        }
        return .object([("changes", .object(order.map { ($0, .array(changes[$0] ?? [])) }))])
    }

    /// Whether `name` can stand without quotes: a word that is not a keyword.
    static func isBareName(_ name: String) -> Bool {
        guard let first = name.utf8.first, Lexer.isIdentifierStart(first), name.utf8.allSatisfy(Lexer.isIdentifierByte) else { return false }
        return Keyword(rawValue: name) == nil
    }

    /// A quick fix for each diagnostic in the request whose hint says what
    /// to write: the right spelling (`did you mean "X"?`) put in place of the
    /// name, or a line of plan (`declare it: skill "x" level 0 target 3`, the
    /// `log` or `update` to write) added at the end of the document.
    func codeActions(in document: OpenDocument, context: JSON?) -> JSON {
        guard let diagnostics = context?["diagnostics"]?.array else { return .array([]) }
        var actions: [JSON] = []
        for diagnostic in diagnostics {
            guard let message = diagnostic["message"]?.string, let range = diagnostic["range"] else { continue }
            if let start = LSPPosition(range["start"]), let end = LSPPosition(range["end"]),
               let from = Positions.offset(of: start, in: document.source, encoding: encoding),
               let to = Positions.offset(of: end, in: document.source, encoding: encoding), from <= to,
               let meant = Self.suggestion(in: message) {
                let written = document.source.text(SourceRange(source: 0, start: from, end: to))
                let replacement = written.hasPrefix("\"") ? Literal.string(meant) : meant
                actions.append(Self.quickFix("Change to \(replacement)", document.uri, diagnostic, Self.edit(range, replacement)))
            } else if let line = Self.lineToAdd(in: message) {
                let bytes = document.source.bytes
                let end = Positions.position(of: bytes.count, in: document.source, encoding: encoding)
                let text = (bytes.isEmpty || bytes.last == 0x0A ? "" : "\n") + line + "\n"
                actions.append(Self.quickFix("Add `\(line)`", document.uri, diagnostic,
                                             Self.edit(DiagnosticConverter.range(end, end), text)))
            }
        }
        return .array(actions)
    }

    private static func quickFix(_ title: String, _ uri: String, _ diagnostic: JSON, _ edit: JSON) -> JSON {
        .object([("title", .string(title)), ("kind", .string("quickfix")), ("diagnostics", .array([diagnostic])),
                 ("isPreferred", .bool(true)), ("edit", .object([("changes", .object([(uri, .array([edit]))]))]))])
    }

    /// The line of plan a hint ends with, after its last `: `, when that
    /// is a statement (docs/checks.md: "the hint ends with that line").
    static func lineToAdd(in message: String) -> String? {
        guard let hint = message.split(separator: "\n").dropFirst().first else { return nil }
        var candidate: Substring?
        var rest = hint[...]
        while let colon = rest.firstIndex(of: ":") {
            let after = rest[rest.index(after: colon)...]
            if after.first == " " {
                let line = after.dropFirst()
                if let word = line.split(separator: " ").first, statementWords.contains(String(word)) { candidate = line }
            }
            rest = after
        }
        return candidate.map(String.init)
    }

    /// The name a `did you mean "X"?` hint offers.
    static func suggestion(in message: String) -> String? {
        if let range = message.range(of: "did you mean `") {
            let word = message[range.upperBound...].prefix { $0 != "`" }
            return word.isEmpty ? nil : String(word)
        }
        guard let range = message.range(of: "did you mean \"") else { return nil }
        var name = ""
        var escaped = false
        for character in message[range.upperBound...] {
            if escaped {
                // Any other escape (`\n`, `\u{...}`) is a name no quick fix should type.
                guard character == "\"" || character == "\\" else { return nil }
                name.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "\"": return name
            default: name.append(character)
            }
        }
        return nil
    }
}

extension String {
    /// The first place `text` occurs.
    fileprivate func range(of text: String) -> Range<String.Index>? {
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(text) { return index..<(self.index(index, offsetBy: text.count)) }
            index = self.index(after: index)
        }
        return nil
    }
}
