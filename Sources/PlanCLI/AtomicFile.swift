#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanKit

/// Writes files so that a reader never sees half of one and a failure never
/// leaves the old file damaged: a temporary file in the same folder (so the
/// rename cannot cross file systems), flushed, given the old file's
/// permissions, then renamed over the target.
enum AtomicFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to given: String) throws(WriteError) {
        // Through a symbolic link to the file it names: renaming over the
        // link would cut it loose and leave the real file unchanged.
        var path = given
        var link = stat()
        if lstat(given, &link) == 0, link.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(given, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        // From the root, so that a message names the folder whatever the
        // current directory.
        let full = SourceFiles.absolute(path)
        let slash = full.lastIndex(of: "/") ?? full.startIndex
        let folder = slash == full.startIndex ? "/" : String(full[..<slash])
        let temporary = folder + "/." + full[full.index(after: slash)...] + ".plan-tmp-\(getpid())"
        let bytes = Array(text.utf8)

        var permissions: mode_t = 0o644
        var status = stat()
        if stat(path, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw WriteError(description: "\(path) is not a regular file")
            }
            permissions = status.st_mode & 0o7777
        }

        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write in \(folder): \(String(cString: strerror(errno)))")
        }
        let failure = StandardStream.writeAll(bytes, to: descriptor).map { String(cString: strerror($0)) }
        // open() applied the umask; the old file's exact permissions win.
        let finished = failure ?? (fchmod(descriptor, permissions) == 0 && fsync(descriptor) == 0 ? nil : String(cString: strerror(errno)))
        close(descriptor)
        if let finished {
            unlink(temporary)
            throw WriteError(description: "cannot write \(path): \(finished)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(description: "cannot write \(path): \(reason)")
        }
    }
}
