/// A JSON document, built in code and written compactly on one line, so that
/// `--json` answers, `check --json` diagnostics and the JSON export share one
/// correct escaper.
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSON])
    /// Keys keep the order given: stable output for golden files and diffs.
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

    public func serialized() -> String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// On one line; `spaced` puts a space after each `,` and `:`, as an
    /// indented document does on the lines it keeps short.
    public func write(to out: inout String, spaced: Bool = false) {
        var bytes: [UInt8] = []
        write(to: &bytes, spaced: spaced)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// As UTF-8 bytes: a String grows by a hundred instructions an append
    /// and a document of every diagnostic of a plan is thousands of them.
    package func write(to out: inout [UInt8], spaced: Bool = false) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let flag): out += (flag ? "true" : "false").utf8
        case .number(let number): out += JSON.format(number).utf8
        case .string(let text): JSON.quote(text, into: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (position, item) in items.enumerated() {
                if position > 0 { JSON.separator(UInt8(ascii: ","), spaced: spaced, into: &out) }
                item.write(to: &out, spaced: spaced)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (position, member) in members.enumerated() {
                if position > 0 { JSON.separator(UInt8(ascii: ","), spaced: spaced, into: &out) }
                JSON.quote(member.0, into: &out)
                JSON.separator(UInt8(ascii: ":"), spaced: spaced, into: &out)
                member.1.write(to: &out, spaced: spaced)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func separator(_ byte: UInt8, spaced: Bool, into out: inout [UInt8]) {
        out.append(byte)
        if spaced { out.append(UInt8(ascii: " ")) }
    }

    /// As the language writes numbers (`Literal.number`: no exponent, no
    /// `.0`, the fewest digits that read back); JSON has no NaN or infinity.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return Literal.number(number)
    }

    package static func quote(_ text: String, into out: inout String) {
        if text.utf8.allSatisfy(isVerbatim) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        quote(text, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    package static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Printable ASCII with no quote or backslash is written as it is:
        // most names, URIs, labels and messages are, and checking their
        // bytes is much cheaper than decoding their scalars.
        if text.utf8.allSatisfy(isVerbatim) {
            out += text.utf8
            out.append(UInt8(ascii: "\""))
            return
        }
        // What needs no escape is copied in runs, not scalar by scalar:
        // names, URIs and messages are mostly such runs, and large answers
        // (every diagnostic, a thousand completions) spent their time here.
        let scalars = text.unicodeScalars
        var runStart = scalars.startIndex
        for index in scalars.indices {
            let scalar = scalars[index]
            let escape: String
            switch scalar {
            case "\"": escape = "\\\""
            case "\\": escape = "\\\\"
            case "\n": escape = "\\n"
            case "\r": escape = "\\r"
            case "\t": escape = "\\t"
            // JSON requires only C0 escaped; DEL, C1, the bidirectional
            // controls and U+2028/U+2029 are too, so that `--json` read on a
            // terminal cannot drive or reorder it, nor be split by a reader
            // that takes U+2028 for a line break.
            case _ where Literal.isHidden(scalar):
                let hex = String(scalar.value, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: continue
            }
            out += text.utf8[runStart..<index]
            out += escape.utf8
            runStart = scalars.index(after: index)
        }
        out += text.utf8[runStart...]
        out.append(UInt8(ascii: "\""))
    }

    private static func isVerbatim(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
}
