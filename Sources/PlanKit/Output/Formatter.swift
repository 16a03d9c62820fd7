/// `plan fmt`: canonical source for a parsed file, comments kept.
///
/// The canonical form: one statement a line; a goal with two or more clauses
/// puts each clause on its own line, indented four spaces; clauses in the
/// order the grammar lists them; names bare where they can be; dates and
/// durations as they were written; at most one blank line between
/// statements, where the source had one. A comment stays before the
/// statement (or goal clause) it preceded, or at the end of the line it ended.
public enum Formatter {
    public static let indent = "    "
    public static let width = 80

    /// The canonical text of `source`, or nil (with the reasons) when it does
    /// not parse: a file with errors is never rewritten.
    public static func format(_ source: Source) -> (text: String?, diagnostics: [Diagnostic]) {
        let file = Parser.parse(source, id: 0)
        if file.diagnostics.contains(where: { $0.severity == .error }) {
            return (nil, file.diagnostics)
        }
        return (format(file, source: source), file.diagnostics)
    }

    public static func format(_ file: ParsedSource, source: Source) -> String {
        var writer = Writer(source: source, comments: file.comments.sorted { $0.start < $1.start })
        for statement in file.statements {
            writer.statement(statement)
        }
        writer.remainingComments()
        return writer.lines.isEmpty ? "" : writer.lines.joined(separator: "\n") + "\n"
    }

    /// One clause in canonical form: the one printer of clauses, for `fmt`
    /// (dates and durations as written, from `written`) and for writing a
    /// plan back out (`:save`).
    /// What says which entity a `remove` or `rename` is about, after the
    /// kind: its name, a log entry's date and text, a capacity's `from`.
    static func picked(_ kind: EntityKind, _ name: Name, key: [Clause], written: (SourceRange) -> String? = { _ in nil }) -> String {
        switch kind.info.identity {
        case .name:
            return kind.info.head == .none ? "" : " " + Literal.name(name.text)
        case .dayAndText:
            let text = key.lazy.compactMap { clause -> String? in if case .text(let text) = clause.value { return text } else { return nil } }.first
            return " " + name.text.uppercased() + (text.map { " " + Literal.string($0) } ?? "")
        case .dayClause:
            return key.map { given in " " + clause(given.keyword, given.value, indent: "") { written(given.range) } }.joined()
        }
    }

    static func clause(_ keyword: Keyword, _ value: ClauseValue, indent: String, syntax: ClauseSyntax? = nil,
                       written: () -> String? = { nil }) -> String {
        // A two-word clause is written with its first word (`needs experience`).
        let word = (syntax?.lead.map { $0.rawValue + " " } ?? "") + keyword.rawValue
        var unit: Keyword?
        if case .amount(_, let after)? = syntax?.shape { unit = after }
        func names(_ list: [Name]) -> String { list.map { Literal.name($0.text) }.joined(separator: ", ") }
        switch value {
        case .flag: return word
        case .whole(let number): return "\(word) \(number)"
        case .text(let text): return word + " " + Literal.string(text)
        case .date(let day): return word + " " + (written() ?? day.description)
        case .duration(let duration): return word + " " + (written()?.lowercased() ?? Literal.duration(duration))
        case .amount(let amount): return word + " " + Literal.number(amount) + (unit.map { " " + $0.rawValue } ?? "")
        case .skillLevel(let skill, let level): return word + " " + Literal.name(skill.text) + " level \(level)"
        case .name(let name): return word + " " + Literal.name(name.text)
        case .names(let list): return word + " " + names(list)
        case .needs(let needs):
            let items = needs.map { need in Literal.name(need.skill.text) + (need.level.map { " at \($0)" } ?? "") }
            return Writer.wrapped(prefix: word + " skill ", items: items, indent: indent)
        case .dropped(let list): return (["drop", word] + (list.isEmpty ? [] : [names(list)])).joined(separator: " ")
        case .reopened: return "open"
        }
    }

    private struct Writer {
        let source: Source
        let comments: [SourceRange]
        var nextComment = 0
        var lines: [String] = []
        /// Source line where the last thing written ended, for keeping blank lines.
        var lastSourceLine: Int?

        init(source: Source, comments: [SourceRange]) {
            self.source = source
            self.comments = comments
        }

