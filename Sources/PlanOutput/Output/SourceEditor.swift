import PlanCore
import PlanSyntax
import PlanKit

/// `:save` of a session that read files: their text edited in place, as
/// toml_edit and LibCST edit a document. Every statement keeps the exact
/// span it was read from (`Origins`); only the entities the session changed
/// are written again, each where it was declared, in canonical form with
/// its dates as they were written. Comments, blank lines, `include`, `let`,
/// questions and everything else the session did not change stay byte for
/// byte. A removed entity goes with its lines; a new one goes on the line
/// after the last entity of its kind in the main file, or at the end of the
/// main file when it declares none, with the `let`s and `assert`s added.
public enum SourceEditor {
    public struct File: Sendable, Equatable {
        public var path: String
        public var original: String
        public var text: String
        public var changed: Bool { text != original }
    }

    /// Every file read, edited, the main one (the first loaded) first; empty
    /// when the session read no file. `additions` are statements, as typed,
    /// that go at the end of the main file.
    public static func edit(_ interpreter: Interpreter, additions: [String]) -> [File] {
        var editor = Editor(interpreter)
        guard let main = editor.mainSource else { return [] }
        editor.entities()
        editor.renamedInExpressions()
        editor.vision()
        editor.owner()
        var appended: [String] = []
        for entity in editor.newEntities() where !editor.insert(entity.text, afterLastOf: entity.kind, index: entity.index, in: main) {
            appended.append(entity.text)
        }
        if editor.ownerIsNew, let owner = interpreter.plan.owner {
            appended.insert("owner " + Literal.string(owner) + "\n", at: 0)
        }
        if editor.visionIsNew, let vision = interpreter.plan.vision {
            appended.insert("vision " + Literal.string(vision) + "\n", at: 0)
        }
        appended += additions.map { $0 + "\n" }
        return editor.files(appending: appended, to: main)
    }

    private struct Edit {
        var start: Int
        var end: Int
        var text: String
    }

    private struct Editor {
        let interpreter: Interpreter
        var edits: [Int: [Edit]] = [:]
        var parsed: [Int: (statements: [Int: Statement], comments: [SourceRange])] = [:]
        /// Blocks of one-line declarations, by source, laid out again once edited.
        var realigned: [Int: [Range<Int>]] = [:]
        var rowsLookedAt: [Int: Set<Int>] = [:]
        var visionIsNew = false
        var ownerIsNew = false

        init(_ interpreter: Interpreter) { self.interpreter = interpreter }

        var plan: Plan { interpreter.plan }
        var origins: Origins { interpreter.origins }

        /// The source of the first file loaded: where new entities go.
        var mainSource: Int? {
            guard let path = interpreter.loadedFiles.first else { return nil }
            return origins.files.first { interpreter.sources[$0]?.name == path }
        }

        mutating func entities() {
            let positions = EntityKind.byOrdinal.map { plan.positions(of: $0) }
            for (key, origin) in origins.entities {
                guard let first = origin.statements.first else { continue }
                guard let index = positions[key.kind.ordinal][key.identity] else {
                    origin.statements.forEach { delete($0) }
                    continue
                }
                guard PlanWriter.clauses(plan, key.kind, index) != origin.asRead || picksAnother(key.kind, index, origin) else { continue }
                if origin.statements.count == 1, editClauses(key.kind, index, in: first) { continue }
                replace(first, with: declaration(key.kind, index, writtenIn: origin.statements))
                // The entity stays: a comment after an `update` of it stays too.
                origin.statements.dropFirst().forEach { delete($0, keepingComment: true) }
            }
        }

        private var entriesByDay: [EntityKind: [String: Int]] = [:]

