import Foundation
import Testing
@testable import PlanCLI
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan report` and `plan export` through the built binary: where output
/// goes, what a failure leaves behind, and the exit status.
@Suite(.serialized) struct ExportCommandTests {
    private let process: PlanProcess
    private var folder: URL { process.folder }
    private let plan: String
    private let broken: String

    init() throws {
        process = try PlanProcess()
        let folder = process.folder
        plan = folder.appendingPathComponent("career.plan").path
        try """
            vision "Ship tools people love, and be home for dinner"
            value family priority 1 non-negotiable
            value craft priority 2
            skill writing level 1 target 3
            goal "Write a book"
                needs skill writing
                serves craft
                by 2027-Q2
            milestone "First draft" for "Write a book" by 2027-01-31
            mentor Sam helps writing

            """.write(toFile: plan, atomically: true, encoding: .utf8)
        broken = folder.appendingPathComponent("broken.plan").path
        try "goal \"Lead\" needs skill nowhere\n".write(toFile: broken, atomically: true, encoding: .utf8)
    }

    private func export(_ format: String, _ file: String, _ extra: [String] = []) throws -> PlanProcess.Result {
        try process.run(["export", "--today", "2026-11-25", "--format", format, file] + extra)
    }

    @Test func unknownFormatIsAUsageErrorListingTheFormats() throws {
        let out = folder.appendingPathComponent("out.pdf").path
        let run = try export("pdf", plan, ["-o", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("json, md, ics, dot, svg"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func runExportChecksTheFormatBeforeReading() throws {
        let today = try #require(Day(year: 2026, month: 11, day: 25))
        let context = CommandContext(today: today, output: OutputOptions())
        #expect(runExport(format: "pdf", file: "/nonexistent.plan", output: nil, context: context) == 2)
    }

    @Test func stdoutWithoutOutputOrWithDash() throws {
        let plain = try export("json", plan)
        #expect(plain.status == 0)
        #expect(plain.stdout.hasPrefix("{\n  \"schema\": \"plan/2\",\n  \"today\": \"2026-11-25\",\n"))
        let dash = try export("json", plan, ["-o", "-"])
        #expect(dash.status == 0)
        #expect(dash.stdout == plain.stdout)
    }

    @Test(arguments: ExportFormat.allCases)
    func outputFileHoldsWhatStdoutWouldShow(format: ExportFormat) throws {
        let out = folder.appendingPathComponent("plan.\(format.rawValue)").path
        let written = try export(format.rawValue, plan, ["-o", out])
        #expect(written.status == 0)
        #expect(written.stdout == "")
        let printed = try export(format.rawValue, plan)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == printed.stdout)
        #expect(!printed.stdout.isEmpty)
    }

    @Test func aPlanWithErrorsWritesNothing() throws {
        let out = folder.appendingPathComponent("kept.json").path
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        let run = try export("json", broken, ["-o", out])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("unknown skill \"nowhere\""))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old\n")
    }

    @Test func overwritingKeepsPermissions() throws {
        let out = folder.appendingPathComponent("private.ics").path
        try "old\n".write(toFile: out, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: out)
        let run = try export("ics", plan, ["-o", out])
        #expect(run.status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: out)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    }

    /// `-o` through a symbolic link writes the file it names and keeps the link.
    @Test func writingThroughASymbolicLinkKeepsTheLink() throws {
        let real = folder.appendingPathComponent("real.md").path
        let link = folder.appendingPathComponent("link.md").path
        try "old\n".write(toFile: real, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.md")
        let run = try export("md", plan, ["-o", link])
        #expect(run.status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.md")
        #expect(try String(contentsOfFile: real, encoding: .utf8).hasPrefix("# Career plan\n"))
    }

    @Test func unwritableOutputFailsWithAMessage() throws {
        let out = folder.appendingPathComponent("missing/folder/plan.svg").path
        let run = try export("svg", plan, ["-o", out])
        #expect(run.status == 1)
        #expect(run.stderr.contains("cannot write in"))
    }

    @Test func report() throws {
        let run = try process.run(["report", "--today", "2026-11-25", "--color", "never", plan])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Career plan as of 2026-11-25\n\nVISION\n  Ship tools people love, and be home for dinner\n"))
        #expect(run.stdout.contains("""
            NEXT STEPS
              1. Reach milestone "First draft" for "Write a book" by 2027-01-31
              2. Raise "writing" from level 1 to 3 for "Write a book"; ask Sam

            """))
        #expect(!run.stdout.contains("\u{1B}"))
        let colored = try process.run(["report", "--today", "2026-11-25", "--color", "always", plan])
        #expect(colored.stdout.contains("\u{1B}[36mNEXT STEPS\u{1B}[0m"))
    }

    /// --quiet hides warnings only: the report and the export are whole, and
    /// a plan with errors still shows them and writes nothing.
    @Test func quietReportAndExport() throws {
        let loud = try process.run(["report", "--today", "2026-11-25", "--color", "never", plan])
        let quiet = try process.run(["report", "-q", "--today", "2026-11-25", "--color", "never", plan])
        #expect(quiet.stdout == loud.stdout)
        #expect(quiet.stderr == "")
        #expect(quiet.status == 0)
        #expect(try export("md", plan, ["--quiet"]).stdout == (try export("md", plan)).stdout)
        for arguments in [["report", "-q", broken], ["export", "--format", "md", "-q", broken]] {
            let failed = try process.run(arguments)
            #expect(failed.stdout == "")
            #expect(failed.stderr.contains("error[E012]: unknown skill \"nowhere\""))
            #expect(failed.status == 1)
        }
    }

    /// With --json the report is the JSON export, for scripts.
    @Test func reportWithJSONIsTheJSONExport() throws {
        let run = try process.run(["report", "--json", "--today", "2026-11-25", plan])
        #expect(run.status == 0)
        #expect(run.stdout == (try export("json", plan)).stdout)
        #expect(run.stdout.hasPrefix("{\n  \"schema\": \"plan/2\",\n"))
    }

    /// docs/exports.md shows the report of the README's example; it must be
    /// what `plan report` prints.
    @Test func reportInTheDocsIsReal() throws {
        let example = folder.appendingPathComponent("readme.plan").path
        try #"""
            #!/usr/bin/env plan
            vision "Lead product teams that ship tools people love, and be home for dinner"

            value family   priority 1 non-negotiable note "Home by 6pm on weekdays"
            value health   priority 2 non-negotiable
            value impact   priority 3
            value learning priority 4

            skill "project management"        level 2 target 4
            skill "stakeholder communication" level 3 target 4
            skill "strategic planning"        level 1 target 3

            goal "Lead a product launch"
                role "Product Lead"
                needs skill "project management", "stakeholder communication" at 4,
                            "strategic planning"
                serves impact, learning
                by 2027-Q2

            goal "Become head of product"
                after "Lead a product launch"
                needs skill "strategic planning" at 4
                serves impact
                by 2029-12

            milestone "Shadow a launch" for "Lead a product launch" by 2027-01-15 done
            mentor "Jordan Lee" helps "strategic planning" every 1 month
            contact "Ana Ruiz" at "Acme" role "VP Product" every 6 weeks

            log 2026-11-03 "Ran the launch retro" for "Lead a product launch" hours 3
            log 2026-11-10 met "Jordan Lee"

            """#.write(toFile: example, atomically: true, encoding: .utf8)
        let docs = try String(contentsOf: PlanProcess.packageRoot.appendingPathComponent("docs/exports.md"), encoding: .utf8)
        let start = try #require(docs.range(of: "this prints:\n\n```\n"))
        let end = try #require(docs.range(of: "```\n", range: start.upperBound..<docs.endIndex))
        let run = try process.run(["report", "--today", "2026-11-25", "--color", "never", example])
        #expect(run.status == 0)
        #expect(run.stdout == String(docs[start.upperBound..<end.lowerBound]))
    }

    @Test func reportOfAPlanWithErrorsPrintsOnlyTheErrors() throws {
        let run = try process.run(["report", "--today", "2026-11-25", broken])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("error"))
    }
}
