import PlanCore
import PlanSyntax

/// How the interpreter reads the files a plan names (`load`, `include`).
/// It is passed in, so that the language does no I/O of its own: the command
/// line gives one that reads the disk, a test or an editor may give another.
public protocol SourceReader: Sendable {
    /// The text of the file at `path`, or why it cannot be had.
    func read(_ path: String) -> Result<SourceText, ReadFailure>
    /// Where `path` really is: every symbolic link followed and `.` and `..`
    /// taken, so that `include`'s rules judge the file that would be read
    /// and a file named two ways is known as one.
    func realPath(_ path: String) -> Result<String, ReadFailure>
}

public struct SourceText: Sendable {
    public var bytes: [UInt8]
    /// Symlinks resolved and `.`/`..` removed, to tell two paths to one file apart.
    public var canonicalPath: String

    public init(bytes: [UInt8], canonicalPath: String) {
        self.bytes = bytes
        self.canonicalPath = canonicalPath
    }
}

/// Why a file could not be read, as the end of `cannot read FILE: ...`.
public struct ReadFailure: Error, Sendable {
    public var reason: String
    /// A file nearby the path most likely meant (`career.plan` for `careeer.plan`).
    public var nearest: String?

    public init(reason: String, nearest: String? = nil) {
        self.reason = reason
        self.nearest = nearest
    }

    /// The error for a file named on the command line or loaded by hand.
    public func cannotRead(_ path: String) -> Diagnostic {
        .error(.includeFailed, "cannot read \(path): \(reason)", at: .none, hint: hint)
    }

    /// "did you mean" the nearest file, when there is one.
    public var hint: String? { nearest.map { "did you mean \($0)?" } }
}

/// The reader of an interpreter given none: a plan of its own text alone.
public struct NoFiles: SourceReader {
    public init() {}

    public func read(_ path: String) -> Result<SourceText, ReadFailure> {
        .failure(ReadFailure(reason: "this session reads no files"))
    }

    public func realPath(_ path: String) -> Result<String, ReadFailure> {
        .failure(ReadFailure(reason: "this session reads no files"))
    }
}

/// Paths as `include` and `load` write them; only text, no file is touched.
public enum IncludePaths {
    /// How deep includes may nest before it is taken for a mistake.
    static let nestingLimit = 100
    /// How many `include` statements one plan may run in all: far more than
    /// a plan split by hand into files needs, and a bound on the work of
    /// one that includes its files many times over.
    static let statementLimit = 10_000

    /// The folder holding `path`, as a prefix for paths relative to it
    /// (empty for a file in the current directory).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// Why `include` will not read `path` (`resolved` relative to the
    /// including file), decided before anything is read: only a file whose
    /// name ends in `.plan`, so that a shared plan cannot pull in
    /// `/etc/passwd` or `/proc/self/environ` and show their lines in its
    /// messages; and no NUL, which the system would take for the end of the
    /// path (`t.plan\u{0}.x` would read `t.plan`).
    public static func refusal(_ path: String, resolved: String) -> (message: String, hint: String)? {
        // `.` resolves to nothing; the message names what was written.
        let shown = resolved.isEmpty ? path : resolved
        if path.unicodeScalars.contains("\u{0}") {
            return ("cannot include \(shown): a file name cannot hold NUL", "remove the \\u{0} from the path")
        }
        let file = shown.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard file.hasSuffix(".plan") else {
            return ("cannot include \(shown): only .plan files can be included",
                    "include reads only files whose name ends in .plan")
        }
        return nil
    }

    /// `path` as written in an `include`, relative to `folder` unless
    /// absolute, without `.` steps, so that messages name it plainly.
    public static func resolve(_ path: String, in folder: String) -> String {
        let joined = path.hasPrefix("/") ? path : folder + path
        let parts = joined.split(separator: "/", omittingEmptySubsequences: false)
        let kept = parts.enumerated().filter { position, part in
            part != "." && (part != "" || position == 0 || position == parts.count - 1)
        }
        return kept.map(\.element).joined(separator: "/")
    }
}