        /// Whether an `update` in the files, which picks entity `index` by
        /// its day alone, would now find several entries that day (one moved
        /// there in the session): then the entity is written again whole.
        private mutating func picksAnother(_ kind: EntityKind, _ index: Int, _ origin: Origin) -> Bool {
            guard origin.statements.count > 1, kind.info.identity == .dayAndText, let day = plan.name(of: kind, at: index)?.text else { return false }
            if entriesByDay[kind] == nil {
                var counts: [String: Int] = [:]
                for other in 0..<plan.count(of: kind) {
                    if let name = plan.name(of: kind, at: other)?.text { counts[name, default: 0] += 1 }
                }
                entriesByDay[kind] = counts
            }
            return (entriesByDay[kind]?[day] ?? 0) > 1
        }

        /// An entity renamed in the session is named by its new name in
        /// the files' `let`s, asserts and questions (`(value family).goals`).
        mutating func renamedInExpressions() {
            var renamed: [EntityKind: [String: String]] = [:]
            let positions = EntityKind.byOrdinal.map { plan.positions(of: $0) }
            for (key, origin) in origins.entities where key.kind.info.identity == .name {
                guard let index = positions[key.kind.ordinal][key.identity], let name = plan.name(of: key.kind, at: index),
                      let asRead = origin.asRead.first else { continue }
                let now = Literal.name(name.text)
                if now != asRead { renamed[key.kind, default: [:]][asRead] = now }
            }
            guard !renamed.isEmpty else { return }
            for id in origins.files {
                for statement in parse(id).statements.values {
                    let expressions: [Expr]
                    switch statement.kind {
                    case .let(_, _, let value): expressions = [value]
                    case .assert(let condition, _): expressions = [condition]
                    case .expression(let expr): expressions = [expr]
                    default: expressions = []
                    }
                    for expr in expressions {
                        expr.forEachEntity { kind, name in
                            if let new = renamed[kind]?[Literal.name(name.text)] { replace(name.range, with: new) }
                        }
                    }
                }
            }
        }

        /// A changed entity declared by one statement, each clause given
        /// once, is edited clause by clause: what is the same keeps its
        /// bytes (and the comments between), a changed clause is written
        /// again where it stands, a dropped one goes, a new one follows the
        /// last. False when the statement is not such a declaration.
        private mutating func editClauses(_ kind: EntityKind, _ index: Int, in range: SourceRange) -> Bool {
            guard let source = interpreter.sources[range.source],
                  case .declaration(let declaration)? = parse(range.source).statements[range.start]?.kind,
                  !declaration.isUpdate, declaration.kind == kind,
                  Set(declaration.clauses.map(\.keyword)).count == declaration.clauses.count,
                  let name = plan.name(of: kind, at: index) else { return false }
            if source.line(of: range.start) == source.line(of: max(range.start, range.end - 1)) {
                realignBlock(around: range, of: kind, in: source)
            }
            if name.text != declaration.name.text {
                // A date or a number heads a log entry or a capacity as it is.
                replace(declaration.name.range, with: kind.info.head == .name ? Literal.name(name.text) : name.text)
            }
            // The text right after a date head has no keyword of its own.
            var headText: Keyword?
            if case .date(let keyword) = kind.info.head { headText = keyword }
            let current = kind.info.written(plan, index)
            let multiLine = source.line(of: range.start) != source.line(of: max(range.start, range.end - 1))
            // New clause lines take the file's own indentation and line ends.
            let indent = multiLine ? Editor.indentation(of: declaration.clauses, in: source) : ""
            // Where the head ends: before the first clause, blanks left out.
            var kept = range.end
            if let first = declaration.clauses.map(\.range.start).min() {
                kept = first
                while kept > range.start, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n")]
                    .contains(source.bytes[kept - 1]) { kept -= 1 }
            }
            for clause in declaration.clauses {
                guard let now = current.first(where: { $0.0 == clause.keyword }) else {
                    deleteClause(clause.range)
                    continue
                }
                kept = max(kept, clause.range.end)
                let was = Formatter.clause(clause.keyword, clause.value, of: kind, indent: indent)
                guard Formatter.clause(now.0, now.1, of: kind, indent: indent) != was else { continue }
                if clause.keyword == headText, clause.range.start == declaration.clauses.first?.range.start,
                   source.bytes.indices.contains(clause.range.start), source.bytes[clause.range.start] == UInt8(ascii: "\""),
                   case .text(let text) = now.1 {
                    replace(clause.range, with: Literal.string(text))
                } else {
                    replace(clause.range, with: written(now.0, now.1, of: kind, indent: indent))
                }
            }
            let added = current.filter { keyword, _ in !declaration.clauses.contains { $0.keyword == keyword } }
            guard !added.isEmpty else { return true }
            // New clauses follow the last clause that stays (the words after
            // an amount head when none does), never one that goes with its line.
            var end = kept
            var separator = " "
            if multiLine {
                // After the comment that ends that clause's line, which stays with it.
                let bytes = source.bytes
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\r") { end += 1 }
                let crlf = end < bytes.count && bytes[end] == UInt8(ascii: "\r")
                separator = (crlf ? "\r\n" : "\n") + indent
            }
            let text = added.map { separator + written($0.0, $0.1, of: kind, indent: indent) }.joined()
            edits[range.source, default: []].append(Edit(start: end, end: end, text: text))
            return true
        }

