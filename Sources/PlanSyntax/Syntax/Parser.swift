#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore

/// Recursive-descent parser. Each method is a rule of Grammar/plan.ebnf, and
/// the expression methods run in precedence order, lowest first:
/// `expression` (query clauses) -> `or` -> `and` -> `not` -> `comparison`
/// -> `term` -> `factor` -> `unary` -> `postfix` -> `primary`.
///
/// A syntax error is recorded as a Diagnostic and unwinds to the statement,
/// which then skips to the next statement end, so one run reports every
/// broken statement of a file. A declaration's clause that does not parse
/// unwinds to the clause instead (when `recoversClauses`): the parser skips to
/// the next clause of the kind and the declaration keeps the clauses that
/// parsed, so that what names the entity still finds it (docs/checks.md).
public struct Parser {
    /// How deeply expressions may nest (brackets, unary operators, chains of
    /// binary operators, postfix chains). Past it is an error, not a stack
    /// overflow in the parser or in whatever walks the tree later.
    public static let maxDepth = 100

    private let source: Source
    private var tokens: Lexer
    private var current: Token
    private var previous: Token
    /// The token after `current`, once something has looked at it.
    private var lookahead: Token?
    private var depth = 0
    /// Syntax errors found so far, the lexer's apart from the parser's; see `takeDiagnostics`.
    private var parserDiagnostics: [Diagnostic] = []
    private var lexerDiagnosticsTaken = 0
    private var parserDiagnosticsTaken = 0
    /// The names `let` has bound, before this source and in it so far: a
    /// bare name is a question only when it is one of them.
    private var boundNames: Set<String>
    /// The kind of the latest declaration read: a clause line left
    /// unindented after it most likely belongs to it.
    private var lastDeclared: EntityKind?
    /// Whether a declaration with a clause that does not parse is kept,
    /// without that clause, rather than dropped whole.
    private let recoversClauses: Bool
    /// Where each long name read is made once; whoever parses many sources
    /// into one plan hands the same one from parser to parser.
    public var interned = NameInterner()
    /// A declaration's list of clauses, given back once applied, which the
    /// next declaration is read into.
    private var spareClauses: [Clause] = []
    /// A list clause's names, and a `needs` clause's skills, as they are
    /// read: the plan keeps each list for good, so it is made once, at its
    /// size, from these, which keep their room from clause to clause.
    private var listedNames: [Name] = []
    private var listedNeeds: [SkillNeed] = []

    private struct Unwind: Error {}

    /// The whole source at once, for the formatter, the REPL and tests.
    public static func parse(_ source: Source, id: Int, recoversClauses: Bool = true) -> ParsedSource {
        var parser = Parser(source, id: id, keepsComments: true, recoversClauses: recoversClauses)
        var statements: [Statement] = []
        while let statement = parser.nextStatement() {
            statements.append(statement)
        }
        let endOffset = source.bytes.count
        let stoppedAtEnd = !parser.parserDiagnostics.isEmpty
            && parser.parserDiagnostics.allSatisfy { $0.range.start >= endOffset }
        let lexerDiagnostics = parser.tokens.diagnostics
        let incomplete = parser.tokens.endsInside || (lexerDiagnostics.isEmpty && stoppedAtEnd)
        return ParsedSource(statements: statements, comments: parser.tokens.comments,
                          diagnostics: lexerDiagnostics + parser.parserDiagnostics, isIncomplete: incomplete)
    }

    /// A parser that reads `source` one statement at a time (`nextStatement`),
    /// lexing only as far as it has read, so that running a large file never
    /// holds all of its tokens or statements at once. `boundNames` are the
    /// `let` names bound before `source` (a REPL session's earlier lines).
    /// Unless `recoversClauses`, a clause that does not parse drops its
    /// whole declaration, as typed input wants: the line is typed again whole.
    public init(_ source: Source, id: Int, keepsComments: Bool = false, boundNames: Set<String> = [],
                recoversClauses: Bool = true) {
        self.source = source
        self.boundNames = boundNames
        self.recoversClauses = recoversClauses
        tokens = Lexer(bytes: source.bytes, id: id, keepsComments: keepsComments)
        current = tokens.next()
        previous = current
    }

    /// Gives back a declaration's list of clauses once it has been applied,
    /// so that the next declaration is read into its room rather than into
    /// a list made for it and freed after.
    public mutating func reuse(_ clauses: consuming [Clause]) {
        spareClauses = clauses
    }

    /// The next statement that parses; nil at the end of the input. A broken
    /// statement is skipped and its problem kept for `takeDiagnostics`.
    public mutating func nextStatement() -> Statement? {
        while !check(.eof) {
            if match(.newline) || match(.semicolon) { continue }
            do {
                let first = peek
                let statement = try self.statement()
                if !isStatementEnd, let unknown = unknownStatement(statement, startingWith: first) { throw unknown }
                try endOfStatement()
                return statement
            } catch {
                synchronize()
            }
        }
        return nil
    }

    /// Whether syntax errors were found since `takeDiagnostics` last took
    /// them: a plan without any asks this once a statement, and makes no list.
    public var hasDiagnosticsToTake: Bool {
        tokens.diagnostics.count > lexerDiagnosticsTaken || parserDiagnostics.count > parserDiagnosticsTaken
    }

    /// The syntax errors found since the last call: the lexer's, then the
    /// parser's, each in the order found.
    public mutating func takeDiagnostics() -> [Diagnostic] {
        let lexed = tokens.diagnostics
        let found = Array(lexed[min(lexerDiagnosticsTaken, lexed.count)...])
            + parserDiagnostics[min(parserDiagnosticsTaken, parserDiagnostics.count)...]
        lexerDiagnosticsTaken = lexed.count
        parserDiagnosticsTaken = parserDiagnostics.count
        return found
    }

    // MARK: - Statements

