import PlanCore
import PlanSyntax
import PlanKit

/// The base protocol's framing: header lines (`Content-Length: N`), an
/// empty line, then N bytes of JSON. Bytes are pushed as they arrive and
/// whole messages taken out, so a message split over reads, or several in
/// one read, come out the same. A header or a body over its bound is
/// reported and skipped without being held, and the next message still reads.
public struct MessageFramer: Sendable {
    /// A body may be as large as a file.
    public static let bodyLimit = Source.sizeLimit
    /// Headers are a line or two; more is not a client talking.
    public static let headerLimit = 8 << 10

    public enum Frame: Equatable, Sendable {
        case message([UInt8])
        /// What was wrong; the server answers it with a parse error.
        case malformed(String)
    }

    private var buffer: [UInt8] = []
    /// Where unread bytes start in `buffer`, so that taking a message out is
    /// not a copy of all that follows it.
    private var start = 0
    /// Bytes of an over-long body still to be thrown away.
    private var skipping = 0
    /// Throwing away header bytes up to the next empty line.
    private var resynchronizing = false

    public init() {}

    public mutating func push<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, or nil until more bytes come.
    public mutating func next() -> Frame? {
        while true {
            if skipping > 0 {
                let dropped = min(skipping, buffer.count - start)
                start += dropped
                skipping -= dropped
                compact()
                if skipping > 0 { return nil }
            }
            guard let headerEnd = find(terminator: [0x0D, 0x0A, 0x0D, 0x0A]) else {
                if buffer.count - start > Self.headerLimit {
                    // Keep the last three bytes: they may begin the empty line.
                    start = buffer.count - 3
                    compact()
                    if !resynchronizing {
                        resynchronizing = true
                        return .malformed("a message header longer than \(Self.headerLimit) bytes")
                    }
                }
                return nil
            }
            let headerStart = start
            let header = buffer[headerStart..<headerEnd]
            start = headerEnd + 4
            if resynchronizing {
                resynchronizing = false
                compact()
                continue
            }
            switch Self.contentLength(header) {
            case .failure(let problem):
                compact()
                return .malformed(problem.message)
            case .success(let length) where length > Self.bodyLimit:
                skipping = length
                return .malformed("a message of \(length) bytes, over the 64 MiB bound")
            case .success(let length):
                guard buffer.count - start >= length else {
                    start = headerStart
                    return nil
                }
                let body = Array(buffer[start..<start + length])
                start += length
                compact()
                return .message(body)
            }
        }
    }

    private func find(terminator: [UInt8]) -> Int? {
        let limit = buffer.count - terminator.count
        guard limit >= start else { return nil }
        var index = start
        while index <= limit {
            if buffer[index] == terminator[0], buffer[index + 1] == terminator[1],
               buffer[index + 2] == terminator[2], buffer[index + 3] == terminator[3] {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Drops what has been read once it is most of the buffer: each byte is
    /// moved a bounded number of times, so reading stays linear.
    private mutating func compact() {
        if start >= buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        } else if start > 4096, start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            start = 0
        }
    }

    static func contentLength(_ header: ArraySlice<UInt8>) -> Result<Int, HeaderProblem> {
        guard let text = String(validating: header, as: UTF8.self) else { return .failure(HeaderProblem(message: "a message header that is not UTF-8")) }
        var length: Int?
        for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else { return .failure(HeaderProblem(message: "a message header line without ':'")) }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces
            if name == "content-length" {
                guard !value.isEmpty, value.count <= 12, value.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(value) else {
                    return .failure(HeaderProblem(message: "a Content-Length that is not a number"))
                }
                length = number
            }
        }
        guard let length else { return .failure(HeaderProblem(message: "a message without Content-Length")) }
        return .success(length)
    }

    /// A message as it goes out: its header, then its body.
    public static func frame(_ body: String) -> [UInt8] {
        frame(Array(body.utf8))
    }

    /// A message written straight to bytes, with no String between.
    public static func frame(_ message: JSON) -> [UInt8] {
        var body: [UInt8] = []
        message.write(to: &body)
        return frame(body)
    }

    private static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// What is wrong with a message's header.
struct HeaderProblem: Error {
    var message: String
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}
