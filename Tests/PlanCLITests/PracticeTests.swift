import Foundation
import Testing
@testable import PlanCLI

/// `plan practice` over `Samples/practice/`: the rows, their order, the
/// broken plan's row and the exit status, as golden files; the parallel
/// run gives what one thread gives; and the pages `--html -o` writes.
@Suite struct PracticeTests {
    static let today = ["--today", "2026-11-25", "--color", "never"]

    static func golden(_ name: String) throws -> String {
        try String(contentsOf: PlanProcess.samplesFolder.appendingPathComponent(name), encoding: .utf8)
    }

    static func practice(_ extra: [String], path: String = "Samples/practice") throws -> PlanProcess.Result {
        try PlanProcess().run(["practice"] + today + extra + [path], in: PlanProcess.packageRoot)
    }

    @Test func theTextMatchesItsGoldenFile() throws {
        let result = try Self.practice([])
        #expect(result.stdout == (try Self.golden("practice.out")))
        #expect(result.stderr == "")
        // Grace's plan has an error: the others still report, and the status says one failed.
        #expect(result.status == 1)
    }

    @Test func theDetailsMatchTheirGoldenFile() throws {
        let result = try Self.practice(["--details"])
        #expect(result.stdout == (try Self.golden("practice.details")))
        #expect(result.status == 1)
    }

