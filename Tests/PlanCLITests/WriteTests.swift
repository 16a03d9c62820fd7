import Foundation
import Testing
@testable import PlanCLI

/// How `fmt -w`, `export -o` and the REPL's `:export` write files, and what
/// a failed write to standard output does (docs/cli.md, "Limits and writes"): the mode,
/// owner and group stay, hard links and symbolic links keep pointing at the
/// new text, and nothing is written over what must not be.
@Suite struct WriteTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    private let messy = "value   family   priority 1\n"
    private let canonical = "value family priority 1\n"

    private func path(_ name: String) -> String { plan.folder.appendingPathComponent(name).path }

    /// The folder as plan names it after following links (`/tmp` may be one).
    private var realFolder: String { plan.folder.resolvingSymlinksInPath().path }

    private func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    private func write(_ name: String, _ text: String) throws {
        try plan.write(name, text)
    }

    private func attributes(_ name: String) throws -> [FileAttributeKey: Any] {
        try FileManager.default.attributesOfItem(atPath: path(name))
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: plan.folder.path).sorted()
    }

    // MARK: Read-only files

    @Test func fmtRefusesAReadOnlyFile() throws {
        try write("locked.plan", messy)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("locked.plan"))
        let result = try plan.run(["fmt", "-w", "locked.plan"])
        // Named as given, not from the root.
        #expect(result.stderr == "plan: error: cannot write locked.plan: it is read-only\n")
        #expect(result.status == 1)
        #expect(try contents("locked.plan") == messy)
        #expect(try attributes("locked.plan")[.posixPermissions] as? Int == 0o444)
        #expect(try files() == ["locked.plan"])
    }

    @Test func exportRefusesAReadOnlyFile() throws {
        try write("career.plan", canonical)
        try write("locked.md", "old\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("locked.md"))
        let result = try plan.run(["export", "--format", "md", "career.plan", "-o", "locked.md"])
        #expect(result.stderr == "plan: error: cannot write locked.md: it is read-only\n")
        #expect(result.status == 1)
        #expect(try contents("locked.md") == "old\n")
    }

    // MARK: Owner and group

    @Test(.enabled(if: getuid() == 0, "only root can give a file to nobody"))
    func rootKeepsTheOwnerAndGroup() throws {
        try write("theirs.plan", messy)
        try write("career.plan", canonical)
        try write("theirs.md", "old\n")
        for name in ["theirs.plan", "theirs.md"] {
            try FileManager.default.setAttributes([.ownerAccountID: 65534, .groupOwnerAccountID: 65534,
                                                   .posixPermissions: 0o640], ofItemAtPath: path(name))
        }
        #expect(try plan.run(["fmt", "-w", "theirs.plan"]).status == 0)
        #expect(try plan.run(["export", "--format", "md", "career.plan", "-o", "theirs.md"]).status == 0)
        #expect(try contents("theirs.plan") == canonical)
        #expect(try contents("theirs.md").hasPrefix("# Career plan\n"))
        for name in ["theirs.plan", "theirs.md"] {
            let written = try attributes(name)
            #expect(written[.ownerAccountID] as? Int == 65534, "\(name)")
            #expect(written[.groupOwnerAccountID] as? Int == 65534, "\(name)")
            #expect(written[.posixPermissions] as? Int == 0o640, "\(name)")
        }
    }

    /// Someone who may write a file but not give a new one its owner (a
    /// group-writable file of root's, edited by nobody) gets it rewritten in
    /// place, so the owner stays and no backup is left.
    @Test(.enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                   "needs root and util-linux setpriv to act as nobody"))
    func anOwnerThatCannotBeGivenIsKeptByRewritingInPlace() throws {
        try write("shared.plan", messy)
        try FileManager.default.setAttributes([.groupOwnerAccountID: 65534, .posixPermissions: 0o664],
                                              ofItemAtPath: path("shared.plan"))
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: plan.folder.path)
        let result = try plan.run(["--reuid=65534", "--regid=65534", "--clear-groups",
                                   try PlanProcess.binary().path, "fmt", "-w", "shared.plan"],
                                  binary: URL(fileURLWithPath: "/usr/bin/setpriv"))
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents("shared.plan") == canonical)
        let written = try attributes("shared.plan")
        #expect(written[.ownerAccountID] as? Int == 0)
        #expect(written[.groupOwnerAccountID] as? Int == 65534)
        #expect(written[.posixPermissions] as? Int == 0o664)
        #expect(try files() == ["shared.plan"])
    }

    // MARK: Links

    /// Renaming a new file over one name would split the link: the other
    /// name would keep the old text.
    @Test func aFileWithHardLinksIsRewrittenInPlace() throws {
        try write("career.plan", messy)
        try FileManager.default.linkItem(atPath: path("career.plan"), toPath: path("other-name.plan"))
        let inode = try attributes("career.plan")[.systemFileNumber] as? Int
        let result = try plan.run(["fmt", "-w", "career.plan"])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents("career.plan") == canonical)
        #expect(try contents("other-name.plan") == canonical)
        #expect(try attributes("career.plan")[.systemFileNumber] as? Int == inode)
        #expect(try attributes("other-name.plan")[.referenceCount] as? Int == 2)
        // The backup is gone once the rewrite is done.
        #expect(try files() == ["career.plan", "other-name.plan"])

        try write("source.plan", canonical)
        try FileManager.default.linkItem(atPath: path("career.plan"), toPath: path("export.md"))
        try FileManager.default.removeItem(atPath: path("other-name.plan"))
        try FileManager.default.linkItem(atPath: path("export.md"), toPath: path("other.md"))
        let export = try plan.run(["export", "--format", "md", "source.plan", "-o", "export.md"])
        #expect(export.status == 0)
        #expect(try contents("other.md").hasPrefix("# Career plan\n"))
        #expect(try contents("career.plan") == contents("other.md"))
    }

    /// The docs promise that `-o` through a link writes the file it names
    /// and keeps the link; a link to nothing has no such file.
    @Test func aDanglingSymbolicLinkIsRefused() throws {
        try write("career.plan", canonical)
        try FileManager.default.createSymbolicLink(atPath: path("plan.json"), withDestinationPath: "missing/plan.json")
        let result = try plan.run(["export", "--format", "json", "career.plan", "-o", "plan.json"])
        #expect(result.stderr == "plan: error: cannot write plan.json: it is a symbolic link to a file that does not exist\n")
        #expect(result.status == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("plan.json")) == "missing/plan.json")
        #expect(try files() == ["career.plan", "plan.json"])
    }

    // MARK: An export never replaces its plan

    @Test func exportNeverOverwritesOneOfThePlansSources() throws {
        let main = "include \"part.plan\"\nvalue family priority 1\n"
        try write("career.plan", main)
        try write("part.plan", "value health priority 2\n")
        try FileManager.default.createSymbolicLink(atPath: path("link.plan"), withDestinationPath: "career.plan")
        try FileManager.default.linkItem(atPath: path("part.plan"), toPath: path("hard.plan"))
        for target in ["career.plan", "./career.plan", path("career.plan"), "part.plan", "link.plan", "hard.plan"] {
            let result = try plan.run(["export", "--format", "json", "career.plan", "-o", target])
            #expect(result.stderr == "plan: error: cannot write \(target): it is one of the plan's source files\n")
            #expect(result.status == 1)
        }
        #expect(try contents("career.plan") == main)
        #expect(try contents("part.plan") == "value health priority 2\n")
        // Another file is written as ever.
        #expect(try plan.run(["export", "--format", "json", "career.plan", "-o", "career.json"]).status == 0)
    }

    @Test func replExportNeverOverwritesOneOfThePlansSources() throws {
        try write("career.plan", canonical)
        let result = try plan.run(["repl", "career.plan"], stdin: ":export json career.plan\n:export md career.md\n")
        // The checks at the end of the piped session follow.
        #expect(result.stderr.hasPrefix("""
            error: cannot write career.plan: it is one of the plan's source files
            saved career.md

            """))
        #expect(result.status == 1)
        #expect(try contents("career.plan") == canonical)
        #expect(try contents("career.md").hasPrefix("# Career plan\n"))
    }

    // MARK: Names

    /// The temporary file's name is short, whatever the file's: a name of 250
    /// bytes leaves no room for a suffix under the 255 a folder allows.
    @Test func aFileNameOf250CharactersIsWritten() throws {
        let name = String(repeating: "n", count: 245) + ".plan"
        try write(name, messy)
        let result = try plan.run(["fmt", "-w", name])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents(name) == canonical)
        let exported = String(repeating: "e", count: 247) + ".md"
        #expect(try plan.run(["export", "--format", "md", name, "-o", exported]).status == 0)
        #expect(try contents(exported).hasPrefix("# Career plan\n"))
    }

    /// A temporary file left by an earlier run whose process had the same
    /// id (the shell execs plan, so `$$` is plan's own id) is no obstacle.
    @Test func aStaleTemporaryFileIsNoObstacle() throws {
        try write("career.plan", messy)
        let script = "touch \".career.plan.plan-tmp-$$\" && exec \"$0\" fmt -w career.plan"
        let result = try plan.run(["-c", script, try PlanProcess.binary().path], binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents("career.plan") == canonical)
        #expect(try files().filter { !$0.hasPrefix(".career.plan.plan-tmp-") } == ["career.plan"])
    }

    // MARK: New files

    /// A new file is only as open as the umask lets it be, as `touch` makes it.
    @Test(arguments: [("077", 0o600), ("027", 0o640), ("002", 0o664)])
    func aNewFileTakesTheUmask(umask: String, mode: Int) throws {
        try write("career.plan", "value family priority 1\nvalue health priority 2\n")
        let shell = URL(fileURLWithPath: "/bin/sh")
        let binary = try PlanProcess.binary().path
        let export = try plan.run(["-c", "umask \(umask) && exec \"$0\" export --format json career.plan -o new.json", binary],
                                  binary: shell)
        #expect(export.status == 0)
        let session = try plan.run(["-c", "umask \(umask) && exec \"$0\" repl career.plan", binary],
                                   stdin: "remove value health\n:save new.plan\n:export md new.md\n", binary: shell)
        // The checks at the end of the piped session follow.
        #expect(session.stderr.hasPrefix("saved new.plan\nsaved new.md\n"))
        for name in ["new.json", "new.plan", "new.md"] {
            #expect(try attributes(name)[.posixPermissions] as? Int == mode, "\(name)")
        }
    }

    // MARK: Temporary files

    /// A kill between writing a temporary file and renaming it leaves
    /// `.NAME.plan-tmp-PID-XXXXXX`; the next write to the folder removes
    /// those whose writer is gone or that are over an hour old, and nothing
    /// that is not ours.
    @Test func staleTemporaryFilesOfOursAreRemovedAndNothingElse() throws {
        try write("career.plan", messy)
        let gone = ".career.plan.plan-tmp-999999999-a1B2c3"
        let old = ".other.plan.plan-tmp-1-Zz9yX8"
        let fresh = ".career.plan.plan-tmp-1-k4L5m6"
        let kept = [fresh, ".notes.txt-tmp-999999999-a1B2c3", ".career.plan.plan-tmp-999999999-a1B2c", "career.plan",
                    ".career.plan.plan-tmp-x-a1B2c3", "career.plan.plan-tmp-999999999-a1B2c3"]
        for name in [gone, old] + kept where name != "career.plan" { try write(name, "someone's\n") }
        let twoHoursAgo = Date(timeIntervalSinceNow: -7200)
        try FileManager.default.setAttributes([.modificationDate: twoHoursAgo], ofItemAtPath: path(old))
        // A folder named as ours is not ours.
        try FileManager.default.createDirectory(atPath: path(".x.plan.plan-tmp-999999999-q1w2e3"), withIntermediateDirectories: false)
        let result = try plan.run(["fmt", "-w", "career.plan"])
        #expect(result.stderr == "")
        #expect(try contents("career.plan") == canonical)
        #expect(try files() == (kept + [".x.plan.plan-tmp-999999999-q1w2e3"]).sorted())
    }

    @Test func aTemporaryFileIsNamedForItsFileAndWriter() {
        #expect(AtomicFile.writerOfTemporary(".career.plan.plan-tmp-4242-a8Xk2q") == 4242)
        #expect(AtomicFile.writerOfTemporary(".my-career.plan.plan-tmp-7-000000") == 7)
        for name in [".plan-a8Xk2q", "career.plan.plan-tmp-4242-a8Xk2q", ".career.plan.plan-tmp--a8Xk2q",
                     ".career.plan.plan-tmp-42x-a8Xk2q", ".career.plan.plan-tmp-4242-a8Xk2", ".career.plan.plan-rewrite",
                     ".career.md.plan-tmp-4242-a8Xk2q-", ".career.plan.plan-tmp-0-a8Xk2q", ".c.plan.plan-tmp-4242-a8_k2q"] {
            #expect(AtomicFile.writerOfTemporary(name) == nil, "\(name)")
        }
        #expect(AtomicFile.sideName(of: "some/folder/career.plan") == ".career.plan.plan-rewrite")
        let long = String(repeating: "é", count: 120) + ".plan"
        let side = AtomicFile.sideName(of: long)
        #expect(side.utf8.count <= 255 && side.hasSuffix(".plan-rewrite"))
        #expect(side != AtomicFile.sideName(of: String(repeating: "é", count: 121) + ".plan"))
    }

    // MARK: Rewriting in place

    /// A rewrite in place puts the whole new text in `.NAME.plan-rewrite`
    /// before it touches the file; a kill in between leaves that file, which
    /// the next read names, and which no later write replaces.
    @Test func aLeftOverRewriteIsNamedAndKept() throws {
        try write("career.plan", messy)
        try FileManager.default.linkItem(atPath: path("career.plan"), toPath: path("other-name.plan"))
        try write(".career.plan.plan-rewrite", canonical)
        let check = try plan.run(["check", "career.plan"])
        #expect(check.stderr.hasPrefix("plan: warning: .career.plan.plan-rewrite is left from a rewrite of career.plan that was "
                + "interrupted: it holds the whole new text; if career.plan looks cut short, copy .career.plan.plan-rewrite "
                + "over it; then remove .career.plan.plan-rewrite\n"))
        #expect(check.status == 0)
        let format = try plan.run(["fmt", "-w", "career.plan"])
        #expect(format.stderr.hasSuffix("plan: error: cannot write career.plan: \(realFolder)/.career.plan.plan-rewrite "
                                        + "is left from a rewrite that was interrupted; see what it holds, then remove it\n"))
        #expect(format.status == 1)
        #expect(try contents("career.plan") == messy)
        #expect(try contents(".career.plan.plan-rewrite") == canonical)
        try FileManager.default.removeItem(atPath: path(".career.plan.plan-rewrite"))
        #expect(try !plan.run(["check", "career.plan"]).stderr.contains("plan-rewrite"))
        #expect(try plan.run(["fmt", "-w", "career.plan"]).status == 0)
        #expect(try contents("other-name.plan") == canonical)
        #expect(try files() == ["career.plan", "other-name.plan"])
    }

    /// What a kill between the two steps of a rewrite in place leaves: the
    /// old text in the file and the whole new text beside it, which the next
    /// read names; the second step finishes the rewrite and removes it.
    @Test func aRewriteInPlaceHasTheWholeNewTextBesideItBeforeTouchingTheFile() throws {
        try write("career.plan", messy)
        try FileManager.default.linkItem(atPath: path("career.plan"), toPath: path("other-name.plan"))
        let target = try AtomicFile.Target(canonical, to: path("career.plan"), sparing: [])
        let staged = try AtomicFile.Staged(target, keepingOld: false)
        #expect(try contents("career.plan") == messy)
        #expect(try contents(".career.plan.plan-rewrite") == canonical)
        #expect(try files() == [".career.plan.plan-rewrite", "career.plan", "other-name.plan"])
        #expect(try plan.run(["check", "career.plan"]).stderr.hasPrefix(
            "plan: warning: .career.plan.plan-rewrite is left from a rewrite of career.plan that was interrupted"))
        #expect(staged.commit() == nil)
        #expect(try contents("other-name.plan") == canonical)
        #expect(try files() == ["career.plan", "other-name.plan"])
    }

    /// When putting one file in place fails after another was, the other
    /// gets its old text back: here the second file's temporary is gone
    /// before its rename.
    @Test func aFailedRenameMidwayPutsBackTheFilesAlreadyWritten() throws {
        try write("a.plan", "value a\n")
        try write("b.plan", "value b\n")
        try write("linked.plan", "value l\n")
        try FileManager.default.linkItem(atPath: path("linked.plan"), toPath: path("other-name.plan"))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path("a.plan"))
        let staged = try [("value a2\n", "a.plan"), ("value l2\n", "linked.plan"), ("value c\n", "new.plan"),
                          ("value b2\n", "b.plan")].map { text, name in
            try AtomicFile.Staged(AtomicFile.Target(text, to: path(name), sparing: []), keepingOld: true)
        }
        let temporaries = try files().filter { $0.hasPrefix(".b.plan.plan-tmp-") }
        #expect(temporaries.count == 1)
        for name in temporaries { try FileManager.default.removeItem(atPath: path(name)) }
        #expect(throws: AtomicFile.WriteError(description: "cannot write \(path("b.plan")): no such file or directory; "
                                              + "no file was changed")) {
            try AtomicFile.commit(staged)
        }
        #expect(try contents("a.plan") == "value a\n")
        #expect(try attributes("a.plan")[.posixPermissions] as? Int == 0o640)
        #expect(try contents("other-name.plan") == "value l\n")
        #expect(try contents("b.plan") == "value b\n")
        #expect(try files() == ["a.plan", "b.plan", "linked.plan", "other-name.plan"])
    }

    /// One file named twice is written once, when both texts agree.
    @Test func oneFileUnderTwoNamesIsWrittenOnce() throws {
        try write("career.plan", messy)
        let otherSpelling = plan.folder.path + "/./career.plan"
        try AtomicFile.write([(canonical, path("career.plan")), (canonical, otherSpelling)])
        #expect(try contents("career.plan") == canonical)
        #expect(throws: AtomicFile.WriteError.self) {
            try AtomicFile.write([(messy, path("career.plan")), (canonical, otherSpelling)])
        }
        #expect(try contents("career.plan") == canonical)
    }

    // MARK: Standard output

    /// `plan fmt x.plan > tmp && mv tmp x.plan` must not empty x.plan when the
    /// disk is full.
    @Test(arguments: [["fmt", "career.plan"], ["export", "--format", "md", "career.plan"],
                      ["run", "career.plan", "-e", "1"], ["report", "career.plan"], ["--version"]])
    func aFullDiskOnStandardOutputIsAnError(command: [String]) throws {
        try write("career.plan", canonical)
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try plan.run(command, stdout: full)
        #expect(result.stderr == "plan: error: cannot write to standard output: no space left on device\n")
        #expect(result.status == 1)
    }

    /// The REPL's help and report go through stdio's buffer; its failure
    /// shows when it is flushed at the end.
    @Test func aFullDiskUnderTheREPLIsAnError() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try plan.run(["repl"], stdin: ":help\n", stdout: full)
        #expect(result.stderr == "plan: error: cannot write to standard output: no space left on device\n")
        #expect(result.status == 1)
    }

    /// A reader that left (`plan fmt x.plan | head -1`) is no error: plan ends
    /// quietly, as SIGPIPE ends a program, even when its parent ignores SIGPIPE.
    @Test func aReaderThatLeftEndsPlanQuietly() throws {
        try write("career.plan", canonical)
        let pipe = Pipe()
        try pipe.fileHandleForReading.close()
        let result = try plan.run(["fmt", "career.plan"], stdout: pipe.fileHandleForWriting)
        #expect(result.stderr == "")
        #expect(result.status == 128 + SIGPIPE)
        let ignoring = try plan.run(["-c", "trap '' PIPE; exec \"$0\" fmt career.plan", try PlanProcess.binary().path],
                                    binary: URL(fileURLWithPath: "/bin/sh"), stdout: pipe.fileHandleForWriting)
        #expect(ignoring.stderr == "")
        #expect(ignoring.status == 128 + SIGPIPE)
    }
}
