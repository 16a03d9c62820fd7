#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Standard input that is not a terminal: no prompt and no editing; it runs
/// as a file does, statement by statement as the lines arrive, and ends as
/// `plan run` ends. Lines starting with `:` are commands. Each statement is
/// a source of its own that counts its lines from where it stands, so that
/// a long script costs time and memory in proportion to its length.
/// `input` is the descriptor read: standard input, or the fuzz target's
/// file (Fuzz/REPLScriptTarget.swift), which builds this file without
/// libedit.
func runScript(session: inout Session, input descriptor: Int32) -> Int32 {
    var input = LineReader(descriptor: descriptor, limit: Source.sizeLimit)
    var statement = ScriptStatement()
    var lineNumber = 0
    var quit = false
    while !quit {
        // Empty lines are many in some inputs (`yes ''`) and say nothing,
        // but inside a statement they keep its later lines' numbers right.
        let emptyLines = input.skipEmptyLines()
        lineNumber += emptyLines
        statement.appendEmptyLines(emptyLines)
        guard let line = input.next() else { break }
        lineNumber += 1
        let firstByte = line.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
        if firstByte == UInt8(ascii: ":"), !statement.continues(with: line) {
            statement.run(in: &session)
            quit = session.execute(String(decoding: line, as: UTF8.self)) == .quit
            continue
        }
        if firstByte == nil || statement.continues(with: line) {
            statement.append(line, number: lineNumber)
            continue
        }
        // A line at the left margin starts the next statement: the one
        // before is whole and runs now.
        statement.run(in: &session)
        statement.append(line, number: lineNumber)
    }
    statement.run(in: &session)
    if let failure = input.failure {
        Presenter(options: session.context.output).present([.diagnostic(failure.diagnostic)], in: session.interpreter)
        return 1
    }
    return session.finish()
}

/// The lines of one statement of a piped script, until the next one starts.
private struct ScriptStatement {
    private var bytes: [UInt8] = []
    private var firstLine = 0
    /// Whether anything but blanks has come.
    private var started = false
    private var ending = LineContinuation()

    /// A line continues the statement when it is indented (a goal's clause
    /// lines), or when the statement so far stops midway (an open bracket,
    /// a trailing comma or operator), as in a file.
    func continues(with line: ArraySlice<UInt8>) -> Bool {
        guard started else { return false }
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { return true }
        return ending.continues
    }

    mutating func append(_ line: ArraySlice<UInt8>, number: Int) {
        let blank = !line.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
        guard started || !blank else { return }
        if !started {
            started = true
            firstLine = number
        }
        bytes += line
        bytes.append(UInt8(ascii: "\n"))
        ending.read(line)
    }

    mutating func appendEmptyLines(_ count: Int) {
        guard started, count > 0 else { return }
        bytes += repeatElement(UInt8(ascii: "\n"), count: count)
    }

    mutating func run(in session: inout Session) {
        guard started else { return }
        session.evaluate(Source(name: Inputs.stdinName, bytes: bytes, firstLine: firstLine))
        bytes = []
        started = false
        ending = LineContinuation()
    }
}

/// Standard input line by line as it arrives, held to the bound a file has.
private struct LineReader {
    let descriptor: Int32
    let limit: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// Where to look for the next line feed: a long line is searched once.
    private var searched = 0
    private var total = 0
    private var ended = false
    private(set) var failure: StandardStream.InputFailure?

    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// Moves past the empty lines that come next; how many there were.
    mutating func skipEmptyLines() -> Int {
        var skipped = 0
        while true {
            let start = position
            position = buffer.withUnsafeBufferPointer { bytes in
                var end = start
                while end < bytes.count, bytes[end] == UInt8(ascii: "\n") { end += 1 }
                return end
            }
            skipped += position - start
            guard position == buffer.count, !ended, failure == nil else { return skipped }
            fill()
        }
    }

    /// The next line without its line feed; nil at the end or on a failure.
    mutating func next() -> ArraySlice<UInt8>? {
        while true {
            if let end = buffer[max(position, searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[position..<end]
                position = end + 1
                searched = position
                return line
            }
            searched = buffer.count
            if ended || failure != nil {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return line
            }
            fill()
        }
    }

    /// Reads more, what is left of the buffer moved to its front first.
    private mutating func fill() {
        while true {
            buffer.removeFirst(position)
            searched = max(0, searched - position)
            position = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 {
                failure = StandardStream.InputFailure(reason: StandardStream.reason(errno))
            } else if count == 0 {
                ended = true
            } else if total + count > limit {
                failure = StandardStream.InputFailure(reason: "it is larger than \(limit >> 20) MiB")
                buffer = []
                searched = 0
            } else {
                total += count
                buffer += chunk[0..<count]
            }
            return
        }
    }
}
