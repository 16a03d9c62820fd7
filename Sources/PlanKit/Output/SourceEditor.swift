/// `:save` of a session that read files: their text edited in place, as
/// toml_edit and LibCST edit a document. Every statement keeps the exact
/// span it was read from (`Origins`); only the entities the session changed
/// are written again, each where it was declared, in canonical form with
/// its dates as they were written. Comments, blank lines, `include`, `let`,
/// questions and everything else the session did not change stay byte for
/// byte. A removed entity goes with its lines; a new one goes at the end of
/// the main file, with the `let`s and `assert`s the session added.
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
        editor.vision()
        var appended = editor.newEntities()
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
        var visionIsNew = false

        init(_ interpreter: Interpreter) { self.interpreter = interpreter }

        var plan: Plan { interpreter.plan }
        var origins: Origins { interpreter.origins }

        /// The source of the first file loaded: where new entities go.
        var mainSource: Int? {
            guard let path = interpreter.loadedFiles.first else { return nil }
            return origins.files.first { interpreter.sources[$0]?.name == path }
        }

        mutating func entities() {
            let positions = EntityKind.allCases.map { plan.positions(of: $0) }
            for (key, origin) in origins.entities {
                guard let first = origin.statements.first else { continue }
                guard let index = positions[key.kind.ordinal][key.identity] else {
                    origin.statements.forEach { delete($0) }
                    continue
                }
                guard let now = PlanWriter.line(plan, key.kind, index), now != origin.asRead else { continue }
                replace(first, with: declaration(key.kind, index, writtenIn: origin.statements))
                origin.statements.dropFirst().forEach { delete($0) }
            }
        }

        mutating func vision() {
            guard let first = origins.vision.first else {
                visionIsNew = plan.vision != nil
                return
            }
            guard let vision = plan.vision, vision != origins.visionAsRead else { return }
            replace(first, with: "vision " + Literal.string(vision))
            origins.vision.dropFirst().forEach { delete($0) }
        }

        /// The entities no file declared, in canonical form, kind by kind.
        func newEntities() -> [String] {
            var blocks: [String] = []
            for kind in EntityKind.allCases {
                for index in 0..<plan.count(of: kind) {
                    guard let identity = plan.identity(of: kind, at: index),
                          origins.entities[EntityKey(kind: kind, identity: identity)] == nil,
                          let line = PlanWriter.line(plan, kind, index) else { continue }
                    blocks.append(PlanWriter.laidOut(line))
                }
            }
            return blocks
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
                for clause in declaration.clauses {
                    switch clause.value {
                    case .date, .duration:
                        let words = source.text(clause.range).split(whereSeparator: { " \t\r\n".contains($0) })
                        forms.append((clause.keyword, Formatter.clause(clause.keyword, clause.value, indent: ""),
                                      words.dropFirst().joined(separator: " ")))
                    default:
                        break
                    }
                }
            }
            let line = PlanWriter.line(plan, kind, index) { keyword, value in
                let canonical = Formatter.clause(keyword, value, indent: "")
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

        /// The statement and, when nothing else stands on them, its lines:
        /// the blanks before it and the rest of its last line, a comment
        /// there included.
        private mutating func delete(_ range: SourceRange) {
            guard let source = interpreter.sources[range.source] else { return }
            let bytes = source.bytes
            var start = range.start
            while start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\t") { start -= 1 }
            let ownsLineStart = start == 0 || bytes[start - 1] == UInt8(ascii: "\n")
            var end = range.end
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t") || bytes[end] == UInt8(ascii: "\r") {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: ";") {
                end += 1
            } else if end < bytes.count, bytes[end] == UInt8(ascii: "#") {
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
            }
            let ownsLineEnd = end == bytes.count || bytes[end] == UInt8(ascii: "\n")
            if ownsLineStart, ownsLineEnd {
                edits[range.source, default: []].append(Edit(start: start, end: min(end + 1, bytes.count), text: ""))
            } else {
                edits[range.source, default: []].append(Edit(start: range.start, end: range.end, text: ""))
            }
        }

        func files(appending blocks: [String], to main: Int) -> [File] {
            var seen = Set<String>()
            var files: [File] = []
            let order = [main] + origins.files.filter { $0 != main }
            for id in order {
                guard let source = interpreter.sources[id], seen.insert(source.name).inserted else { continue }
                var bytes: [UInt8] = []
                var offset = 0
                for edit in (edits[id] ?? []).sorted(by: { $0.start < $1.start }) where edit.start >= offset {
                    bytes += source.bytes[offset..<edit.start]
                    bytes += Array(edit.text.utf8)
                    offset = max(offset, min(edit.end, source.bytes.count))
                }
                bytes += source.bytes[offset...]
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
