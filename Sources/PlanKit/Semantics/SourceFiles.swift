#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading plan files from disk for `load`, `include` and `plan fmt`: only
/// regular files, no bigger than a plan could sensibly be, so that `/dev/zero`
/// or a folder is an error and not a hang.
public enum SourceFiles {
    public static let sizeLimit = 64 << 20
    /// How deep includes may nest before it is taken for a mistake.
    static let nestingLimit = 100

    public struct File {
        public var bytes: [UInt8]
        /// Symlinks resolved and `.`/`..` removed, to tell two paths to one file apart.
        public var canonicalPath: String
    }

    /// Why a file could not be read, as the end of `cannot read FILE: ...`.
    public struct Failure: Error {
        public var reason: String

        /// The error for a file named on the command line or loaded by hand.
        public func cannotRead(_ path: String) -> Diagnostic {
            .error(.includeFailed, "cannot read \(path): \(reason)", at: .none)
        }
    }

    public static func contents(of path: String) -> Result<File, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(systemFailure()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(Failure(reason: "it is a folder"))
        default: return .failure(Failure(reason: "not a regular file"))
        }
        guard info.st_size <= sizeLimit else { return .failure(Failure(reason: "it is larger than 64 MiB")) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(systemFailure()) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // Room for the whole file up front, so that a large one is not copied as the array grows.
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 { return .failure(systemFailure()) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk.prefix(count))
            // The file may grow after the size check; the limit still holds.
            if bytes.count > sizeLimit { return .failure(Failure(reason: "it is larger than 64 MiB")) }
        }
        return .success(File(bytes: bytes, canonicalPath: canonical(path)))
    }

    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return absolute(path) }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// `path` from the root, `.` and `..` steps taken by their spelling,
    /// for when realpath cannot say (the file went away meanwhile).
    /// Plain C, so that PlanKit needs no Foundation: loading it costs a
    /// process about 10 MB.
    public static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/"), let directory = getcwd(nil, 0) {
            full = String(cString: directory) + "/" + path
            free(directory)
        }
        var parts: [Substring] = []
        for part in full.split(separator: "/") where part != "." {
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The folder holding `path`, as a prefix for paths relative to it
    /// (empty for a file in the current directory).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `path` as written in an `include`, relative to `folder` unless
    /// absolute, without `.` steps, so that messages name it plainly.
    static func resolve(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + path
        let parts = joined.split(separator: "/", omittingEmptySubsequences: false)
        let kept = parts.enumerated().filter { position, part in
            part != "." && (part != "" || position == 0 || position == parts.count - 1)
        }
        return kept.map(\.element).joined(separator: "/")
    }

    private static func systemFailure() -> Failure {
        let text = String(cString: strerror(errno))
        return Failure(reason: text.prefix(1).lowercased() + text.dropFirst())
    }
}
