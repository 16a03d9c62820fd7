import PlanCore
import PlanSyntax

/// `plan fmt`: canonical source for a parsed file, comments kept.
///
/// The canonical form: one statement a line; a goal with two or more clauses
/// puts each clause on its own line, indented four spaces; clauses in the
/// order the grammar lists them; names bare where they can be; dates and
/// durations as they were written; at most one blank line between
/// statements, where the source had one. Consecutive one-line declarations
/// of one kind are a block whose clauses line up in columns (as gofmt lines
/// up struct fields). A comment stays before the statement (or goal clause)
/// it preceded, or at the end of the line it ended, after what it followed.
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
        for (position, statement) in file.statements.enumerated() {
            let next = file.statements.indices.contains(position + 1) ? file.statements[position + 1].range.start : nil
            writer.statement(statement, nextStart: next)
        }
        writer.remainingComments()
        let lines = writer.text()
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// A block of rows as lines: each clause keyword starts in one column on
    /// every row that has it, the column the row furthest right there needs.
    /// A row without a clause leaves its column empty, so the clauses after
    /// it keep theirs; a keyword given twice on a row follows its first.
    /// Columns are display columns (a CJK character takes two). One pass
    /// over the block per clause the kind has, a handful, so linear time.
    private static func aligned(_ rows: [Row]) -> [String] {
        var texts = rows.map(\.head)
        var widths = texts.map(DisplayWidth.of)
        var placed = Array(repeating: 0, count: rows.count)
        var slots = Set<Int>()
        for row in rows { slots.formUnion(row.clauses.map(\.slot)) }
        for slot in slots.sorted() {
            let having = rows.indices.filter { placed[$0] < rows[$0].clauses.count && rows[$0].clauses[placed[$0]].slot == slot }
            let column = having.map { widths[$0] + 1 }.max() ?? 0
            for index in having {
                let clauses = rows[index].clauses
                texts[index] += String(repeating: " ", count: column - widths[index])
                widths[index] = column
                var first = true
                while placed[index] < clauses.count, clauses[placed[index]].slot == slot {
                    let text = clauses[placed[index]].text
                    texts[index] += (first ? "" : " ") + text
                    widths[index] += (first ? 0 : 1) + DisplayWidth.of(text)
                    first = false
                    placed[index] += 1
                }
            }
        }
        return rows.indices.map { index in texts[index] + (rows[index].comment.map { "  " + $0 } ?? "") }
    }

    /// One clause of `kind` in canonical form: the one printer of clauses,
    /// for `fmt` (dates and durations as written, from `written`), for
    /// writing a plan back out (`:save`) and for the report. Its words come
    /// from the kind's description (`needs experience`, `effort N hours`).
    package static func clause(_ keyword: Keyword, _ value: ClauseValue, of kind: EntityKind, indent: String,
                       written: () -> String? = { nil }) -> String {
        let syntax = kind.info.clause(keyword)
        let word = syntax?.words ?? keyword.rawValue
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
        // `drop` names the clause by its keyword alone, as the parser reads it.
        case .dropped(let list): return (["drop", keyword.rawValue] + (list.isEmpty ? [] : [names(list)])).joined(separator: " ")
        case .reopened: return "open"
        }
    }

    /// A line of output. A one-line declaration stays in pieces until the
    /// whole file is written, since its columns depend on the lines after it.
    private enum Line {
        case text(String)
        case row(Row)
    }

    /// A one-line declaration: its head (`value family`), then its clauses,
    /// each with its place in the kind's canonical order.
    private struct Row {
        /// Rows line up only with rows of the same kind, updates with updates.
        let kind: EntityKind
        let isUpdate: Bool
        let head: String
        let clauses: [(slot: Int, text: String)]
        var comment: String?

        func linesUp(with other: Row) -> Bool { kind == other.kind && isUpdate == other.isUpdate }
    }

    private struct Writer {
        let source: Source
        let comments: [SourceRange]
        var nextComment = 0
        var lines: [Line] = []
        /// Source line where the last thing written ended, for keeping blank lines.
        var lastSourceLine: Int?

        init(source: Source, comments: [SourceRange]) {
            self.source = source
            self.comments = comments
        }

        /// `nextStart`: where the next statement begins, so that a comment
        /// after a later statement on the same line stays with that one.
        mutating func statement(_ statement: Statement, nextStart: Int?) {
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
                if nextComment < comments.count, source.line(of: comments[nextComment].start) == endLine,
                   comments[nextComment].start < nextStart ?? Int.max {
                    interior.append(comments[nextComment])
                    nextComment += 1
                }
                multiLineGoal(declaration, interior: interior)
            } else {
                for comment in interior {
                    lines.append(.text(commentText(comment)))
                }
                lines.append(singleLine(statement))
                trailingComment(before: nextStart)
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
                lines.append(.text(""))
            }
        }

        private mutating func standaloneComment(_ comment: SourceRange, indent: String) {
            separate(from: source.line(of: comment.start))
            lines.append(.text(indent + commentText(comment)))
            lastSourceLine = source.line(of: comment.start)
        }

        /// A comment on the line where the last statement ended stays there,
        /// unless another statement on that line comes before it.
        private mutating func trailingComment(before nextStart: Int?) {
            guard nextComment < comments.count, let last = lastSourceLine, let line = lines.indices.last,
                  source.line(of: comments[nextComment].start) == last,
                  comments[nextComment].start < nextStart ?? Int.max else { return }
            let comment = commentText(comments[nextComment])
            nextComment += 1
            switch lines[line] {
            case .text(let text): lines[line] = .text(text + "  " + comment)
            case .row(var row):
                row.comment = comment
                lines[line] = .row(row)
            }
        }

        /// The lines of the file, each block of rows lined up.
        func text() -> [String] {
            var text: [String] = []
            text.reserveCapacity(lines.count)
            var block: [Row] = []
            for line in lines {
                switch line {
                case .row(let row) where block.last.map(row.linesUp) ?? true:
                    block.append(row)
                case .row(let row):
                    text += Formatter.aligned(block)
                    block = [row]
                case .text(let line):
                    text += Formatter.aligned(block)
                    block = []
                    text.append(line)
                }
            }
            return text + Formatter.aligned(block)
        }

        private func commentText(_ comment: SourceRange) -> String {
            var text = source.text(comment)
            while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
            return text
        }

        private func singleLine(_ statement: Statement) -> Line {
            switch statement.kind {
            case .vision(let text):
                return .text("vision " + Literal.string(text))
            case .owner(let name):
                return .text("owner " + Literal.string(name))
            case .declaration(let declaration):
                let clauses = ordered(declaration).map { clause in
                    (slot: slot(of: clause.keyword, in: declaration.kind), text: self.clause(clause, of: declaration.kind, indent: ""))
                }
                let head = header(declaration)
                // A wrapped `needs` list has no one column to line up with.
                if clauses.contains(where: { $0.text.contains("\n") }) {
                    return .text(([head] + clauses.map(\.text)).joined(separator: " "))
                }
                return .row(Row(kind: declaration.kind, isUpdate: declaration.isUpdate, head: head, clauses: clauses))
            case .let(let name, _, let value):
                return .text("let \(name) = " + expression(value))
            case .include(let path, _):
                return .text("include " + Literal.string(path))
            case .assert(let condition, let message):
                return .text("assert " + expression(condition) + (message.map { " " + Literal.string($0) } ?? ""))
            case .updateVision(let text):
                return .text("update vision " + Literal.string(text))
            case .updateOwner(let name):
                return .text("update owner " + Literal.string(name))
            case .remove(let kind, let name, let key):
                return .text("remove \(kind.rawValue)" + kind.info.picking(name, key: key) { self.writtenLiteral($0.range) })
            case .rename(let kind, let old, let key, let new):
                let newName = kind.info.identity == .name ? Literal.name(new.text) : new.text.uppercased()
                return .text("rename \(kind.rawValue)" + kind.info.picking(old, key: key) { self.writtenLiteral($0.range) } + " to " + newName)
            case .expression(let expr):
                let text = expression(expr)
                // At the start of a line these words begin a declaration.
                let first = text.prefix { $0 != " " && $0 != "(" && $0 != "." }
                let declarationWords = EntityKind.allCases.flatMap { [$0.rawValue] + ($0.alias.map { [$0.declares.rawValue] } ?? []) }
                    + ["update", "let", "include", "assert"]
                return .text(declarationWords.contains(String(first)) ? "(" + text + ")" : text)
            }
        }

        private mutating func multiLineGoal(_ declaration: Declaration, interior: [SourceRange]) {
            let sourceOrder = declaration.clauses.sorted { $0.range.start < $1.range.start }
            let nameLine = source.line(of: max(declaration.name.range.start, declaration.name.range.end - 1))
            // Each comment travels with the clause after it, or with the
            // clause whose line it ends; one ending the name's line, with no
            // clause before it there, stays after the name.
            var before: [Int: [SourceRange]] = [:]
            var after: [Int: SourceRange] = [:]
            var afterName: SourceRange?
            for comment in interior {
                let commentLine = source.line(of: comment.start)
                let owner = sourceOrder.last { $0.range.end <= comment.start }
                if let owner, source.line(of: owner.range.end - 1) == commentLine, after[owner.range.start] == nil {
                    after[owner.range.start] = comment
                } else if commentLine == nameLine {
                    afterName = comment
                } else if let holder = sourceOrder.first(where: { $0.range.end > comment.start }) ?? sourceOrder.last {
                    // Before the clause it stands in (a wrapped list) or precedes.
                    before[holder.range.start, default: []].append(comment)
                }
            }
            lines.append(.text(header(declaration) + (afterName.map { "  " + commentText($0) } ?? "")))
            for clause in ordered(declaration) {
                for comment in before[clause.range.start] ?? [] {
                    lines.append(.text(Formatter.indent + commentText(comment)))
                }
                var line = Formatter.indent + self.clause(clause, of: declaration.kind, indent: Formatter.indent)
                if let comment = after[clause.range.start] {
                    line += "  " + commentText(comment)
                }
                lines.append(.text(line))
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
            let kind = declaration.kind
            let implied = declaration.spelling == kind.alias?.declares ? declaration.spelling : nil
            var inHeader: Keyword?
            if case .date(let textKeyword) = kind.info.head, !declaration.isUpdate { inHeader = textKeyword }
            // A `from` that says which capacity is written where a declaration has it.
            let key = kind.info.identity == .dayAndText ? [] : declaration.key
            return (declaration.clauses + key).enumerated().filter { $0.element.keyword != implied && $0.element.keyword != inHeader }.sorted { left, right in
                let leftRank = slot(of: left.element.keyword, in: kind)
                let rightRank = slot(of: right.element.keyword, in: kind)
                return leftRank != rightRank ? leftRank < rightRank : left.offset < right.offset
            }.map(\.element)
        }

        /// A clause's place in its kind's canonical order: its column in a block.
        private func slot(of keyword: Keyword, in kind: EntityKind) -> Int {
            kind.info.clauses.firstIndex { $0.keyword == keyword } ?? 0
        }

        private func clause(_ clause: Clause, of kind: EntityKind, indent: String) -> String {
            Formatter.clause(clause.keyword, clause.value, of: kind, indent: indent) {
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
