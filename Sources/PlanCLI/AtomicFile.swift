#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Writes files so that a reader never sees half of one and a failure never
/// leaves the old file damaged: a temporary file in the same folder (so the
/// rename cannot cross file systems), flushed, given the old file's mode,
/// owner and group, then renamed over the target.
///
/// Renaming gives the name a new file, which is wrong when the old one has
/// other names (hard links) or an owner this process cannot give away; then
/// the whole new text goes to a side file first, and only once it is there
/// is it copied over the file itself (docs/cli.md, "Writing files", says
/// what a kill in between leaves).
///
/// Several files are written all or nothing: every one is checked, then
/// every new text is put beside its file, and only then are they put in place.
enum AtomicFile {
    struct WriteError: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    /// `sparing` names files the text must never replace: an export's own
    /// sources. They are told apart by device and inode, so no spelling of
    /// the path (`./x.plan`, a link) slips past.
    static func write(_ text: String, to given: String, sparing: [String] = []) throws(WriteError) {
        try write([(text, given)], sparing: sparing)
    }

    /// Writes every file or, when one cannot be written, leaves them all as
    /// they were. Messages name each file as it was given.
    static func write(_ files: [(text: String, path: String)], sparing: [String] = []) throws(WriteError) {
        try write(files.map { (bytes: Array($0.text.utf8), path: $0.path) }, sparing: sparing)
    }

    /// `write`, for bytes already encoded: a large export made straight into
    /// bytes is never held as a string too.
    static func write(_ bytes: [UInt8], to given: String, sparing: [String] = []) throws(WriteError) {
        try write([(bytes: bytes, path: given)], sparing: sparing)
    }

    static func write(_ files: [(bytes: [UInt8], path: String)], sparing: [String] = []) throws(WriteError) {
        let several = files.count > 1
        func refusal(_ error: WriteError) -> WriteError {
            several ? WriteError(description: error.description + "; no file was written") : error
        }
        var targets: [Target] = []
        for file in files {
            let target: Target
            do {
                target = try Target(file.bytes, to: file.path, sparing: sparing)
            } catch {
                throw refusal(error)
            }
            // One file under two names is written once.
            if let earlier = targets.first(where: { $0.isSameFile(as: target) }) {
                guard earlier.bytes == target.bytes else {
                    throw refusal(WriteError(description: "cannot write \(target.name): it is \(earlier.name) too, "
                                             + "which is given another text"))
                }
                continue
            }
            targets.append(target)
        }
        var folders: [String] = []
        for target in targets where !folders.contains(target.folder) {
            folders.append(target.folder)
            removeStaleTemporaries(in: target.folder)
        }
        var staged: [Staged] = []
        for target in targets {
            do {
                staged.append(try Staged(target, keepingOld: several))
            } catch {
                staged.forEach { $0.discard() }
                throw refusal(error)
            }
        }
        try commit(staged)
    }

    /// Puts every staged text in place, in order; when one cannot be, the
    /// rest are forgotten and those already in place get their old text back.
    static func commit(_ staged: [Staged]) throws(WriteError) {
        for (index, item) in staged.enumerated() {
            guard let failure = item.commit() else { continue }
            staged[(index + 1)...].forEach { $0.discard() }
            let unrestored = staged[..<index].filter { !$0.restore() }.map { Literal.printable($0.target.name) }
            guard staged.count > 1 else { throw failure }
            throw WriteError(description: failure.description + (unrestored.isEmpty
                ? "; no file was changed" : "; could not put back the old text of " + unrestored.joined(separator: ", ")))
        }
    }

    /// One file to write, checked: where it is, and what it is now.
    struct Target {
        /// As given, for messages.
        let name: String
        /// Through a symbolic link to the file itself.
        let path: String
        let folder: String
        let bytes: [UInt8]
        /// nil when the file is new.
        let existing: stat?

        init(_ text: String, to given: String, sparing: [String]) throws(WriteError) {
            try self.init(Array(text.utf8), to: given, sparing: sparing)
        }