        mutating func statement(_ statement: Statement) {
            while nextComment < comments.count, comments[nextComment].start < statement.range.start {
                standaloneComment(comments[nextComment], indent: "")
                nextComment += 1
            }
            var interior: [SourceRange] = []
            while nextComment < comments.count, comments[nextComment].start < statement.range.end {
                interior.append(comments[nextComment])
                nextComment += 1
            }
            separate(from: source.line(of: statement.range.start))
            let endLine = source.line(of: max(statement.range.start, statement.range.end - 1))
            lastSourceLine = endLine

            if case .declaration(let declaration) = statement.kind, declaration.kind.info.layout == .clausePerLine,
               ordered(declaration).count >= 2 || (ordered(declaration).count == 1 && !interior.isEmpty) {
                // The comment ending the goal's last line belongs to the
                // clause written there, which need not be printed last.
                if nextComment < comments.count, source.line(of: comments[nextComment].start) == endLine {
                    interior.append(comments[nextComment])
                    nextComment += 1
                }
                multiLineGoal(declaration, interior: interior)
            } else {
                for comment in interior {
                    lines.append(commentText(comment))
                }
                lines.append(singleLine(statement))
                trailingComment()
            }
        }

        mutating func remainingComments() {
            while nextComment < comments.count {
                standaloneComment(comments[nextComment], indent: "")
                nextComment += 1
            }
        }

        private mutating func separate(from line: Int) {
            if let last = lastSourceLine, line > last + 1, !lines.isEmpty {
                lines.append("")
            }
        }

        private mutating func standaloneComment(_ comment: SourceRange, indent: String) {
            separate(from: source.line(of: comment.start))
            lines.append(indent + commentText(comment))
            lastSourceLine = source.line(of: comment.start)
        }

        /// A comment on the line where the last statement ended stays there.
        private mutating func trailingComment() {
            guard nextComment < comments.count, let last = lastSourceLine,
                  source.line(of: comments[nextComment].start) == last, !lines.isEmpty else { return }
            lines[lines.count - 1] += "  " + commentText(comments[nextComment])
            nextComment += 1
        }

        private func commentText(_ comment: SourceRange) -> String {
            var text = source.text(comment)
            while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
            return text
        }

        private func singleLine(_ statement: Statement) -> String {
            switch statement.kind {
            case .vision(let text):
                return "vision " + Literal.string(text)
            case .declaration(let declaration):
                return ([header(declaration)] + ordered(declaration).map { clause($0, of: declaration.kind, indent: "") }).joined(separator: " ")
            case .let(let name, _, let value):
                return "let \(name) = " + expression(value)
            case .include(let path, _):
                return "include " + Literal.string(path)
            case .assert(let condition, let message):
                return "assert " + expression(condition) + (message.map { " " + Literal.string($0) } ?? "")
            case .updateVision(let text):
                return "update vision " + Literal.string(text)
            case .remove(let kind, let name, let key):
                return "remove \(kind.rawValue)" + Formatter.picked(kind, name, key: key) { self.writtenLiteral($0) }
            case .rename(let kind, let old, let key, let new):
                let newName = kind.info.identity == .name ? Literal.name(new.text) : new.text.uppercased()
                return "rename \(kind.rawValue)" + Formatter.picked(kind, old, key: key) { self.writtenLiteral($0) } + " to " + newName
            case .expression(let expr):
                let text = expression(expr)
                // At the start of a line these words begin a declaration.
                let first = text.prefix { $0 != " " && $0 != "(" && $0 != "." }
                let declarationWords = EntityKind.allCases.flatMap { [$0.rawValue] + ($0.alias.map { [$0.declares.rawValue] } ?? []) }
                    + ["update", "let", "include", "assert"]
                return declarationWords.contains(String(first)) ? "(" + text + ")" : text
            }
        }

        private mutating func multiLineGoal(_ declaration: Declaration, interior: [SourceRange]) {
            lines.append(header(declaration))
            let sourceOrder = declaration.clauses.sorted { $0.range.start < $1.range.start }
            // Each comment travels with the clause after it, or with the
            // clause whose line it ends.
            var before: [Int: [SourceRange]] = [:]
            var after: [Int: SourceRange] = [:]
            for comment in interior {
                let commentLine = source.line(of: comment.start)
                if let owner = sourceOrder.last(where: { $0.range.end <= comment.start }),
                   source.line(of: owner.range.end - 1) == commentLine, after[owner.range.start] == nil {
                    after[owner.range.start] = comment
                } else if let holder = sourceOrder.first(where: { $0.range.end > comment.start }) ?? sourceOrder.last {
                    // Before the clause it stands in (a wrapped list) or precedes.
                    before[holder.range.start, default: []].append(comment)
                }
            }
            for clause in ordered(declaration) {
                for comment in before[clause.range.start] ?? [] {
                    lines.append(Formatter.indent + commentText(comment))
                }
                var line = Formatter.indent + self.clause(clause, of: declaration.kind, indent: Formatter.indent)
                if let comment = after[clause.range.start] {
                    line += "  " + commentText(comment)
                }
                lines.append(line)
            }
        }