        /// The lines `plan fmt` lines up in columns with the one-line
        /// declaration at `range` (see docs/language.md), when fmt would leave
        /// them as they are: once edited, they are laid out again as fmt does.
        /// A block laid out by hand stays as it was.
        private mutating func realignBlock(around range: SourceRange, of kind: EntityKind, in source: Source) {
            // Each line is looked at once, so a block of many renamed rows stays linear.
            guard rowsLookedAt[range.source, default: []].insert(source.line(of: range.start)).inserted else { return }
            let statements = parse(range.source).statements
            let bytes = source.bytes
            func isRow(_ line: Int) -> Bool {
                let lineStart = source.start(ofLine: line)
                guard line >= source.firstLine, lineStart < bytes.count || line == source.firstLine else { return false }
                var start = lineStart
                while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
                guard let statement = statements[start], case .declaration(let declaration) = statement.kind,
                      !declaration.isUpdate, declaration.kind == kind,
                      source.line(of: max(start, statement.range.end - 1)) == line else { return false }
                var end = statement.range.end
                while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") { end += 1 }
                return end == bytes.count || bytes[end] == UInt8(ascii: "\n") || bytes[end] == UInt8(ascii: "#")
            }
            let line = source.line(of: range.start)
            var first = line
            var last = line
            while first > source.firstLine, isRow(first - 1) {
                first -= 1
                rowsLookedAt[range.source, default: []].insert(first)
            }
            while source.line(of: source.start(ofLine: last + 1)) == last + 1, isRow(last + 1) {
                last += 1
                rowsLookedAt[range.source, default: []].insert(last)
            }
            guard last > first else { return }
            let start = source.start(ofLine: first)
            let end = source.line(of: source.start(ofLine: last + 1)) == last + 1 ? source.start(ofLine: last + 1) : bytes.count
            let block = String(decoding: bytes[start..<end], as: UTF8.self)
            guard block.hasSuffix("\n"), !block.contains("\r"),
                  Formatter.format(Source(name: source.name, text: block)).text == block else { return }
            realigned[range.source, default: []].append(start..<end)
        }

        /// The blanks that start the first clause line, or the canonical indent.
        static func indentation(of clauses: [Clause], in source: Source) -> String {
            let bytes = source.bytes
            for clause in clauses.sorted(by: { $0.range.start < $1.range.start }) {
                var start = clause.range.start
                while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
                guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n"), start < clause.range.start else { continue }
                return String(decoding: bytes[start..<clause.range.start], as: UTF8.self)
            }
            return Formatter.indent
        }

        /// A clause in canonical form, with a date or duration as the session
        /// or the files wrote it when they wrote that value.
        private mutating func written(_ keyword: Keyword, _ value: ClauseValue, of kind: EntityKind, indent: String) -> String {
            let canonical = Formatter.clause(keyword, value, of: kind, indent: "")
            let form = sessionForms().last { $0.keyword == keyword && $0.canonical == canonical }?.written
            return Formatter.clause(keyword, value, of: kind, indent: indent) { form }
        }