        init(_ bytes: [UInt8], to given: String, sparing: [String]) throws(WriteError) {
            name = given
            path = try AtomicFile.followingLink(given)
            // From the root, so that a message names the folder whatever the
            // current directory.
            let full = FileReader.absolute(path)
            let slash = full.lastIndex(of: "/") ?? full.startIndex
            folder = slash == full.startIndex ? "/" : String(full[..<slash])
            self.bytes = bytes

            var status = stat()
            guard stat(path, &status) == 0 else {
                guard errno == ENOENT else { throw failure(given, errno) }
                existing = nil
                try Target.checkFolder(folder)
                return
            }
            existing = status
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw WriteError(description: "\(given) is not a regular file")
            }
            // Root may write any file, but a mode without write bits still says
            // the file is meant to stay as it is.
            guard status.st_mode & 0o222 != 0 else {
                throw WriteError(description: "cannot write \(given): it is read-only")
            }
            guard faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) == 0 else { throw failure(given, errno) }
            for source in sparing {
                var other = stat()
                if stat(source, &other) == 0, other.st_dev == status.st_dev, other.st_ino == status.st_ino {
                    throw WriteError(description: "cannot write \(given): it is one of the plan's source files")
                }
            }
            try Target.checkFolder(folder)
        }

        /// The temporary file and the side file go beside the file.
        private static func checkFolder(_ folder: String) throws(WriteError) {
            guard faccessat(AT_FDCWD, folder, W_OK | X_OK, AT_EACCESS) == 0 else {
                throw WriteError(description: "cannot write in \(folder): \(StandardStream.reason(errno))")
            }
        }

        /// Renaming would cut the other names loose.
        var hasOtherNames: Bool { (existing?.st_nlink ?? 1) > 1 }

        func isSameFile(as other: Target) -> Bool {
            guard let mine = existing, let theirs = other.existing else { return path == other.path }
            return mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino
        }
    }

    /// A file's new text in place beside it, ready to be put in.
    struct Staged {
        let target: Target
        let method: Method
        /// The text the file had, to put back when the copy over it fails,
        /// or another file of the same write does.
        let old: [UInt8]?

        enum Method {
            /// A temporary file to rename over the target.
            case rename(temporary: String)
            /// A side file holding the new text, copied over the target.
            case inPlace(side: String)

            var renames: Bool {
                if case .rename = self { return true }
                return false
            }
        }

        init(_ target: Target, keepingOld: Bool) throws(WriteError) {
            self.target = target
            let mode = target.existing.map { $0.st_mode & 0o7777 } ?? AtomicFile.creationMode
            let owner = target.existing.map { (user: $0.st_uid, group: $0.st_gid) }
            if !target.hasOtherNames,
               let temporary = try AtomicFile.temporary(target.bytes, beside: target, mode: mode, owner: owner) {
                method = .rename(temporary: temporary)
            } else {
                method = .inPlace(side: try AtomicFile.sideFile(for: target))
            }
            guard keepingOld || !method.renames, target.existing != nil else {
                old = nil
                return
            }
            switch FileReader.contents(of: target.path, warning: false) {
            case .success(let file):
                old = file.bytes
            case .failure(let problem):
                old = nil
                discard()
                throw WriteError(description: "cannot write \(target.name): \(problem.reason)")
            }
        }

        /// Puts the new text in; the error when it could not.
        func commit() -> WriteError? {
            switch method {
            case .rename(let temporary):
                guard rename(temporary, target.path) != 0 else { return nil }
                let code = errno
                unlink(temporary)
                return failure(target.name, code)
            case .inPlace(let side):
                let descriptor = open(target.path, O_RDWR | O_CLOEXEC)
                guard descriptor >= 0 else {
                    let code = errno
                    unlink(side)
                    return failure(target.name, code)
                }
                defer { close(descriptor) }
                let written = target.bytes
                guard let failed = overwrite(descriptor, with: written) else {
                    unlink(side)
                    return nil
                }
                if let old, overwrite(descriptor, with: old) == nil {
                    unlink(side)
                    return failure(target.name, failed)
                }
                return WriteError(description: "cannot write \(target.name): \(StandardStream.reason(failed)); "
                                  + "it may be cut short, and its whole new text is in \(side)")
            }
        }

        /// Forgets the new text, before it was put in.
        func discard() {
            switch method {
            case .rename(let temporary): unlink(temporary)
            case .inPlace(let side): unlink(side)
            }
        }

        /// Puts the old text back after a commit; false when it could not.
        func restore() -> Bool {
            guard let existing = target.existing else { return unlink(target.path) == 0 }
            guard let old else { return false }
            switch method {
            case .rename:
                guard let temporary = try? AtomicFile.temporary(old, beside: target, mode: existing.st_mode & 0o7777,
                                                                owner: (existing.st_uid, existing.st_gid)) else { return false }
                guard rename(temporary, target.path) == 0 else {
                    unlink(temporary)
                    return false
                }
                return true
            case .inPlace:
                let descriptor = open(target.path, O_RDWR | O_CLOEXEC)
                guard descriptor >= 0 else { return false }
                defer { close(descriptor) }
                return overwrite(descriptor, with: old) == nil
            }
        }
    }

    /// A new file, only as permissive as the umask lets it be, as `touch`
    /// makes one.
    private static var creationMode: mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
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

    /// Writes `bytes` to a new file beside the target, with `mode` and
    /// `owner`; nil, with nothing left behind, when the new file cannot be
    /// given `owner` (only root may give a file away).
    private static func temporary(_ bytes: [UInt8], beside target: Target, mode: mode_t,
                                  owner: (user: uid_t, group: gid_t)?) throws(WriteError) -> String? {
        let (descriptor, temporary) = try makeTemporary(in: target.folder, for: target.path)
        var created = stat()
        var failed: Int32?
        if fstat(descriptor, &created) != 0 {
            failed = errno
        } else if let owner, created.st_uid != owner.user || created.st_gid != owner.group,
                  fchown(descriptor, owner.user, owner.group) != 0 {
            let refused = errno
            close(descriptor)
            unlink(temporary)
            guard refused == EPERM else { throw failure(target.name, refused) }
            return nil
        }
        failed = failed ?? StandardStream.writeAll(bytes, to: descriptor)
        // After fchown, which clears the set-user-ID bit; and mkstemp made the
        // file 0600.
        if failed == nil, fchmod(descriptor, mode) != 0 || fsync(descriptor) != 0 { failed = errno }
        close(descriptor)
        if let failed {
            unlink(temporary)
            throw failure(target.name, failed)
        }
        return temporary
    }

    /// The target's whole new text in its side file, flushed. The side file
    /// is written under a temporary name and renamed, so that when it is
    /// there it holds the whole text. One already there is what an
    /// interrupted rewrite left, perhaps the only whole copy of a text:
    /// never replaced.
    private static func sideFile(for target: Target) throws(WriteError) -> String {
        let side = target.folder + "/" + sideName(of: target.path)
        func leftOver() -> Bool {
            var status = stat()
            return lstat(side, &status) == 0
        }
        guard !leftOver() else {
            throw WriteError(description: "cannot write \(target.name): \(side) is left from a rewrite that was "
                             + "interrupted; see what it holds, then remove it")
        }
        let (descriptor, temporary) = try makeTemporary(in: target.folder, for: target.path)
        var failed = StandardStream.writeAll(target.bytes, to: descriptor) ?? (fsync(descriptor) == 0 ? nil : errno)
        close(descriptor)
        if failed == nil, rename(temporary, side) != 0 { failed = errno }
        if let failed {
            unlink(temporary)
            throw failure(target.name, failed)
        }
        return side
    }

    /// `.NAME.plan-rewrite` for a file NAME: always the same for one file,
    /// so that reading the file can tell an interrupted rewrite left it.
    static func sideName(of path: String) -> String {
        "." + shortLeaf(of: path) + ".plan-rewrite"
    }

    /// The side file of `path` when there is one, named beside `path` as
    /// `path` itself is spelled.
    static func leftOverSideFile(of path: String) -> String? {
        let slash = path.lastIndex(of: "/")
        let side = (slash.map { String(path[...$0]) } ?? "") + sideName(of: path)
        var status = stat()
        return lstat(side, &status) == 0 ? side : nil
    }

    /// A file's own name, cut to leave room for what temporary and side
    /// names add under the 255 bytes a folder allows; a cut name takes a
    /// hash of the whole, so that two long names do not share a side file.
    private static func shortLeaf(of path: String) -> String {
        let leaf = path.split(separator: "/").last.map(String.init) ?? path
        let limit = 120
        guard leaf.utf8.count > limit else { return leaf }
        var kept = ""
        for scalar in leaf.unicodeScalars {
            guard kept.utf8.count + String(scalar).utf8.count <= limit - 17 else { break }
            kept.unicodeScalars.append(scalar)
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in leaf.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return kept + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// What names a temporary file: `.NAME.plan-tmp-PID-XXXXXX`, the file
    /// it is for and the process writing it, so that a person who finds one
    /// knows what it is, and a later write can tell when it is stale.
    private static let temporaryMarker = ".plan-tmp-"

    /// A new empty file beside `path`, private to this user: mkstemp never
    /// takes a leftover file's name.
    private static func makeTemporary(in folder: String, for path: String) throws(WriteError) -> (Int32, String) {
        let name = "." + shortLeaf(of: path) + temporaryMarker + "\(getpid())-XXXXXX"
        var template = Array((folder + "/" + name).utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else {
            throw WriteError(description: "cannot write in \(folder): \(StandardStream.reason(errno))")
        }
        return (descriptor, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// The process that made a temporary file of ours, read from its name;
    /// nil for any other name.
    static func writerOfTemporary(_ name: String) -> pid_t? {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false)
        guard name.hasPrefix("."), parts.count >= 4,
              let random = parts.last, random.utf8.count == 6,
              random.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }),
              parts[parts.count - 3] == "tmp", parts[parts.count - 4].hasSuffix(".plan"),
              parts[parts.count - 2].allSatisfy(\.isASCII), let writer = pid_t(parts[parts.count - 2]), writer > 0
        else { return nil }
        return writer
    }

    /// How long a temporary file of a live process may stand before it is
    /// taken as left over (its id may belong to another process by now).
    static let staleAfterSeconds = 3600

    /// Removes what earlier writes killed midway left in `folder`: only
    /// regular files of this user named as ours, whose writer is gone or
    /// that are older than an hour. Nothing else is touched.
    private static func removeStaleTemporaries(in folder: String) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let descriptor = dirfd(directory)
        let now = time(nil)
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            guard let writer = writerOfTemporary(name), writer != getpid() else { continue }
            var status = stat()
            guard fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                  status.st_mode & S_IFMT == S_IFREG, status.st_uid == geteuid() else { continue }
            let writerIsGone = kill(writer, 0) != 0 && errno == ESRCH
            let isOld = now - status.st_mtim.tv_sec > staleAfterSeconds
            if writerIsGone || isOld { unlinkat(descriptor, name, 0) }
        }
    }

    /// `bytes` from the start of the open file, cut after them and flushed.
    private static func overwrite(_ descriptor: Int32, with bytes: [UInt8]) -> Int32? {
        guard lseek(descriptor, 0, SEEK_SET) == 0 else { return errno }
        if let failed = StandardStream.writeAll(bytes, to: descriptor) { return failed }
        return ftruncate(descriptor, off_t(bytes.count)) == 0 && fsync(descriptor) == 0 ? nil : errno
    }

    private static func failure(_ name: String, _ code: Int32) -> WriteError {
        WriteError(description: "cannot write \(name): \(StandardStream.reason(code))")
    }
}
