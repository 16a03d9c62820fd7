import PlanCore

/// `Lexer.tokenize`: a whole source at once, for tools and tests.
extension Lexer {
    public struct Result: Sendable {
        public var tokens: [Token]
        public var comments: [SourceRange]
        public var diagnostics: [Diagnostic]
        /// Input ended inside a bracket or a string, or right after a trailing
        /// `,` or binary operator: more may come (the REPL asks for it).
        public var endsInside: Bool
    }

    public static func tokenize(_ source: Source, id: Int) -> Result {
        var stream = Lexer(bytes: source.bytes, id: id, keepsComments: true)
        var tokens: [Token] = []
        tokens.reserveCapacity(source.bytes.count / 8 + 2)
        repeat {
            tokens.append(stream.next())
        } while tokens.last?.kind != .eof
        return Result(tokens: tokens, comments: stream.comments, diagnostics: stream.diagnostics,
                      endsInside: stream.endsInside)
    }

    static let keywords = KeywordTable()

    /// Numbers above this are rejected: they are never a level, a priority or
    /// a count, and every smaller whole number is exact in a `Double`.
    static let largestNumber = 1e15

    static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    package static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "_")
    }

    package static func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}

/// What a token's text stands for: a string with its escapes decoded, a
/// number, a duration, a day. The parser asks once it knows the kind.
public enum Lexeme {
    /// The text a `.string` token stands for, escapes decoded. A broken
    /// (`.invalid`) string decodes as far as its escapes allow.
    public static func stringValue(of token: Token, in source: Source) -> String {
        let bytes = source.bytes
        let start = max(0, min(token.range.start, bytes.count))
        let end = max(start, min(token.range.end, bytes.count))
        guard end > start, bytes[start] == Byte.quote else { return source.text(token.range) }
        let contentEnd = end - start >= 2 && bytes[end - 1] == Byte.quote ? end - 1 : end
        let content = bytes[(start + 1)..<contentEnd]
        guard content.contains(Byte.backslash) else { return String(decoding: content, as: UTF8.self) }

        var decoded: [UInt8] = []
        decoded.reserveCapacity(content.count)
        var index = content.startIndex
        while index < content.endIndex {
            let byte = content[index]
            guard byte == Byte.backslash, index + 1 < content.endIndex else {
                decoded.append(byte)
                index += 1
                continue
            }
            switch content[index + 1] {
            case Byte.backslash: decoded.append(Byte.backslash); index += 2
            case Byte.quote: decoded.append(Byte.quote); index += 2
            case UInt8(ascii: "n"): decoded.append(Byte.lf); index += 2
            case UInt8(ascii: "t"): decoded.append(Byte.tab); index += 2
            case UInt8(ascii: "u"):
                var cursor = index + 2
                var value: UInt32 = 0
                var digits = 0
                if cursor < content.endIndex, content[cursor] == UInt8(ascii: "{") {
                    cursor += 1
                    while cursor < content.endIndex, let digit = Lexer.hexValue(content[cursor]), digits < 6 {
                        value = value << 4 | digit
                        digits += 1
                        cursor += 1
                    }
                }
                if digits > 0, cursor < content.endIndex, content[cursor] == UInt8(ascii: "}"),
                   let scalar = Unicode.Scalar(value) {
                    decoded.append(contentsOf: String(scalar).utf8)
                    index = cursor + 1
                } else {
                    index += 2
                }
            default:
                // An unknown escape was reported; drop the backslash, keep the character.
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The number a `.number` token stands for.
    public static func numberValue(of token: Token, in source: Source) -> Double? {
        guard token.kind == .number else { return nil }
        // A whole number, what nearly every number in a plan is (a level, a
        // priority), read digit by digit: fifteen digits or fewer are exact.
        let bytes = source.bytes
        let start = token.range.start
        let end = token.range.end
        if start >= 0, end <= bytes.count, start < end, end - start <= 15 {
            var whole = 0
            var offset = start
            while offset < end, Lexer.isDigit(bytes[offset]) {
                whole = whole * 10 + Int(bytes[offset] &- UInt8(ascii: "0"))
                offset += 1
            }
            if offset == end { return Double(whole) }
        }
        return Double(source.text(token.range))
    }

    /// The span a `.duration` token stands for: `90 days` is 90 days, `6 months` 6 months.
    public static func durationValue(of token: Token, in source: Source) -> Duration? {
        guard token.kind == .duration else { return nil }
        let text = source.text(token.range)
        guard let digitsEnd = text.utf8.firstIndex(where: { !Lexer.isDigit($0) }),
              let count = Int(text[..<digitsEnd]) else { return nil }
        let unitName = text[digitsEnd...].drop(while: { $0 == " " || $0 == "\t" })
        guard let unit = Duration.unit(named: String(unitName)) else { return nil }
        let months = count.multipliedReportingOverflow(by: unit.months)
        let days = count.multipliedReportingOverflow(by: unit.days)
        guard !months.overflow, !days.overflow else { return nil }
        return Duration(months: months.partialValue, days: days.partialValue)
    }

    /// `Day.parse` of the bytes from `start` to `end`, without making a
    /// String for the three well-formed shapes a plan is full of.
    static func day(in bytes: [UInt8], _ start: Int, _ end: Int) -> Swift.Result<Day, Day.DateError> {
        let start = max(0, min(start, bytes.count))
        let end = max(start, min(end, bytes.count))
        // Every date of a plan is read here: through a pointer, each digit
        // is a load, not a checked subscript of an array the closure holds.
        if let day = bytes.withUnsafeBufferPointer({ knownForm($0, start, end) }) { return .success(day) }
        // Anything else, and the reason it is wrong, is Day.parse's to say.
        return Day.parse(String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// The day of `2027-06-30`, `2027-06` or `2027-Q2` within `start..<end`
    /// (in bounds), or nil for Day.parse to explain.
    private static func knownForm(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Day? {
        @inline(__always) func digits(_ from: Int, _ count: Int) -> Int? {
            var value = 0
            for offset in from..<(from + count) {
                let digit = bytes[offset] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        let length = end - start
        if length == 7 || length == 10, bytes[start + 4] == UInt8(ascii: "-"), let year = digits(start, 4), year >= 1 {
            if length == 10, bytes[start + 7] == UInt8(ascii: "-"), let month = digits(start + 5, 2),
               let dayOfMonth = digits(start + 8, 2), let day = Day(year: year, month: month, day: dayOfMonth) {
                return day
            }
            if length == 7, let month = digits(start + 5, 2), (1...12).contains(month) {
                return Day(lastDayOfYear: year, month: month)
            }
            if length == 7, bytes[start + 5] | 0x20 == UInt8(ascii: "q"), let quarter = digits(start + 6, 1),
               (1...4).contains(quarter) {
                return Day(lastDayOfYear: year, month: quarter * 3)
            }
        }
        return nil
    }
}

/// Reserved words spelled like identifiers, in an open-addressing table keyed
/// by the word's bytes packed into two integers, so that looking up a word
/// neither allocates nor runs a general-purpose hash.
struct KeywordTable: Sendable {
    private struct Entry: Sendable {
        var low: UInt64
        var high: UInt64
        var keyword: Keyword
    }

    /// Twice as many slots as keywords or more, a power of two, so probes stay short.
    private static let slotBits = 7
    private var slots: [Entry?]

    init() {
        slots = Array(repeating: nil, count: 1 << KeywordTable.slotBits)
        for keyword in Keyword.allCases where keyword.rawValue.utf8.allSatisfy(Lexer.isIdentifierByte) {
            let (low, high) = KeywordTable.pack(keyword.rawValue.utf8)
            var index = KeywordTable.slot(low, high)
            while slots[index] != nil { index = (index + 1) & (slots.count - 1) }
            slots[index] = Entry(low: low, high: high, keyword: keyword)
        }
    }

    func keyword(spelled word: ArraySlice<UInt8>) -> Keyword? {
        guard word.count <= 16 else { return nil }
        let (low, high) = KeywordTable.pack(word)
        return keyword(low, high)
    }

    /// The keyword spelled by `bytes[start..<end]`: `pack`, read a word at
    /// a time where sixteen bytes are there to read. Inlined into the
    /// lexer's one caller, which asks it of every word of a plan.
    @inline(__always)
    func keyword(in bytes: [UInt8], from start: Int, to end: Int) -> Keyword? {
        let length = end - start
        guard length <= 16, start >= 0, end <= bytes.count else { return nil }
        guard start + 16 <= bytes.count else { return keyword(spelled: bytes[start..<end]) }
        let (low, high) = bytes.withUnsafeBytes { raw in
            (UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
             UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self)))
        }
        // Only the word's own bytes (a word is 1 to 16 bytes here).
        let lowKept: UInt64 = length >= 8 ? ~0 : (1 << UInt64(8 * length)) &- 1
        let highKept: UInt64 = length <= 8 ? 0 : length == 16 ? ~0 : (1 << UInt64(8 * (length - 8))) &- 1
        return keyword(low & lowKept, high & highKept)
    }

    @inline(__always)
    private func keyword(_ low: UInt64, _ high: UInt64) -> Keyword? {
        var index = KeywordTable.slot(low, high)
        while let entry = slots[index] {
            if entry.low == low && entry.high == high { return entry.keyword }
            index = (index + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Up to 16 bytes, little-endian; identifier bytes are never 0, so the
    /// zero padding keeps words of different lengths apart.
    private static func pack(_ bytes: some Collection<UInt8>) -> (UInt64, UInt64) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, byte) in bytes.enumerated() where index < 16 {
            if index < 8 {
                low |= UInt64(byte) << (8 * UInt64(index))
            } else {
                high |= UInt64(byte) << (8 * UInt64(index - 8))
            }
        }
        return (low, high)
    }

    private static func slot(_ low: UInt64, _ high: UInt64) -> Int {
        Int(truncatingIfNeeded: ((low ^ (high &* 31)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slotBits))
    }
}

/// Bytes the lexer tests often enough to name.
private enum Byte {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let hash = UInt8(ascii: "#")
}

/// Whether a statement read one line at a time goes on past the line just
/// read, by the rule a file follows: a line that ends inside a bracket or
/// after a trailing `,` or operator does not end it (an indented line after
/// it, the reader tells for itself). Each line is read once, alone, so a
/// statement of many lines costs time in proportion to its length: no
/// line is read again as the statement grows.
public struct LineContinuation: Sendable {
    private var depth = 0
    private var lastContinues = false

    public init() {}

    /// The statement so far does not end at the end of its last line.
    public var continues: Bool { depth > 0 || lastContinues }

    /// Takes in the next line of the statement (without its line feed).
    /// Strings and comments end at a line end, so a line alone lexes as it
    /// does in its place.
    public mutating func read(_ line: ArraySlice<UInt8>) {
        var lexer = Lexer(bytes: Array(line), id: 0, keepsComments: false)
        while true {
            let kind = lexer.next().kind
            switch kind {
            case .eof: return
            case .newline: continue
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket: depth = max(0, depth - 1)
            default: break
            }
            lastContinues = kind.continuesLine
        }
    }
}

private extension TokenKind {
    /// A line ending after this token cannot end the statement.
    var continuesLine: Bool {
        switch self {
        case .comma, .plus, .minus, .star, .slash, .equal, .equalEqual, .bangEqual,
             .less, .lessEqual, .greater, .greaterEqual,
             .keyword(.and), .keyword(.or), .keyword(.not), .keyword(.in):
            return true
        default:
            return false
        }
    }
}

/// Turns a source's bytes into tokens.
///
/// One `switch` over the current byte with a small helper per literal kind, in
/// the manner of Lua's llex.c: no per-character allocation, and a `String` is
/// made only for a long number, a unit word candidate or a date.
///
/// The lexer also decides where statements end (docs/lexical.md, "Where a
/// statement ends"), so that the parser never looks at layout: `.newline`
/// appears only at a line end that really ends a statement, never twice in
/// a row and never before the first token.
///
/// Tokens are made one at a time, as the parser asks for them (`next`), so
/// that a large file never holds all its tokens at once; the lexer holds the
/// cursor and everything collected while walking one source.
public struct Lexer {
    let bytes: [UInt8]
    let id: Int
    /// Comments are kept only for whoever writes the source back (the formatter).
    let keepsComments: Bool
    var pos = 0
    /// Offset of the first byte of the line `pos` is on.
    var lineStart = 0
    /// Open `(` and `[` not yet closed.
    var depth = 0
    /// A token has been emitted since the last statement end.
    var inStatement = false
    /// Indentation of the line on which the current statement began.
    var statementIndent = 0
    /// Line ends before this offset are already known to continue the statement,
    /// so that a run of blank or comment lines is looked through only once.
    var continuedUntil = 0
    var endsInsideString = false
    /// The kind of the last token made, for the line-continuation rule.
    var lastKind: TokenKind?
    /// The token the current step made, if any; each step makes at most one.
    var made: Token?
    var finished = false
    /// Input ended inside a bracket or a string, or after a trailing `,` or
    /// operator; known once `.eof` has been made.
    var endsInside = false
    var comments: [SourceRange] = []
    var diagnostics: [Diagnostic] = []
    /// The day of the latest date token made, by where the token starts:
    /// the parser asks for it soon after, and a date is then read once.
    var lastDate: (start: Int, day: Day)?

    /// `Lexer.keywords`, held so that each word reads it without asking
    /// whether the shared table is made yet.
    let keywordTable = Lexer.keywords

    init(bytes: [UInt8], id: Int, keepsComments: Bool) {
        self.bytes = bytes
        self.id = id
        self.keepsComments = keepsComments
        // A byte order mark some editors write is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            pos = 3
            lineStart = 3
        }
    }

    /// The next token; `.eof` for ever once the input is used up.
    mutating func next() -> Token {
        while pos < bytes.count {
            // Blanks between tokens are most of a line's steps: passed here,
            // each costs a compare, not a call that makes no token.
            let byte = bytes[pos]
            if byte == Byte.space || byte == Byte.tab || byte == Byte.cr {
                pos += 1
                continue
            }
            step()
            if let token = made {
                made = nil
                lastKind = token.kind
                return token
            }
        }
        if !finished {
            finished = true
            endsInside = depth > 0 || endsInsideString || (lastKind?.continuesLine ?? false)
            if inStatement {
                inStatement = false
                return Token(kind: .newline, range: range(bytes.count, bytes.count))
            }
        }
        return Token(kind: .eof, range: range(bytes.count, bytes.count))
    }

    /// One token's worth of input from a byte that is not a blank (`next`
    /// passes those).
    private mutating func step() {
        let byte = bytes[pos]
        switch byte {
        case Byte.lf: endLine()
        case Byte.hash: scanComment()
        case Byte.quote: scanString()
        case UInt8(ascii: "0")...UInt8(ascii: "9"): scanNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            scanWord()
        case UInt8(ascii: "("), UInt8(ascii: "["):
            depth += 1
            punctuation(byte == UInt8(ascii: "(") ? .leftParen : .leftBracket, length: 1)
        case UInt8(ascii: ")"), UInt8(ascii: "]"):
            depth = max(0, depth - 1)
            punctuation(byte == UInt8(ascii: ")") ? .rightParen : .rightBracket, length: 1)
        case UInt8(ascii: ","): punctuation(.comma, length: 1)
        case UInt8(ascii: "."): punctuation(.dot, length: 1)
        case UInt8(ascii: ";"): scanSemicolon()
        case UInt8(ascii: "+"): punctuation(.plus, length: 1)
        case UInt8(ascii: "-"): punctuation(.minus, length: 1)
        case UInt8(ascii: "*"): punctuation(.star, length: 1)
        case UInt8(ascii: "/"): punctuation(.slash, length: 1)
        case UInt8(ascii: "="):
            if next(is: "=") { punctuation(.equalEqual, length: 2) } else { punctuation(.equal, length: 1) }
        case UInt8(ascii: "<"):
            if next(is: "=") { punctuation(.lessEqual, length: 2) } else { punctuation(.less, length: 1) }
        case UInt8(ascii: ">"):
            if next(is: "=") { punctuation(.greaterEqual, length: 2) } else { punctuation(.greater, length: 1) }
        case UInt8(ascii: "!"):
            if next(is: "=") { punctuation(.bangEqual, length: 2) } else { scanBang() }
        default:
            scanUnexpected()
        }
    }

    // MARK: Cursor

    /// The byte at `offset`, or 0 past the end (0 is never a byte any caller looks for).
    func byte(at offset: Int) -> UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    func next(is ascii: Unicode.Scalar) -> Bool { byte(at: pos + 1) == UInt8(ascii: ascii) }

    @inline(__always)
    func range(_ start: Int, _ end: Int) -> SourceRange { SourceRange(source: id, start: start, end: end) }

    /// Inlined into each scan, as every token of a plan passes here.
    @inline(__always)
    mutating func emit(_ kind: TokenKind, from start: Int) {
        if !inStatement {
            inStatement = true
            statementIndent = indentation(ofLineAt: lineStart).width
        }
        made = Token(kind: kind, range: range(start, pos))
    }

    mutating func punctuation(_ kind: TokenKind, length: Int) {
        let start = pos
        pos += length
        emit(kind, from: start)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, _ start: Int, _ end: Int, hint: String? = nil) {
        diagnostics.append(.error(code, message, at: range(start, end), hint: hint))
    }

    // MARK: Statement ends

    /// At a line feed: end the statement there unless docs/lexical.md says it
    /// goes on ("Where a statement ends").
    mutating func endLine() {
        let start = pos > lineStart && bytes[pos - 1] == Byte.cr ? pos - 1 : pos
        pos += 1
        if inStatement && !statementContinues() {
            made = Token(kind: .newline, range: range(start, pos))
            inStatement = false
        }
        lineStart = pos
        // Indentation starts no token: past it at once, not a step a blank,
        // as a plan's clause lines are indented.
        while pos < bytes.count, bytes[pos] == Byte.space || bytes[pos] == Byte.tab { pos += 1 }
    }

    mutating func statementContinues() -> Bool {
        if depth > 0 || lastKind?.continuesLine == true || pos < continuedUntil { return true }
        // Look through blank and comment-only lines for the next line with content.
        var cursor = pos
        while cursor < bytes.count {
            let (width, contentStart) = indentation(ofLineAt: cursor)
            let first = byte(at: contentStart)
            if contentStart < bytes.count, first != Byte.lf, first != Byte.hash {
                guard width > statementIndent else { return false }
                continuedUntil = contentStart
                return true
            }
            guard let lineFeed = bytes[contentStart...].firstIndex(of: Byte.lf) else { return false }
            cursor = lineFeed + 1
        }
        return false
    }

    /// Spaces and tabs at the start of a line, each one column wide; a stray
    /// carriage return is skipped without counting.
    func indentation(ofLineAt start: Int) -> (width: Int, contentStart: Int) {
        var cursor = start
        var width = 0
        while cursor < bytes.count {
            switch bytes[cursor] {
            case Byte.space, Byte.tab: width += 1
            case Byte.cr: break
            default: return (width, cursor)
            }
            cursor += 1
        }
        return (width, cursor)
    }

    mutating func scanSemicolon() {
        // A `;` with no statement before it is an empty statement: nothing to emit.
        if inStatement || depth > 0 {
            punctuation(.semicolon, length: 1)
            inStatement = false
        } else {
            pos += 1
        }
    }

    // MARK: Comments

    mutating func scanComment() {
        let start = pos
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == Byte.lf { break }
            if byte < 0x80 {
                pos += 1
            } else {
                pos += checkedScalarLength()
            }
        }
        let end = pos < bytes.count && pos > start && bytes[pos - 1] == Byte.cr ? pos - 1 : pos
        if keepsComments { comments.append(range(start, end)) }
    }

    // MARK: Strings

    mutating func scanString() {
        let start = pos
        pos += 1
        var broken = false
        while true {
            pos = plainStringEnd(from: pos)
            guard pos < bytes.count else {
                endsInsideString = true
                unterminatedString(start)
                return
            }
            switch bytes[pos] {
            case Byte.quote:
                pos += 1
                emit(broken ? .invalid : .string, from: start)
                return
            case Byte.lf:
                unterminatedString(start)
                return
            case Byte.cr where byte(at: pos + 1) == Byte.lf:
                unterminatedString(start)
                return
            case Byte.backslash:
                if !scanEscape() { broken = true }
            case 0x80...:
                pos += checkedScalarLength()
            default:
                pos += 1
            }
        }
    }

    /// The first offset from `start` on whose byte a string must look at:
    /// `"`, `\`, a line end or part of a multi-byte character. Eight bytes
    /// a step, as names in quotes are most of what a large plan's bytes are.
    func plainStringEnd(from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var offset = start
            while offset + 8 <= raw.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let stops = Lexer.holds(word, Byte.quote) | Lexer.holds(word, Byte.backslash) | Lexer.holds(word, Byte.lf)
                    | Lexer.holds(word, Byte.cr) | word & 0x8080_8080_8080_8080
                if stops != 0 { return offset + stops.trailingZeroBitCount / 8 }
                offset += 8
            }
            while offset < raw.count {
                let byte = raw[offset]
                if byte == Byte.quote || byte == Byte.backslash || byte == Byte.lf || byte == Byte.cr || byte >= 0x80 { break }
                offset += 1
            }
            return offset
        }
    }

    /// The high bit of each byte of `word` that is `byte`, exact up to the
    /// first such byte (a borrow may mark bytes after it): the lowest one
    /// set is where the first stands.
    @inline(__always)
    static func holds(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let spread = word ^ (UInt64(byte) &* ones)
        return (spread &- ones) & ~spread & 0x8080_8080_8080_8080
    }

    mutating func unterminatedString(_ quote: Int) {
        error(.unterminatedString, "unterminated string", quote, quote + 1,
              hint: "close it with \" before the end of the line")
        emit(.invalid, from: quote)
    }

    /// Moves past one escape; false (after reporting it) when it is not valid.
    mutating func scanEscape() -> Bool {
        let start = pos
        let escaped = byte(at: pos + 1)
        switch escaped {
        case Byte.backslash, Byte.quote, UInt8(ascii: "n"), UInt8(ascii: "t"):
            pos += 2
            return true
        case UInt8(ascii: "u"):
            return scanUnicodeEscape()
        case _ where pos + 1 >= bytes.count || escaped == Byte.lf || (escaped == Byte.cr && byte(at: pos + 2) == Byte.lf):
            // The string is unterminated or the `\r` is part of a line end: that is the error to report.
            pos += 1
            return true
        default:
            let decoded = decodeScalar(at: pos + 1)
            guard decoded.scalar != nil else {
                pos += 1
                return false
            }
            pos += 1 + decoded.length
            error(.invalidEscape, "unknown escape \(text(start, pos)) in string", start, pos,
                  hint: "the escapes are \\\\ \\\" \\n \\t and \\u{...}; write \\\\ for a backslash")
            return false
        }
    }

    /// `\u{1F600}`: one to six hex digits in braces naming a Unicode scalar.
    mutating func scanUnicodeEscape() -> Bool {
        let start = pos
        var cursor = pos + 2
        var value: UInt32 = 0
        var digits = 0
        var wellFormed = false
        if byte(at: cursor) == UInt8(ascii: "{") {
            cursor += 1
            while let digit = Lexer.hexValue(byte(at: cursor)) {
                if digits < 6 { value = value << 4 | digit }
                digits += 1
                cursor += 1
            }
            if byte(at: cursor) == UInt8(ascii: "}") {
                cursor += 1
                wellFormed = (1...6).contains(digits)
            }
        }
        pos = cursor
        guard wellFormed else {
            error(.invalidEscape, "malformed escape \(text(start, pos)) in string", start, pos,
                  hint: "write 1 to 6 hex digits in braces, as in \\u{1F600}")
            return false
        }
        guard Unicode.Scalar(value) != nil else {
            error(.invalidEscape, "invalid escape \(text(start, pos)) in string", start, pos,
                  hint: "\\u{...} must name a Unicode scalar: at most 10FFFF, and not D800 to DFFF")
            return false
        }
        return true
    }

    func text(_ start: Int, _ end: Int) -> String { String(decoding: bytes[start..<end], as: UTF8.self) }

    // MARK: Numbers, dates, durations

    mutating func scanNumber() {
        let start = pos
        while Lexer.isDigit(byte(at: pos)) { pos += 1 }
        if pos - start == 4, byte(at: pos) == UInt8(ascii: "-") {
            let after = byte(at: pos + 1)
            if Lexer.isDigit(after) || after == UInt8(ascii: "Q") || after == UInt8(ascii: "q") {
                scanDate(from: start)
                return
            }
        }
        var fractional = false
        if byte(at: pos) == UInt8(ascii: "."), Lexer.isDigit(byte(at: pos + 1)) {
            fractional = true
            pos += 1
            while Lexer.isDigit(byte(at: pos)) { pos += 1 }
        }
        let numberEnd = pos
        // Fifteen digits or fewer are always in range; only longer numbers need a String.
        var tooLarge = false
        if fractional || numberEnd - start > 15 {
            let value = Double(text(start, numberEnd)) ?? .infinity
            tooLarge = !value.isFinite || value > Lexer.largestNumber
        }

        var unitStart = pos
        while byte(at: unitStart) == Byte.space || byte(at: unitStart) == Byte.tab { unitStart += 1 }
        let unitEnd = unitWordEnd(at: unitStart)
        let isDuration = unitEnd != nil
        if let unitEnd { pos = unitEnd }

        if tooLarge {
            error(.invalidNumber, "number is too large", start, pos,
                  hint: "numbers in a plan go up to 1000000000000000")
            emit(.invalid, from: start)
        } else if isDuration && fractional {
            error(.invalidNumber, "a duration needs a whole number", start, pos,
                  hint: Lexer.smallerUnit(Double(text(start, numberEnd)) ?? 0, unit: text(unitStart, pos)))
            emit(.invalid, from: start)
        } else {
            emit(isDuration ? .duration : .number, from: start)
        }
    }

    /// The hint for a duration with a fraction, in the next smaller unit
    /// (`1.5 months` is about `45 days`; a month counts as 30 days here).
    static func smallerUnit(_ count: Double, unit: String) -> String {
        let written = Literal.number(count) + " " + unit
        let (months, days) = Duration.unit(named: unit) ?? (0, 1)
        let smaller: String
        if months == 12 {
            smaller = "\(Int((count * 12).rounded())) months"
        } else if months == 1 {
            smaller = "\(Int((count * 30).rounded())) days"
        } else if days == 7 {
            smaller = "\(Int((count * 7).rounded())) days"
        } else {
            return "a duration counts whole days: \(Int(count.rounded(.up))) days, not \(written)"
        }
        return "use a smaller unit: \(smaller), not \(written)"
    }

    /// Where a unit word (`days`, `month`, ...) starting at `start` ends, if one does.
    func unitWordEnd(at start: Int) -> Int? {
        guard Lexer.isIdentifierStart(byte(at: start)) else { return nil }
        var end = start + 1
        while Lexer.isIdentifierByte(byte(at: end)) { end += 1 }
        // Unit words are 3 to 6 letters; skip the String for every other word.
        guard (3...6).contains(end - start), Duration.unit(named: text(start, end)) != nil else { return nil }
        return end
    }

    /// The day a `.date` token stands for.
    func day(of token: Token) -> Swift.Result<Day, Day.DateError> {
        if let lastDate, lastDate.start == token.range.start { return .success(lastDate.day) }
        return Lexeme.day(in: bytes, token.range.start, token.range.end)
    }

    /// Four digits, `-`, then the rest of a date: `2027-06-30`, `2027-06`, `2027-Q2`.
    mutating func scanDate(from start: Int) {
        pos = bytes.withUnsafeBufferPointer { buffer in
            var end = pos
            while end < buffer.count, Lexer.isIdentifierByte(buffer[end]) || buffer[end] == UInt8(ascii: "-") { end += 1 }
            return end
        }
        switch Lexeme.day(in: bytes, start, pos) {
        case .success(let day):
            lastDate = (start, day)
            emit(.date, from: start)
        case .failure(let reason):
            let literal = text(start, pos)
            error(.invalidDate, "invalid date \(literal): \(reason)", start, pos,
                  hint: "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)")
            emit(.invalid, from: start)
        }
    }

    // MARK: Words

    mutating func scanWord() {
        let start = pos
        pos = bytes.withUnsafeBufferPointer { buffer in
            var end = start + 1
            while end < buffer.count, Lexer.isIdentifierByte(buffer[end]) { end += 1 }
            return end
        }
        if pos - start == 3, bytes[start..<pos].elementsEqual("non".utf8), isNegotiableSuffix(at: pos) {
            pos += Lexer.negotiableSuffix.count
            emit(.keyword(.nonNegotiable), from: start)
            return
        }
        if let keyword = keywordTable.keyword(in: bytes, from: start, to: pos) {
            emit(.keyword(keyword), from: start)
        } else {
            emit(.identifier, from: start)
        }
    }

    static let negotiableSuffix = Array("-negotiable".utf8)

    func isNegotiableSuffix(at start: Int) -> Bool {
        let end = start + Lexer.negotiableSuffix.count
        return end <= bytes.count
            && bytes[start..<end].elementsEqual(Lexer.negotiableSuffix)
            && !Lexer.isIdentifierByte(byte(at: end))
    }

    // MARK: Unexpected characters and UTF-8

    mutating func scanBang() {
        let start = pos
        pos += 1
        error(.unexpectedCharacter, "unexpected character '!'", start, pos,
              hint: "write `not` to negate, or `!=` to compare")
        emit(.invalid, from: start)
    }

    /// A run of characters that start no token becomes one `.invalid` token
    /// and one diagnostic naming the first of them.
    mutating func scanUnexpected() {
        let start = pos
        let first = decodeScalar(at: pos)
        guard let scalar = first.scalar else {
            pos += checkedScalarLength()
            return
        }
        pos += first.length
        while pos < bytes.count {
            let next = decodeScalar(at: pos)
            guard let following = next.scalar, Lexer.startsNoToken(following) else { break }
            pos += next.length
        }
        error(.unexpectedCharacter, "unexpected character \(Lexer.display(scalar))", start, pos,
              hint: Lexer.hint(for: scalar))
        emit(.invalid, from: start)
    }

    static func startsNoToken(_ scalar: UInt32) -> Bool {
        guard scalar < 0x80 else { return true }
        switch UInt8(scalar) {
        case Byte.space, Byte.tab, Byte.lf, Byte.cr, Byte.hash, Byte.quote: return false
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): return false
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: ","),
             UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"),
             UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"):
            return false
        default: return true
        }
    }

    /// A visible character in quotes; an invisible one by its code point.
    static func display(_ scalar: UInt32) -> String {
        let invisible = scalar < 0x20 || (0x7F...0xA0).contains(scalar) || scalar == 0xAD
            || (0x2000...0x200F).contains(scalar) || (0x2028...0x202F).contains(scalar)
            || scalar == 0x205F || scalar == 0x3000 || scalar == 0xFEFF
        guard !invisible, let character = Unicode.Scalar(scalar) else { return "U+\(hex(scalar, width: 4))" }
        return "'\(Character(character))'"
    }

    static func hint(for scalar: UInt32) -> String? {
        switch scalar {
        case 0x27: return "strings use double quotes: \"...\""
        case 0x2018, 0x2019, 0x201C, 0x201D, 0x201E: return "strings use straight double quotes: \"...\""
        case 0x26: return "write `and`"
        case 0x7C: return "write `or`"
        case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return "this is a special space; type a plain space"
        case 0x80...: return "outside strings and comments only ASCII is allowed; write other names as strings"
        default: return nil
        }
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// The length of the scalar at `pos`, after reporting it when it is not
    /// valid UTF-8. A broken sequence is skipped with the stray continuation
    /// bytes after it, so that one broken character is one error.
    mutating func checkedScalarLength() -> Int {
        let decoded = decodeScalar(at: pos)
        guard decoded.scalar == nil else { return decoded.length }
        var end = pos + decoded.length
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        error(.invalidUTF8, "invalid UTF-8 byte 0x\(Lexer.hex(UInt32(bytes[pos]), width: 2))", pos, end,
              hint: "save the file as UTF-8")
        return end - pos
    }

    /// Decodes one UTF-8 scalar, rejecting overlong forms, surrogates, values
    /// above U+10FFFF and truncated sequences (Unicode 15, table 3-7).
    func decodeScalar(at start: Int) -> (scalar: UInt32?, length: Int) {
        let lead = bytes[start]
        if lead < 0x80 { return (UInt32(lead), 1) }
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        let count: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: count = 2; value = UInt32(lead & 0x1F)
        case 0xE0: count = 3; value = UInt32(lead & 0x0F); low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3; value = UInt32(lead & 0x0F)
        case 0xED: count = 3; value = UInt32(lead & 0x0F); high = 0x9F
        case 0xF0: count = 4; value = UInt32(lead & 0x07); low = 0x90
        case 0xF1...0xF3: count = 4; value = UInt32(lead & 0x07)
        case 0xF4: count = 4; value = UInt32(lead & 0x07); high = 0x8F
        default: return (nil, 1)
        }
        var length = 1
        while length < count {
            guard start + length < bytes.count else { return (nil, length) }
            let continuation = bytes[start + length]
            guard continuation >= low, continuation <= high else { return (nil, length) }
            value = value << 6 | UInt32(continuation & 0x3F)
            low = 0x80
            high = 0xBF
            length += 1
        }
        return (value, count)
    }
}