        private var knownForms: [(keyword: Keyword, canonical: String, written: String)]?

        /// Every date and duration written in a clause anywhere in the
        /// session, with its canonical form: `by 2027-Q4` typed stays a quarter.
        private mutating func sessionForms() -> [(keyword: Keyword, canonical: String, written: String)] {
            if let knownForms { return knownForms }
            var forms: [(keyword: Keyword, canonical: String, written: String)] = []
            for id in interpreter.sources.sources.indices {
                guard let source = interpreter.sources[id] else { continue }
                for statement in parse(id).statements.values.sorted(by: { $0.range.start < $1.range.start }) {
                    switch statement.kind {
                    case .declaration(let declaration):
                        forms += Editor.forms(of: declaration, in: source)
                    case .rename(let kind, _, _, let new):
                        // `rename capacity from 2027-01-01 to 2027-Q1` writes the new `from`.
                        guard case .dayClause(let keyword) = kind.info.identity, case .success(let day) = Day.parse(new.text) else { continue }
                        forms.append((keyword, Formatter.clause(keyword, .date(day), of: kind, indent: ""), source.text(new.range)))
                    default:
                        continue
                    }
                }
            }
            knownForms = forms
            return forms
        }

        static func forms(of declaration: Declaration, in source: Source) -> [(keyword: Keyword, canonical: String, written: String)] {
            declaration.clauses.compactMap { clause in
                switch clause.value {
                case .date, .duration:
                    let words = source.text(clause.range).split(whereSeparator: { " \t\r\n".contains($0) })
                    return (clause.keyword, Formatter.clause(clause.keyword, clause.value, of: declaration.kind, indent: ""),
                            words.dropFirst().joined(separator: " "))
                default:
                    return nil
                }
            }
        }

        mutating func vision() {
            guard let first = origins.vision.first else {
                guard let vision = plan.vision else { return }
                // A vision typed before a file with one of its own was loaded
                // (refused, E020): that file's line says it, so it is said once.
                for id in origins.files {
                    let refused = parse(id).statements.values.filter { statement in
                        if case .vision = statement.kind { return true } else { return false }
                    }.min { $0.range.start < $1.range.start }
                    if let refused {
                        replace(refused.range, with: "vision " + Literal.string(vision))
                        return
                    }
                }
                visionIsNew = true
                return
            }
            guard let vision = plan.vision, vision != origins.visionAsRead else { return }
            replace(first, with: "vision " + Literal.string(vision))
            origins.vision.dropFirst().forEach { delete($0) }
        }

        mutating func owner() {
            guard let first = origins.owner.first else {
                ownerIsNew = plan.owner != nil
                return
            }
            guard let owner = plan.owner, owner != origins.ownerAsRead else { return }
            replace(first, with: "owner " + Literal.string(owner))
            origins.owner.dropFirst().forEach { delete($0) }
        }

        /// The entities no file declared, in canonical form, kind by kind.
        mutating func newEntities() -> [(kind: EntityKind, index: Int, text: String)] {
            var blocks: [(kind: EntityKind, index: Int, text: String)] = []
            for kind in EntityKind.writtenOrder {
                for index in 0..<plan.count(of: kind) {
                    guard let identity = plan.identity(of: kind, at: index),
                          origins.entities[EntityKey(kind: kind, identity: identity)] == nil else { continue }
                    if kind.info.unique, let name = plan.name(of: kind, at: index)?.text, let refused = refusedDeclaration(kind, name) {
                        // A file loaded after the entity was typed declares it
                        // too, refused as a repeat: that line now says what the
                        // session holds, so the name is declared once.
                        replace(refused, with: declaration(kind, index, writtenIn: [refused]))
                        continue
                    }
                    guard let line = PlanWriter.line(plan, kind, index, written: { keyword, value in
                              let canonical = Formatter.clause(keyword, value, of: kind, indent: "")
                              return sessionForms().last { $0.keyword == keyword && $0.canonical == canonical }?.written
                          }) else { continue }
                    blocks.append((kind, index, PlanWriter.laidOut(line)))
                }
            }
            return blocks
        }

