@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `:diff` reads every field of both sides through one evaluator a side,
/// so the log's totals are worked out once per side; what it shows must be
/// what each field reads on its own plan.
@Suite struct PlanDiffTests {
    static let before = """
        goal g by 2027-06
        goal h by 2027-06
        skill s level 1
        contact c
        log 2026-03-01 "a" for g hours 1
        """

    private static func side(_ text: String) -> PlanDiff.Side {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: text))
        return PlanDiff.Side(plan: interpreter.asOfToday, problems: interpreter.check())
    }

    @Test func fieldsTheLogDecidesShowOnTheRightEntities() {
        let after = Self.before + """

            log 2026-03-02 "b" for h hours 2 met c skill s level 2
            update goal g by 2027-09
            """
        let lines = PlanDiff.lines(from: Self.side(Self.before), to: Self.side(after), today: testToday)
        #expect(lines == [
            "~ skill \"s\"",
            "    level: 1 -> 2",
            "    history: [] -> [log 2026-03-02 \"b\"]",
            "~ goal \"g\"",
            "    due: 2027-06-30 -> 2027-09-30",
            "    days_left: 365 days -> 457 days",
            "~ goal \"h\"",
            "    logs: [] -> [log 2026-03-02 \"b\"]",
            "    last_progress: none -> 2026-03-02",
            "    spent: 0 -> 2",
            "~ contact \"c\"",
            "    last_met: none -> 2026-03-02",
            "    logs: [] -> [log 2026-03-02 \"b\"]",
            "+ log 2026-03-02 \"b\"",
            "+ quarter \"2027-Q3\"",
        ])
    }
}