    @Test func theJSONMatchesItsGoldenFile() throws {
        let result = try Self.practice(["--json", "--details"])
        #expect(result.stdout == (try Self.golden("practice.jsonl")))
        #expect(result.status == 1)
        for line in result.stdout.split(separator: "\n") {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
    }

    @Test func theBrokenPlanShowsItsFirstErrorInItsRow() throws {
        let lines = try Self.practice([]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let row = try #require(lines.firstIndex { $0.hasPrefix("Grace Okafor") })
        #expect(lines[row + 1] == "  Samples/practice/grace-okafor.plan:6:12: error[E013]: unknown value \"faith\"")
    }

    /// The values file is included by three plans of the folder: part of
    /// them, not a client. Named on its own, it is one.
    @Test func aFileIncludedByAnotherPlanOfTheFolderIsNoClient() throws {
        #expect(!(try Self.practice([]).stdout.contains("shared-values")))
        let alone = try Self.practice([], path: "Samples/practice/shared-values.plan")
        #expect(alone.stdout.contains("\nshared-values "))
        #expect(alone.status == 0)
    }

    @Test func oneThreadGivesWhatManyGive() throws {
        for extra in [[], ["--json", "--details"]] {
            let one = try Self.practice(extra + ["--jobs", "1"])
            let many = try Self.practice(extra + ["--jobs", "4"])
            #expect(one.stdout == many.stdout)
            #expect(one.status == many.status)
        }
    }

    @Test func everyPlanLoadedIsCleanWhenNoneIsBroken() throws {
        let result = try Self.practice([], path: "Samples/practice/nadia-okafor.plan")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Practice on Wed 2026-11-25: 1 client\n"))
    }

    @Test func aPlanWithoutAnOwnerIsNamedByItsFile() throws {
        let process = try PlanProcess()
        try process.write("jo.plan", "vision \"Rest\"\n")
        let result = try process.run(["practice"] + Self.today + ["jo.plan"])
        #expect(result.stdout.contains("\njo    "))
    }

    @Test func usageMistakesExitTwo() throws {
        let cases: [([String], String)] = [
            (["practice"], "practice needs a plan or a folder of plans"),
            (["practice", "--html", "x"], "practice --html needs -o FOLDER for the pages"),
            (["practice", "-o", "site", "x"], "practice -o is for --html: the folder the pages go to"),
            (["practice", "--jobs", "0", "x"], "--jobs takes a whole number of threads from 1 to 256, not \"0\""),
            (["practice", "--json", "--html", "-o", "site", "x"], "practice takes --json or --html, not both"),
            (["agenda", "--jobs", "2", "x.plan"], "option --jobs is only for practice"),
        ]
        for (arguments, message) in cases {
            let result = try PlanProcess().run(arguments)
            #expect(result.stderr == "plan: error: \(message)\nRun 'plan --help' to see every command and option.\n")
            #expect(result.status == 2)
        }
    }

    @Test func theHTMLIndexLinksEachClientToItsPage() throws {
        let process = try PlanProcess()
        let site = process.folder.appendingPathComponent("site").path
        let result = try process.run(["practice"] + Self.today + ["Samples/practice", "--html", "-o", site],
                                     in: PlanProcess.packageRoot)
        #expect(result.status == 1)
        #expect(result.stdout == "")
        let files = try FileManager.default.contentsOfDirectory(atPath: site).sorted()
        #expect(files == ["dev-ramesh.html", "index.html", "marta-kowalczyk.html", "nadia-okafor.html", "rahel-tesfaye.html"])
        let index = try String(contentsOfFile: site + "/index.html", encoding: .utf8)
        #expect(index == (try Self.golden("practice-index.html")))
        let page = try String(contentsOfFile: site + "/nadia-okafor.html", encoding: .utf8)
        let export = try PlanProcess().run(["export", "--format", "html"] + Self.today + ["Samples/practice/nadia-okafor.plan"],
                                           in: PlanProcess.packageRoot)
        #expect(page == export.stdout)
    }

    @Test func theHTMLPagesAreNeverWrittenAmongPlans() throws {
        let process = try PlanProcess()
        try process.write("client.plan", "owner \"Jo\"\nvision \"Rest\"\n")
        let result = try process.run(["practice"] + Self.today + ["client.plan", "--html", "-o", "."])
        #expect(result.stderr == "plan: error: will not write the pages into .: it holds plans; choose a folder of its own\n")
        #expect(result.status == 1)
        #expect(!FileManager.default.fileExists(atPath: process.folder.appendingPathComponent("index.html").path))
    }
}

/// `owner "Name"`: once per plan, asked with `owner`, kept by fmt and the JSON export.
@Suite struct OwnerTests {
    @Test func aSecondOwnerIsAnErrorThatPointsAtTheFirst() throws {
        let process = try PlanProcess()
        try process.write("two.plan", "owner \"Ana\"\nowner \"Bo\"\n")
        let result = try process.run(["check", "--color", "never", "two.plan"])
        #expect(result.stderr == """
            two.plan:2:1: error[E020]: the plan already has an owner
              |
            2 | owner "Bo"
              | ^^^^^^^^^^
            two.plan:1:1: note: first declared here
              |
            1 | owner "Ana"
              | ^^^^^^^^^^^

            """)
        #expect(result.status == 1)
    }

    @Test func ownerAloneAsksWhoseThePlanIs() throws {
        let result = try PlanProcess().run(["run", "-e", "owner", "-e", "owner \"Nadia Okafor\"", "-e", "owner",
                                            "-e", "update owner \"N. Okafor\"", "-e", "owner"])
        #expect(result.stdout == "none\nNadia Okafor\nN. Okafor\n")
    }

    @Test func fmtAndTheJSONExportKeepTheOwner() throws {
        let process = try PlanProcess()
        try process.write("o.plan", "owner   \"Nadia\"\nvision \"Ship\"\nupdate   owner \"Nadia O\"\n")
        #expect(try process.run(["fmt", "o.plan"]).stdout == "owner \"Nadia\"\nvision \"Ship\"\nupdate owner \"Nadia O\"\n")
        let json = try process.run(["export", "--format", "json", "--today", "2026-11-25", "o.plan"]).stdout
        #expect(json.contains("  \"vision\": \"Ship\",\n  \"owner\": \"Nadia O\",\n"))
    }

    /// `:save` writes the owner where it stands, adds one the file lacked,
    /// and a session with no file writes it after the vision.
    @Test func saveKeepsTheOwnerLikeTheVision() throws {
        let environment = ["NO_COLOR": "1", "PLAN_TODAY": "2026-11-25"]
        let home = try PlanProcess()
        try home.write("a.plan", "vision \"V\"\nowner \"Ana\"  # the client\nvalue v\n")
        try home.write("b.plan", "vision \"V\"\nvalue v\n")
        let changed = try home.run(["repl", "a.plan"], environment: environment, stdin: "update owner \"Ana Ruiz\"\n:save\n")
        #expect(changed.status == 0, "\(changed.stderr)")
        #expect(home.contents("a.plan") == "vision \"V\"\nowner \"Ana Ruiz\"  # the client\nvalue v\n")
        let added = try home.run(["repl", "b.plan"], environment: environment, stdin: "owner \"Bo\"\n:save\n")
        #expect(added.status == 0, "\(added.stderr)")
        #expect(home.contents("b.plan") == "vision \"V\"\nvalue v\n\nowner \"Bo\"\n")
        let fresh = try home.run(["repl"], environment: environment, stdin: "owner \"Cy\"\nvision \"W\"\n:save c.plan\n")
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(home.contents("c.plan") == "vision \"W\"\n\nowner \"Cy\"\n")
    }
}

/// The threads of `plan practice`: every item once, results in the items' order.
@Suite struct ParallelMapTests {
    @Test(arguments: [1, 2, 3, 8, 300])
    func resultsKeepTheItemsOrder(jobs: Int) {
        let items = Array(0..<1000)
        #expect(PlanCLI.parallelMap(items, jobs: jobs) { $0 * 3 } == items.map { $0 * 3 })
    }

    @Test func noItemsNeedNoThread() {
        #expect(PlanCLI.parallelMap([Int](), jobs: 4) { $0 }.isEmpty)
    }
}