        /// Per kind, the declarations of the files that stay, with their
        /// entities' indexes, in plan order.
        private var declarations: [EntityKind: [(range: SourceRange, index: Int)]]?

        /// `text`, new entity `index` of `kind`, next to the declarations of
        /// that kind in the main file, so that entries stay together and the
        /// file's questions stay last: before the first declaration that
        /// comes after it in the plan (an entity typed before the file was
        /// loaded), else on the line after the last one. Read back, the plan
        /// keeps its order. False when that declaration is in another file or
        /// there is none: then the text goes at the end.
        mutating func insert(_ text: String, afterLastOf kind: EntityKind, index: Int, in main: Int) -> Bool {
            if declarations == nil {
                let positions = EntityKind.byOrdinal.map { plan.positions(of: $0) }
                var found: [EntityKind: [(range: SourceRange, index: Int)]] = [:]
                for (key, origin) in origins.entities {
                    guard let at = positions[key.kind.ordinal][key.identity], let first = origin.statements.first else { continue }
                    found[key.kind, default: []].append((first, at))
                }
                declarations = found.mapValues { $0.sorted { $0.index < $1.index } }
            }
            guard let known = declarations?[kind], let source = interpreter.sources[main] else { return false }
            let bytes = source.bytes
            if let next = known.first(where: { $0.index > index }) {
                guard next.range.source == main else { return false }
                var start = next.range.start
                while start > 0, bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                let crlf = Editor.endsInCR(bytes, lineFrom: start)
                edits[main, default: []].append(Edit(start: start, end: start, text: Editor.lines(text, crlf: crlf)))
                return true
            }
            guard let last = known.last, last.range.source == main else { return false }
            let anchor = last.range
            var end = anchor.end
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let crlf = end > anchor.end && bytes[end - 1] == UInt8(ascii: "\r")
            var inserted = Editor.lines(text, crlf: crlf)
            if end < bytes.count {
                end += 1
            } else {
                inserted = (crlf ? "\r\n" : "\n") + inserted
            }
            edits[main, default: []].append(Edit(start: end, end: end, text: inserted))
            return true
        }

        /// `text` with the file's line ends.
        static func lines(_ text: String, crlf: Bool) -> String {
            crlf ? text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") : text
        }

        /// Whether the line that starts at `start` ends in CR LF.
        static func endsInCR(_ bytes: [UInt8], lineFrom start: Int) -> Bool {
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            return end < bytes.count && end > start && bytes[end - 1] == UInt8(ascii: "\r")
        }

        private var refused: [EntityKind: [String: SourceRange]]?

        /// The first declaration in the files of `name` of `kind` that no
        /// entity came from: one the plan refused, its name being taken.
        private mutating func refusedDeclaration(_ kind: EntityKind, _ name: String) -> SourceRange? {
            if refused == nil {
                var origin = Set<SourceRange>()
                for entity in origins.entities.values { origin.formUnion(entity.statements) }
                var found: [EntityKind: [String: SourceRange]] = [:]
                for id in origins.files {
                    for statement in parse(id).statements.values.sorted(by: { $0.range.start < $1.range.start }) {
                        guard case .declaration(let declaration) = statement.kind, !declaration.isUpdate,
                              !origin.contains(statement.range),
                              found[declaration.kind]?[declaration.name.text] == nil else { continue }
                        found[declaration.kind, default: [:]][declaration.name.text] = statement.range
                    }
                }
                refused = found
            }
            return refused?[kind]?[name]
        }

