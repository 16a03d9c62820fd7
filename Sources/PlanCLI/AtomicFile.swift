#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanKit

/// Writes files so that a reader never sees half of one and a failure never
/// leaves the old file damaged: a temporary file in the same folder (so the
/// rename cannot cross file systems), flushed, given the old file's mode,
/// owner and group, then renamed over the target.
///
/// Renaming gives the name a new file, which is wrong when the old one has
/// other names (hard links) or an owner this process cannot give away; then
/// the file is rewritten in place after a backup copy, as gofmt does.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// `sparing` names files the text must never replace: an export's own
    /// sources. They are told apart by device and inode, so no spelling of
    /// the path (`./x.plan`, a link) slips past.
    static func write(_ text: String, to given: String, sparing: [String] = []) throws(WriteError) {
        let path = try followingLink(given)
        // From the root, so that a message names the folder whatever the
        // current directory.
        let full = FileReader.absolute(path)
        let slash = full.lastIndex(of: "/") ?? full.startIndex
        let folder = slash == full.startIndex ? "/" : String(full[..<slash])
        let bytes = Array(text.utf8)

        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { throw failure(path, errno) }
            _ = try replace(path, in: folder, with: bytes, mode: 0o644, owner: nil)
            return
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw WriteError(description: "\(path) is not a regular file")
        }
        // Root may write any file, but a mode without write bits still says
        // the file is meant to stay as it is.
        guard status.st_mode & 0o222 != 0 else {
            throw WriteError(description: "cannot write \(path): it is read-only")
        }
        guard faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 else { throw failure(path, errno) }
        for source in sparing {
            var other = stat()
            if stat(source, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                throw WriteError(description: "cannot write \(path): it is one of the plan's source files")
            }
        }
        let mode = status.st_mode & 0o7777
        if status.st_nlink > 1 {
            try rewriteInPlace(path, in: folder, with: bytes)
        } else if try !replace(path, in: folder, with: bytes, mode: mode, owner: (status.st_uid, status.st_gid)) {
            try rewriteInPlace(path, in: folder, with: bytes)
        }
    }

    /// The file a symbolic link names, since renaming over the link would
    /// cut it loose and leave that file unchanged; a link to nothing is
    /// refused rather than replaced by a file.
    private static func followingLink(_ path: String) throws(WriteError) -> String {
        var link = stat()
        guard lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK else { return path }
        guard let resolved = realpath(path, nil) else {
            if errno == ENOENT {
                throw WriteError(description: "cannot write \(path): it is a symbolic link to a file that does not exist")
            }
            throw failure(path, errno)
        }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes `bytes` to a new file in `folder` and renames it over `path`.
    /// False, with nothing changed, when the new file cannot be given
    /// `owner` (only root may give a file away).
    private static func replace(_ path: String, in folder: String, with bytes: [UInt8], mode: mode_t,
                                owner: (user: uid_t, group: gid_t)?) throws(WriteError) -> Bool {
        let (descriptor, temporary) = try makeTemporary(in: folder)
        var created = stat()
        var failed: Int32?
        if fstat(descriptor, &created) != 0 {
            failed = errno
        } else if let owner, created.st_uid != owner.user || created.st_gid != owner.group,
                  fchown(descriptor, owner.user, owner.group) != 0 {
            let refused = errno
            close(descriptor)
            unlink(temporary)
            guard refused == EPERM else { throw failure(path, refused) }
            return false
        }
        failed = failed ?? StandardStream.writeAll(bytes, to: descriptor)
        // After fchown, which clears the set-user-ID bit; and mkstemp made the
        // file 0600.
        if failed == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { failed = errno }
        close(descriptor)
        if failed == nil, rename(temporary, path) != 0 { failed = errno }
        if let failed {
            unlink(temporary)
            throw failure(path, failed)
        }
        return true
    }

    /// Writes `bytes` over the file itself, so that every name it has sees
    /// them and its inode, owner and mode stay. A backup copy is made first;
    /// when the rewrite fails the old text is put back from it, and when even
    /// that fails the backup stays and the message says where.
    private static func rewriteInPlace(_ path: String, in folder: String, with bytes: [UInt8]) throws(WriteError) {
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno) }
        defer { close(descriptor) }
        let (backup, backupPath) = try makeTemporary(in: folder)
        defer { close(backup) }
        if let failed = copy(from: descriptor, to: backup) {
            unlink(backupPath)
            throw WriteError(description: "cannot write \(path): cannot back it up: \(StandardStream.reason(failed))")
        }
        guard let failed = overwrite(descriptor, with: bytes) else {
            unlink(backupPath)
            return
        }
        if copy(from: backup, to: descriptor) == nil {
            unlink(backupPath)
            throw failure(path, failed)
        }
        throw WriteError(description: "cannot write \(path): \(StandardStream.reason(failed)); "
                         + "its old text is in \(backupPath)")
    }

    /// A new empty file in `folder`, private to this user, with a short
    /// unique name: mkstemp never takes a leftover file's name, and the name
    /// stays short beside one of the longest a folder allows.
    private static func makeTemporary(in folder: String) throws(WriteError) -> (Int32, String) {
        var template = Array((folder + "/.plan-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write in \(folder): \(StandardStream.reason(errno))")
        }
        return (descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// All of `source` written over `destination` from its start, which
    /// then ends there; nil when it all went, else the errno that stopped it.
    private static func copy(from source: Int32, to destination: Int32) -> Int32? {
        guard lseek(source, 0, SEEK_SET) == 0, lseek(destination, 0, SEEK_SET) == 0 else { return errno }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var total = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            if count < 0 { return errno }
            if count == 0 { break }
            if let failed = StandardStream.writeAll(Array(chunk.prefix(count)), to: destination) { return failed }
            total += count
        }
        return ftruncate(destination, off_t(total)) == 0 && fsync(destination) == 0 ? nil : errno
    }

    /// `bytes` from the start of the open file, cut after them and flushed.
    private static func overwrite(_ descriptor: Int32, with bytes: [UInt8]) -> Int32? {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return errno }
        if let failed = StandardStream.writeAll(bytes, to: descriptor) { return failed }
        return ftruncate(descriptor, off_t(bytes.count)) == 0 && fsync(descriptor) == 0 ? nil : errno
    }

    private static func failure(_ path: String, _ code: Int32) -> WriteError {
        WriteError(description: "cannot write \(path): \(StandardStream.reason(code))")
    }
}
