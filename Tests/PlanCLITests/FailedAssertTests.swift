import Testing

/// Report and export run despite failed asserts (docs/cli.md, "Help"): the
/// output in full, each failed assert on stderr, exit 0. Other errors,
/// an assert that cannot be evaluated among them, still block.
@Suite struct FailedAssertTests {
    let plan: PlanProcess
    init() throws {
        plan = try PlanProcess()
        _ = try plan.write("late.plan", """
            vision "v"
            value v
            goal "Talk" serves v by 2026-10
            assert count(goals where overdue) == 0 "catch up before adding goals"

            """)
    }

    @Test func theReportPrintsInFullAndListsTheFailedAssert() throws {
        let report = try plan.run(["report", "--color", "never", "--today", "2026-11-25", "late.plan"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("OVERDUE\n  2026-10-31  goal       Talk (25 days late)\n"))
        #expect(report.stderr == """
            late.plan:4:1: error[E042]: catch up before adding goals
              |
            4 | assert count(goals where overdue) == 0 "catch up before adding goals"
              | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^

            """)
        let export = try plan.run(["export", "--format", "md", "--today", "2026-11-25", "late.plan"])
        #expect(export.status == 0)
        #expect(export.stdout.hasPrefix("# Career plan"))
        #expect(export.stderr.contains("error[E042]: catch up before adding goals"))
    }

    @Test func otherErrorsStillBlock() throws {
        _ = try plan.write("bad.plan", "vision \"v\"\nassert count(goals) + \"x\" == 1\n")
        let report = try plan.run(["report", "--today", "2026-11-25", "bad.plan"])
        #expect(report.status == 1)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr.contains("error[E030]"))
    }
}
