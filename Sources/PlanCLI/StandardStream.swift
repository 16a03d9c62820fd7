#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// stdout or stderr, written straight to the file descriptor so that answers
/// and diagnostics keep their relative order on a terminal.
enum StandardStream {
    case output, error

    var descriptor: Int32 { self == .output ? 1 : 2 }

    /// Standard input up to its end, or why it could not be had: more than
    /// `limit` bytes (a pipe can be endless, as `/dev/zero` and `yes` are)
    /// or a read error. Reading stops at the limit, so memory stays bounded.
    static func readInput(limit: Int) -> Result<[UInt8], InputFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return .failure(InputFailure(reason: Self.reason(errno))) }
            if count == 0 { return .success(bytes) }
            guard bytes.count + count <= limit else {
                return .failure(InputFailure(reason: "it is larger than \(limit >> 20) MiB"))
            }
            bytes.append(contentsOf: chunk.prefix(count))
        }
    }

    /// Why standard input could not be read, worded as the end of
    /// `cannot read <stdin>: ...`, as a file's reason is.
    struct InputFailure: Error {
        var reason: String
    }

    /// `strerror`'s text, lower case first as in the middle of a sentence.
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    var isTerminal: Bool { isatty(descriptor) == 1 }

    /// Writes all of `text`. When standard output fails, plan stops there
    /// (see `outputFailed`); a failure on stderr has nowhere to be told.
    func write(_ text: String) {
        #if PLAN_FUZZ_SINK
        // The REPL fuzz target looks at the text instead (Fuzz/REPLScriptTarget.swift).
        fuzzSink(text, self)
        #else
        guard !text.isEmpty, let failure = Self.writeAll(Array(text.utf8), to: descriptor), self == .output else { return }
        Self.outputFailed(failure)
        #endif
    }

    /// Answers that cannot reach standard output (a full disk, a closed
    /// descriptor) end plan with status 1 and the reason: a pipeline such as
    /// `plan fmt x.plan > tmp && mv tmp x.plan` trusts the status, and going
    /// on would only lose more. A reader that left (`plan run x | head -1`)
    /// wanted no more: plan ends quietly, as SIGPIPE ends it when not ignored.
    static func outputFailed(_ code: Int32) -> Never {
        if code == EPIPE {
            signal(SIGPIPE, SIG_DFL)
            raise(SIGPIPE)
        }
        error.write("plan: error: cannot write to standard output: \(reason(code))\n")
        exit(1)
    }

    /// Writes every byte, going on after a short write or an interrupted
    /// call; nil when all went, else the errno that stopped it.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var written = 0
        return bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            while written < buffer.count {
                #if canImport(Glibc)
                let result = Glibc.write(descriptor, base.advanced(by: written), buffer.count - written)
                #else
                let result = Darwin.write(descriptor, base.advanced(by: written), buffer.count - written)
                #endif
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
    }
}
