// Built with the PlanKit sources and the REPL's session and script runner
// (Sources/PlanCLI/REPL/Session.swift, Script.swift and the files they use,
// not libedit's) as one module, with -D PLAN_FUZZ_SINK, which hands every
// write to standard output or error to `fuzzSink` below, and
// -import-objc-header Fuzz/Confine.h (see Makefile).
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer entry for the REPL's script runner (`runScript`): the input is
/// a session, statements and `:` commands mixed, run twice, once piped in
/// (`echo ... | plan repl`) and once as typed when the terminal has no line
/// editor, which keeps `:undo` history and shows each change's problems,
/// with `--json`. A crash, trap, hang or leak is a bug, and so is a control
/// character reaching the output unescaped (SPEC 14).
///
/// Files: every `:save`, `:load` and `:export` names a file in the target's
/// private folder (`confining`), where the samples (Samples/*.plan and
/// Samples/shared/) are copied afresh before each run, so that
/// `:load coaching.plan`, `:save` and `:reload` have real files to work on,
/// beside symbolic links that `:load links.plan` includes (`FuzzWorkspace.links`). Landlock (Fuzz/Confine.h) backs
/// that up: the process can write nowhere but beneath that folder and the
/// folders libFuzzer itself writes to, whatever path an `include` reaches.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let workspace = FuzzWorkspace.shared else { preconditionFailure("LLVMFuzzerInitialize did not run") }
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let script = workspace.confining(bytes)
    for interactive in [false, true] {
        workspace.restore()
        workspace.setInput(script)
        let context = CommandContext(today: Day(year: 2026, month: 11, day: 25)!, output: OutputOptions(json: interactive))
        var session = Session(context: context, interactive: interactive)
        _ = runScript(session: &session, input: workspace.input)
    }
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>,
                           _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let arguments = (0..<Int(argc.pointee)).compactMap { argv.pointee?[$0].map { String(cString: $0) } }
    // With -jobs this process only starts the workers, which run no input
    // of its own: each worker is a process of its own that comes here.
    if arguments.contains(where: { $0.hasPrefix("-jobs=") && $0 != "-jobs=0" }) { return 0 }
    FuzzWorkspace.shared = FuzzWorkspace(arguments: arguments)
    return 0
}

/// Standard output and error, as the session writes them: nothing is
/// printed, but no hidden character (`Literal.isHidden`: control, bidi,
/// line separator) may come through raw save the tab and
/// the line breaks of the output's own layout (CR LF in the calendar).
func fuzzSink(_ text: String, _ stream: StandardStream) {
    guard text.unicodeScalars.contains(where: { Literal.isHidden($0) && $0 != "\n" && $0 != "\t" }) else { return }
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() where Literal.isHidden(scalar) && scalar != "\n" && scalar != "\t" {
        guard scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" else {
            // fatalError, not precondition: -O would not print the message.
            fatalError("a raw control character U+\(String(scalar.value, radix: 16, uppercase: true)) reached \(stream):\n\(text)")
        }
    }
}

/// The target's private folder, /dev/shm/plan-fuzz-repl-PID: `files` holds
/// the session's files, `input` the script being run.
final class FuzzWorkspace {
    nonisolated(unsafe) static var shared: FuzzWorkspace?
    private static let prefix = "plan-fuzz-repl-"

    let root: String
    var files: String { root + "/files" }
    /// Open on the script being run.
    let input: Int32
    /// The samples, by their path under `files`, and the names in `files` they take.
    private var pristine: [(path: String, bytes: [UInt8])] = []
    private var pristineNames: Set<String> = []

