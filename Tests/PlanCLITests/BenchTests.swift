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

    @Test func failsPlainly() throws {
        let missing = try bench(["nope.plan"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "plan-bench: cannot read nope.plan: No such file or directory\n")
        #expect(try bench([]).status == 2)
    }
}
