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

    /// A quick fix for each diagnostic in the request that was published
    /// with a fix (`Diagnostic.fix`: the right spelling for a "did you
    /// mean", the line of plan a hint says to write), matched by its code,
    /// range and message, as a client may send back less than it was given.
    func codeActions(in document: OpenDocument, context: JSON?) -> JSON {
        guard let diagnostics = context?["diagnostics"]?.array else { return .array([]) }
        let candidates = fixes[document.uri] ?? []
        var actions: [JSON] = []
        for diagnostic in diagnostics {
            guard let published = candidates.first(where: { $0.matches(diagnostic) }),
                  workspace.analyses.indices.contains(published.analysis) else { continue }
            let analysis = workspace.analyses[published.analysis]
            guard let edits = published.fix.resolved(in: analysis.interpreter.sources) else { continue }
            let converter = converter(for: analysis)
            var changes: [String: [JSON]] = [:]
            var order: [String] = []
            for (range, text) in edits {
                guard let (uri, lspRange) = converter.editLocation(range) else { continue }
                if changes[uri] == nil { changes[uri] = []; order.append(uri) }
                changes[uri]?.append(Self.edit(lspRange, text))
            }
            guard !order.isEmpty else { continue }
            actions.append(.object([
                ("title", .string(published.fix.title)), ("kind", .string("quickfix")), ("diagnostics", .array([diagnostic])),
                ("isPreferred", .bool(true)),
                ("edit", .object([("changes", .object(order.map { ($0, .array(changes[$0] ?? [])) }))])),
            ]))
        }
        return .array(actions)
    }
}

/// A diagnostic published with a fix, kept until the next analysis so a
/// code action request can find it.
struct PublishedFix {
    var code: String
    var range: JSON
    var message: String
    var fix: Fix
    /// Its plan's place in `Workspace.analyses`.
    var analysis: Int

    func matches(_ diagnostic: JSON) -> Bool {
        diagnostic["code"]?.string == code && diagnostic["range"] == range && diagnostic["message"]?.string == message
    }
}