        private func header(_ declaration: Declaration) -> String {
            let start = (declaration.isUpdate ? "update " : "") + declaration.spelling.rawValue + " "
            switch declaration.kind.info.head {
            case .name:
                return start + Literal.name(declaration.name.text)
            case .none:
                return String(start.dropLast())
            case .amount(let words):
                return start + declaration.name.text + " " + words.joined(separator: " ")
            case .date(let textKeyword):
                // The date as written, then the text that needs no keyword
                // there: in an update, the text that says which entry.
                let text = (declaration.isUpdate ? declaration.key : declaration.clauses).first { $0.keyword == textKeyword }
                    .flatMap { clause -> String? in if case .text(let text) = clause.value { return text } else { return nil } }
                return start + declaration.name.text.uppercased() + (text.map { " " + Literal.string($0) } ?? "")
            }
        }

        /// Clauses in the order the kind's description lists them, without
        /// the one the declaration's word implies (`mentor` says it already).
        private func ordered(_ declaration: Declaration) -> [Clause] {
            let order = declaration.kind.info.clauses.map(\.keyword)
            let implied = declaration.spelling == declaration.kind.alias?.declares ? declaration.spelling : nil
            var inHeader: Keyword?
            if case .date(let textKeyword) = declaration.kind.info.head, !declaration.isUpdate { inHeader = textKeyword }
            // A `from` that says which capacity is written where a declaration has it.
            let key = declaration.kind.info.identity == .dayAndText ? [] : declaration.key
            return (declaration.clauses + key).enumerated().filter { $0.element.keyword != implied && $0.element.keyword != inHeader }.sorted { left, right in
                let leftRank = order.firstIndex(of: left.element.keyword) ?? 0
                let rightRank = order.firstIndex(of: right.element.keyword) ?? 0
                return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
            }.map(\.element)
        }

        private func clause(_ clause: Clause, of kind: EntityKind, indent: String) -> String {
            Formatter.clause(clause.keyword, clause.value, indent: indent, syntax: kind.info.clause(clause.keyword)) {
                self.writtenLiteral(clause.range)
            }
        }

        /// `needs skill a, b, c` on one line while it fits; past the width,
        /// later items go on lines aligned under the first.
        fileprivate static func wrapped(prefix: String, items: [String], indent: String) -> String {
            let oneLine = prefix + items.joined(separator: ", ")
            guard indent.count + oneLine.count > Formatter.width else { return oneLine }
            let continuation = "\n" + indent + String(repeating: " ", count: prefix.count)
            var text = prefix
            var column = indent.count + prefix.count
            for (position, item) in items.enumerated() {
                if position > 0 {
                    text += ","
                    column += 1
                    if column + 1 + item.count > Formatter.width {
                        text += continuation
                        column = indent.count + prefix.count
                    } else {
                        text += " "
                        column += 1
                    }
                }
                text += item
                column += item.count
            }
            return text
        }

        /// The date or duration as written after its keyword (`2027-Q2`
        /// stays a quarter, `6 weeks` stays weeks).
        private func writtenLiteral(_ clauseRange: SourceRange) -> String {
            let words = source.text(clauseRange).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            return words.dropFirst().joined(separator: " ").uppercased()
        }

        private func expression(_ expr: Expr) -> String {
            let source = self.source
            return SourceWriter.expression(expr) { literal in
                switch literal.kind {
                case .date:
                    return source.text(literal.range).trimmingParentheses().uppercased()
                case .duration:
                    return source.text(literal.range).trimmingParentheses()
                        .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                default:
                    return nil
                }
            }
        }
    }
}

private extension String {
    func trimmingParentheses() -> String {
        var text = Substring(self)
        while let first = text.first, first == "(" || first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == ")" || last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
