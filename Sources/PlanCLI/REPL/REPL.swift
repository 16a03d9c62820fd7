import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanKit

/// The interactive session, `plan` on a terminal or `plan repl [FILE...]`.
/// On a terminal it edits lines with libedit; otherwise it reads standard
/// input as a script, so `echo 'count(goals)' | plan repl my.plan` answers.
/// A file named that cannot be read ends it before it starts, status 1.
func runREPL(files: [String], context: CommandContext) -> Int32 {
    let interactive = isatty(0) != 0
    var session = Session(context: context, interactive: interactive)
    guard session.load(files) else { return 1 }
    if !interactive {
        return runScript(session: &session)
    }
    // libedit reads the character set when it starts: UTF-8 input needs it.
    setlocale(LC_CTYPE, "")
    let historyPath = LineEditor.historyPath(environment: processEnvironment())
    guard let editor = LineEditor(completer: Completer(plan: session.interpreter.plan), historyPath: historyPath) else {
        return runScript(session: &session)
    }
    return runInteractive(editor: editor, session: &session)
}

private func runInteractive(editor: LineEditor, session: inout Session) -> Int32 {
    shim_ignore_sigint()
    StandardStream.output.write("plan: type :help for help, :quit or Ctrl-D to leave\n")
    var pending = PendingInput()
    var lastDeclaration: Declaration?
    while true {
        editor.completer.plan = session.interpreter.plan
        switch editor.read(continuing: !pending.isEmpty, trying: session.isTrying) {
        case .end:
            StandardStream.output.write("\n")
            return 0
        case .interrupted:
            pending.clear()
        case .line(let line):
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" }
            if pending.isEmpty {
                if blank { continue }
                if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix(":") {
                    editor.remember(line)
                    if session.execute(line) == .quit { return 0 }
                    continue
                }
                // Indented clause lines after a declaration, as in a file
                // (or pasted from one), go on declaring that entity.
                if let declaration = lastDeclaration, line.first == " " || line.first == "\t" {
                    editor.remember(line)
                    pending.append("update \(declaration.kind.rawValue) \(Literal.name(declaration.name.text))")
                    pending.append(line)
                    pending.typed = ""
                } else {
                    pending.append(line)
                }
                if pending.needsMore { continue }
            } else if !blank {
                pending.append(line)
                if pending.needsMore { continue }
            }
            // A statement over several lines is one history entry, recalled
            // whole by Up.
            if !pending.typed.isEmpty { editor.remember(pending.text) }
            // An empty line while continuing evaluates what there is, so its
            // error shows instead of the prompt waiting forever.
            let source = Source(name: "<repl>", text: pending.text)
            let errorsBefore = session.hadErrors
            session.evaluate(source)
            lastDeclaration = session.hadErrors != errorsBefore ? nil : PendingInput.lastDeclaration(in: source)
            pending.clear()
        }
    }
}

/// Standard input that is not a terminal: no prompt and no editing; it runs
/// as a file does, statement by statement as the lines arrive, and ends as
/// `plan run` ends. Lines starting with `:` are commands. Each statement is
/// a source of its own that counts its lines from where it stands, so that
/// a long script costs time and memory in proportion to its length.
private func runScript(session: inout Session) -> Int32 {
    var input = LineReader(descriptor: 0, limit: Source.sizeLimit)
    var statement = ScriptStatement()
    var lineNumber = 0
    var quit = false
    while !quit {
        // Empty lines are many in some inputs (`yes ''`) and say nothing.
        lineNumber += input.skipEmptyLines()
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

    /// A line continues the statement when it is indented (a goal's clause
    /// lines), or when the statement so far stops midway (an open bracket,
    /// a trailing comma or operator).
    func continues(with line: ArraySlice<UInt8>) -> Bool {
        guard started else { return false }
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t") { return true }
        return Parser.parse(Source(name: Inputs.stdinName, bytes: bytes), id: 0).isIncomplete
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
    }

    mutating func run(in session: inout Session) {
        guard started else { return }
        session.evaluate(Source(name: Inputs.stdinName, bytes: bytes, firstLine: firstLine))
        bytes = []
        started = false
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
