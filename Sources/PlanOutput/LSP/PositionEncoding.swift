import PlanCore
import PlanSyntax
import PlanKit

/// How an LSP position counts characters within a line: UTF-16 code units
/// unless client and server agree on another (docs/editors.md).
public enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// What the server uses given what the client offers: bytes, as the
    /// plan's own positions are, then whole characters, then the default.
    public static func negotiate(offered: [String]) -> PositionEncoding {
        if offered.contains(PositionEncoding.utf8.rawValue) { return .utf8 }
        if offered.contains(PositionEncoding.utf32.rawValue) { return .utf32 }
        return .utf16
    }

    func width(_ scalar: Unicode.Scalar) -> Int {
        switch self {
        case .utf8: return UTF8.width(scalar)
        case .utf16: return UTF16.width(scalar)
        case .utf32: return 1
        }
    }
}

/// A place in a document as LSP says it: 0-based line, and the character
/// within it counted in the negotiated encoding.
public struct LSPPosition: Equatable, Sendable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    var json: JSON { .object([("line", .number(Double(line))), ("character", .number(Double(character)))]) }

    init?(_ json: JSON?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0, character >= 0 else {
            return nil
        }
        self.init(line: line, character: character)
    }
}

/// Turning the plan's byte offsets into LSP positions and back.
enum Positions {
    static func position(of offset: Int, in source: Source, encoding: PositionEncoding) -> LSPPosition {
        let clamped = max(0, min(offset, source.bytes.count))
        let line = source.line(of: clamped)
        let start = source.start(ofLine: line)
        var character = 0
        forEachScalar(in: source.bytes, from: start, to: clamped) { scalar, _ in character += encoding.width(scalar) }
        return LSPPosition(line: line - source.firstLine, character: character)
    }

    /// The byte offset of `position`; a character past the line's end means
    /// its end, as the protocol says. nil for a line past the last.
    static func offset(of position: LSPPosition, in source: Source, encoding: PositionEncoding) -> Int? {
        guard position.line < source.lineStarts.count else { return nil }
        let line = source.firstLine + position.line
        let start = source.start(ofLine: line)
        let end = start + source.lineBytes(line).count
        var counted = 0
        var found: Int?
        forEachScalar(in: source.bytes, from: start, to: end) { scalar, at in
            guard found == nil else { return }
            let width = encoding.width(scalar)
            // A position inside a character (half a surrogate pair) is taken for its start.
            if counted + width > position.character { found = at } else { counted += width }
        }
        return found ?? end
    }

    /// Each scalar of the UTF-8 in `bytes[start..<end]` with its offset; a
    /// byte that is not UTF-8 counts as one replacement character.
    static func forEachScalar(in bytes: [UInt8], from start: Int, to end: Int, _ body: (Unicode.Scalar, Int) -> Void) {
        var index = max(0, start)
        let end = min(end, bytes.count)
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 {
                // ASCII is its own scalar; decoding it as text is most of the cost.
                body(Unicode.Scalar(lead), index)
                index += 1
                continue
            }
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
            var scalar: Unicode.Scalar = "\u{FFFD}"
            if index + length <= end,
               let text = String(validating: bytes[index..<index + length], as: UTF8.self), let first = text.unicodeScalars.first {
                scalar = first
                body(scalar, index)
                index += length
            } else {
                body(scalar, index)
                index += 1
            }
        }
    }
}