    init(arguments: [String]) {
        let base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        // libFuzzer ends with _exit, which runs no atexit: the folders of
        // workers gone are swept away here.
        for name in Self.entries(base) where name.hasPrefix(Self.prefix) {
            if let pid = Int32(name.dropFirst(Self.prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
                Self.removeAll(base + "/" + name)
            }
        }
        root = "\(base)/\(Self.prefix)\(getpid())"
        Self.removeAll(root)
        guard mkdir(root, 0o700) == 0, mkdir(root + "/files", 0o700) == 0 else { Self.refuse("cannot make \(root)/files") }
        input = open(root + "/input", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard input >= 0 else { Self.refuse("cannot make \(root)/input") }

        // The samples, in Samples/ beside fuzz-build/ where the binary is.
        let binary = arguments.first ?? "."
        let samples = (binary.lastIndex(of: "/").map { String(binary[..<$0]) } ?? ".") + "/../Samples"
        for name in Self.entries(samples) {
            if name.hasSuffix(".plan") {
                keep(samples + "/" + name, as: name)
            } else if Self.isFolder(samples + "/" + name) {
                mkdir(files + "/" + name, 0o700)
                for inner in Self.entries(samples + "/" + name) where inner.hasSuffix(".plan") {
                    keep(samples + "/" + name + "/" + inner, as: name + "/" + inner)
                }
            }
        }
        guard !pristine.isEmpty else { Self.refuse("no .plan files in \(samples)") }
        for (name, destination) in Self.links where symlink(destination, files + "/" + name) != 0 {
            Self.refuse("cannot make the link \(name)")
        }
        pristine.append(("links.plan", Array((Self.links.map { "include \"\($0.name)\"\n" }.joined()
                                              + "goal \"Linked\" by 2027-06\ngoals\n").utf8)))
        pristineNames = Set(Self.entries(files))

        // Where libFuzzer writes: the current folder (crash files, logs),
        // the first corpus folder (new inputs) and the artifacts' folder.
        var allowed = [root]
        if let current = getcwd(nil, 0) {
            allowed.append(String(cString: current))
            free(current)
        }
        if let corpus = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }), Self.isFolder(corpus) { allowed.append(corpus) }
        for flag in ["-artifact_prefix=", "-exact_artifact_path="] {
            guard let argument = arguments.first(where: { $0.hasPrefix(flag) }) else { continue }
            let path = argument.dropFirst(flag.count)
            if let slash = path.lastIndex(of: "/") { allowed.append(slash == path.startIndex ? "/" : String(path[..<slash])) }
        }
        let ruleset = plan_fuzz_ruleset()
        guard ruleset >= 0 else { Self.refuse("this kernel has no Landlock, so writes cannot be confined") }
        for folder in allowed where plan_fuzz_allow(ruleset, folder) != 0 { Self.refuse("cannot allow writes beneath \(folder)") }
        guard plan_fuzz_restrict(ruleset) == 0 else { Self.refuse("cannot confine writes with Landlock") }
    }

    private func keep(_ path: String, as name: String) {
        guard case .success(let file) = FileReader.contents(of: path),
              !pristine.contains(where: { $0.path == name }) else { return }
        pristine.append((name, file.bytes))
    }

    /// Links in `files`, which links.plan includes (`:load links.plan`), so
    /// that `include` meets names whose real file is another: not a plan, a
    /// device, the link itself, nothing, and a plan. None leads to a file
    /// that `:save` or `:export` could write through it but a sample.
    private static let links: [(name: String, destination: String)] = [
        ("environ.plan", "/proc/self/environ"), ("null.plan", "/dev/null"), ("loop.plan", "loop.plan"),
        ("dangling.plan", "missing.plan"), ("foundations-link.plan", "shared/foundations.plan"),
    ]

    /// The script with every file a `:save`, `:load` or `:export` line
    /// names moved into `files`: `:save ../x/y.plan` saves `files/.._x_y.plan`.
    /// Lines are split as the runner splits them, at line feeds.
    func confining(_ script: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(script.count + 256)
        for (number, line) in script.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if number > 0 { out.append(UInt8(ascii: "\n")) }
            let first = line.first { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
            guard first == UInt8(ascii: ":"), case .success(let command) = REPLCommand.parse(String(decoding: line, as: UTF8.self))
            else {
                out += line
                continue
            }
            switch command {
            case .save(let path?, let overwriting): out += Array(":save\(overwriting ? "!" : "") \(inside(path))".utf8)
            case .load(let path): out += Array(":load \(inside(path))".utf8)
            case .export(let format, let path) where path != "-": out += Array(":export \(format) \(inside(path))".utf8)
            default: out += line
            }
        }
        return out
    }

