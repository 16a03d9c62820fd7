import Foundation
import Testing

/// `plan fmt` through the built binary: what it prints, what it rewrites and
/// how, and that it touches nothing when any input has an error.
@Suite struct FormatTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    private let messy = """
    vision   "Lead teams"   # why
    value family non-negotiable   priority 1
    goal "Lead a launch" by 2027-q2 serves family
    skills where gap>0

    """
    private let canonical = """
    vision "Lead teams"  # why
    value family priority 1 non-negotiable
    goal "Lead a launch"
        serves family
        by 2027-Q2
    skills where gap > 0

    """
    private let tidy = "value health priority 2\n"
    private let broken = "goal \"A\" by 2027-02-30\n"
    private let brokenReport = """
    broken.plan:1:13: error[E005]: invalid date 2027-02-30: February 2027 has 28 days, not 30
      |
    1 | goal "A" by 2027-02-30
      |             ^^^^^^^^^^ a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)

    """
    /// Well in the past, so that any rewrite shows in the modification time.
    private let longAgo = Date(timeIntervalSince1970: 1_000_000_000)

    private func path(_ name: String) -> String { plan.folder.appendingPathComponent(name).path }

    private func contents(_ name: String) throws -> String {
        try String(contentsOfFile: path(name), encoding: .utf8)
    }

    private func attribute<T>(_ key: FileAttributeKey, of name: String, as type: T.Type) throws -> T? {
        try FileManager.default.attributesOfItem(atPath: path(name))[key] as? T
    }

    private func modified(_ name: String) throws -> Date? {
        try attribute(.modificationDate, of: name, as: Date.self)
    }

    private func permissions(_ name: String) throws -> Int? {
        try attribute(.posixPermissions, of: name, as: NSNumber.self)?.intValue
    }

    /// Writes the file and dates it long ago.
    private func write(_ name: String, _ text: String, permissions: Int? = nil) throws {
        try plan.write(name, text)
        var attributes: [FileAttributeKey: Any] = [.modificationDate: longAgo]
        if let permissions { attributes[.posixPermissions] = permissions }
        try FileManager.default.setAttributes(attributes, ofItemAtPath: path(name))
    }

    private func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: plan.folder.path).sorted()
    }

    @Test func printsTheCanonicalTextAndLeavesTheFile() throws {
        try write("messy.plan", messy)
        let result = try plan.run(["fmt", "messy.plan"])
        #expect(result.stdout == canonical)
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents("messy.plan") == messy)
        #expect(try modified("messy.plan") == longAgo)
    }

    @Test func printsSeveralFilesOneAfterTheOther() throws {
        try write("messy.plan", messy)
        try write("tidy.plan", tidy)
        let result = try plan.run(["fmt", "tidy.plan", "messy.plan"])
        #expect(result.stdout == tidy + canonical)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func readsStdinForADash() throws {
        let result = try plan.run(["fmt", "-"], stdin: messy)
        #expect(result.stdout == canonical)
        #expect(result.status == 0)
        let rewrite = try plan.run(["fmt", "-w", "-"], stdin: messy)
        #expect(rewrite.stdout == "")
        #expect(rewrite.stderr == "plan: error: fmt -w cannot rewrite stdin\nRun 'plan --help' to see every command and option.\n")
        #expect(rewrite.status == 2)
    }

    @Test func writeRewritesOnlyTheFilesThatChange() throws {
        try write("messy.plan", messy)
        try write("tidy.plan", tidy)
        let result = try plan.run(["fmt", "-w", "messy.plan", "tidy.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try contents("messy.plan") == canonical)
        #expect(try modified("messy.plan") != longAgo)
        #expect(try contents("tidy.plan") == tidy)
        #expect(try modified("tidy.plan") == longAgo)
        // No temporary file is left behind.
        #expect(try files() == ["messy.plan", "tidy.plan"])

        let again = try plan.run(["--write", "fmt", "messy.plan"])
        #expect(again.status == 0)
        #expect(try contents("messy.plan") == canonical)
    }

    @Test(arguments: [0o600, 0o755, 0o640])
    func writeKeepsTheFilesPermissions(mode: Int) throws {
        try write("messy.plan", messy, permissions: mode)
        let result = try plan.run(["fmt", "-w", "messy.plan"])
        #expect(result.status == 0)
        #expect(try contents("messy.plan") == canonical)
        #expect(try permissions("messy.plan") == mode)
    }

    @Test func writeThroughASymbolicLinkRewritesItsTarget() throws {
        try write("messy.plan", messy, permissions: 0o600)
        try FileManager.default.createSymbolicLink(atPath: path("link.plan"), withDestinationPath: "messy.plan")
        let result = try plan.run(["fmt", "-w", "link.plan"])
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: path("link.plan")) == "messy.plan")
        #expect(try contents("messy.plan") == canonical)
        #expect(try permissions("messy.plan") == 0o600)
    }

    @Test func checkNamesEachUnformattedFile() throws {
        try write("messy.plan", messy)
        try write("tidy.plan", tidy)
        try write("messy2.plan", messy)
        let result = try plan.run(["fmt", "--check", "messy.plan", "tidy.plan", "messy2.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == "plan: messy.plan is not formatted\nplan: messy2.plan is not formatted\n")
        #expect(result.status == 1)
        #expect(try contents("messy.plan") == messy)
        #expect(try modified("messy.plan") == longAgo)
    }

    @Test func checkOfFormattedFilesIsSilent() throws {
        try write("tidy.plan", tidy)
        try write("canonical.plan", canonical)
        let result = try plan.run(["fmt", "--check", "tidy.plan", "canonical.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func checkReportsErrorsBesideUnformattedFiles() throws {
        try write("messy.plan", messy)
        try write("broken.plan", broken)
        let result = try plan.run(["fmt", "--check", "--color", "never", "messy.plan", "broken.plan"])
        #expect(result.stderr == brokenReport + "plan: messy.plan is not formatted\n")
        #expect(result.status == 1)
    }

    @Test func writeWithCheckIsWrongUsage() throws {
        try write("messy.plan", messy)
        let result = try plan.run(["fmt", "-w", "--check", "messy.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == "plan: error: fmt takes -w or --check, not both\nRun 'plan --help' to see every command and option.\n")
        #expect(result.status == 2)
        #expect(try contents("messy.plan") == messy)
    }

    @Test(arguments: [["fmt"], ["fmt", "-w"]])
    func anErrorInOneFileWritesNothing(command: [String]) throws {
        try write("messy.plan", messy)
        try write("broken.plan", broken)
        let result = try plan.run(command + ["--color", "never", "messy.plan", "broken.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == brokenReport)
        #expect(result.status == 1)
        for name in ["messy.plan", "broken.plan"] {
            #expect(try modified(name) == longAgo)
        }
        #expect(try contents("messy.plan") == messy)
        #expect(try contents("broken.plan") == broken)
        #expect(try files() == ["broken.plan", "messy.plan"])
    }

    /// The parser keeps a goal without the clause it could not read; fmt
    /// still writes nothing, rather than the goal without that clause's text.
    @Test(arguments: [["fmt"], ["fmt", "-w"]])
    func aGoalWithABadClauseIsNotWrittenWithoutIt(command: [String]) throws {
        let text = "value growth\ngoal \"Ship v2\"\n    serves growth\n    by 2027-13-45\nlog 2027-01-05 \"worked\" for \"Ship v2\"\n"
        try write("career.plan", text)
        let result = try plan.run(command + ["--color", "never", "career.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == """
            career.plan:4:8: error[E005]: invalid date 2027-13-45: there is no month 13; months run from 01 to 12
              |
            4 |     by 2027-13-45
              |        ^^^^^^^^^^ a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)

            """)
        #expect(result.status == 1)
        #expect(try contents("career.plan") == text)
        #expect(try modified("career.plan") == longAgo)
    }

    @Test func errorsAreDrawnAsCheckDrawsThem() throws {
        try write("broken.plan", broken)
        let format = try plan.run(["fmt", "--color", "always", "broken.plan"])
        let check = try plan.run(["check", "--color", "always", "broken.plan"])
        #expect(format.stderr.contains("\u{1B}[1;31merror[E005]\u{1B}[0m"))
        // check goes on to the plan's warnings; the syntax errors come first.
        #expect(check.stderr.hasPrefix(format.stderr))
        let json = try plan.run(["fmt", "--json", "broken.plan"])
        #expect(json.stderr == """
        {"file":"broken.plan","line":1,"column":13,"end_line":1,"end_column":23,"severity":"error","code":"E005",\
        "message":"invalid date 2027-02-30: February 2027 has 28 days, not 30","hint":"a date is YYYY-MM-DD, \
        YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)","fix":null}

        """)
        #expect(json.status == 1)
    }

    @Test func aFileThatCannotBeReadIsAnError() throws {
        try write("messy.plan", messy)
        try FileManager.default.createDirectory(atPath: path("folder.plan"), withIntermediateDirectories: false)
        let result = try plan.run(["fmt", "-w", "missing.plan", "folder.plan", "messy.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr == """
        plan: error[E040]: cannot read missing.plan: no such file or directory
        plan: error[E040]: cannot read folder.plan: it is a folder

        """)
        #expect(result.status == 1)
        #expect(try contents("messy.plan") == messy)
        let device = try plan.run(["fmt", "/dev/zero"])
        #expect(device.stderr == "plan: error[E040]: cannot read /dev/zero: not a regular file\n")
        #expect(device.status == 1)
        for name in ["missing.plan", "folder.plan", "/dev/zero"] {
            #expect(try plan.run(["fmt", name]).stderr == plan.run(["check", name]).stderr, "\(name)")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders"))
    func writeIntoAReadOnlyFolderFailsAndKeepsTheFile() throws {
        try write("messy.plan", messy)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: plan.folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: plan.folder.path) }
        let result = try plan.run(["fmt", "-w", "messy.plan"])
        #expect(result.stderr.hasPrefix("plan: error: cannot write in "))
        #expect(result.status == 1)
        #expect(try contents("messy.plan") == messy)
    }

    /// CRLF input formats like LF input: the canonical form ends lines with
    /// LF and no comment keeps a stray carriage return.
    @Test func crlfInputBecomesCanonicalLF() throws {
        try write("crlf.plan", messy.replacingOccurrences(of: "\n", with: "\r\n"))
        let printed = try plan.run(["fmt", "crlf.plan"])
        #expect(printed.stdout == canonical)
        #expect(printed.status == 0)
        let checked = try plan.run(["fmt", "--check", "crlf.plan"])
        #expect(checked.stderr == "plan: crlf.plan is not formatted\n")
        #expect(checked.status == 1)
        let written = try plan.run(["fmt", "-w", "crlf.plan"])
        #expect(written.status == 0)
        #expect(try contents("crlf.plan") == canonical)
    }

    /// fmt of fmt's output changes nothing, on every sample and on the messy
    /// plan above; `--check` agrees.
    @Test func isIdempotentOnEverySample() throws {
        let folder = PlanProcess.samplesFolder
        let samples = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".plan") }.sorted()
        var inputs = [("messy.plan", messy)]
        for sample in samples {
            inputs.append((sample, try String(contentsOf: folder.appendingPathComponent(sample), encoding: .utf8)))
        }
        for (name, text) in inputs {
            try write(name, text)
            let once = try plan.run(["fmt", name])
            #expect(once.status == 0, "\(name): \(once.stderr)")
            try write(name, once.stdout)
            let twice = try plan.run(["fmt", name])
            #expect(twice.stdout == once.stdout, "fmt is not idempotent on \(name)")
            let checked = try plan.run(["fmt", "--check", name])
            #expect(checked.stderr == "", "\(name)")
            #expect(checked.status == 0, "\(name)")
        }
    }
}
