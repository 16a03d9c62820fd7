import Foundation
import Testing

/// `plan-bench` (Benchmarks/PlanBench) is what `make bench` reads its
/// in-process stage timings from: each stage must report what it found,
/// and a bad file or usage must fail plainly, as the runner relies on.
@Suite struct BenchTests {
    private func bench(_ arguments: [String]) throws -> PlanProcess.Result {
        let process = try PlanProcess()
        return try process.run(arguments, in: PlanProcess.packageRoot,
                               binary: try PlanProcess.binary().deletingLastPathComponent().appendingPathComponent("plan-bench"))
    }

    @Test func reportsEveryStageWithWhatItFound() throws {
        let result = try bench(["Samples/product-launch.plan", "-e", "count(goals)", "--runs", "1"])
        #expect(result.status == 0)
        let stages = result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(stages == ["lex", "parse", "load+check", "query"])
        #expect(result.stdout.contains("304 tokens, 0 errors"))
        #expect(result.stdout.contains("35 statements, 0 errors"))
        #expect(result.stdout.contains("5 goals, 1 diagnostics"))
        #expect(result.stdout.hasSuffix("   5\n"))
    }

    /// The one-line shape is the issue's own text, and the plan is valid
    /// and quiet, so that the benchmark times loading and checking alone.
    @Test func theOneLineShapeIsTheSameLineForEveryGoalAndQuiet() throws {
        let process = try PlanProcess()
        let generated = try process.run(["python3", "Benchmarks/generate.py", "--goals", "1000", "--shape", "oneline",
                                         "--out", process.folder.path],
                                        in: PlanProcess.packageRoot, binary: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(generated.status == 0, "\(generated.stderr)")
        let plan = try String(contentsOf: process.folder.appendingPathComponent("plan-oneline-1000.plan"), encoding: .utf8)
        let goals = plan.split(separator: "\n").filter { $0.hasPrefix("goal ") }
        #expect(goals.count == 1000)
        #expect(goals.first == #"goal "Goal number 0" needs skill "project management", "strategic planning" serves impact by 2027-01-01"#)
        // 999 is day 99 of the 900-day cycle from 2027-01-01.
        #expect(goals.last == #"goal "Goal number 999" needs skill "project management", "strategic planning" serves impact by 2027-04-10"#)
        let lua = try String(contentsOf: process.folder.appendingPathComponent("plan-oneline-1000.lua"), encoding: .utf8)
        #expect(lua.contains(#"{name="Goal number 0", needs={"project management", "strategic planning"}, serves={"impact"}, by="2027-01-01"},"#))
        let checked = try process.run(["check", "--today", "2026-11-25", "plan-oneline-1000.plan"], in: process.folder)
        #expect(checked.status == 0)
        #expect(checked.stdout == "")
        #expect(checked.stderr == "")
    }

    @Test func failsPlainly() throws {
        let missing = try bench(["nope.plan"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "plan-bench: cannot read nope.plan: No such file or directory\n")
        #expect(try bench([]).status == 2)
    }
}
