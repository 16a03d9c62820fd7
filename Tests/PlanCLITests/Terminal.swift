import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The built `plan` binary running on a pseudo-terminal, so that tests type
/// keys and read the screen the way a person at a terminal would.
final class Terminal {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }


    private let master: Int32
    private let process: pid_t
    private var received: [UInt8] = []
    /// Where the next `expect` starts looking in `screen`.
    private var consumed = 0
    private var exited = false

    /// Starts `plan ARGUMENTS` with HOME (and so the history) in `home`.
    init(_ arguments: [String], home: String) throws {
        // Glibc's posix_openpt, unlockpt and ptsname are hidden from Swift
        // behind _XOPEN_SOURCE, so this does what they do: the Linux ioctls
        // TIOCSPTLCK and TIOCGPTN (function-like macros Swift cannot import;
        // these values hold on x86-64 and arm64).
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431, &unlock) == 0, ioctl(master, 0x8004_5430, &number) == 0 else {
            throw Failure(description: "no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let slavePath = "/dev/pts/\(number)"

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, the terminal becomes the child's controlling one.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID, hidden from Swift behind _GNU_SOURCE.
        posix_spawnattr_setflags(&attributes, 0x80)

        let environment = [
            "HOME=\(home)", "XDG_STATE_HOME=\(home)/state", "TERM=xterm", "NO_COLOR=1",
            "PLAN_TODAY=2026-11-25", "PATH=/usr/bin:/bin", "COLUMNS=80", "LINES=24",
        ]
        let binary = try PlanProcess.binary().path
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let status = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(master)
            throw Failure(description: "cannot start \(binary): \(String(cString: strerror(status)))")
        }
        process = child
    }

    deinit {
        if !exited {
            kill(process, SIGKILL)
            var status: Int32 = 0
            waitpid(process, &status, 0)
        }
        close(master)
    }

    /// Sends keys as typed; `\r` is Return, `\u{1b}[A` the up arrow. Waits
    /// first until the line editor has the terminal in raw mode, as it has
    /// while a person types: keys sent earlier would be echoed twice, and a
    /// Ctrl-C would be a signal instead of a key.
    func type(_ keys: String) {
        let deadline = Date().addingTimeInterval(10)
        var settings = termios()
        while Date() < deadline, tcgetattr(master, &settings) == 0, settings.c_lflag & UInt32(ICANON) != 0 {
            _ = readMore(milliseconds: 5)
        }
        var bytes = Array(keys.utf8)
        while !bytes.isEmpty {
            let written = write(master, bytes, bytes.count)
            if written <= 0 { return }
            bytes.removeFirst(written)
        }
    }

    /// What the terminal showed, without escape sequences and carriage returns.
    var screen: String {
        var text: [UInt8] = []
        var index = 0
        while index < received.count {
            let byte = received[index]
            if byte == 0x1B {
                index += 1
                if index < received.count, received[index] == UInt8(ascii: "[") {
                    index += 1
                    while index < received.count, !(0x40...0x7E).contains(received[index]) { index += 1 }
                }
                index += 1
            } else {
                if byte != UInt8(ascii: "\r"), byte != 0x07 { text.append(byte) }
                index += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// Waits until `text` shows after what earlier calls already found;
    /// throws, with the screen, when it does not within the timeout.
    func expect(_ text: String, timeout: Double = 10) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let current = Array(screen.utf8)
            if let found = Self.find(Array(text.utf8), in: current, from: consumed) {
                consumed = found
                return
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, readMore(milliseconds: Int32(remaining * 1000)) else {
                throw Failure(description: "\(text.debugDescription) did not show; the screen was:\n\(screen)")
            }
        }
    }

    /// Waits for the process to end and returns its exit status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readMore(milliseconds: 50)
            var status: Int32 = 0
            if waitpid(process, &status, WNOHANG) == process {
                exited = true
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        throw Failure(description: "plan did not exit; the screen was:\n\(screen)")
    }

    private func readMore(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        guard count > 0 else { return false }
        received += buffer[0..<count]
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index + needle.count }
            index += 1
        }
        return nil
    }
}
