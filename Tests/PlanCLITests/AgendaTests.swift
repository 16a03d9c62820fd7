import Testing

/// `plan agenda` and the REPL's `:agenda` (docs/cli.md, "The agenda"): the overdue
/// first, then the next N days, one line an item.
@Suite struct AgendaTests {
    let plan: PlanProcess
    init() throws {
        plan = try PlanProcess()
        try plan.write("week.plan", Self.week)
        try plan.write("quiet.plan", "value craft\ngoal \"Later\" serves craft by 2027-06\n")
        try plan.write("broken.plan", Plans.broken)
    }

    /// Something of every kind: overdue, in the window, past the window, and
    /// done by the log (which keeps it off the agenda).
    static let week = """
        value craft
        goal "Ship the CLI" serves craft by 2026-11-20 doing
        goal "Write the docs" serves craft by 2026-12-01
        goal "Launch" serves craft by 2027-06
        goal "Done already" serves craft by 2026-11-30
        milestone "Beta" for "Launch" by 2026-11-24
        milestone "RC" for "Launch" by 2026-11-28
        contact "Ana Ruiz" every 6 weeks met 2026-10-01
        contact "Sam" every 2 weeks
        mentor "Jordan Lee" every 1 month met 2026-10-20
        contact "Lee Park" every 3 months met 2026-09-01
        log 2026-11-10 done "Done already"
        log 2026-11-12 met "Lee Park"

        """