    private mutating func statement() throws -> Statement {
        let token = peek
        switch token.kind {
        case .keyword(.vision) where peekNext.kind == .string:
            advance()
            let text = try string("the vision")
            return Statement(.vision(text), token.range.through(previous.range))
        case .keyword(.owner) where peekNext.kind == .string:
            advance()
            let text = try string("the owner's name")
            return Statement(.owner(text), token.range.through(previous.range))
        case .keyword(.update): return try update()
        case .keyword(.let): return try letStatement()
        case .keyword(.include): return try include()
        case .keyword(.assert): return try assertStatement()
        case .identifier where Parser.editWords.contains(source.text(token.range)) && Parser.kind(of: peekNext) != nil:
            return try edit()
        case .keyword(let keyword):
            if let kind = EntityKind(keyword) { return try declaration(kind, isUpdate: false) }
            if let kind = lastDeclared, kind.syntax.clauses.contains(where: { $0.keyword == keyword || $0.lead == keyword }) {
                throw error(at: token, "`\(keyword.rawValue)` starts a line of its own, outside any declaration",
                            hint: "indent the clauses under the \(kind.rawValue): `    \(restOfLine(from: token))`")
            }
            let expr = try expression()
            return Statement(.expression(expr), expr.range)
        default:
            let expr = try expression()
            return Statement(.expression(expr), expr.range)
        }
    }

    private mutating func update() throws -> Statement {
        let keyword = advance()
        if check(.keyword(.vision)) {
            advance()
            let text = try string("the vision")
            return Statement(.updateVision(text), keyword.range.through(previous.range))
        }
        if check(.keyword(.owner)) {
            advance()
            let text = try string("the owner's name")
            return Statement(.updateOwner(text), keyword.range.through(previous.range))
        }
        guard case .keyword(let word) = peek.kind, let kind = EntityKind(word) else {
            let kinds = EntityKind.writtenOrder.filter { $0.syntax.unique && !$0.syntax.derived }
                .flatMap { [$0.rawValue] + ($0.alias.map { [$0.declares.rawValue] } ?? []) }
            let list = kinds.dropLast().joined(separator: ", ") + " or " + (kinds.last ?? "")
            throw error(at: peek, "expected \(list) after `update`, found \(describe(peek))")
        }
        let statement = try declaration(kind, isUpdate: true)
        return Statement(statement.kind, keyword.range.through(statement.range))
    }

    private mutating func declaration(_ kind: EntityKind, isUpdate: Bool) throws -> Statement {
        let keyword = advance()
        let spelling: Keyword
        if case .keyword(let word) = keyword.kind { spelling = word } else { spelling = kind.keyword ?? .update }
        let info = kind.syntax
        // The list the last declaration was applied from, if its reader gave
        // it back (`reuse`): emptied, it keeps its room.
        var clauses = spareClauses
        spareClauses = []
        clauses.removeAll(keepingCapacity: true)
        // Room for every clause the kind takes is one allocation, where growing is three.
        clauses.reserveCapacity(info.clauses.count + 1)
        // `mentor "X"` is `contact "X" mentor`: the clause its word implies.
        if spelling == kind.alias?.declares { clauses.append(Clause(spelling, .flag, keyword.range)) }
        var key: [Clause] = []
        let name: Name
        switch info.head {
        case .name:
            // Not interned: a plan declares each name once, and most are
            // never named again (a goal among thousands), so looking each up
            // among the names read before was a cache miss per declaration
            // in a large plan, for nothing shared.
            name = try self.name("a name for the \(spelling.rawValue)", interning: false)
        case .none:
            name = Name(text: kind.rawValue, range: keyword.range, quoted: false)
            // A kind said once in a plan is asked about by its word alone
            // (`review`), which shows it as its collection does.
            if !isUpdate, isStatementEnd, let plural = Keyword(rawValue: kind.plural) {
                return Statement(.expression(Expr(.collection(kind, spelled: plural), keyword.range)), keyword.range)
            }
        case .amount(let words):
            let number = peek
            _ = try amount("the \(kind.rawValue)", after: spelling, example: "\(spelling.rawValue) 10 \(words.joined(separator: " "))")
            for word in words {
                guard source.text(peek.range) == word else {
                    throw error(at: peek, "expected `\(word)`, found \(describe(peek))",
                                hint: "write: \(kind.rawValue) \(source.text(number.range)) \(words.joined(separator: " "))")
                }
                advance()
            }
            name = Name(text: source.text(number.range), range: number.range, quoted: false)
        case .date(let textKeyword):
            let dateToken = peek
            _ = try date(after: spelling)
            name = Name(text: source.text(dateToken.range), range: dateToken.range, quoted: false)
            if check(.string) {
                let text = advance()
                let clause = Clause(textKeyword, .text(Lexeme.stringValue(of: text, in: source)), text.range)
                // In an update the text says which entry of the day; `note "..."` changes it.
                if isUpdate, info.identity == .dayAndText { key.append(clause) } else { clauses.append(clause) }
            }
        }
        let syntax = info.clauses
        // The slots single-valued clauses have set so far, a bit each by the
        // slot's place among the kind's clauses: no list to grow per statement.
        var slotsGiven: UInt64 = 0
        for given in clauses {
            if let place = info.place(ofClause: given.keyword), case let slot = info.slotPlaces[place], slot >= 0, slot < 64 {
                slotsGiven |= 1 << slot
            }
        }
        // Clauses written but not read: already reported, so not also missing.
        var unread = KeywordSet()
        while !isStatementEnd {
            let start = peek
            do {
                if isUpdate, let removal = try removal(for: kind, among: syntax) {
                    clauses.append(removal)
                    continue
                }
                let (clause, place) = try self.clause(for: kind, info)
                if isUpdate, case .dayClause(clause.keyword) = info.identity {
                    key.append(clause)
                    continue
                }
                let rule = syntax[place]
                if !rule.shape.isList, case let slot = info.slotPlaces[place], slot >= 0, slot < 64 {
                    if slotsGiven & (1 << slot) != 0,
                       let earlier = clauses.first(where: { given in syntax.first { $0.keyword == given.keyword }?.slot == rule.slot }) {
                        parserDiagnostics.append(.error(
                            .clauseNotAllowed, "`\(clause.keyword.rawValue)` is given twice for \(kind.rawValue) \(Literal.string(name.text))",
                            at: clause.range, hint: "keep one of them",
                            notes: [.init("given first here", at: earlier.range)]))
                    }
                    slotsGiven |= 1 << slot
                }
                clauses.append(clause)
            } catch {
                guard recoversClauses else { throw error }
                // Without the clause that says which one it is (a capacity's
                // `from`), the entity would be another one: drop it whole.
                if case .dayClause(let identifying) = info.identity, start.kind == .keyword(identifying) { throw error }
                if case .keyword(let word) = start.kind { unread.insert(word) }
                skipClause(from: start, among: syntax)
            }
        }
        if !isUpdate {
            let missing = info.required.filter { rule in
                !unread.contains(rule.keyword) && !clauses.contains { $0.keyword == rule.keyword }
            }
            if !missing.isEmpty {
                let example = info.required.map { " " + ([$0.keyword.rawValue, $0.shape.example].filter { !$0.isEmpty }).joined(separator: " ") }.joined()
                parserDiagnostics.append(.error(
                    .syntax, "\(kind.rawValue) \(Literal.string(name.text)) needs \(missing.map { "`\($0.words)`" }.joined(separator: " and "))",
                    at: name.range, hint: "write: \(kind.rawValue) \(Literal.string(name.text))" + example))
            }
        }
        if !isUpdate { lastDeclared = kind }
        let declaration = Declaration(kind: kind, spelling: spelling, name: name, clauses: clauses, isUpdate: isUpdate, key: key)
        return Statement(.declaration(declaration), keyword.range.through(previous.range))
    }

