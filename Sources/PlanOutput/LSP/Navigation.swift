import PlanCore
import PlanSyntax
import PlanKit

/// What stands at a place in an open document, read from the plan it is
/// part of: the token there, and the entity a name token names.
struct DocumentContext {
    let document: OpenDocument
    let analysis: Workspace.Analysis
    /// The document's source id in the analysis, so that token ranges and
    /// the plan's ranges are comparable.
    let sourceID: Int
    let tokens: [Token]
    /// The plan as of today, which hover and hints read.
    let current: Plan
    /// The fields of `current`'s entities, for every request of this text:
    /// what they are worked out from (the log's totals) is worked out once.
    let fields: Evaluator

    init?(_ document: OpenDocument, in workspace: Workspace, today: Day) {
        guard let analysis = workspace.analysis(for: document),
              let sourceID = Workspace.sourceID(of: document.source.name, in: analysis.interpreter) else { return nil }
        self.document = document
        self.analysis = analysis
        self.sourceID = sourceID
        tokens = Lexer.tokenize(document.source, id: sourceID).tokens
        current = analysis.current
        fields = Evaluator(plan: current, today: today, bindings: [:])
    }

    var plan: Plan { analysis.interpreter.plan }

    /// The token under `offset`, or the one just before it when the
    /// cursor stands at its end.
    func tokenIndex(at offset: Int) -> Int? {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.end <= offset { low = mid + 1 } else { high = mid }
        }
        if low < tokens.count, tokens[low].range.start <= offset, offset < tokens[low].range.end, tokens[low].kind != .eof {
            return low
        }
        if low > 0, tokens[low - 1].range.end == offset, Self.isName(tokens[low - 1]) { return low - 1 }
        return nil
    }

    static func isName(_ token: Token) -> Bool { token.kind == .string || token.kind == .identifier }

    func text(of token: Token) -> String {
        token.kind == .string ? Lexeme.stringValue(of: token, in: document.source) : document.source.text(token.range)
    }

    /// The kinds a name at `index` may be of, from the nearest word before
    /// it in its statement that names a kind (`goal`, `skill`) or a clause
    /// that refers to some (`serves`, `after`); nil when nothing says.
    func kinds(before index: Int) -> [EntityKind]? {
        Self.kinds(before: index, in: tokens)
    }

    static func kinds(before index: Int, in tokens: [Token]) -> [EntityKind]? {
        var position = index - 1
        while position >= 0 {
            switch tokens[position].kind {
            case .newline, .semicolon:
                return nil
            case .keyword(let keyword):
                if let kinds = kinds(named: keyword) { return kinds }
            default:
                break
            }
            position -= 1
        }
        return nil
    }

    static func kinds(named keyword: Keyword) -> [EntityKind]? {
        if let kind = EntityKind.allCases.first(where: { $0.rawValue == keyword.rawValue || $0.alias?.declares == keyword }) {
            return [kind]
        }
        var kinds: [EntityKind] = []
        for info in KindInfo.all {
            for clause in info.clauses where clause.keyword == keyword {
                for kind in clause.shape.referred.kinds where !kinds.contains(kind) {
                    kinds.append(kind)
                }
            }
        }
        return kinds.isEmpty ? nil : kinds
    }

    /// The entity named by the token at `index`, if it names one.
    func entity(at index: Int) -> (kind: EntityKind, index: Int)? {
        guard tokens.indices.contains(index), Self.isName(tokens[index]) else { return nil }
        return plan.resolve(text(of: tokens[index]), among: kinds(before: index) ?? EntityKind.nameResolutionOrder)
    }

    /// The places that name `target`, in every file of its plan, in order:
    /// each name written where the words before it say its kind (its
    /// declaration, the clauses that refer to it, `update`, `rename` and
    /// `remove` of it, `(goal "X")` in a question). A file read twice is
    /// searched once.
    func references(to target: (kind: EntityKind, index: Int), includingDeclaration: Bool) -> [SourceRange] {
        let declaration = plan.name(of: target.kind, at: target.index)?.range
        var ranges: [SourceRange] = []
        var searched: Set<String> = []
        for (id, source) in analysis.interpreter.sources.sources.enumerated()
        where searched.insert(DocumentURI.normalizedName(source.name)).inserted {
            let tokens = id == sourceID ? self.tokens : Lexer.tokenize(source, id: id).tokens
            for (index, token) in tokens.enumerated() where Self.isName(token) {
                guard let kinds = Self.kinds(before: index, in: tokens), kinds.contains(target.kind) else { continue }
                let name = token.kind == .string ? Lexeme.stringValue(of: token, in: source) : source.text(token.range)
                guard let found = plan.resolve(name, among: kinds), found.kind == target.kind, found.index == target.index else { continue }
                if !includingDeclaration, token.range == declaration { continue }
                ranges.append(token.range)
            }
        }
        return ranges
    }
}

extension LanguageServer {
    /// The document's context, made once for each text: requests between
    /// two edits share its tokens and its plan as of today.
    func context(for document: OpenDocument) -> DocumentContext? {
        contexts.context(for: document) { DocumentContext(document, in: workspace, today: today) }
    }

