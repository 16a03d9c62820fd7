import Testing

/// `plan review` and the REPL's `:review` (docs/cli.md, "The review"): the four
/// strategy questions, what the plan leaves open, the load against
/// capacity, the reviews, and the line that records this one.
@Suite struct ReviewTests {
    let plan: PlanProcess
    init() throws {
        plan = try PlanProcess()
        try plan.write("strategy.plan", Self.strategy)
        try plan.write("broken.plan", Plans.broken)
    }

    static let strategy = """
        vision "Lead product teams"
        value family priority 1 non-negotiable note "Home by 6pm"
        skill "public speaking" level 1 target 3
        objective "Ship the platform" at "Acme"
        objective "Grow the team" at "Acme"
        experience "led a team"
        capacity 10 hours per week
        capacity 4 hours per week from 2027-03-01
        review every 4 weeks
        mentor "Jordan Lee" helps "public speaking"
        goal "Lead the platform launch"
            role "Product Lead"
            needs skill "public speaking"
            needs experience "led a team"
            aligns "Ship the platform"
            serves family
            by 2027-06-30
            effort 120 hours
        goal "Write a book"
            serves family
            by 2027-03-31
            effort 60 hours
            impact "Managers read it"
        log 2026-10-01 reviewed

        """

    @Test func walksTheFourQuestionsAndEndsWithTheLogLine() throws {
        let result = try plan.run(["review", "--today", "2026-12-01", "-q", "strategy.plan"])
        #expect(result.stdout == """
            Strategy review as of Tue 2026-12-01
            Four questions turn the vision into a strategy. The plan answers what it can;
            what it leaves open is for you.

            1. What role do you want to pursue?
              2027-03-31  "Write a book": no role stated
              2027-06-30  "Lead the platform launch": role "Product Lead"

            2. What skills or experiences do you need?
              "Write a book"
                no skill gap, no experience missing
              "Lead the platform launch"
                skill "public speaking" at level 1 of 3; help: "Jordan Lee"
                experience "led a team" not had yet

            3. What impact would you like to make?
              "Write a book":
                Managers read it
              "Lead the platform launch":
                no impact stated

            4. How do your goals align with your organisation's objectives?
              "Ship the platform" at "Acme"
                goals: "Lead the platform launch"
              "Grow the team" at "Acme"
                no goal aligns with it
              aligned with no objective:
                "Write a book"

            VISION
              Lead product teams

            NON-NEGOTIABLES
              family: Home by 6pm

            LOAD AGAINST CAPACITY  # asked  ! over capacity  | capacity, hours a week
              2026-Q4  ##################################           |  7.48 of 10
              2027-Q1  ##################################  |           7.48 of 7.93
                       capacity 10 from 2027-01-01, 4 from 2027-03-01
              2027-Q2  ##################|                             3.98 of 4

            REVIEWS
              last  Thu 2026-10-01
              next  Thu 2026-10-29 (past due), every 4 weeks

            RECORD THIS REVIEW
              log 2026-12-01 reviewed

            """)
        #expect(result.stderr == "")
        #expect(result.status == 0)
    }

    @Test func jsonIsOneObject() throws {
        let result = try plan.run(["review", "--json", "--today", "2026-12-01", "-q", "strategy.plan"])
        #expect(result.stdout == #"""
            {"today":"2026-12-01","goals":[{"name":"Write a book","due":"2027-03-31","role":null,"gaps":[],"missing":[],"impact":"Managers read it","aligns":[]},{"name":"Lead the platform launch","due":"2027-06-30","role":"Product Lead","gaps":[{"skill":"public speaking","level":1,"needed":3,"people":["Jordan Lee"]}],"missing":["led a team"],"impact":null,"aligns":["Ship the platform"]}],"objectives":[{"name":"Ship the platform","org":"Acme","goals":["Lead the platform launch"]},{"name":"Grow the team","org":"Acme","goals":[]}],"unaligned":["Write a book"],"vision":"Lead product teams","non_negotiables":[{"name":"family","note":"Home by 6pm"}],"quarters":[{"name":"2026-Q4","capacity":10,"load":7.481042654028436,"over":false},{"name":"2027-Q1","capacity":7.933333333333334,"load":7.481042654028436,"over":false},{"name":"2027-Q2","capacity":4,"load":3.9810426540284363,"over":false}],"review":{"every":{"months":0,"days":28},"last":"2026-10-01","next":"2026-10-29"},"record":"log 2026-12-01 reviewed"}

            """#)
    }

    /// Logging the line it prints moves the next review on, and the
    /// agenda shows it on its day instead of as overdue.
    @Test func theRecordedReviewCounts() throws {
        try plan.write("strategy.plan", Self.strategy + "log 2026-12-01 reviewed\n")
        let review = try plan.run(["review", "--today", "2026-12-01", "-q", "strategy.plan"])
        #expect(review.stdout.contains("  last  Tue 2026-12-01\n  next  Tue 2026-12-29, every 4 weeks\n"))
        let agenda = try plan.run(["agenda", "--today", "2026-12-20", "--days", "10", "-q", "strategy.plan"])
        #expect(agenda.stdout.contains("  Tue 2026-12-29  review     the plan: last reviewed 2026-12-01, every 4 weeks\n"))
    }

    @Test func aReviewPastDueIsOverdueOnTheAgenda() throws {
        let result = try plan.run(["agenda", "--today", "2026-12-01", "--json", "-q", "strategy.plan"])
        #expect(result.stdout == """
            {"date":"2026-10-29","overdue":true,"kind":"review","name":"the plan","why":"last reviewed 2026-10-01, every 4 weeks","goal":null}

            """)
    }

    @Test func neverReviewedIsOverdueToday() throws {
        try plan.write("fresh.plan", "value craft\ngoal \"G\" serves craft by 2027-06\nreview every 2 weeks\n")
        let result = try plan.run(["agenda", "--today", "2026-12-01", "-q", "fresh.plan"])
        #expect(result.stdout.contains("OVERDUE\n  Tue 2026-12-01  review     the plan: never reviewed, every 2 weeks\n"))
    }

    @Test func aPlanWithoutStrategySaysWhatIsOpen() throws {
        try plan.write("bare.plan", "goal \"G\" by 2027-06\n")
        let result = try plan.run(["review", "--today", "2026-12-01", "-q", "bare.plan"])
        #expect(result.stdout.contains("  open: no objective stated: add objective \"...\" at \"...\"\n"))
        #expect(result.stdout.contains("  open: no vision yet: add vision \"...\"\n"))
        #expect(result.stdout.contains("  open: none declared: what must stay true in your life?\n"))
        #expect(result.stdout.contains("  last  none logged\n  next  no cadence set: add review every 4 weeks\n"))
        #expect(result.stdout.hasSuffix("RECORD THIS REVIEW\n  log 2026-12-01 reviewed\n"))
    }

    @Test func colorOnlyWhenAsked() throws {
        let plain = try plan.run(["review", "--today", "2026-12-01", "-q", "strategy.plan"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let colored = try plan.run(["review", "--today", "2026-12-01", "-q", "--color", "always", "strategy.plan"])
        #expect(colored.stdout.contains("\u{1B}[36m1. What role do you want to pursue?\u{1B}[0m\n"))
    }

    @Test func everyLineFitsEightyColumns() throws {
        let result = try plan.run(["review", "--today", "2026-12-01", "-q", "strategy.plan"])
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aBrokenPlanGetsNoReview() throws {
        let result = try plan.run(["review", "--today", "2026-12-01", "broken.plan"])
        #expect(result.stdout == "")
        #expect(result.status == 1)
    }

    @Test func usage() throws {
        let result = try plan.run(["review"])
        #expect(result.stderr == "plan: error: review needs at least one file\nRun 'plan --help' to see every command and option.\n")
        #expect(result.status == 2)
        let help = try plan.run(["review", "--help"])
        #expect(help.stdout.hasPrefix("Usage: plan review FILE... [-q] [--json]\n"))
    }

    @Test func theREPLReviews() throws {
        let result = try plan.run(["repl", "--today", "2026-12-01", "strategy.plan"], stdin: ":review\n:review now\n")
        #expect(result.stdout.contains("RECORD THIS REVIEW\n  log 2026-12-01 reviewed\n"))
        #expect(result.stderr.contains("error: :review takes no argument"))
    }
}
