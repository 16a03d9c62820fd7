import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Answers as of today that a person can trust (docs/language.md, "As of
/// today", and docs/checks.md): what counts, what `spent` sums, what a
/// quarter's capacity is, and the warnings for what does not count.
@Suite struct AsOfTodayTests {
    static let today = Day(year: 2027, month: 1, day: 15) ?? Day(ordinal: 0)

    /// The answers and diagnostics of `text` run on `today`, one a line,
    /// then the checks.
    private static func run(_ text: String, today: Day = today) -> (lines: [String], checks: [String], interpreter: Interpreter) {
        var session = Session()
        session.interpreter.today = today
        session.run(text)
        let checks = session.interpreter.check().map { session.describe($0) }
        return (session.lines, checks, session.interpreter)
    }

    // MARK: - logs and logs_ahead

    static let logged = """
        vision "v"
        value craft
        goal "X" serves craft by 2027-12 effort 20 hours doing
        log 2027-01-05 for "X" hours 2
        log 2027-01-10 for "X" hours 3
        log 2027-02-01 "planned" for "X" hours 5

        """

    @Test func logsHoldOnlyTheEntriesThatCountAndLogsAheadTheRest() {
        let (lines, _, _) = Self.run(Self.logged + """
            count(logs)
            sum(logs select hours)
            logs_ahead select note
            count(logs_ahead)

            """)
        #expect(lines == ["2", "5", "[\"planned\"]", "1"])
    }

    @Test func aReplayOfAnEarlierDayCountsOnlyWhatHadHappened() {
        let (lines, _, _) = Self.run(Self.logged + "sum(logs select hours)\ncount(logs_ahead)\n",
                                     today: Day(year: 2027, month: 1, day: 7) ?? Day(ordinal: 0))
        #expect(lines == ["2", "2"])
    }

    @Test func logsAheadIsOfferedForAMisspelling() {
        let (lines, _, _) = Self.run(Self.logged + "count(logs_ahaed)\n")
        #expect(lines == ["E010 unknown name \"logs_ahaed\" @logs_ahaed"])
        var session = Session()
        let problem = session.diagnostics(of: "count(logs_ahaed)\n").first
        #expect(problem?.hint == "did you mean \"logs_ahead\"?")
    }

    // MARK: - spent

    static let doneWithHours = """
        vision "v"
        value craft
        goal "X" serves craft by 2027-12-31 effort 20 hours doing
        goal "Y" serves craft by 2027-12-31 effort 10 hours doing
        milestone "Y1" for "Y" by 2027-06
        log 2027-01-02 for "X" hours 1
        log 2027-01-05 "final push" done "X" hours 3
        log 2027-01-06 done "Y1" hours 4

        """

    @Test func spentSumsTheHoursOfEveryEntryInTheGoalsLogs() {
        let (lines, _, _) = Self.run(Self.doneWithHours + """
            (goal "X").spent
            (goal "X").remaining
            sum((goal "X").logs select hours)
            (goal "Y").spent
            (goal "Y").remaining

            """)
        #expect(lines == ["4", "16", "4", "4", "6"])
    }

    @Test func theQuarterLoadFollowsTheHoursOfADoneEntry() {
        // The same 4 hours on "Y1", logged with `for` instead of `done`: "Y" has 6 hours left either way.
        let question = "first(quarters).load\n"
        let (done, _, _) = Self.run(Self.doneWithHours + question)
        let worked = Self.doneWithHours.replacingOccurrences(of: "done \"Y1\" hours 4", with: "for \"Y1\" hours 4")
        let (forEntry, _, _) = Self.run(worked + question)
        #expect(done == forEntry)
        #expect(done != ["0"])
    }

    @Test func theCalendarRelatesADoneEntryWithHoursToItsGoal() {
        let (_, _, interpreter) = Self.run(Self.doneWithHours)
        let calendar = ICalendar.render(interpreter.asOfToday, today: Self.today)
        let events = calendar.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let related = events.map { event in
            event.split(separator: "\r\n").filter { $0.hasPrefix("RELATED-TO:") }.map { String($0.dropFirst(11)) }
        }
        #expect(related == [
            [ICalendar.uid(.goal, "X")],
            [ICalendar.uid(.goal, "X")],
            [ICalendar.uid(.milestone, "Y1"), ICalendar.uid(.goal, "Y")],
        ])
    }

    // MARK: - log.goal and log.milestone

    @Test func anEntryForAMilestoneHasItsGoalAsGoalAndTheMilestoneAsMilestone() {
        let (lines, _, _) = Self.run("""
            vision "v"
            value craft
            goal "X" serves craft by 2027-12 doing
            milestone "X1" for "X" by 2027-06
            log 2027-01-02 for "X" hours 1
            log 2027-01-03 for "X1" hours 2
            sum(logs where goal == goal "X" select hours)
            logs select [goal, milestone]

            """)
        #expect(lines == ["3", "[[goal \"X\", none], [goal \"X\", milestone \"X1\"]]"])
    }

    // MARK: - met after today

    @Test func aMetDateAfterTodayWarnsAndDoesNotCount() {
        let (lines, checks, _) = Self.run("""
            vision "v"
            contact "Ana" every 1 month met 2207-03-01
            (contact "Ana").last_met
            (contact "Ana").next_touch

            """)
        #expect(lines == ["none", "2027-01-15"])
        #expect(checks == [
            "W011 you met \"Ana\" on 2207-03-01, after today (2027-01-15): it does not count yet @met 2207-03-01",
        ])
    }

    @Test func aMetDateAfterTodayLeavesTheLoggedMeetingInForce() {
        let (lines, _, _) = Self.run("""
            vision "v"
            contact "Ana" every 1 month met 2207-03-01
            log 2026-12-01 met "Ana"
            (contact "Ana").last_met

            """)
        #expect(lines == ["2026-12-01"])
    }

    // MARK: - capacity averaged over the quarter

    static let steppedCapacity = """
        vision "v"
        value craft
        capacity 8 hours per week
        capacity 4 hours per week from 2027-07-15
        capacity 8 hours per week from 2027-09-01
        goal "X" serves craft start 2027-07-01 by 2027-09-30 effort 93 hours

        """

    @Test func aQuartersCapacityIsTheHoursInForceAveragedOverItsDays() {
        let (lines, checks, _) = Self.run(Self.steppedCapacity + "quarters where name == \"2027-Q3\" select [capacity > 5.91, capacity < 5.92, over]\n")
        // 14 days of 8, 48 of 4 and 30 of 8: 544 hours over 92 days.
        #expect(lines == ["[[true, true, true]]"])
        #expect(checks == [
            "W014 2027-Q3 asks 7.15 hours a week of a capacity of 5.91 @\"X\"",
        ])
    }

    @Test func theCurrentQuarterAveragesFromToday() {
        let (lines, _, _) = Self.run("""
            vision "v"
            capacity 10 hours per week
            capacity 4 hours per week from 2027-03-01
            value craft
            goal "X" serves craft by 2027-03-31 effort 10 hours
            first(quarters).capacity

            """, today: Day(year: 2027, month: 2, day: 20) ?? Day(ordinal: 0))
        // From 20 February: 9 days of 10, then 31 of 4.
        #expect(lines == ["5.35"])
    }

    @Test func theReportAndTheReviewShowTheAveragedCapacity() {
        let (_, _, interpreter) = Self.run(Self.steppedCapacity, today: Day(year: 2027, month: 7, day: 1) ?? Day(ordinal: 0))
        let today = Day(year: 2027, month: 7, day: 1) ?? Day(ordinal: 0)
        let report = Report(plan: interpreter.asOfToday, today: today).render()
        let review = StrategyReview(interpreter.asOfToday, today: today).render(color: false)
        for text in [report, review] {
            #expect(text.contains("7.15 of 5.91  over\n           capacity 8 from 2027-07-01, 4 from 2027-07-15, 8 from 2027-09-01\n"), "\(text)")
        }
    }

    @Test func theSVGChartDrawsWhereTheCapacityStepsInsideAQuarter() {
        let today = Day(year: 2027, month: 7, day: 1) ?? Day(ordinal: 0)
        let (_, _, interpreter) = Self.run(Self.steppedCapacity, today: today)
        let svg = SVGTimeline.render(interpreter.asOfToday, today: today)
        let stepLines = svg.components(separatedBy: "\n").filter { $0.contains("stroke=\"#222\" stroke-width=\"2.5\"") && $0.hasPrefix("<line") }
        // Three steps in the one quarter, and the key's sample line.
        #expect(stepLines.count == 4)
        #expect(svg.contains("stroke-dasharray=\"4 3\""))
    }

    // MARK: - over is never shown equal

    @Test func aFigureOverIsNeverShownEqualToWhatItIsOver() {
        #expect(Literal.rounded(8.003, apartFrom: 8) == ("8.003", "8"))
        #expect(Literal.rounded(7.48, apartFrom: 10) == ("7.48", "10"))
        #expect(Literal.rounded(8.0004, apartFrom: 8.0001) == ("8.0004", "8.0001"))
        #expect(Literal.rounded(5, apartFrom: 5) == ("5", "5"))
    }

    @Test func theCheckAndTheChartShowALoadJustOverItsCapacityApart() {
        let today = Day(year: 2027, month: 1, day: 1) ?? Day(ordinal: 0)
        // 8.003 hours a week over the 10 weeks from 1 January to 12 March, within one quarter.
        let text = """
            vision "v"
            value craft
            capacity 8 hours per week
            goal "X" serves craft by 2027-03-12 effort 80.03 hours

            """
        let (_, checks, interpreter) = Self.run(text, today: today)
        #expect(checks == ["W014 2027-Q1 asks 8.003 hours a week of a capacity of 8 @\"X\""])
        let report = Report(plan: interpreter.asOfToday, today: today).render()
        #expect(report.contains("8.003 of 8  over"), "\(report)")
        let svg = SVGTimeline.render(interpreter.asOfToday, today: today)
        #expect(svg.contains("8, 0.003 over"), "\(svg)")
    }

    // MARK: - the last 30 days

    @Test func driftAndRecentProgressAgreeOnTheLast30Days() {
        let text = """
            vision "v"
            value craft
            goal "X" serves craft by 2027-12 doing
            log 2027-02-01 for "X"

            """
        for (day, drifting) in [(Day(year: 2027, month: 3, day: 3), false), (Day(year: 2027, month: 3, day: 4), true)] {
            let today = day ?? Day(ordinal: 0)
            let (_, checks, interpreter) = Self.run(text, today: today)
            #expect(checks.contains { $0.hasPrefix("W012") } == drifting)
            let report = Report(plan: interpreter.asOfToday, today: today).render()
            #expect(report.contains("nothing logged in the last 30 days") == drifting, "\(report)")
        }
    }

    // MARK: - a target below the level

    @Test func aTargetBelowTheLevelWarns() {
        let (_, checks, _) = Self.run("vision \"v\"\nskill writing level 2 target 1\n")
        #expect(checks == ["W016 skill \"writing\" has a target of 1, below its level of 2 @target 1"])
        var session = Session()
        session.run("vision \"v\"\nskill writing level 2 target 1\n")
        #expect(session.interpreter.check().first?.hint == "a target is the level you aim for: skill writing level 1 target 2?")
    }

    @Test func aLevelTheLogRaisedPastTheTargetIsProgress() {
        let (_, checks, _) = Self.run("vision \"v\"\nskill writing level 2 target 3\nlog 2027-01-02 skill writing level 4\n")
        #expect(checks.isEmpty)
    }

    // MARK: - an update the log overrides

    @Test func anUpdateOfALevelTheLogDecidesWarnsWithTheLogLineToWrite() {
        var session = Session()
        session.interpreter.today = Day(year: 2027, month: 5, day: 20) ?? Day(ordinal: 0)
        session.run("""
            skill "distributed systems" level 2 target 4
            log 2027-03-14 skill "distributed systems" level 3

            """)
        let problems = session.diagnostics(of: "update skill \"distributed systems\" level 4\n")
        #expect(problems.map { session.describe($0) } == [
            "W017 this update changes nothing as of today: the log entry log 2027-03-14 skill \"distributed systems\" level 3 wins @level 4",
        ])
        #expect(problems.first?.hint == "log it instead: log 2027-05-20 skill \"distributed systems\" level 4")
    }

    @Test func reopeningWhatTheLogSaysIsDoneWarns() {
        var session = Session()
        session.interpreter.today = Self.today
        session.run("""
            goal "X" by 2027-12
            milestone "M" for "X" by 2027-06
            experience "led a team"
            log 2027-01-02 "shipped" done "M"
            log 2027-01-03 gained "led a team"
            log 2027-01-04 done "X"

            """)
        let problems = session.diagnostics(of: """
            update milestone "M" open
            update experience "led a team" drop have
            update goal "X" doing

            """)
        #expect(problems.map { session.describe($0) } == [
            "W017 this update changes nothing as of today: the log entry log 2027-01-02 \"shipped\" done M wins @open",
            "W017 this update changes nothing as of today: the log entry log 2027-01-03 gained \"led a team\" wins @drop have",
            "W017 this update changes nothing as of today: the log entry log 2027-01-04 done X wins @doing",
        ])
        #expect(problems.first?.hint == "to take the entry back: remove log 2027-01-02 \"shipped\"")
    }

    @Test func anUpdateTheLogAgreesWithOrThatIsNotOverriddenIsQuiet() {
        var session = Session()
        session.interpreter.today = Self.today
        session.run("""
            skill rust level 1 target 3
            goal "X" by 2027-12
            log 2027-01-02 skill rust level 2
            log 2027-01-04 done "X"
            log 2027-02-01 skill rust level 3

            """)
        // The same level, a status the log agrees with, a clause the log
        // never decides, and an entry after today that does not count.
        #expect(session.diagnostics(of: "update skill rust level 2\nupdate goal \"X\" done\nupdate goal \"X\" by 2027-11\n").isEmpty)
        session.interpreter.today = Self.today
        #expect(session.diagnostics(of: "update skill rust target 4\n").isEmpty)
    }

    @Test func anUpdateInAFileWeighsTheEntriesWrittenAfterIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("career.plan", """
            skill rust level 1 target 3
            update skill rust level 3
            log 2027-01-02 skill rust level 2

            """)
        var session = Session()
        session.interpreter.today = Self.today
        session.load(folder.path + "/career.plan")
        #expect(session.lines == ["W017 this update changes nothing as of today: the log entry log 2027-01-02 skill rust level 2 wins @level 3"])
    }

    @Test func anUpdateInAFileTheLogOverridesWarnsToo() {
        let (lines, _, _) = Self.run("""
            skill rust level 1 target 3
            log 2027-01-02 skill rust level 2
            update skill rust level 3

            """)
        #expect(lines == ["W017 this update changes nothing as of today: the log entry log 2027-01-02 skill rust level 2 wins @level 3"])
    }
}
