import Testing

/// Each bad input of strategy and capacity (docs/language.md, "Strategy and capacity") gets its exact
/// diagnostic, at its file, line and column, with its hint.
@Suite struct StrategyInputTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    static let base = """
        vision "v"
        value craft
        objective "Ship the platform"
        experience "led a team"
        skill "Rust" level 1 target 3
        goal "Ship" serves craft aligns "Ship the platform" needs experience "led a team" by 2027-01

        """

    func errors(_ lines: String) throws -> String {
        try plan.checkErrors(Self.base + lines)
    }

    @Test func aNegativeCapacity() throws {
        #expect(try errors("capacity -3 hours per week") == """
            bad.plan:7:10: error[E001]: expected the capacity (a number) after `capacity`, found `-`
              |
            7 | capacity -3 hours per week
              |          ^ for example: capacity 10 hours per week

            """)
    }

    @Test func moreHoursThanAWeekHolds() throws {
        #expect(try errors("capacity 200 hours per week") == """
            bad.plan:7:10: error[E025]: a capacity of 200 hours a week is more than a week holds (168)
              |
            7 | capacity 200 hours per week
              |          ^^^ count the hours you can give after your non-negotiables: capacity 10 hours per week

            """)
    }

    @Test func twoCapacitiesFromOneDay() throws {
        #expect(try errors("capacity 10 hours per week from 2027-01-01\ncapacity 8 hours per week from 2027-01-01") == """
            bad.plan:8:27: error[E020]: two capacities from 2027-01-01
              |
            8 | capacity 8 hours per week from 2027-01-01
              |                           ^^^^^^^^^^^^^^^ keep one of them, or start this one on another day
            bad.plan:7:28: note: the first one is here
              |
            7 | capacity 10 hours per week from 2027-01-01
              |                            ^^^^^^^^^^^^^^^

            """)
    }

    @Test func twoCapacitiesFromTheBeginning() throws {
        #expect(try errors("capacity 10 hours per week\ncapacity 8 hours per week") == """
            bad.plan:8:10: error[E020]: two capacities from the beginning
              |
            8 | capacity 8 hours per week
              |          ^ keep one of them, or start this one on another day
            bad.plan:7:10: note: the first one is here
              |
            7 | capacity 10 hours per week
              |          ^^

            """)
    }

    @Test func noEffort() throws {
        #expect(try errors("goal \"Two\" serves craft aligns \"Ship the platform\" by 2027-06 effort 0 hours") == """
            bad.plan:7:70: error[E006]: `effort` needs a number more than 0, not 0
              |
            7 | goal "Two" serves craft aligns "Ship the platform" by 2027-06 effort 0 hours
              |                                                                      ^ for example: effort 40 hours

            """)
    }

    @Test func startAfterTheDate() throws {
        #expect(try errors("goal \"Two\" serves craft aligns \"Ship the platform\" start 2027-07-01 by 2027-06-30") == """
            bad.plan:7:52: error[E024]: goal "Two" starts 2027-07-01, after its date 2027-06-30
              |
            7 | goal "Two" serves craft aligns "Ship the platform" start 2027-07-01 by 2027-06-30
              |                                                    ^^^^^^^^^^^^^^^^ start it by 2027-06-30, or move its date: update goal "Two" by 2027-07-01

            """)
    }

    @Test func alignsNamingAValue() throws {
        #expect(try errors("goal \"Two\" serves craft aligns craft by 2027-06") == """
            bad.plan:7:32: error[E018]: unknown objective "craft"
              |
            7 | goal "Two" serves craft aligns craft by 2027-06
              |                                ^^^^^ "craft" is a value; `aligns` names an objective

            """)
    }

    @Test func needsExperienceNamingASkill() throws {
        #expect(try errors("goal \"Two\" serves craft aligns \"Ship the platform\" needs experience \"Rust\" by 2027-06") == """
            bad.plan:7:69: error[E019]: unknown experience "Rust"
              |
            7 | goal "Two" serves craft aligns "Ship the platform" needs experience "Rust" by 2027-06
              |                                                                     ^^^^^^ "Rust" is a skill; `experience` names an experience

            """)
    }

    @Test func aMistypedExperienceGetsDidYouMean() throws {
        #expect(try errors("goal \"Two\" serves craft aligns \"Ship the platform\" needs experience \"led a tem\" by 2027-06") == """
            bad.plan:7:69: error[E019]: unknown experience "led a tem"
              |
            7 | goal "Two" serves craft aligns "Ship the platform" needs experience "led a tem" by 2027-06
              |                                                                     ^^^^^^^^^^^ did you mean "led a team"?

            """)
    }

    @Test func reviewEveryZeroDays() throws {
        #expect(try errors("review every 0 days") == """
            bad.plan:7:14: error[E006]: `every` needs a duration longer than nothing, not 0 days
              |
            7 | review every 0 days
              |              ^^^^^^ for example: every 6 weeks

            """)
    }
}
