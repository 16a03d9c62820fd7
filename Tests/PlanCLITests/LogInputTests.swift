import Testing

/// Each bad input of the log and the contacts (docs/language.md, "log", "contact and mentor") gets its exact
/// diagnostic, at its file, line and column, with its hint.
@Suite struct LogInputTests {
    let plan: PlanProcess
    init() throws { plan = try PlanProcess() }

    static let base = """
        vision "v"
        value craft
        skill "Rust" level 1 target 3
        goal "Ship" serves craft by 2027-01
        contact "Ana Ruiz" every 6 weeks

        """

    func errors(_ line: String) throws -> String {
        try plan.checkErrors(Self.base + line)
    }

    @Test func metNamingNoPerson() throws {
        #expect(try errors("log 2026-11-01 met \"Ana Ruis\"") == """
            bad.plan:6:20: error[E015]: unknown contact "Ana Ruis"
              |
            6 | log 2026-11-01 met "Ana Ruis"
              |                    ^^^^^^^^^^ did you mean "Ana Ruiz"?

            """)
    }

    @Test func aLevelAboveFive() throws {
        #expect(try errors("log 2026-11-01 skill \"Rust\" level 7") == """
            bad.plan:6:35: error[E021]: a level must be between 0 and 5, not 7
              |
            6 | log 2026-11-01 skill "Rust" level 7
              |                                   ^ levels run from 0 (none) to 5 (expert)

            """)
    }

    @Test func negativeHours() throws {
        #expect(try errors("log 2026-11-01 for \"Ship\" hours -2") == """
            bad.plan:6:33: error[E001]: expected the hours spent (a number) after `hours`, found `-`
              |
            6 | log 2026-11-01 for "Ship" hours -2
              |                                 ^ for example: hours 2.5

            """)
    }

    @Test func doneNamingAValue() throws {
        #expect(try errors("log 2026-11-01 done craft") == """
            bad.plan:6:21: error[E011]: unknown goal or milestone "craft"
              |
            6 | log 2026-11-01 done craft
              |                     ^^^^^ "craft" is a value; `done` names a goal or milestone

            """)
    }

    @Test func metNamingASkill() throws {
        #expect(try errors("log 2026-11-01 met Rust") == """
            bad.plan:6:20: error[E015]: unknown contact "Rust"
              |
            6 | log 2026-11-01 met Rust
              |                    ^^^^ "Rust" is a skill; `met` names a contact

            """)
    }

    @Test func aLogWithNoClause() throws {
        #expect(try errors("log 2026-11-01") == """
            bad.plan:6:5: error[E001]: this log entry says nothing happened
              |
            6 | log 2026-11-01
              |     ^^^^^^^^^^ say what: log 2026-11-01 "what you did" for "Goal" hours 2; or met, skill ... level, done, gained, reviewed

            """)
    }

    @Test func twoEveryClauses() throws {
        #expect(try errors("contact \"Lee\" every 2 weeks every 3 weeks") == """
            bad.plan:6:29: error[E009]: `every` is given twice for contact "Lee"
              |
            6 | contact "Lee" every 2 weeks every 3 weeks
              |                             ^^^^^^^^^^^^^ keep one of them
            bad.plan:6:15: note: given first here
              |
            6 | contact "Lee" every 2 weeks every 3 weeks
              |               ^^^^^^^^^^^^^

            """)
    }

    @Test func everyZeroDays() throws {
        #expect(try errors("mentor \"Lee\" every 0 days") == """
            bad.plan:6:20: error[E006]: `every` needs a duration longer than nothing, not 0 days
              |
            6 | mentor "Lee" every 0 days
              |                    ^^^^^^ for example: every 6 weeks

            """)
    }

    @Test func aLogDatedInYearZero() throws {
        #expect(try errors("log 0000-01-01 \"the start of time\"") == """
            bad.plan:6:5: error[E005]: invalid date 0000-01-01: years run from 0001 to 9999
              |
            6 | log 0000-01-01 "the start of time"
              |     ^^^^^^^^^^ a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)

            """)
    }
}
