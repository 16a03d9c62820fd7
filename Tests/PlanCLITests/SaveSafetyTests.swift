import Foundation
import Testing

/// What `:save` will not write over: another file of the plan, a file
/// changed on disk since the session read it, and, when one file of a save
/// cannot be written, any of the others (docs/repl.md, "Saving").
@Suite struct SaveSafetyTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    private func path(_ name: String) -> String { plan.folder.appendingPathComponent(name).path }

    private func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    private let main = "vision \"A calm, steady career\"\ninclude \"inc.plan\"\ngoal \"Run a marathon\" serves health by 2027-10\n"
    private let included = "value health priority 2\n"

    @Test func saveToFileRefusesTheOtherFilesOfThePlan() throws {
        try plan.write("career.plan", main)
        try plan.write("inc.plan", included)
        let result = try plan.run(["repl", "career.plan"],
                                  stdin: "update goal \"Run a marathon\" by 2027-11\n:save inc.plan\n:save ./career.plan\n")
        #expect(result.stderr == """
            error: cannot write inc.plan: it is one of the plan's source files
            saved ./career.plan

            """)
        #expect(result.status == 1)
        #expect(try contents("inc.plan") == included)
        #expect(try contents("career.plan") == main.replacingOccurrences(of: "2027-10", with: "2027-11"))
    }

    /// A goal kept without a clause that did not parse would be written back
    /// without that clause's text once the session changed it: a plan read
    /// with a syntax error is never saved.
    /// A value typed before a file that declares it too was loaded: the
    /// file's declaration was refused (E020), so the session's plan is not
    /// the file's, and saving would put the typed one in the file's place.
    /// Found by the REPL fuzz target's :save oracle on the merged branches.
    @Test func aFileThatHadErrorsWhenLoadedIsNotSaved() throws {
        let text = "vision \"Grow\"\nvalue family priority 1\nvalue growth priority 2\n"
        try plan.write("career.plan", text)
        let result = try plan.run(["repl", "--today", "2027-01-10", "--color", "never"],
                                  stdin: "value family priority 9\n:load career.plan\n:save\n")
        #expect(result.stderr.contains("career.plan:2:7: error[E020]: value \"family\" is already declared"))
        #expect(result.stderr.contains("error: nothing written: a file of the plan had errors when it was read "
                                       + "(fix them in the file, then :reload)\n"))
        #expect(!result.stderr.contains("saved career.plan"))
        #expect(result.status == 1)
        #expect(try contents("career.plan") == text)
    }

    @Test func aFileWithABadClauseIsNotSaved() throws {
        let text = "vision \"Grow\"\nvalue growth\ngoal \"Ship v2\"\n    serves growth\n    by 2027-13-45\n"
            + "log 2027-01-05 \"worked\" for \"Ship v2\" hours 2\n"
        try plan.write("career.plan", text)
        let result = try plan.run(["repl", "--today", "2027-01-10", "--color", "never", "career.plan"],
                                  stdin: "update goal \"Ship v2\" note \"first release\"\n(goal \"Ship v2\").note\n:save\n")
        #expect(result.stdout == "first release\n")
        let error = """
            career.plan:5:8: error[E005]: invalid date 2027-13-45: there is no month 13; months run from 01 to 12
              |
            5 |     by 2027-13-45
              |        ^^^^^^^^^^ a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)

            """
        #expect(result.stderr.hasPrefix(error))
        #expect(result.stderr.contains(error + "error: nothing written: a file of the plan had errors when it was read "
                                       + "(fix them in the file, then :reload)\n"))
        #expect(!result.stderr.contains("E011"))
        #expect(result.status == 1)
        #expect(try contents("career.plan") == text)
    }

    /// A rename across files where the included file is read-only wrote the
    /// main file alone, leaving a plan that did not load.
    @Test func aSaveOfSeveralFilesWritesAllOrNone() throws {
        try plan.write("career.plan", main)
        try plan.write("inc.plan", included)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path("inc.plan"))
        let result = try plan.run(["repl", "career.plan"], stdin: "rename value health to wellbeing\n:save\n")
        #expect(result.stderr == "error: cannot write inc.plan: it is read-only; no file was written\nnote: 1 change was not saved: :save in the script writes them\n")
        #expect(result.status == 1)
        #expect(try contents("career.plan") == main)
        #expect(try contents("inc.plan") == included)
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: plan.folder.path).filter { $0.contains(".plan-") } == [])

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path("inc.plan"))
        let again = try plan.run(["repl", "career.plan"], stdin: "rename value health to wellbeing\n:save\n")
        #expect(again.stderr == "saved career.plan\nsaved inc.plan\n")
        #expect(try plan.run(["check", "career.plan"]).status == 0)
    }

    /// A folder that cannot be written (immutable, which binds root too) is
    /// found before any file is written.
    @Test(.enabled(if: SaveSafetyTests.canMakeImmutable(), "needs chattr +i, as root on a file system that has it"))
    func aFolderThatCannotBeWrittenStopsTheWholeSave() throws {
        try FileManager.default.createDirectory(atPath: path("parts"), withIntermediateDirectories: false)
        try plan.write("career.plan", main.replacingOccurrences(of: "inc.plan", with: "parts/inc.plan"))
        try plan.write("parts/inc.plan", included)
        #expect(try Self.chattr("+i", path("parts")) == 0)
        defer { _ = try? Self.chattr("-i", path("parts")) }
        let result = try plan.run(["repl", "career.plan"], stdin: "rename value health to wellbeing\n:save\n")
        let folder = plan.folder.resolvingSymlinksInPath().path + "/parts"
        #expect(result.stderr == "error: cannot write in \(folder): operation not permitted; no file was written\nnote: 1 change was not saved: :save in the script writes them\n")
        #expect(try contents("career.plan").contains("serves health"))
        #expect(try contents("parts/inc.plan") == included)
    }

    /// Another program (an editor, a second session) appends a line while
    /// the session runs, keeping the file's time: only its content tells.
    @Test func saveRefusesAFileChangedOnDiskSinceItWasRead() throws {
        try plan.write("career.plan", "vision \"A calm, steady career\"\nvalue family priority 1\n")
        let file = path("career.plan")
        let terminal = try Terminal(["repl", file], home: plan.folder.path)
        try terminal.expect("plan> ")
        terminal.type("update value family priority 2\r\r")
        try terminal.expect("plan> ")
        let time = try FileManager.default.attributesOfItem(atPath: file)[.modificationDate]
        let appended = "vision \"A calm, steady career\"\nvalue family priority 1\nvalue health priority 3\n"
        let handle = try #require(FileHandle(forWritingAtPath: file))
        handle.seekToEndOfFile()
        handle.write(Data("value health priority 3\n".utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: try #require(time)], ofItemAtPath: file)

        terminal.type(":save\r")
        try terminal.expect("error: nothing saved: \(file) changed on disk since this session read it "
                            + "(:reload reads the files again, then redo your changes; :save! writes over it)")
        try terminal.expect("plan> ")
        #expect(try contents("career.plan") == appended)

        terminal.type(":save!\r")
        try terminal.expect("saved \(file)")
        try terminal.expect("plan> ")
        #expect(try contents("career.plan") == "vision \"A calm, steady career\"\nvalue family priority 2\n")

        // What the session wrote is what it knows is there; a new time
        // alone is no change.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 100)], ofItemAtPath: file)
        terminal.type("update value family priority 3\r\r")
        try terminal.expect("plan> ")
        terminal.type(":save\r")
        try terminal.expect("saved \(file)")
        try terminal.expect("plan> ")
        #expect(try contents("career.plan") == "vision \"A calm, steady career\"\nvalue family priority 3\n")
        terminal.type(":q\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func saveBangHasItsHelp() throws {
        let result = try plan.run(["repl"], stdin: ":help :save!\n:help\n")
        #expect(result.stdout.hasPrefix(":save! [FILE]: :save, even over a file that changed on disk since the session\n"))
        #expect(result.stdout.contains("  :save! [FILE]      the same, even over changes made on disk since they were read\n"))
        #expect(result.status == 0)
    }

    private static func chattr(_ flag: String, _ path: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [flag, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func canMakeImmutable() -> Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("plan-chattr-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: probe, contents: nil) else { return false }
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard (try? chattr("+i", probe)) == 0 else { return false }
        _ = try? chattr("-i", probe)
        return true
    }
}
