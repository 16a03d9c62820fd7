/// Reads a JSON text (RFC 8259) into a `JSON` value: what a language
/// client sends. Bounded like any input: the size a file may have, and a
/// nesting depth past which it is taken for a mistake rather than a message,
/// so that `[[[[...` cannot exhaust the stack.
public struct JSONReader {
    public static let depthLimit = 256

    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        /// Byte offset where reading stopped.
        public var offset: Int
        public var description: String { "\(message) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    public static func parse(_ bytes: [UInt8]) -> Result<JSON, Failure> {
        guard bytes.count <= Source.sizeLimit else {
            return .failure(Failure(message: "a message larger than 64 MiB", offset: 0))
        }
        var reader = JSONReader(bytes: bytes)
        do throws(Failure) {
            reader.skipSpace()
            let value = try reader.value()
            reader.skipSpace()
            guard reader.position == bytes.count else { throw reader.failure("text after the JSON value") }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func value() throws(Failure) -> JSON {
        guard let byte = current else { throw failure("unexpected end of the JSON text") }
        switch byte {
        case UInt8(ascii: "{"): return try nested { reader throws(Failure) in try reader.object() }
        case UInt8(ascii: "["): return try nested { reader throws(Failure) in try reader.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try word("true"); return .bool(true)
        case UInt8(ascii: "f"): try word("false"); return .bool(false)
        case UInt8(ascii: "n"): try word("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character in JSON")
        }
    }

    private mutating func nested(_ read: (inout JSONReader) throws(Failure) -> JSON) throws(Failure) -> JSON {
        guard depth < Self.depthLimit else { throw failure("JSON nested deeper than \(Self.depthLimit)") }
        depth += 1
        defer { depth -= 1 }
        return try read(&self)
    }

    private mutating func word(_ text: String) throws(Failure) {
        let expected = text.utf8
        guard position + expected.count <= bytes.count, bytes[position..<position + expected.count].elementsEqual(expected) else {
            throw failure("unexpected word in JSON")
        }
        position += expected.count
    }

    private mutating func object() throws(Failure) -> JSON {
        position += 1
        var members: [(String, JSON)] = []
        skipSpace()
        if current == UInt8(ascii: "}") { position += 1; return .object(members) }
        while true {
            skipSpace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name in JSON") }
            let key = try string()
            skipSpace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' in JSON") }
            position += 1
            skipSpace()
            members.append((key, try value()))
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw failure("expected ',' or '}' in JSON")
            }
        }
    }

    private mutating func array() throws(Failure) -> JSON {
        position += 1
        var items: [JSON] = []
        skipSpace()
        if current == UInt8(ascii: "]") { position += 1; return .array(items) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(items)
            default: throw failure("expected ',' or ']' in JSON")
            }
        }
    }

    private mutating func number() throws(Failure) -> Double {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.position
            while let byte = reader.current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { reader.position += 1 }
            return reader.position - from
        }
        let leading = position
        guard digits(&self) > 0 else { throw failure("expected a digit in JSON") }
        if bytes[leading] == UInt8(ascii: "0"), position - leading > 1 { throw failure("a JSON number cannot start with 0") }
        if current == UInt8(ascii: ".") {
            position += 1
            guard digits(&self) > 0 else { throw failure("expected a digit in JSON") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw failure("expected a digit in JSON") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let number = Double(text), number.isFinite else { throw failure("a JSON number out of range") }
        return number
    }

    private mutating func string() throws(Failure) -> String {
        position += 1
        // Gathered as bytes, each run checked as UTF-8 where it ends: a
        // String's scalars copied the whole text at every escape, and the
        // text `didOpen` sends has one on every line.
        var utf8: [UInt8] = []
        var runStart = position
        func flush(_ reader: JSONReader, upTo end: Int, into utf8: inout [UInt8]) throws(Failure) {
            guard runStart < end else { return }
            let run = reader.bytes[runStart..<end]
            guard String(validating: run, as: UTF8.self) != nil else {
                throw reader.failure("invalid UTF-8 in a JSON string")
            }
            utf8 += run
        }
        while true {
            guard let byte = current else { throw failure("unterminated JSON string") }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, upTo: position, into: &utf8)
                position += 1
                return String(decoding: utf8, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try flush(self, upTo: position, into: &utf8)
                position += 1
                UTF8.encode(try escape()) { utf8.append($0) }
                runStart = position
            case 0x00..<0x20:
                throw failure("a control character in a JSON string")
            default:
                position += 1
            }
        }
    }

    private mutating func escape() throws(Failure) -> Unicode.Scalar {
        guard let byte = current else { throw failure("unterminated JSON string") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{8}"
        case UInt8(ascii: "f"): return "\u{C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800..<0xDC00).contains(first) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("a lone surrogate in a JSON string")
                }
                position += 2
                let second = try hex4()
                guard (0xDC00..<0xE000).contains(second),
                      let scalar = Unicode.Scalar(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)) else {
                    throw failure("a lone surrogate in a JSON string")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(first) else { throw failure("a lone surrogate in a JSON string") }
            return scalar
        default:
            throw failure("an invalid escape in a JSON string")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current else { throw failure("unterminated JSON string") }
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw failure("an invalid \\u escape in a JSON string")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}

extension JSON {
    /// The member `key` of an object; nil for anything else.
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    public var string: String? { if case .string(let text) = self { return text } else { return nil } }
    public var number: Double? { if case .number(let number) = self { return number } else { return nil } }
    public var array: [JSON]? { if case .array(let items) = self { return items } else { return nil } }
    public var bool: Bool? { if case .bool(let flag) = self { return flag } else { return nil } }

    /// A whole number that fits an `Int`.
    public var integer: Int? {
        guard let number, number == number.rounded(), abs(number) < 9e15 else { return nil }
        return Int(number)
    }
}