    /// `path` as a file in `files`: no slash, and neither `.` nor `..`.
    private func inside(_ path: String) -> String {
        var name = String(path.map { $0 == "/" ? "_" : $0 })
        if name == "." || name == ".." { name = "_" + name }
        return files + "/" + name
    }

    /// `files` as it was at the start: the seeds' plans as they were, nothing else.
    func restore() {
        for name in Self.entries(files) where !pristineNames.contains(name) {
            Self.removeAll(files + "/" + name)
        }
        for file in pristine {
            let descriptor = open(files + "/" + file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { Self.refuse("cannot restore \(file.path)") }
            fchmod(descriptor, 0o644)
            _ = StandardStream.writeAll(file.bytes, to: descriptor)
            close(descriptor)
        }
    }

    func setInput(_ script: [UInt8]) {
        guard ftruncate(input, 0) == 0, lseek(input, 0, SEEK_SET) == 0,
              StandardStream.writeAll(script, to: input) == nil, lseek(input, 0, SEEK_SET) == 0
        else { Self.refuse("cannot write the script to \(root)/input") }
    }

    private static func removeAll(_ path: String) {
        if isFolder(path) {
            for name in entries(path) { removeAll(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    private static func entries(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func refuse(_ reason: String) -> Never {
        _ = StandardStream.writeAll(Array("plan-fuzz-repl: \(reason)\n".utf8), to: 2)
        exit(1)
    }
}

/// The `:save` round trip's oracle (Tests/PlanCLITests/SaveRoundTripTests.swift)
/// after each `:save` that wrote every file it changed, over a session whose
/// files loaded without an error: the saved files load without one, into
/// the session's plan (its JSON export). A session that typed a `let` or an
/// `assert` is held to the plan alone, since what those name may be gone.
func fuzzSaved(_ session: Interpreter, files: [SourceEditor.File], typed: Bool) {
    for file in files where file.changed {
        guard case .success(let read) = FileReader.contents(of: file.path), read.bytes.elementsEqual(file.text.utf8) else { return }
    }
    func load(_ texts: [String: String]) -> (Interpreter, [Diagnostic]) {
        var interpreter = Interpreter(today: session.today, reader: FuzzFiles(texts: texts))
        var errors: [Diagnostic] = []
        for path in session.loadedFiles {
            for case .diagnostic(let diagnostic) in interpreter.load(path: path) where diagnostic.severity == .error { errors.append(diagnostic) }
        }
        return (interpreter, errors + interpreter.check().filter { $0.severity == .error })
    }
    var originals: [String: String] = [:]
    var saved: [String: String] = [:]
    for file in files {
        originals[file.path] = file.original
        saved[file.path] = file.text
    }
    guard load(originals).1.isEmpty else { return }
    let (reloaded, errors) = load(saved)
    if let error = errors.first {
        guard typed else { fatalError("the saved plan does not load: \(error.code.rawValue) \(Literal.printable(error.message))") }
        return
    }
    let before = JSONExport.render(session.asOfToday, today: session.today)
    let after = JSONExport.render(reloaded.asOfToday, today: session.today)
    guard before == after else { fatalError("the saved plan is not the session's:\n\(Literal.printable(before))\n\(Literal.printable(after))") }
}

/// The files as `:save` had them, read from memory.
struct FuzzFiles: SourceReader {
    let texts: [String: String]

    func read(_ path: String) -> Result<SourceText, ReadFailure> {
        guard let text = texts[path] else { return .failure(ReadFailure(reason: "no such file")) }
        return .success(SourceText(bytes: Array(text.utf8), canonicalPath: path))
    }

    func realPath(_ path: String) -> Result<String, ReadFailure> {
        texts[path] == nil ? .failure(ReadFailure(reason: "no such file")) : .success(path)
    }
}
