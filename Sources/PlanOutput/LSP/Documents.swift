import PlanCore
import PlanSyntax
import PlanKit

/// A text the editor has open: its buffer, not the file on disk.
struct OpenDocument: Sendable {
    var uri: String
    /// The file it is, for a `file:` URI; plans in other schemes
    /// (`untitled:`) are checked on their own and include relative to nothing.
    var path: String?
    var version: Int
    var source: Source

    init(uri: String, version: Int, bytes: [UInt8]) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        source = Source(name: path ?? uri, bytes: bytes)
    }

    /// Applies one change of `didChange`: the whole text, or a range and
    /// what replaces it. nil when the range lies outside the text.
    func applying(_ change: JSON, encoding: PositionEncoding) -> [UInt8]? {
        guard let text = change["text"]?.string else { return nil }
        guard let range = change["range"] else { return Array(text.utf8) }
        guard let start = LSPPosition(range["start"]), let end = LSPPosition(range["end"]),
              let from = Positions.offset(of: start, in: source, encoding: encoding),
              let to = Positions.offset(of: end, in: source, encoding: encoding), from <= to else {
            return nil
        }
        var bytes = source.bytes
        bytes.replaceSubrange(from..<to, with: text.utf8)
        return bytes
    }
}

/// `file:` URIs to paths and back, percent-encoding as RFC 3986 says.
public enum DocumentURI {
    public static func path(of uri: String) -> String? {
        guard uri.hasPrefix("file://") else { return nil }
        var rest = Substring(uri.dropFirst("file://".count))
        // `file://host/path`: only the local host is this machine.
        if !rest.hasPrefix("/") {
            guard rest.hasPrefix("localhost/") else { return nil }
            rest = rest.dropFirst("localhost".count)
        }
        var bytes: [UInt8] = []
        var utf8 = Array(rest.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2,
               let high = hexValue(utf8[utf8.startIndex]), let low = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        guard let path = String(validating: bytes, as: UTF8.self), !path.unicodeScalars.contains("\u{0}") else { return nil }
        return normalized(path)
    }

    public static func uri(of path: String) -> String {
        // Built as bytes: a String grows by hundreds of instructions a
        // scalar, and every diagnostic published names its file.
        var out = Array("file://".utf8)
        out.reserveCapacity(out.count + path.utf8.count)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hexDigit(byte >> 4), hexDigit(byte & 0xF)]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "A") + value - 10
    }

    /// An absolute path without `.` and `..` steps, so that one file named
    /// two ways (`/a/b/../c.plan`, `/a/c.plan`) is one document.
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// Reads open documents from their buffers and every other file from
/// `disk`, so an included file being edited is checked as typed.
struct BufferReader: SourceReader {
    var buffers: [String: [UInt8]]
    var disk: any SourceReader

    func read(_ path: String) -> Result<SourceText, ReadFailure> {
        let key = DocumentURI.normalized(path)
        if path.hasPrefix("/"), let bytes = buffers[key] {
            return .success(SourceText(bytes: bytes, canonicalPath: key))
        }
        return disk.read(path)
    }

    /// An open document is where its editor says it is, on disk or not yet.
    func realPath(_ path: String) -> Result<String, ReadFailure> {
        let key = DocumentURI.normalized(path)
        if path.hasPrefix("/"), buffers[key] != nil { return .success(key) }
        return disk.realPath(path)
    }
}
