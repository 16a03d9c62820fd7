import PlanCore
import PlanSyntax
import PlanKit

extension LanguageServer {
    /// LSP's symbol kinds: an entity that holds others, and one that does not.
    private static let holderSymbol = 5
    private static let entitySymbol = 7

    /// The document's declarations; an entity that must name one other
    /// (a milestone its goal) sits under it when that one is declared here.
    func symbols(in document: OpenDocument) -> JSON {
        let parsed = Parser.parse(document.source, id: 0)
        let declarations: [(Declaration, SourceRange)] = parsed.statements.compactMap { statement in
            if case .declaration(let declaration) = statement.kind, !declaration.isUpdate { return (declaration, statement.range) }
            return nil
        }
        var topLevel: [Int] = []
        var children: [Int: [Int]] = [:]
        var byName: [String: Int] = [:]
        for (position, (declaration, _)) in declarations.enumerated() where byName[Self.key(declaration.kind, declaration.name.text)] == nil {
            byName[Self.key(declaration.kind, declaration.name.text)] = position
        }
        for (position, (declaration, _)) in declarations.enumerated() {
            if let parent = Self.parent(of: declaration).flatMap({ byName[Self.key($0.kind, $0.name)] }), parent != position {
                children[parent, default: []].append(position)
            } else {
                topLevel.append(position)
            }
        }
        func symbol(_ position: Int, depth: Int) -> JSON {
            let (declaration, range) = declarations[position]
            let nested = depth < 2 ? (children[position] ?? []).map { symbol($0, depth: depth + 1) } : []
            let name = declaration.name.text.isEmpty ? declaration.spelling.rawValue : declaration.name.text
            return .object([
                ("name", .string(name)),
                ("detail", .string(declaration.spelling.rawValue)),
                ("kind", .number(Double(nested.isEmpty ? Self.entitySymbol : Self.holderSymbol))),
                ("range", lspRange(range, in: document.source)),
                ("selectionRange", lspRange(declaration.name.range.source == 0 ? declaration.name.range : range, in: document.source)),
                ("children", .array(nested)),
            ])
        }
        return .array(topLevel.map { symbol($0, depth: 0) })
    }

    private static func key(_ kind: EntityKind, _ name: String) -> String { kind.rawValue + "\u{0}" + name }

    /// The entity a declaration belongs to: the one its required clause of a single name names.
    private static func parent(of declaration: Declaration) -> (kind: EntityKind, name: String)? {
        for clause in declaration.clauses {
            guard let syntax = declaration.kind.info.clause(clause.keyword), syntax.required,
                  case .name(let name) = clause.value,
                  let kind = syntax.shape.referred.first else { continue }
            return (kind, name.text)
        }
        return nil
    }

    func lspRange(_ range: SourceRange, in source: Source) -> JSON {
        DiagnosticConverter.range(Positions.position(of: range.start, in: source, encoding: encoding),
                                  Positions.position(of: range.end, in: source, encoding: encoding))
    }

    /// Each statement written over several lines folds to its first.
    func foldingRanges(in document: OpenDocument) -> JSON {
        let source = document.source
        let parsed = Parser.parse(source, id: 0)
        return .array(parsed.statements.compactMap { statement in
            let first = source.line(of: statement.range.start) - source.firstLine
            let last = source.line(of: max(statement.range.start, statement.range.end - 1)) - source.firstLine
            guard last > first else { return nil }
            return .object([("startLine", .number(Double(first))), ("endLine", .number(Double(last)))])
        })
    }

    /// After a `by` date, how far it is from today; after `effort`, the
    /// hours a week the entity's `weekly` field works out; those whose place
    /// lies between the byte offsets `from` and `to`.
    func inlayHints(in document: OpenDocument, from: Int, to: Int) -> JSON {
        guard let context = context(for: document) else { return .array([]) }
        let parsed = Parser.parse(document.source, id: context.sourceID)
        let current = context.current
        let fields = Evaluator(plan: current, today: today, bindings: [:])
        var hints: [JSON] = []
        func hint(after range: SourceRange, _ label: String) {
            guard range.end >= from, range.end <= to else { return }
            let position = Positions.position(of: range.end, in: document.source, encoding: encoding)
            hints.append(.object([("position", position.json), ("label", .string(label)), ("paddingLeft", .bool(true))]))
        }
        for statement in parsed.statements {
            guard case .declaration(let declaration) = statement.kind else { continue }
            for clause in declaration.clauses {
                switch (clause.keyword, clause.value) {
                case (.by, .date(let day)):
                    let days = day.ordinal - today.ordinal
                    hint(after: clause.range, days == 0 ? "today" : days > 0 ? "\(days) days left" : "\(-days) days ago")
                case (.effort, _):
                    guard let index = current.index(of: declaration.kind, named: declaration.name.text),
                          case .number(let hours)? = declaration.kind.info.value(of: "weekly", fields.context, index)
                    else { continue }
                    hint(after: clause.range, "\(Literal.rounded(hours)) h/week")
                default:
                    continue
                }
            }
        }
        return .array(hints)
    }
}