    /// Past the rest of a clause that did not parse, up to the next word
    /// that starts a clause of the kind (on this line or a clause line
    /// below) or the end of the statement.
    private mutating func skipClause(from start: Token, among allowed: [ClauseSyntax]) {
        // A clause word that could not go on (`needs` before no second word) is skipped with the rest.
        if peek.range == start.range, !isStatementEnd { advance() }
        while !isStatementEnd {
            if case .keyword(let word) = peek.kind, allowed.contains(where: { ($0.lead ?? $0.keyword) == word }) { return }
            advance()
        }
    }

    /// Words that start a statement only before a kind (`remove goal "X"`),
    /// so that no plan loses them as names.
    static let editWords: Set<String> = ["remove", "rename"]

    /// Every word a statement other than a question starts with, in the
    /// order the language reference gives them: what an unknown word at the
    /// start of a statement is measured against.
    static let statementWords: [String] = [Keyword.vision.rawValue, Keyword.owner.rawValue]
        + EntityKind.writtenOrder.filter { !$0.syntax.derived }.flatMap { [$0.rawValue] + ($0.alias.map { [$0.declares.rawValue] } ?? []) }
        + [Keyword.update.rawValue] + editWords.sorted() + [Keyword.let, .include, .assert].map(\.rawValue)

    /// A statement that is a bare name no `let` bound, with more after it
    /// (`projekt "Write a book"`, `experiance "..."`, `plan export`): no
    /// question, since the name would be unknown, and no declaration, so the
    /// word is what is wrong, not the end of the statement. nil for any other
    /// statement, whose end `endOfStatement` reports.
    private mutating func unknownStatement(_ statement: Statement, startingWith first: Token) -> Unwind? {
        guard first.kind == .identifier, case .expression(let expression) = statement.kind,
              case .identifier(let word) = expression.kind, expression.range == first.range,
              !boundNames.contains(word) else { return nil }
        if Parser.editWords.contains(word) {
            return error(at: peek, "expected a kind after `\(word)`, found \(describe(peek))",
                         hint: word == "remove" ? "write: remove goal \"Old goal\"" : "write: rename goal \"Old\" to \"New\"")
        }
        if BuiltinFunction(rawValue: word) != nil {
            let argument = source.text(peek.range)
            return error(at: first, "unknown statement `\(word)`", code: .unknownStatement,
                         hint: "a function takes its argument in parentheses: \(word)(\(argument))")
        }
        let near = Suggestion.closest(to: word, among: Parser.statementWords)
        let hint = near.map { "did you mean `\($0)`?" }
            ?? "a statement starts with " + Parser.statementWords.dropLast().joined(separator: ", ")
                + " or " + (Parser.statementWords.last ?? "") + "; anything else is a question, an expression"
        return error(at: first, "unknown statement `\(word)`", code: .unknownStatement, hint: hint,
                     fix: near.map { .replacing(first.range, with: $0) })
    }

    static func kind(of token: Token) -> EntityKind? {
        if case .keyword(let keyword) = token.kind { return EntityKind(keyword) }
        return nil
    }

    /// `remove KIND NAME` and `rename KIND NAME to NAME`; for a kind whose
    /// entities share names, what picks one stands for NAME, and a date for
    /// the new one (`rename log 2026-11-03 to 2026-11-04`).
    private mutating func edit() throws -> Statement {
        let word = advance()
        let kindToken = advance()
        guard let kind = Parser.kind(of: kindToken) else {
            throw error(at: kindToken, "expected a kind after `\(source.text(word.range))`, found \(describe(kindToken))")
        }
        let (name, key) = try picked(kind, after: kindToken)
        if source.text(word.range) == "remove" {
            return Statement(.remove(kind, name, key: key), word.range.through(previous.range))
        }
        if kind.syntax.head == .none {
            throw error(at: kindToken, "the \(kind.rawValue) has no name to change", code: .clauseNotAllowed,
                        hint: "change its clauses instead: update \(kind.rawValue) ...")
        }
        let example = kind.syntax.identity == .name ? "\"New name\"" : "2027-01-31"
        guard check(.identifier), source.text(peek.range) == "to" else {
            throw error(at: peek, "expected `to` and the new \(kind.syntax.identity == .name ? "name" : "date"), found \(describe(peek))",
                        hint: "write: rename \(source.text(kindToken.range.through(previous.range))) to \(example)")
        }
        advance()
        let newName: Name
        if kind.syntax.identity == .name {
            newName = try self.name("the new name of the \(kind.rawValue)")
        } else {
            let dateToken = peek
            _ = try date(after: "to")
            newName = Name(text: source.text(dateToken.range), range: dateToken.range, quoted: false)
        }
        return Statement(.rename(kind, name, key: key, to: newName), word.range.through(previous.range))
    }

