#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Reading plan files from disk for `load`, `include` and `plan fmt`: only
/// regular files, no bigger than a plan could sensibly be, so that `/dev/zero`
/// or a folder is an error and not a hang. The interpreter is given one of
/// these; the language itself touches no file.
public struct FileReader: SourceReader {
    /// Whether a large plan gets room on the heap for its model before it is
    /// read (`HeapRoom`). `plan lsp` reads its files again at every edit and
    /// keeps its own thresholds (LanguageServerCommand.swift).
    let makesRoomForModel: Bool

    public init(makesRoomForModel: Bool = true) {
        self.makesRoomForModel = makesRoomForModel
    }

    public func read(_ path: String) -> Result<SourceText, ReadFailure> {
        FileReader.contents(of: path, roomForModel: makesRoomForModel)
    }

    public func realPath(_ path: String) -> Result<String, ReadFailure> {
        guard !path.unicodeScalars.contains("\u{0}") else { return .failure(ReadFailure(reason: "a file name cannot hold NUL")) }
        guard let resolved = realpath(path, nil) else {
            var failure = FileReader.systemFailure()
            if errno == ENOENT { failure.nearest = FileReader.nearestFile(to: path) }
            return .failure(failure)
        }
        defer { free(resolved) }
        return .success(String(cString: resolved))
    }

    /// `warning`: say on stderr when an interrupted rewrite left a side
    /// file beside the file (docs/cli.md, "Writing files").
    static func contents(of path: String, warning: Bool = true, roomForModel: Bool = false) -> Result<SourceText, ReadFailure> {
        // The system would read only up to the NUL: another file.
        guard !path.unicodeScalars.contains("\u{0}") else { return .failure(ReadFailure(reason: "a file name cannot hold NUL")) }
        var info = stat()
        guard stat(path, &info) == 0 else {
            var failure = systemFailure()
            if errno == ENOENT { failure.nearest = nearestFile(to: path) }
            return .failure(failure)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(ReadFailure(reason: "it is a folder"))
        default: return .failure(ReadFailure(reason: "not a regular file"))
        }
        guard info.st_size <= Source.sizeLimit else { return .failure(ReadFailure(reason: "it is larger than 64 MiB")) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return .failure(systemFailure()) }
        defer { close(descriptor) }
        if roomForModel { HeapRoom.make(forTextOf: Int(info.st_size)) }
        // Read straight into an array with room for the whole file and one
        // byte more: a read that fills that byte means the file grew since
        // `stat` (or is one of /proc, whose size says 0).
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer, filled in
            filled = 0
            guard let start = buffer.baseAddress else { return }
            while filled < buffer.count {
                let count = systemRead(descriptor, start + filled, buffer.count - filled)
                if count <= 0 {
                    failed = count < 0
                    return
                }
                filled += count
            }
        }
        if failed { return .failure(systemFailure()) }
        if bytes.count > Int(info.st_size) {
            // The rest, a chunk at a time, up to the limit.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
                if count < 0 { return .failure(systemFailure()) }
                if count == 0 { break }
                bytes.append(contentsOf: chunk.prefix(count))
                if bytes.count > Source.sizeLimit { return .failure(ReadFailure(reason: "it is larger than 64 MiB")) }
            }
        }
        if warning, let side = AtomicFile.leftOverSideFile(of: path) {
            let (file, left) = (Literal.printable(path), Literal.printable(side))
            StandardStream.error.write("plan: warning: \(left) is left from a rewrite of \(file) that was interrupted: "
                                       + "it holds the whole new text; if \(file) looks cut short, copy \(left) over it; "
                                       + "then remove \(left)\n")
        }
        return .success(SourceText(bytes: bytes, canonicalPath: canonical(path)))
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

    /// The file in `path`'s folder whose name is nearest its own, written
    /// as `path` writes the folder: a typo in a file name gets a "did you mean".
    static func nearestFile(to path: String) -> String? {
        let folder = IncludePaths.folder(of: path)
        let name = String(path.dropFirst(folder.count))
        guard !name.isEmpty, let directory = opendir(folder.isEmpty ? "." : folder) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        // A folder of thousands of files is not where a plan is kept: look no further.
        while names.count < 10_000, let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if entryName != ".", entryName != ".." { names.append(entryName) }
        }
        return Suggestion.closest(to: name, among: names.sorted()).map { folder + $0 }
    }

    private static func systemFailure() -> ReadFailure {
        let text = String(cString: strerror(errno))
        return ReadFailure(reason: text.prefix(1).lowercased() + text.dropFirst())
    }
}

/// The C `read`, which `FileReader.read` hides inside the type.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
