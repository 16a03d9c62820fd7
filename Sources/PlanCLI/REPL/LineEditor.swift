import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// Line editing, history and completion on libedit, for a terminal.
///
/// A class because libedit's callbacks reach it through a pointer
/// (EL_CLIENTDATA) and it owns C resources that must be freed once.
final class LineEditor {
    enum Input {
        case line(String)
        /// Ctrl-C: the input so far is abandoned.
        case interrupted
        /// Ctrl-D on an empty line, or the terminal went away.
        case end
    }

    var completer: Completer

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var abandoned = false

    static let historySize: Int32 = 1000

    init?(completer: Completer, historyPath: String?) {
        guard let editLine = shim_el_init("plan") else { return nil }
        guard let history = shim_history_init(Self.historySize) else {
            el_end(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.historyPath = historyPath
        self.completer = completer

        if let historyPath {
            _ = shim_history_load(history, historyPath)
        }
        _ = shim_el_set_editor(editLine, "emacs")
        _ = shim_el_set_signal(editLine, 1)
        _ = shim_el_set_history(editLine, history)
        _ = shim_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = shim_el_addfn(editLine, "plan-complete", "Complete keywords, commands, names and fields", completeKey)
        _ = shim_el_bind(editLine, "^I", "plan-complete")
        _ = shim_el_addfn(editLine, "plan-abandon", "Abandon the input", abandonKey)
        _ = shim_el_bind(editLine, "^C", "plan-abandon")
        _ = shim_el_addfn(editLine, "plan-suspend", "Suspend plan, as Ctrl-Z does in a shell", suspendKey)
        _ = shim_el_bind(editLine, "^Z", "plan-suspend")
        _ = shim_el_bind(editLine, "^R", "em-inc-search-prev")
        // Ctrl-C and Ctrl-Z arrive as keys (bound above) instead of signals,
        // so that abandoning the input never leaves libedit's terminal state
        // behind; EL_SIGNAL restores the terminal around a real suspension.
        _ = shim_el_setty_edit(editLine, "-isig")
        // The person's own ~/.editrc, as every libedit program reads it.
        _ = el_source(editLine, nil)
    }

    deinit {
        el_end(editLine)
        history_end(history)
    }

    /// Reads one line with the first prompt (`plan (try)> ` in a what-if),
    /// or the continuation prompt while a statement is unfinished.
    func read(continuing: Bool, trying: Bool = false) -> Input {
        if continuing {
            _ = shim_el_set_prompt(editLine, continuationPrompt)
        } else if trying {
            _ = shim_el_set_prompt(editLine, tryPrompt)
        } else {
            _ = shim_el_set_prompt(editLine, firstPrompt)
        }
        return readLine()
    }

    /// Asks whether to save before leaving (yes / no / stay).
    func askBeforeLeaving() -> Input {
        _ = shim_el_set_prompt(editLine, leavingPrompt)
        return readLine()
    }

    private func readLine() -> Input {
        abandoned = false
        var count: Int32 = 0
        let line = el_gets(editLine, &count)
        if abandoned {
            return .interrupted
        }
        guard let line, count > 0 else {
            return count < 0 && errno == EINTR ? .interrupted : .end
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds a line to the history and saves the history file at once, so that
    /// Ctrl-D, :quit or a crash lose nothing.
    func remember(_ line: String) {
        _ = shim_history_enter(history, line)
        guard let historyPath else { return }
        var length = 0
        guard let buffer = shim_history_serialize(history, &length) else { return }
        defer { free(buffer) }
        let text = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        // Losing the history file is no reason to disturb the session.
        try? AtomicFile.write(text, to: historyPath)
    }

    /// `$XDG_STATE_HOME/plan/history`, by default `~/.local/state/plan/history`;
    /// the folder is created when missing. nil when there is no home.
    static func historyPath(environment: [String: String]) -> String? {
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            state = home + "/.local/state"
        } else {
            return nil
        }
        let folder = state + "/plan"
        guard makeFolder(folder) else { return nil }
        let path = folder + "/history"
        // A new history file is private, like a shell's; saving keeps the mode.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor >= 0 { close(descriptor) }
        return path
    }

    /// `mkdir -p`: whether `folder` is a folder now, made with its parents
    /// if they were missing.
    private static func makeFolder(_ folder: String) -> Bool {
        var status = stat()
        if stat(folder, &status) == 0 { return status.st_mode & S_IFMT == S_IFDIR }
        if let slash = folder.lastIndex(of: "/"), slash != folder.startIndex,
           !makeFolder(String(folder[..<slash])) {
            return false
        }
        if mkdir(folder, 0o777) == 0 { return true }
        // Made meanwhile by another process is as good.
        return errno == EEXIST && stat(folder, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    fileprivate static func owning(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = shim_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    fileprivate func completeAtCursor() -> UInt8 {
        guard let info = el_line(editLine)?.pointee else { return UInt8(CC_ERROR) }
        let length = info.cursor - info.buffer
        let before = String(decoding: UnsafeRawBufferPointer(start: info.buffer, count: max(0, length)), as: UTF8.self)
        guard let completion = completer.complete(before) else { return UInt8(CC_ERROR) }
        el_deletestr(editLine, Int32(completion.replacing))
        guard el_insertstr(editLine, completion.insertion) == 0 else { return UInt8(CC_ERROR) }
        guard !completion.choices.isEmpty else { return UInt8(CC_REFRESH) }
        let listing = Completer.listing(completion.choices, width: Int(shim_el_columns(editLine)))
        fputs("\n" + listing + "\n", shim_stdout())
        fflush(shim_stdout())
        return UInt8(CC_REDISPLAY)
    }

    fileprivate func abandonInput() -> UInt8 {
        abandoned = true
        // Ctrl-E, the mark and Return: the line shows `^C` at its end and is
        // handed back the ordinary way, which restores the terminal.
        el_push(editLine, "\u{05}^C\n")
        return UInt8(CC_NORM)
    }
}

private func completeKey(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    LineEditor.owning(editLine)?.completeAtCursor() ?? UInt8(CC_ERROR)
}

private func abandonKey(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    LineEditor.owning(editLine)?.abandonInput() ?? UInt8(CC_ERROR)
}

private func suspendKey(_ editLine: OpaquePointer?, _ key: Int32) -> UInt8 {
    kill(0, SIGTSTP)
    return UInt8(CC_REDISPLAY)
}

private func firstPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    promptText("plan> ")
}

private func tryPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    promptText("plan (try)> ")
}

private func leavingPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    promptText("save them before leaving? (yes / no / stay) ")
}

private func continuationPrompt(_ editLine: OpaquePointer?) -> UnsafeMutablePointer<CChar>? {
    promptText("...> ")
}

/// libedit wants a `char *` but only reads it; a static string lives forever.
private func promptText(_ text: StaticString) -> UnsafeMutablePointer<CChar> {
    UnsafeMutableRawPointer(mutating: text.utf8Start).assumingMemoryBound(to: CChar.self)
}