    /// What says which entity of `kind` a `remove` or `rename` is about:
    /// its name; a log entry's date and text; a capacity's `from`, or
    /// nothing for the one from the beginning.
    private mutating func picked(_ kind: EntityKind, after kindToken: Token) throws -> (Name, [Clause]) {
        switch kind.syntax.identity {
        case .name where kind.syntax.head == .none:
            // Said once in a plan (the review): the kind is enough.
            return (Name(text: kind.rawValue, range: kindToken.range, quoted: false), [])
        case .name:
            return (try self.name("the name of the \(kind.rawValue)"), [])
        case .dayAndText:
            let dateToken = peek
            _ = try date(after: kind.keyword ?? .update)
            let name = Name(text: source.text(dateToken.range), range: dateToken.range, quoted: false)
            guard check(.string), case .date(let textKeyword) = kind.syntax.head else { return (name, []) }
            let text = advance()
            return (name, [Clause(textKeyword, .text(Lexeme.stringValue(of: text, in: source)), text.range)])
        case .dayClause(let keyword):
            let name = Name(text: kind.rawValue, range: kindToken.range, quoted: false)
            guard match(.keyword(keyword)) else { return (name, []) }
            let start = previous.range
            let day = try date(after: keyword)
            return (name, [Clause(keyword, .date(day), start.through(previous.range))])
        }
    }

    /// `open` and `drop CLAUSE [NAMES]` in an `update`: words rather than
    /// keywords, so that they stay free as names everywhere else. nil when
    /// the next token is neither.
    private mutating func removal(for kind: EntityKind, among allowed: [ClauseSyntax]) throws -> Clause? {
        let token = peek
        guard token.kind == .identifier else { return nil }
        let list = allowed.map { "`\($0.words)`" }.joined(separator: ", ")
        switch source.text(token.range) {
        case "open":
            advance()
            // A kind has a status when it can be `done` (a log entry's `done` names what was reached).
            guard let status = allowed.first(where: { rule in
                if case .flag = rule.shape { return rule.keyword == .done } else { return false }
            }) else {
                throw error(at: token, "a \(kind.rawValue) has no status to open", code: .clauseNotAllowed,
                            hint: "a \(kind.rawValue) takes \(list)")
            }
            return Clause(status.keyword, .reopened, token.range)
        case "drop":
            advance()
            let clauseToken = peek
            // A two-word clause is dropped as it is written: `drop needs experience "x"`.
            if case .keyword(let lead) = clauseToken.kind, case .keyword(let second) = peekNext.kind,
               let rule = allowed.first(where: { $0.lead == lead && $0.keyword == second }) {
                advance()
                advance()
                let names = rule.shape.isList && startsName(peek) ? try self.names("a name to drop") : []
                return Clause(second, .dropped(names), token.range.through(previous.range))
            }
            guard case .keyword(let keyword) = clauseToken.kind, let rule = allowed.first(where: { $0.keyword == keyword }) else {
                throw error(at: clauseToken, "expected a clause of the \(kind.rawValue) after `drop`, found \(describe(clauseToken))",
                            code: .clauseNotAllowed, hint: "a \(kind.rawValue) takes \(list)")
            }
            advance()
            var names: [Name] = []
            if rule.shape.isList {
                // `drop needs skill "x"` reads as the clause is written; `skill` may go.
                if case .skillNeeds = rule.shape { _ = match(.keyword(.skill)) }
                if startsName(peek) { names = try self.names("a name to drop") }
            }
            return Clause(keyword, .dropped(names), token.range.through(previous.range))
        default:
            return nil
        }
    }

