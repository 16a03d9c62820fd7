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
        written(to: &out, spaced: spaced)
    }

    /// As UTF-8 bytes: a String grows by a hundred instructions an append,
    /// and a message of every diagnostic of a plan is thousands of them.
    package func write(to out: inout [UInt8], spaced: Bool = false) {
        written(to: &out, spaced: spaced)
    }

    private func written<Output: JSONOutput>(to out: inout Output, spaced: Bool) {
        switch self {
        case .null: out.append(json: "null")
        case .bool(let flag): out.append(json: flag ? "true" : "false")
        case .number(let number): out.append(json: JSON.format(number))
        case .string(let text): JSON.quoted(text, into: &out)
        case .array(let items):
            out.append(punctuation: "[")
            for (position, item) in items.enumerated() {
                if position > 0 { out.append(punctuation: spaced ? ", " : ",") }
                item.written(to: &out, spaced: spaced)
            }
            out.append(punctuation: "]")
        case .object(let members):
            out.append(punctuation: "{")
            for (position, member) in members.enumerated() {
                if position > 0 { out.append(punctuation: spaced ? ", " : ",") }
                JSON.quoted(member.0, into: &out)
                out.append(punctuation: spaced ? ": " : ":")
                member.1.written(to: &out, spaced: spaced)
            }
            out.append(punctuation: "}")
        }
    }


    /// As the language writes numbers (`Literal.number`: no exponent, no
    /// `.0`, the fewest digits that read back); JSON has no NaN or infinity.
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return Literal.number(number)
    }

    package static func quote(_ text: String, into out: inout String) {
        quoted(text, into: &out)
    }

    package static func quote(_ text: String, into out: inout [UInt8]) {
        quoted(text, into: &out)
    }

    private static func quoted<Output: JSONOutput>(_ text: String, into out: inout Output) {
        // Printable ASCII with no quote or backslash is written as it is:
        // most names, URIs, labels and messages are, and checking their
        // bytes is much cheaper than decoding their scalars.
        if text.utf8.allSatisfy(isVerbatim) {
            out.append(punctuation: "\"")
            out.append(json: text)
            out.append(punctuation: "\"")
            return
        }
        out.append(punctuation: "\"")
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
            out.append(json: Substring(scalars[runStart..<index]))
            out.append(json: escape)
            runStart = scalars.index(after: index)
        }
        out.append(json: Substring(scalars[runStart...]))
        out.append(punctuation: "\"")
    }

    private static func isVerbatim(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }
}

/// Where JSON is written: a String (answers, exports) or UTF-8 bytes (the
/// language server's messages), each appended to in its cheapest way.
private protocol JSONOutput {
    mutating func append(json text: String)
    mutating func append(json text: Substring)
    /// A few ASCII bytes: brackets, separators and quotes.
    mutating func append(punctuation: String)
}

extension String: JSONOutput {
    fileprivate mutating func append(json text: String) { self += text }
    fileprivate mutating func append(json text: Substring) { self += text }
    fileprivate mutating func append(punctuation: String) { self += punctuation }
}

extension Array: JSONOutput where Element == UInt8 {
    fileprivate mutating func append(json text: String) { self += text.utf8 }
    fileprivate mutating func append(json text: Substring) { self += text.utf8 }
    fileprivate mutating func append(punctuation: String) {
        for byte in punctuation.utf8 { append(byte) }
    }
}
