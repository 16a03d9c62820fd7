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
        guard let context = DocumentContext(document, in: workspace), let index = context.tokenIndex(at: offset),
              let target = context.entity(at: index), target.kind.info.identity == .name,
              let (_, range) = converter(for: context.analysis).location(context.tokens[index].range) else { return .null }
        return .object([("range", range), ("placeholder", .string(context.text(of: context.tokens[index])))])
    }

    /// Every place that names the entity, in every file of its plan, made
    /// to name it `newName`; refused when another entity of its kind has
    /// that name already.
    func rename(in document: OpenDocument, at offset: Int, to newName: String) throws(Failure) -> JSON {
        guard let context = DocumentContext(document, in: workspace), let index = context.tokenIndex(at: offset),
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

    /// A quick fix for each diagnostic in the request whose hint names
    /// the right spelling (`did you mean "X"?`): the name replaced by it.
    func codeActions(in document: OpenDocument, context: JSON?) -> JSON {
        guard let diagnostics = context?["diagnostics"]?.array else { return .array([]) }
        var actions: [JSON] = []
        for diagnostic in diagnostics {
            guard let message = diagnostic["message"]?.string, let range = diagnostic["range"],
                  let start = LSPPosition(range["start"]), let end = LSPPosition(range["end"]),
                  let from = Positions.offset(of: start, in: document.source, encoding: encoding),
                  let to = Positions.offset(of: end, in: document.source, encoding: encoding), from <= to,
                  let meant = Self.suggestion(in: message) else { continue }
            let written = document.source.text(SourceRange(source: 0, start: from, end: to))
            let replacement = written.hasPrefix("\"") ? Literal.string(meant) : meant
            let edit = JSON.object([("changes", .object([(document.uri, .array([Self.edit(range, replacement)]))]))])
            actions.append(.object([("title", .string("Change to \(replacement)")), ("kind", .string("quickfix")),
                                    ("diagnostics", .array([diagnostic])), ("isPreferred", .bool(true)), ("edit", edit)]))
        }
        return .array(actions)
    }

    /// The name a `did you mean "X"?` hint offers.
    static func suggestion(in message: String) -> String? {
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