    @Test func overdueFirstThenDayByDay() throws {
        let result = try plan.run(["agenda", "--today", "2026-11-25", "week.plan"])
        #expect(result.stdout == """
            Agenda for Wed 2026-11-25, the next 14 days to Wed 2026-12-09

            OVERDUE
              Thu 2026-11-12  contact    "Ana Ruiz": met 2026-10-01, every 6 weeks
              Fri 2026-11-20  goal       "Ship the CLI": 5 days late, in progress
              Fri 2026-11-20  mentor     "Jordan Lee": met 2026-10-20, every 1 month
              Tue 2026-11-24  milestone  "Beta": 1 day late

            NEXT 14 DAYS
              Wed 2026-11-25  contact    "Sam": never met, every 2 weeks
              Sat 2026-11-28  milestone  "RC": due in 3 days
              Tue 2026-12-01  goal       "Write the docs": due in 6 days, not started

            """)
        #expect(result.status == 0)
    }

    /// The window ends `--days` after today, that day included; a meeting
    /// logged moves the next touch (Lee Park, met 2026-11-12, is due 2027-02-12).
    /// The window ends at 9999-12-31, the last day a plan can hold.
    @Test func theWindowEndsWithTheCalendar() throws {
        let result = try plan.run(["agenda", "--today", "9999-12-30", "--days", "30", "quiet.plan"])
        #expect(result.stdout.hasPrefix("Agenda for Thu 9999-12-30, the next 30 days to Fri 9999-12-31\n"))
        let json = try plan.run(["agenda", "--json", "--today", "9999-12-30", "--days", "30", "quiet.plan"])
        #expect(!json.stdout.contains("10000-"))
    }

    @Test func daysSetsTheWindow() throws {
        let result = try plan.run(["agenda", "--today", "2026-11-25", "--days", "3", "-q", "week.plan"])
        #expect(result.stdout.hasSuffix("""
            NEXT 3 DAYS
              Wed 2026-11-25  contact    "Sam": never met, every 2 weeks
              Sat 2026-11-28  milestone  "RC": due in 3 days

            """))
        let year = try plan.run(["agenda", "--today", "2026-11-25", "--days=80", "week.plan"])
        #expect(year.stdout.hasSuffix("  Fri 2027-02-12  contact    \"Lee Park\": met 2026-11-12, every 3 months\n"))
    }

    @Test func jsonIsOneObjectAnItem() throws {
        let result = try plan.run(["agenda", "--today", "2026-11-25", "--days", "3", "--json", "week.plan"])
        #expect(result.stdout == """
            {"date":"2026-11-12","overdue":true,"kind":"contact","name":"Ana Ruiz","why":"met 2026-10-01, every 6 weeks","goal":null}
            {"date":"2026-11-20","overdue":true,"kind":"goal","name":"Ship the CLI","why":"5 days late, in progress","goal":null}
            {"date":"2026-11-20","overdue":true,"kind":"mentor","name":"Jordan Lee","why":"met 2026-10-20, every 1 month","goal":null}
            {"date":"2026-11-24","overdue":true,"kind":"milestone","name":"Beta","why":"1 day late","goal":"Launch"}
            {"date":"2026-11-25","overdue":false,"kind":"contact","name":"Sam","why":"never met, every 2 weeks","goal":null}
            {"date":"2026-11-28","overdue":false,"kind":"milestone","name":"RC","why":"due in 3 days","goal":"Launch"}

            """)
    }

    @Test func nothingDueSaysSo() throws {
        let result = try plan.run(["agenda", "--today", "2026-11-25", "quiet.plan"])
        #expect(result.stdout == "nothing due in the next 14 days\n")
        #expect(result.status == 0)
        let week = try plan.run(["agenda", "--today", "2026-11-25", "--days", "7", "quiet.plan"])
        #expect(week.stdout == "nothing due in the next 7 days\n")
        let json = try plan.run(["agenda", "--today", "2026-11-25", "--json", "quiet.plan"])
        #expect(json.stdout == "")
    }

    /// Overdue work but nothing in the window: the window says it is empty.
    @Test func anEmptyWindowUnderOverdueWork() throws {
        let result = try plan.run(["agenda", "--today", "2027-12-01", "--days", "1", "-q", "quiet.plan"])
        #expect(result.stdout == """
            Agenda for Wed 2027-12-01, the next day to Thu 2027-12-02

            OVERDUE
              Wed 2027-06-30  goal       "Later": 154 days late, not started

            NEXT DAY
              nothing due in the next day

            """)
    }

    @Test func colorOnlyWhenAsked() throws {
        let plain = try plan.run(["agenda", "--today", "2026-11-25", "week.plan"])
        #expect(!plain.stdout.contains("\u{1B}"))
        let never = try plan.run(["agenda", "--today", "2026-11-25", "--color", "never", "week.plan"], environment: ["NO_COLOR": ""])
        #expect(!never.stdout.contains("\u{1B}"))
        let colored = try plan.run(["agenda", "--today", "2026-11-25", "--color", "always", "week.plan"])
        #expect(colored.stdout.contains("  \u{1B}[31mThu 2026-11-12\u{1B}[0m  \u{1B}[2mcontact  \u{1B}[0m  \"Ana Ruiz\""))
        #expect(colored.stdout.contains("  \u{1B}[1mWed 2026-11-25\u{1B}[0m  "))
        let terminal = try plan.runOnTerminal(["agenda", "--today", "2026-11-25", "week.plan"])
        #expect(terminal.contains("\u{1B}[36mOVERDUE\u{1B}[0m"))
    }

    /// A name cannot drive the terminal: it is quoted as the language writes it.
    @Test func controlCharactersAreEscaped() throws {
        try plan.write("ctl.plan", "contact \"a\\u{1B}[2Jb\" every 1 week\n")
        let result = try plan.run(["agenda", "--today", "2026-11-25", "ctl.plan"])
        #expect(result.stdout.contains("contact    \"a\\u{1B}[2Jb\": never met, every 1 week\n"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test func aPlanWithErrorsGetsNoAgenda() throws {
        let result = try plan.run(["agenda", "--today", "2026-11-25", "broken.plan"])
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("broken.plan:3:17: error[E013]: unknown value \"helth\"\n"))
        #expect(result.status == 1)
    }

    @Test(arguments: [
        (["agenda", "--days", "0", "week.plan"], "--days takes a whole number of days from 1 to 3660, not \"0\""),
        (["agenda", "--days", "3661", "week.plan"], "--days takes a whole number of days from 1 to 3660, not \"3661\""),
        (["agenda", "--days", "two", "week.plan"], "--days takes a whole number of days from 1 to 3660, not \"two\""),
        (["agenda", "week.plan", "--days"], "option --days needs a value"),
        (["agenda"], "agenda needs at least one file"),
        (["report", "--days", "3", "week.plan"], "option --days is only for agenda"),
    ])
    func badUsage(arguments: [String], message: String) throws {
        let result = try plan.run(arguments)
        #expect(result.stderr == "plan: error: \(message)\nRun 'plan --help' to see every command and option.\n")
        #expect(result.status == 2)
    }

    @Test func helpPage() throws {
        let result = try plan.run(["help", "agenda"])
        #expect(result.stdout.hasPrefix("Usage: plan agenda FILE... [--days N] [-q] [--json]\n"))
        #expect(try plan.run(["agenda", "--help"]).stdout == result.stdout)
    }

    @Test func theREPLsAgenda() throws {
        let result = try plan.run(["repl", "--today", "2026-11-25", "week.plan"], stdin: ":agenda 3\n:agenda 0\n:agenda\n")
        #expect(result.stdout.components(separatedBy: "Agenda for Wed 2026-11-25, the next 3 days to Sat 2026-11-28\n").count == 2)
        #expect(result.stdout.components(separatedBy: "Agenda for Wed 2026-11-25, the next 14 days to Wed 2026-12-09\n").count == 2)
        #expect(result.stderr.contains("error: :agenda takes a whole number of days from 1 to 3660, not \"0\" (:agenda 7)\n"))
        #expect(result.status == 1)
    }

    /// `--today` replays the plan as it stood that day (docs/language.md, "log"). The drifted
    /// sample's report at three dates: the levels, the goals done and the
    /// last meetings of each day.
    @Test(arguments: [
        ("2026-03-31", [
            "  Rust               level 1 of 3, gap 2",
            "  storage engines    level 2 of 4, gap 2",
            "    [x] 2026-07-15  milestone  Rustlings finished -> Fix one bug upstream",
            "    [ ] 2026-08-31  goal       Fix one bug upstream",
            "  2026-03-05  Ana Ruiz: 26 days late; last met 2026-01-22, every 6 weeks",
            "  2026-03-31  Lee Park: today; never met, every 3 months",
        ]),
        ("2026-06-30", [
            "  Rust               level 2 of 3, gap 1",
            "  storage engines    level 2 of 4, gap 2",
            "    [x] 2026-08-31  goal       Fix one bug upstream",
            "    [ ] 2026-10-31  milestone  Read the LSM papers -> Own the compaction rewrite",
            "  2026-06-11  Ana Ruiz: 19 days late; last met 2026-04-30, every 6 weeks",
            "  2026-06-20  \"The merged fix says my Rust is a 2\" skill Rust level 2",
        ]),
        ("2026-09-30", [
            "  Rust               level 2 of 3, gap 1",
            "  storage engines    level 2 of 4, gap 2",
            "    [ ] 2026-10-31  milestone  Read the LSM papers -> Own the compaction rewrite",
            "  2026-08-14  Lee Park: 47 days late; last met 2026-05-14, every 3 months",
            "  2026-08-18  Priya Natarajan: 43 days late; last met 2026-06-18, every 2 months",
            "  2026-09-21  Ana Ruiz: 9 days late; last met 2026-08-10, every 6 weeks",
        ]),
    ])
    func theReportReplaysADay(today: String, lines: [String]) throws {
        let result = try plan.run(["report", "--today", today, "--color", "never", "Samples/drifted.plan"], in: PlanProcess.packageRoot)
        let printed = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines {
            #expect(printed.contains(line), "\(today): \(line)")
        }
        #expect(result.stdout.hasPrefix("Career plan as of \(today)\n"))
    }
}
