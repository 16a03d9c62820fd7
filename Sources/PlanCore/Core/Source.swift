#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input text (a file, a REPL line, an `-e` expression) as UTF-8 bytes.
///
/// Positions everywhere else are byte offsets; line and column are computed
/// only here, when a diagnostic or an answer needs them.
public struct Source: Sendable {
    /// The most a file, an included file or standard input may hold: a plan
    /// is written by a person, and past this it is taken for a mistake.
    public static let sizeLimit = 64 << 20

    public let name: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; line 1 starts at 0.
    public let lineStarts: [Int]
    /// The number of the first line: a piece of a longer input (a statement
    /// of a piped script) counts its lines from where it stands in it.
    public let firstLine: Int
    /// Where excerpts of this source stop: the end of the line of its first
    /// syntax error, once an included file turned out not to be a plan, so
    /// that whatever that file really holds shows no further than that.
    public internal(set) var excerptsEnd: Int?

    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // memchr finds each line feed many bytes a step; a large plan has millions of bytes.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                starts.append(offset)
            }
        }
        self.lineStarts = starts
    }

    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The line holding `offset`, counted from `firstLine`.
    public func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + firstLine
    }

    /// The offset where `line` (counted from `firstLine`) starts; 0 past either end.
    public func start(ofLine line: Int) -> Int {
        let position = line - firstLine
        return lineStarts.indices.contains(position) ? lineStarts[position] : 0
    }

    /// 1-based line and column; a column counts Unicode scalars, a tab is one.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(of: clamped)
        let start = self.start(ofLine: line)
        var column = 1
        var index = start
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        // An offset inside a multi-byte scalar belongs to that scalar.
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80, column > 1 { column -= 1 }
        return (line, column)
    }

    /// The bytes of `line` (counted from `firstLine`) without its line ending.
    public func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        let position = line - firstLine
        guard position >= 0, position < lineStarts.count else { return [] }
        let start = lineStarts[position]
        var end = position + 1 < lineStarts.count ? lineStarts[position + 1] : bytes.count
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    public func text(_ range: SourceRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

/// A half-open span of bytes in one source of a `SourceMap`.
///
/// Stored in 32-bit fields, half the size of three `Int`s: every token, name
/// and AST node holds one. A source is at most 64 MiB (`Source.sizeLimit`), far
/// below 4 GiB; anything larger is clamped.
///
/// Inlinable, as the lexer and parser in another module make one for every
/// token (docs/architecture.md).
public struct SourceRange: Hashable, Sendable {
    @usableFromInline var storedSource: Int32
    @usableFromInline var storedStart: UInt32
    @usableFromInline var storedEnd: UInt32

    @inlinable public var source: Int {
        get { Int(storedSource) }
        set { storedSource = Int32(clamping: newValue) }
    }
    @inlinable public var start: Int {
        get { Int(storedStart) }
        set { storedStart = UInt32(clamping: newValue) }
    }
    @inlinable public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = UInt32(clamping: newValue) }
    }

    @inlinable public init(source: Int, start: Int, end: Int) {
        storedSource = Int32(clamping: source)
        storedStart = UInt32(clamping: start)
        storedEnd = UInt32(clamping: end)
    }

    /// The smallest range covering both; both must be in the same source.
    public func through(_ other: SourceRange) -> SourceRange {
        SourceRange(source: source, start: min(start, other.start), end: max(end, other.end))
    }

    /// Used for things that have no place in any source (a plan built in code).
    public static let none = SourceRange(source: -1, start: 0, end: 0)
}

/// Every source loaded in one session, so that a range from an included file
/// can still be shown with its own file name and line.
public struct SourceMap: Sendable {
    public private(set) var sources: [Source] = []

    public init() {}

    public mutating func add(_ source: Source) -> Int {
        sources.append(source)
        return sources.count - 1
    }

    /// No excerpt of source `id` past the line holding `offset` (the first
    /// is kept when several are given).
    package mutating func endExcerpts(of id: Int, atLineOf offset: Int) {
        guard id >= 0, id < sources.count, sources[id].excerptsEnd == nil else { return }
        let source = sources[id]
        let line = source.line(of: offset)
        let lineEnd = source.start(ofLine: line) + source.lineBytes(line).count
        sources[id].excerptsEnd = lineEnd
    }

    public subscript(id: Int) -> Source? {
        id >= 0 && id < sources.count ? sources[id] : nil
    }

    public var count: Int { sources.count }

    /// Forgets the sources added since there were `count`.
    package mutating func removeAll(from count: Int) {
        guard count >= 0, count < sources.count else { return }
        sources.removeSubrange(count...)
    }
}