    func converter(for analysis: Workspace.Analysis) -> DiagnosticConverter {
        DiagnosticConverter(sources: analysis.interpreter.sources, encoding: encoding, checksDocument: nil, fallbackURI: analysis.root)
    }

    func location(_ range: SourceRange, in analysis: Workspace.Analysis) -> JSON? {
        guard let (uri, lspRange) = converter(for: analysis).location(range) else { return nil }
        return .object([("uri", .string(uri)), ("range", lspRange)])
    }

    func definition(in document: OpenDocument, at offset: Int) -> JSON {
        guard let context = context(for: document), let index = context.tokenIndex(at: offset) else { return .null }
        if context.tokens[index].kind == .string, index > 0, context.tokens[index - 1].kind == .keyword(.include) {
            let written = context.text(of: context.tokens[index])
            let path = IncludePaths.resolve(written, in: IncludePaths.folder(of: document.source.name))
            guard path.hasPrefix("/") else { return .null }
            return .object([("uri", .string(DocumentURI.uri(of: DocumentURI.normalized(path)))), ("range", DiagnosticConverter.emptyRange)])
        }
        guard let target = context.entity(at: index), let name = context.plan.name(of: target.kind, at: target.index) else { return .null }
        return location(name.range, in: context.analysis) ?? .null
    }

    func references(in document: OpenDocument, at offset: Int, includingDeclaration: Bool) -> JSON {
        guard let context = context(for: document), let index = context.tokenIndex(at: offset),
              let target = context.entity(at: index) else { return .null }
        let ranges = context.references(to: target, includingDeclaration: includingDeclaration)
        return .array(ranges.compactMap { location($0, in: context.analysis) })
    }

    /// A statement word's or a kind's first line of `:help`; for a clause,
    /// the kinds that take it and what it names.
    func keywordMeaning(_ keyword: Keyword) -> String? {
        if let help = keywordHelp(keyword.rawValue), let line = help.split(separator: "\n").first { return String(line) }
        let takers = KindInfo.all.filter { $0.clause(keyword) != nil }
        guard let first = takers.first?.clause(keyword) else { return nil }
        let names = first.shape.referred.kinds.map(\.rawValue)
        return "`\(keyword.rawValue)`: a clause of " + takers.map(\.kind.rawValue).joined(separator: ", ")
            + (names.isEmpty ? "" : "; it names a " + names.joined(separator: " or "))
    }

    /// The entity as of today, each of its kind's fields that has a value
    /// on a line (what `(goal "X").due` and the rest answer), or a date's
    /// weekday and distance from today.
    func hover(in document: OpenDocument, at offset: Int) -> JSON {
        guard let context = context(for: document), let index = context.tokenIndex(at: offset) else { return .null }
        let token = context.tokens[index]
        let text: String
        if let target = context.entity(at: index) {
            let current = context.current
            let title = target.kind.info.title(current, target.index)
            let fields = context.fields
            let lines = target.kind.info.fieldNames.compactMap { field -> String? in
                guard field != "name", let value = target.kind.info.value(of: field, fields.context, target.index) else { return nil }
                switch value {
                case .none: return nil
                case .list(let items) where items.isEmpty: return nil
                default: return "\(field): \(Answers.inline(value, plan: current, today: today))"
                }
            }
            text = "**\(Literal.printable(title))** as of \(today)\n\n```\n\(lines.joined(separator: "\n"))\n```"
        } else if case .keyword(let keyword) = token.kind, let meaning = keywordMeaning(keyword) {
            text = meaning
        } else if token.kind == .date, case .success(let day) = Day.parse(context.document.source.text(token.range)) {
            let days = day.ordinal - today.ordinal
            let distance = days == 0 ? "today" : days > 0 ? "in \(days) days" : "\(-days) days ago"
            text = "\(day) is a \(Agenda.weekday(day)), \(distance)"
        } else {
            return .null
        }
        guard let (_, range) = converter(for: context.analysis).location(token.range) else { return .null }
        return .object([("contents", .object([("kind", .string("markdown")), ("value", .string(text))])), ("range", range)])
    }
}

/// The contexts of the documents as they stand; the server drops them all
/// at every change. A class, so that a request, which changes nothing
/// else, can keep one.
final class ContextCache {
    private var contexts: [String: DocumentContext] = [:]
    /// The last completion answer and where it was asked: a client asks
    /// again at the same place (retriggered, or as a menu is filtered), and
    /// a thousand names cost more to gather than to send. One answer only,
    /// so that requests at many places keep no more.
    private var lastCompletion: (place: CompletionPlace, answer: JSON)?

    private struct CompletionPlace: Equatable {
        var uri: String
        var offset: Int
    }

    func completion(for document: OpenDocument, at offset: Int, make: () -> JSON) -> JSON {
        let place = CompletionPlace(uri: document.uri, offset: offset)
        if let lastCompletion, lastCompletion.place == place { return lastCompletion.answer }
        let made = make()
        lastCompletion = (place, made)
        return made
    }

    func context(for document: OpenDocument, make: () -> DocumentContext?) -> DocumentContext? {
        if let kept = contexts[document.uri] { return kept }
        let made = make()
        contexts[document.uri] = made
        return made
    }

    /// After any change to what is open or on disk: every answer kept is stale.
    func removeAll() {
        contexts.removeAll()
        lastCompletion = nil
    }
}