    private func startsName(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .string: return true
        case .keyword(let keyword): return Parser.nameKeywords.contains(keyword)
        default: return false
        }
    }

    /// The clause at `peek`, and its place among the kind's clauses.
    /// `syntax` is `kind.syntax`, passed by the declaration that holds it
    /// rather than fetched again: fetching it retains it, once a clause.
    private mutating func clause(for kind: EntityKind, _ syntax: KindSyntax) throws -> (Clause, Int) {
        let token = peek
        // A two-word clause (`needs experience`) is chosen by its second word.
        if case .keyword(let lead) = token.kind, syntax.leads.contains(lead),
           case .keyword(let second) = peekNext.kind, let place = syntax.place(ofClause: second, after: lead) {
            advance()
            advance()
            let value = try clauseValue(syntax.clauses[place], after: second)
            return (Clause(second, value, token.range.through(previous.range)), place)
        }
        guard case .keyword(let keyword) = token.kind, let place = syntax.place(ofClause: keyword) else {
            let allowed = syntax.clauses
            let list = allowed.map { "`\($0.words)`" }.joined(separator: ", ")
            if case .keyword(let keyword) = token.kind, KindSyntax.all.contains(where: { $0.clause(keyword) != nil }) {
                throw error(at: token, "`\(keyword.rawValue)` is not a clause of a \(kind.rawValue)",
                            code: .clauseNotAllowed, hint: "a \(kind.rawValue) takes \(list)")
            }
            let near = nearClause(token, among: allowed)
            throw error(at: token, "expected a clause of the \(kind.rawValue) or the end of the line, found \(describe(token))",
                        hint: near?.hint ?? "a \(kind.rawValue) takes \(list)", fix: near?.fix)
        }
        advance()
        let value = try clauseValue(syntax.clauses[place], after: keyword)
        return (Clause(keyword, value, token.range.through(previous.range)), place)
    }

    /// Words people write for a clause that goes by another name.
    private static let clauseSynonyms: [String: Keyword] = ["due": .by, "deadline": .by, "until": .by]

    /// "did you mean" for a word where a clause was expected: a misspelt
    /// clause (`servs`), a clause's other name (`due` for `by`), or, right
    /// after a bare name, the rest of a name with spaces left unquoted.
    private func nearClause(_ token: Token, among allowed: [ClauseSyntax]) -> (hint: String, fix: Fix)? {
        guard token.kind == .identifier else { return nil }
        let word = source.text(token.range)
        let keywords = allowed.filter { $0.lead == nil }.map(\.keyword)
        if let synonym = Parser.clauseSynonyms[word.lowercased()], keywords.contains(synonym) {
            return ("did you mean `\(synonym.rawValue)`?", .replacing(token.range, with: synonym.rawValue))
        }
        if let near = Suggestion.closest(to: word, among: keywords.map(\.rawValue)) {
            return ("did you mean `\(near)`?", .replacing(token.range, with: near))
        }
        guard previous.kind == .identifier, let declared = keywordBefore(previous) else { return nil }
        let name = Literal.string(source.text(previous.range) + " " + word)
        return ("quote a name with spaces: \(declared.rawValue) \(name)", .replacing(previous.range.through(token.range), with: name))
    }

    /// The text from `token` to the end of its line.
    private func restOfLine(from token: Token) -> String {
        let bytes = source.bytes
        let start = min(token.range.start, bytes.count)
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The declaration keyword written just before `token` on its line
    /// (`goal` before `Ship`), if there is one.
    private func keywordBefore(_ token: Token) -> Keyword? {
        let bytes = source.bytes
        var end = min(token.range.start, bytes.count)
        while end > 0, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        var start = end
        while start > 0, Lexer.isIdentifierByte(bytes[start - 1]) { start -= 1 }
        guard start < end, let keyword = Keyword(rawValue: String(decoding: bytes[start..<end], as: UTF8.self)),
              EntityKind(keyword) != nil else { return nil }
        return keyword
    }

    /// What follows a clause's keyword, as its shape says.
    private mutating func clauseValue(_ rule: ClauseSyntax, after keyword: Keyword) throws -> ClauseValue {
        let value: ClauseValue
        switch rule.shape {
        case .flag: value = .flag
        case .whole(let what, let range): value = .whole(try wholeNumber(what.description, range: range))
        case .text(let what): value = .text(try string(what.description))
        case .date: value = .date(try date(after: keyword))
        case .duration: value = .duration(try duration(after: keyword))
        case .amount(let what, let unit):
            value = .amount(try amount(what.description, after: keyword,
                                       example: "\(keyword.rawValue) " + (unit.map { "40 \($0.rawValue)" } ?? "2.5")))
            if let unit, !match(.keyword(unit)) {
                throw error(at: peek, "expected `\(unit.rawValue)` after the number, found \(describe(peek))",
                            hint: "write: \(keyword.rawValue) 40 \(unit.rawValue)")
            }
        case .skillLevel:
            let skill = try name("a skill")
            guard match(.keyword(.level)) else {
                throw error(at: peek, "expected `level` after the skill, found \(describe(peek))",
                            hint: "write: skill \(Literal.name(skill.text)) level 3")
            }
            value = .skillLevel(skill, try wholeNumber("a level", range: 0...5))
        case .name(let what, _): value = .name(try name(what.description))
        case .names(let what, _): value = .names(try names(what.description))
        case .skillNeeds:
            guard match(.keyword(.skill)) else {
                throw error(at: peek, "expected `skill` or `experience` after `needs`, found \(describe(peek))",
                            hint: "write: needs skill \"project management\" at 4")
            }
            Parser.empty(&listedNeeds)
            repeat {
                let skill = try name("a skill")
                var level: Int?
                var levelRange: SourceRange?
                if match(.keyword(.at)) {
                    level = try wholeNumber("a level", range: 0...5)
                    levelRange = previous.range
                }
                listedNeeds.append(SkillNeed(skill: skill, level: level, levelRange: levelRange))
            } while match(.comma)
            value = .needs(listedNeeds.withUnsafeBufferPointer { Array($0) })
        }
        return value
    }

    private mutating func letStatement() throws -> Statement {
        let keyword = advance()
        guard check(.identifier) else {
            throw error(at: peek, "expected a name after `let`, found \(describe(peek))", hint: "write: let soon = today + 3 months")
        }
        let nameToken = advance()
        guard match(.equal) else {
            throw error(at: peek, "expected `=` after `let \(source.text(nameToken.range))`, found \(describe(peek))")
        }
        let value = try expression()
        let name = source.text(nameToken.range)
        boundNames.insert(name)
        return Statement(.let(name: name, nameRange: nameToken.range, value: value), keyword.range.through(value.range))
    }

    private mutating func include() throws -> Statement {
        let keyword = advance()
        guard check(.string) else {
            throw error(at: peek, "expected a file name in quotes after `include`, found \(describe(peek))",
                        hint: "write: include \"skills.plan\"")
        }
        let pathToken = advance()
        return Statement(.include(path: Lexeme.stringValue(of: pathToken, in: source), pathRange: pathToken.range),
                         keyword.range.through(pathToken.range))
    }

    private mutating func assertStatement() throws -> Statement {
        let keyword = advance()
        let condition = try expression()
        var message: String?
        if check(.string) {
            message = Lexeme.stringValue(of: advance(), in: source)
        }
        return Statement(.assert(condition, message: message), keyword.range.through(previous.range))
    }

    // MARK: - Clause pieces

    /// NAME: an identifier, a string, or a word that is only a keyword in
    /// clause position (`value impact`, `serves impact`).
    private mutating func name(_ what: @autoclosure () -> String, interning: Bool = true) throws -> Name {
        let token = peek
        switch token.kind {
        case .identifier:
            advance()
            return Name(text: nameText(token.range.start, token.range.end, interning: interning), range: token.range, quoted: false)
        case .string:
            advance()
            return Name(text: quotedNameText(token, interning: interning), range: token.range, quoted: true)
        case .keyword(let keyword) where Parser.nameKeywords.contains(keyword):
            advance()
            return Name(text: keyword.rawValue, range: token.range, quoted: false)
        default:
            throw error(at: token, "expected \(what()), found \(describe(token))",
                        hint: "a name is a word like family or text in quotes like \"project management\"")
        }
    }

    /// The text of the bytes from `start` to `end`, through `interned` when `interning`.
    private mutating func nameText(_ start: Int, _ end: Int, interning: Bool = true) -> String {
        source.bytes.withUnsafeBufferPointer { bytes in
            let start = max(0, min(start, bytes.count))
            let text = UnsafeBufferPointer(rebasing: bytes[start..<max(start, min(end, bytes.count))])
            return interning ? interned.text(text) : String(decoding: text, as: UTF8.self)
        }
    }

    /// A string token's text as `Lexeme.stringValue` decodes it; through
    /// `interned` when `interning` and there is no escape to decode.
    private mutating func quotedNameText(_ token: Token, interning: Bool = true) -> String {
        let start = token.range.start
        let end = token.range.end
        let plain = source.bytes.withUnsafeBufferPointer { bytes in
            guard start >= 0, end <= bytes.count, end - start >= 2, bytes[start] == UInt8(ascii: "\""),
                  bytes[end - 1] == UInt8(ascii: "\""), let content = bytes.baseAddress?.advanced(by: start + 1) else { return false }
            return memchr(content, Int32(UInt8(ascii: "\\")), end - start - 2) == nil
        }
        return plain ? nameText(start + 1, end - 1, interning: interning) : Lexeme.stringValue(of: token, in: source)
    }

    private mutating func names(_ what: @autoclosure () -> String) throws -> [Name] {
        let first = try name(what())
        guard check(.comma) else { return [first] }
        Parser.empty(&listedNames)
        listedNames.append(first)
        while match(.comma) {
            let next = try name(what())
            listedNames.append(next)
        }
        return listedNames.withUnsafeBufferPointer { Array($0) }
    }

    /// Empties `items`, keeping its room for the next list, an item at a
    /// time: `removeAll` destroys them through the runtime's generic
    /// witness, for every list clause of a plan.
    private static func empty<Item>(_ items: inout [Item]) {
        while items.popLast() != nil {}
    }

    private mutating func string(_ what: @autoclosure () -> String) throws -> String {
        guard check(.string) else {
            throw error(at: peek, "expected \(what()) in quotes, found \(describe(peek))")
        }
        return Lexeme.stringValue(of: advance(), in: source)
    }

    private mutating func date(after keyword: Keyword) throws -> Day {
        try date(after: keyword.rawValue)
    }

    private mutating func date(after word: String) throws -> Day {
        let token = peek
        guard token.kind == .date else {
            throw error(at: token, "expected a date after `\(word)`, found \(describe(token))",
                        hint: slashedDate(at: token).map { "write the year first: \($0)" }
                            ?? "a date is 2027-06-30, 2027-06 (end of June) or 2027-Q2 (end of the quarter)")
        }
        advance()
        switch tokens.day(of: token) {
        case .success(let day): return day
        case .failure(let reason): throw error(at: token, "invalid date: \(reason)", code: .invalidDate)
        }
    }

    /// `31/12/2027` (or `12/31/2027`) as the date it means, `2027-12-31`;
    /// both readings when the day and the month cannot be told apart.
    private func slashedDate(at token: Token) -> String? {
        guard token.kind == .number else { return nil }
        let bytes = source.bytes
        let start = min(token.range.start, bytes.count)
        var end = start
        while end < bytes.count, bytes[end] == UInt8(ascii: "/") || (0x30...0x39).contains(bytes[end]) { end += 1 }
        let parts = String(decoding: bytes[start..<end], as: UTF8.self).split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, (1000...9999).contains(parts[2]) else { return nil }
        let (first, second, year) = (parts[0], parts[1], parts[2])
        let readings = [(day: first, month: second), (day: second, month: first)].compactMap { reading in
            Day(year: year, month: reading.month, day: reading.day)
        }
        let dates = Set(readings.map(\.description)).sorted()
        return dates.isEmpty ? nil : dates.joined(separator: " or ")
    }

    /// A duration longer than nothing: `every 0 days` would never come round.
    private mutating func duration(after keyword: Keyword) throws -> Duration {
        let token = peek
        guard token.kind == .duration, let duration = Lexeme.durationValue(of: token, in: source) else {
            throw error(at: token, "expected a duration after `\(keyword.rawValue)`, found \(describe(token))",
                        hint: "a duration is a number and a unit: 6 weeks, 3 months, 1 year")
        }
        advance()
        guard duration.months > 0 || duration.days > 0 else {
            throw error(at: token, "`\(keyword.rawValue)` needs a duration longer than nothing, not \(source.text(token.range))",
                        code: .invalidNumber, hint: "for example: \(keyword.rawValue) 6 weeks")
        }
        return duration
    }

    /// A number more than nothing: hours spent, hours a week. `example`
    /// is the whole clause written right, units and all.
    private mutating func amount(_ what: @autoclosure () -> String, after keyword: Keyword, example: String) throws -> Double {
        let token = peek
        guard token.kind == .number, let value = Lexeme.numberValue(of: token, in: source) else {
            throw error(at: token, "expected \(what()) (a number) after `\(keyword.rawValue)`, found \(describe(token))",
                        hint: "for example: \(example)")
        }
        advance()
        guard value > 0 else {
            throw error(at: token, "`\(keyword.rawValue)` needs a number more than 0, not \(source.text(token.range))",
                        code: .invalidNumber, hint: "for example: \(example)")
        }
        return value
    }

    private mutating func wholeNumber(_ what: @autoclosure () -> String, range allowed: ClosedRange<Int>?) throws -> Int {
        let token = peek
        guard token.kind == .number, let value = Lexeme.numberValue(of: token, in: source) else {
            throw error(at: token, "expected \(what()) (a whole number), found \(describe(token))")
        }
        advance()
        guard value == value.rounded(), abs(value) < 1e9 else {
            throw error(at: token, "\(what()) must be a whole number, not \(source.text(token.range))", code: .invalidNumber)
        }
        let number = Int(value)
        if let allowed, !allowed.contains(number) {
            parserDiagnostics.append(.error(.levelOutOfRange, "\(what()) must be between \(allowed.lowerBound) and \(allowed.upperBound), not \(number)",
                                      at: token.range, hint: "levels run from 0 (none) to 5 (expert)"))
        }
        return number
    }

    // MARK: - Expressions

    /// expression = or { queryClause }
    private mutating func expression() throws -> Expr {
        try nested(at: peek) {
            var expr = try $0.or()
            var clauses: [QueryClause] = []
            while let clause = try $0.queryClause() {
                clauses.append(clause)
                try $0.checkDepth(extra: clauses.count, at: $0.previous)
            }
            if !clauses.isEmpty {
                expr = Expr(.query(expr, clauses), expr.range.through($0.previous.range))
            }
            return expr
        }
    }

    private mutating func queryClause() throws -> QueryClause? {
        let start = peek
        let kind: QueryClause.Kind
        switch start.kind {
        case .keyword(.where):
            advance()
            kind = .where(try or())
        case .keyword(.sort):
            advance()
            try expectBy(after: "sort")
            let key = try or()
            var descending = false
            if match(.keyword(.desc)) { descending = true } else { _ = match(.keyword(.asc)) }
            kind = .sort(key, descending: descending)
        case .keyword(.group):
            advance()
            try expectBy(after: "group")
            kind = .group(try or())
        case .keyword(.limit):
            advance()
            kind = .limit(try or())
        case .keyword(.select):
            advance()
            kind = .select(try or())
        default:
            return nil
        }
        return QueryClause(kind, start.range.through(previous.range))
    }

    private mutating func expectBy(after word: String) throws {
        guard match(.keyword(.by)) else {
            throw error(at: peek, "expected `by` after `\(word)`, found \(describe(peek))", hint: "write: \(word) by due")
        }
    }

    /// or = and { "or" and }
    private mutating func or() throws -> Expr {
        var expr = try and()
        var chain = 0
        while check(.keyword(.or)) {
            let op = advance()
            chain += 1
            try checkDepth(extra: chain, at: op)
            let right = try and()
            expr = Expr(.logical(.or, expr, right, operatorRange: op.range), expr.range.through(right.range))
        }
        return expr
    }

    /// and = not { "and" not }
    private mutating func and() throws -> Expr {
        var expr = try not()
        var chain = 0
        while check(.keyword(.and)) {
            let op = advance()
            chain += 1
            try checkDepth(extra: chain, at: op)
            let right = try not()
            expr = Expr(.logical(.and, expr, right, operatorRange: op.range), expr.range.through(right.range))
        }
        return expr
    }

    /// not = "not" not | comparison
    private mutating func not() throws -> Expr {
        guard check(.keyword(.not)) else { return try comparison() }
        let op = advance()
        return try nested(at: op) {
            let operand = try $0.not()
            return Expr(.unary(.not, operand), op.range.through(operand.range))
        }
    }

    /// comparison = term { ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") term }
    private mutating func comparison() throws -> Expr {
        try binaryChain(next: { try $0.term() }) { kind in
            switch kind {
            case .equalEqual: return .equal
            case .bangEqual: return .notEqual
            case .less: return .less
            case .lessEqual: return .lessEqual
            case .greater: return .greater
            case .greaterEqual: return .greaterEqual
            case .keyword(.in): return .in
            default: return nil
            }
        }
    }

    /// term = factor { ("+" | "-") factor }
    private mutating func term() throws -> Expr {
        try binaryChain(next: { try $0.factor() }) { kind in
            switch kind {
            case .plus: return .add
            case .minus: return .subtract
            default: return nil
            }
        }
    }

    /// factor = unary { ("*" | "/") unary }
    private mutating func factor() throws -> Expr {
        try binaryChain(next: { try $0.unary() }) { kind in
            switch kind {
            case .star: return .multiply
            case .slash: return .divide
            default: return nil
            }
        }
    }

    private mutating func binaryChain(next: (inout Parser) throws -> Expr,
                                      operatorFor: (TokenKind) -> BinaryOperator?) throws -> Expr {
        var expr = try next(&self)
        var chain = 0
        while let op = operatorFor(peek.kind) {
            let opToken = advance()
            chain += 1
            try checkDepth(extra: chain, at: opToken)
            let right = try next(&self)
            expr = Expr(.binary(op, expr, right, operatorRange: opToken.range), expr.range.through(right.range))
        }
        return expr
    }

    /// unary = "-" unary | postfix
    private mutating func unary() throws -> Expr {
        guard check(.minus) else { return try postfix() }
        let op = advance()
        return try nested(at: op) {
            let operand = try $0.unary()
            return Expr(.unary(.negate, operand), op.range.through(operand.range))
        }
    }

    /// postfix = primary { "." fieldName | "[" expression "]" }
    private mutating func postfix() throws -> Expr {
        var expr = try primary()
        var chain = 0
        while true {
            if check(.dot) {
                let dot = advance()
                chain += 1
                try checkDepth(extra: chain, at: dot)
                let field = peek
                let fieldName: String
                switch field.kind {
                case .identifier: fieldName = source.text(field.range)
                case .keyword(let keyword): fieldName = keyword.rawValue
                default:
                    throw error(at: field, "expected a field name after `.`, found \(describe(field))",
                                hint: "for example: (goal \"Lead\").due")
                }
                advance()
                expr = Expr(.field(expr, name: fieldName, nameRange: field.range), expr.range.through(field.range))
            } else if check(.leftBracket) {
                let bracket = advance()
                chain += 1
                try checkDepth(extra: chain, at: bracket)
                let index = try expression()
                try expect(.rightBracket, "`]` to close the index", opening: bracket)
                expr = Expr(.index(expr, index), expr.range.through(previous.range))
            } else {
                return expr
            }
        }
    }

    /// Keywords that read as a field of the current item in a query
    /// (`goals where done`), since those fields share their clause's word.
    private static let fieldKeywords = KeywordSet(KindSyntax.all.flatMap(\.fieldKeywords))

    /// A collection (`goals`), an entity (`goal "X"`) or a field (`done`).
    private static func startsExpression(_ keyword: Keyword) -> Bool {
        EntityKind(keyword, collection: true) != nil || EntityKind(keyword) != nil || fieldKeywords.contains(keyword)
    }

    /// Keywords that may stand as a name in clause position; the rest
    /// (operators, query words, literals) would make the line ambiguous.
    private static let nameKeywords = KeywordSet(Keyword.allCases.filter { ![
        .and, .or, .not, .in, .where, .sort, .group, .limit, .select, .asc, .desc, .by,
        .true, .false, .none, .today, .at, .for,
    ].contains($0) })

    /// Whether `text` can be written without quotes where a NAME stands and
    /// read back as the same name.
    public static func canBeBareName(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "_") || isLetter(first),
              text.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || isLetter($0) || (0x30...0x39).contains($0) })
        else { return false }
        guard let keyword = Keyword(rawValue: text) else { return true }
        return nameKeywords.contains(keyword) && keyword != .nonNegotiable
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private mutating func primary() throws -> Expr {
        let token = peek
        switch token.kind {
        case .number:
            advance()
            guard let value = Lexeme.numberValue(of: token, in: source) else {
                throw error(at: token, "invalid number \(source.text(token.range))", code: .invalidNumber)
            }
            return Expr(.number(value), token.range)
        case .string:
            advance()
            return Expr(.string(Lexeme.stringValue(of: token, in: source)), token.range)
        case .date:
            advance()
            switch tokens.day(of: token) {
            case .success(let day): return Expr(.date(day), token.range)
            case .failure(let reason): throw error(at: token, "invalid date: \(reason)", code: .invalidDate)
            }
        case .duration:
            advance()
            guard let duration = Lexeme.durationValue(of: token, in: source) else {
                throw error(at: token, "invalid duration \(source.text(token.range))", code: .invalidNumber)
            }
            return Expr(.duration(duration), token.range)
        case .keyword(.true):
            advance()
            return Expr(.bool(true), token.range)
        case .keyword(.false):
            advance()
            return Expr(.bool(false), token.range)
        case .keyword(.none):
            advance()
            return Expr(.none, token.range)
        case .keyword(.today):
            advance()
            return Expr(.today, token.range)
        case .keyword(.vision):
            advance()
            return Expr(.vision, token.range)
        case .keyword(.owner):
            advance()
            return Expr(.owner, token.range)
        case .keyword(let keyword) where Parser.startsExpression(keyword):
            if let kind = EntityKind(keyword, collection: true) {
                advance()
                return Expr(.collection(kind, spelled: keyword), token.range)
            }
            if EntityKind(keyword) != nil { return try entityReference() }
            advance()
            return Expr(.identifier(keyword.rawValue), token.range)
        case .identifier:
            advance()
            let name = source.text(token.range)
            if check(.leftParen) {
                return try call(name: name, nameToken: token)
            }
            return Expr(.identifier(name), token.range)
        case .leftParen:
            advance()
            let inner = try expression()
            try expect(.rightParen, "`)` to close the parenthesis", opening: token)
            return Expr(inner.kind, token.range.through(previous.range))
        case .leftBracket:
            advance()
            var items: [Expr] = []
            while !check(.rightBracket) {
                items.append(try expression())
                if !match(.comma) { break }
            }
            try expect(.rightBracket, "`]` to close the list", opening: token)
            return Expr(.list(items), token.range.through(previous.range))
        case .invalid:
            // The lexer has reported it; say nothing more.
            throw Unwind()
        default:
            throw error(at: token, "expected an expression, found \(describe(token))")
        }
    }

    /// `goal "Lead"`; the bare word alone is the field of that name
    /// (`milestones where goal == goal "Lead"`).
    private mutating func entityReference() throws -> Expr {
        let keyword = advance()
        guard case .keyword(let word) = keyword.kind, let kind = EntityKind(word) else {
            throw error(at: keyword, "expected an entity")
        }
        if kind.syntax.head == .none { return entityWithoutName(kind, keyword, spelled: word) }
        switch peek.kind {
        case .identifier, .string:
            break
        case .keyword(let next) where Parser.nameKeywords.contains(next):
            break
        default:
            return Expr(.identifier(word.rawValue), keyword.range)
        }
        let name = try self.name("a name")
        return Expr(.entity(kind, name, spelled: word), keyword.range.through(name.range))
    }

    /// `review` in an expression: a kind said once has no name to give.
    private func entityWithoutName(_ kind: EntityKind, _ keyword: Token, spelled word: Keyword) -> Expr {
        Expr(.entity(kind, Name(text: kind.rawValue, range: keyword.range, quoted: false), spelled: word), keyword.range)
    }

    private mutating func call(name: String, nameToken: Token) throws -> Expr {
        let open = advance()
        var arguments: [Expr] = []
        while !check(.rightParen) {
            arguments.append(try expression())
            if !match(.comma) { break }
        }
        try expect(.rightParen, "`)` to close the call to \(name)", opening: open)
        return Expr(.call(name: name, nameRange: nameToken.range, arguments: arguments),
                    nameToken.range.through(previous.range))
    }

    // MARK: - Depth

    private mutating func nested(at token: Token, _ body: (inout Parser) throws -> Expr) throws -> Expr {
        depth += 1
        defer { depth -= 1 }
        try checkDepth(extra: 0, at: token)
        return try body(&self)
    }

    private mutating func checkDepth(extra: Int, at token: Token) throws {
        guard depth + extra > Parser.maxDepth else { return }
        throw error(at: token, "expression nests deeper than \(Parser.maxDepth) levels", code: .nestingTooDeep,
                    hint: "split it with let: let part = ...")
    }

    // MARK: - Tokens

    private var peek: Token { current }

    private var peekNext: Token {
        mutating get {
            if current.kind == .eof { return current }
            if let lookahead { return lookahead }
            let next = tokens.next()
            lookahead = next
            return next
        }
    }

    private var isStatementEnd: Bool {
        switch peek.kind {
        case .newline, .semicolon, .eof: return true
        default: return false
        }
    }

    private func check(_ kind: TokenKind) -> Bool { peek.kind == kind }

    /// Moves past the current token and returns it; at the end, stays on `.eof`.
    @discardableResult
    private mutating func advance() -> Token {
        let token = current
        guard token.kind != .eof else { return token }
        previous = token
        if let next = lookahead {
            current = next
            lookahead = nil
        } else {
            current = tokens.next()
        }
        return token
    }

    private mutating func match(_ kind: TokenKind) -> Bool {
        guard check(kind) else { return false }
        advance()
        return true
    }

    private mutating func expect(_ kind: TokenKind, _ what: String, opening: Token) throws {
        guard !match(kind) else { return }
        let found = peek
        throw error(at: found, "expected \(what), found \(describe(found))",
                    notes: [.init("opened here", at: opening.range)])
    }

    private mutating func endOfStatement() throws {
        guard !isStatementEnd else { return }
        throw error(at: peek, "expected the end of the statement, found \(describe(peek))",
                    hint: "put each statement on its own line, or separate them with ;")
    }

    /// Skips to just past the next statement end, where parsing can resume.
    private mutating func synchronize() {
        while !check(.eof) {
            let token = advance()
            if token.kind == .newline || token.kind == .semicolon { return }
        }
    }

    private mutating func error(at token: Token, _ message: String, code: DiagnosticCode = .syntax,
                                hint: String? = nil, notes: [Diagnostic.Note] = [], fix: Fix? = nil) -> Unwind {
        if token.kind != .invalid {
            parserDiagnostics.append(.error(code, message, at: token.range, hint: hint, notes: notes, fix: fix))
        }
        return Unwind()
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .newline where token.range.start >= source.bytes.count, .eof: return "the end of the input"
        case .newline: return "the end of the line"
        case .semicolon: return "`;`"
        case .string: return "the string \(source.text(token.range))"
        case .number: return "the number \(source.text(token.range))"
        case .date: return "the date \(source.text(token.range))"
        case .duration: return "the duration \(source.text(token.range))"
        case .identifier: return "`\(source.text(token.range))`"
        case .keyword(let keyword): return "the keyword `\(keyword.rawValue)`"
        default: return "`\(source.text(token.range))`"
        }
    }
}

extension Literal {
    /// A name bare when it reads back as the same name, else quoted.
    public static func name(_ text: String) -> String {
        Parser.canBeBareName(text) ? text : string(text)
    }
}