        /// The entity in canonical form, keeping each date and duration as
        /// the statements that set it wrote it, when the value is the same;
        /// the comments inside its old span go before it.
        private mutating func declaration(_ kind: EntityKind, _ index: Int, writtenIn ranges: [SourceRange]) -> String {
            var forms: [(keyword: Keyword, canonical: String, written: String)] = []
            var comments: [String] = []
            for range in ranges {
                guard let source = interpreter.sources[range.source] else { continue }
                let file = parse(range.source)
                for comment in file.comments where comment.start >= range.start && comment.end <= range.end {
                    comments.append(source.text(comment))
                }
                guard case .declaration(let declaration)? = file.statements[range.start]?.kind else { continue }
                forms += Editor.forms(of: declaration, in: source)
            }
            forms = sessionForms() + forms
            let line = PlanWriter.line(plan, kind, index) { keyword, value in
                let canonical = Formatter.clause(keyword, value, of: kind, indent: "")
                return forms.last { $0.keyword == keyword && $0.canonical == canonical }?.written
            } ?? ""
            var text = PlanWriter.laidOut(line)
            if text.hasSuffix("\n") { text.removeLast() }
            return (comments + [text]).joined(separator: "\n")
        }

        private mutating func parse(_ id: Int) -> (statements: [Int: Statement], comments: [SourceRange]) {
            if let known = parsed[id] { return known }
            guard let source = interpreter.sources[id] else { return ([:], []) }
            let file = Parser.parse(source, id: id)
            var statements: [Int: Statement] = [:]
            for statement in file.statements { statements[statement.range.start] = statement }
            parsed[id] = (statements, file.comments)
            return (statements, file.comments)
        }

        private mutating func replace(_ range: SourceRange, with text: String) {
            edits[range.source, default: []].append(Edit(start: range.start, end: range.end, text: text))
        }

        /// A clause and the blanks before it; its line too when nothing
        /// else stands there. A comment after it stays, on a line of its own.
        private mutating func deleteClause(_ range: SourceRange) {
            guard let source = interpreter.sources[range.source] else { return }
            let bytes = source.bytes
            func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            var start = range.start
            while start > 0, isBlank(bytes[start - 1]) { start -= 1 }
            let ownsLineStart = start == 0 || bytes[start - 1] == UInt8(ascii: "\n")
            var end = range.end
            while end < bytes.count, isBlank(bytes[end]) || bytes[end] == UInt8(ascii: "\r") { end += 1 }
            if ownsLineStart, end == bytes.count || bytes[end] == UInt8(ascii: "\n") {
                edits[range.source, default: []].append(Edit(start: start, end: min(end + 1, bytes.count), text: ""))
            } else if ownsLineStart, end < bytes.count, bytes[end] == UInt8(ascii: "#") {
                edits[range.source, default: []].append(Edit(start: range.start, end: end, text: ""))
            } else {
                edits[range.source, default: []].append(Edit(start: start, end: range.end, text: ""))
            }
        }

        /// The statement and, when nothing else stands on them, its lines:
        /// the blanks before it and the rest of its last line, a comment
        /// there included.
        private mutating func delete(_ range: SourceRange, keepingComment: Bool = false) {
            guard let source = interpreter.sources[range.source] else { return }
            let bytes = source.bytes
            func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
            // A byte order mark is no part of the first line: it stays.
            let firstLine = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            var start = range.start
            while start > firstLine, isBlank(bytes[start - 1]) { start -= 1 }
            let ownsLineStart = start == firstLine || bytes[start - 1] == UInt8(ascii: "\n")
            var end = range.end
            while end < bytes.count, isBlank(bytes[end]) || bytes[end] == UInt8(ascii: "\r") { end += 1 }
            var separated = false
            if end < bytes.count, bytes[end] == UInt8(ascii: ";") {
                // The `;` after it goes with it, and the blanks up to the next statement.
                end += 1
                while end < bytes.count, isBlank(bytes[end]) { end += 1 }
                separated = true
            } else if end < bytes.count, bytes[end] == UInt8(ascii: "#") {
                if keepingComment {
                    edits[range.source, default: []].append(Edit(start: ownsLineStart ? range.start : start, end: end, text: ""))
                    return
                }
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            }
            let ownsLineEnd = end == bytes.count || bytes[end] == UInt8(ascii: "\n")
            if ownsLineStart, ownsLineEnd {
                edits[range.source, default: []].append(Edit(start: start, end: min(end + 1, bytes.count), text: ""))
            } else if separated {
                // The blanks before it stay, between what comes before and after.
                edits[range.source, default: []].append(Edit(start: range.start, end: end, text: ""))
            } else if start > firstLine, bytes[start - 1] == UInt8(ascii: ";") {
                // The last of a line of statements takes the `;` before it.
                var before = start - 1
                while before > firstLine, isBlank(bytes[before - 1]) { before -= 1 }
                edits[range.source, default: []].append(Edit(start: before, end: range.end, text: ""))
            } else {
                // The blanks before it go too, so that no gap is left.
                edits[range.source, default: []].append(Edit(start: start, end: range.end, text: ""))
            }
        }

