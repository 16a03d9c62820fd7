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

    var isTerminal: Bool { isatty(descriptor) == 1 }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        let bytes = Array(text.utf8)
        var written = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                #if canImport(Glibc)
                let result = Glibc.write(descriptor, base.advanced(by: written), buffer.count - written)
                #else
                let result = Darwin.write(descriptor, base.advanced(by: written), buffer.count - written)
                #endif
                if result < 0 {
                    if errno == EINTR { continue }
                    return
                }
                written += result
            }
        }
    }
}
