/// What a hint tells the reader to write, as edits a tool can apply: the
/// language server offers it as a quick fix, `plan check --json` prints it.
/// The hint stays the words a person reads; the fix is the same advice for
/// a program, so neither is parsed out of the other.
public struct Fix: Sendable, Equatable {
    public enum Edit: Sendable, Equatable {
        /// `text` in place of what the range covers (an empty range inserts).
        case replace(SourceRange, with: String)
        /// A statement written after the last line of a source, where it
        /// comes after everything the file declares, so an `update` or a
        /// `log` there is the last word.
        case appendLine(String, toSource: Int)
    }

    /// What an editor's menu calls it.
    public var title: String
    public var edits: [Edit]

    public init(title: String, edits: [Edit]) {
        self.title = title
        self.edits = edits
    }

    /// A word (a keyword, a field, a function) in place of the one written.
    public static func replacing(_ range: SourceRange, with text: String) -> Fix {
        Fix(title: "Change to \(text)", edits: [.replace(range, with: text)])
    }

    /// A line of plan added at the end of the source `range` is in.
    public static func adding(_ line: String, after range: SourceRange) -> Fix {
        Fix(title: "Add `\(line)`", edits: [.appendLine(line, toSource: range.source)])
    }

    /// Each edit as a range of its source and the bytes to put there: an
    /// added line starts a line of its own and ends with the file's line
    /// end. nil for an edit whose source is not in `sources`.
    public func resolved(in sources: SourceMap) -> [(range: SourceRange, text: String)]? {
        var out: [(range: SourceRange, text: String)] = []
        for edit in edits {
            switch edit {
            case .replace(let range, let text):
                guard sources[range.source] != nil else { return nil }
                out.append((range, text))
            case .appendLine(let line, let id):
                guard let source = sources[id] else { return nil }
                let bytes = source.bytes
                let crlf = bytes.last == UInt8(ascii: "\n") && bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "\r")
                let end = crlf ? "\r\n" : "\n"
                let text = (bytes.isEmpty || bytes.last == UInt8(ascii: "\n") ? "" : end) + line + end
                out.append((SourceRange(source: id, start: bytes.count, end: bytes.count), text))
            }
        }
        return out
    }
}