        /// Each block of `blocks` (ranges of the file as read) laid out by
        /// fmt where `edits` (in order) left it in `bytes`. A new line
        /// inserted at a block's start or end is no part of it. One pass over
        /// the blocks and the edits, so linear in the file.
        static func realign(_ blocks: [Range<Int>], in bytes: [UInt8], edits: [Edit]) -> [UInt8] {
            guard !blocks.isEmpty else { return bytes }
            func growth(_ edit: Edit) -> Int { edit.text.utf8.count - (edit.end - edit.start) }
            let byEnd = edits.sorted { $0.end < $1.end }
            var endedBefore = 0
            var grownBefore = 0
            var startedBefore = 0
            var grownWithin = 0
            var result: [UInt8] = []
            var copied = 0
            for block in blocks.sorted(by: { $0.lowerBound < $1.lowerBound }) {
                while endedBefore < byEnd.count, byEnd[endedBefore].end <= block.lowerBound {
                    grownBefore += growth(byEnd[endedBefore])
                    endedBefore += 1
                }
                while startedBefore < edits.count, edits[startedBefore].start < block.upperBound {
                    grownWithin += growth(edits[startedBefore])
                    startedBefore += 1
                }
                let start = block.lowerBound + grownBefore
                let end = block.upperBound + grownWithin
                guard start >= copied, start <= end, end <= bytes.count,
                      start == 0 || bytes[start - 1] == UInt8(ascii: "\n"),
                      let laid = Formatter.format(Source(name: "plan", text: String(decoding: bytes[start..<end], as: UTF8.self))).text
                else { continue }
                result += bytes[copied..<start]
                result += Array(laid.utf8)
                copied = end
            }
            result += bytes[copied...]
            return result
        }

        func files(appending blocks: [String], to main: Int) -> [File] {
            var seen = Set<String>()
            var files: [File] = []
            let order = [main] + origins.files.filter { $0 != main }
            for id in order {
                guard let source = interpreter.sources[id], seen.insert(source.name).inserted else { continue }
                var bytes: [UInt8] = []
                var offset = 0
                // An insertion goes before a deletion that starts where it does.
                let ordered = (edits[id] ?? []).enumerated().sorted { left, right in
                    (left.element.start, left.element.end, left.offset) < (right.element.start, right.element.end, right.offset)
                }.map(\.element)
                for edit in ordered {
                    // Two statements on one line may both take the `;` between
                    // them: an edit that starts where another already took the
                    // text does the rest of its work from there.
                    let start = min(max(edit.start, offset), source.bytes.count)
                    bytes += source.bytes[offset..<start]
                    bytes += Array(edit.text.utf8)
                    offset = max(start, min(edit.end, source.bytes.count))
                }
                bytes += source.bytes[offset...]
                bytes = Editor.realign(realigned[id] ?? [], in: bytes, edits: ordered)
                var text = String(decoding: bytes, as: UTF8.self)
                if id == main, !blocks.isEmpty {
                    if !text.isEmpty, !text.hasSuffix("\n") { text += "\n" }
                    if !text.isEmpty { text += "\n" }
                    text += blocks.joined()
                }
                files.append(File(path: source.name, original: source.text(SourceRange(source: id, start: 0, end: source.bytes.count)),
                                  text: text))
            }
            return files
        }
    }
}
