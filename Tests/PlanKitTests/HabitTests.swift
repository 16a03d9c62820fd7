import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// `habit NAME every DURATION` and `log DATE did HABIT` (docs/language.md,
/// "habit"): the streak, the share kept, the warning for a habit let go,
/// and what a habit does to the rest of the plan.
@Suite struct HabitTests {
    /// `testToday` is 2026-06-30.
    static func day(_ text: String) -> Day {
        (try? Day.parse(text).get()) ?? Day(ordinal: 0)
    }

    static func daysBefore(_ count: Int) -> Day { Day(ordinal: testToday.ordinal - count) }

    static func run(_ text: String) -> (lines: [String], checks: [String]) {
        var session = Session()
        session.run(text)
        let checks = session.interpreter.check().map { session.describe($0) }
        return (session.lines, checks)
    }

    // MARK: - streak and kept

    /// The worked example: every day, done on each of the five days
    /// before today. Today's period, not kept yet, neither counts nor
    /// breaks the streak; kept today, it counts.
    @Test func fiveDaysInARowMakeAStreakOfFiveAndSixOnceTodayIsLogged() {
        let fiveDays = (1...5).reversed().map { Self.daysBefore($0) }
        let daily = Duration(days: 1)
        #expect(HabitKind.record(days: fiveDays, every: daily, today: testToday).streak == 5)
        #expect(HabitKind.record(days: fiveDays + [testToday], every: daily, today: testToday).streak == 6)

        let plan = "habit Run every 1 day\n" + fiveDays.map { "log \($0) did Run\n" }.joined()
        #expect(Self.run(plan + "(habit Run).streak\n").lines == ["5"])
        #expect(Self.run(plan + "log \(testToday) did Run\n(habit Run).streak\n").lines == ["6"])
    }

    /// A period with no entry ends the streak; the days before it do not count.
    @Test func aMissedPeriodEndsTheStreak() {
        let days = [Self.daysBefore(6), Self.daysBefore(5), Self.daysBefore(3), Self.daysBefore(2), Self.daysBefore(1)]
        #expect(HabitKind.record(days: days, every: Duration(days: 1), today: testToday).streak == 3)
        #expect(HabitKind.record(days: [], every: Duration(days: 1), today: testToday).streak == 0)
        #expect(HabitKind.record(days: [Self.daysBefore(2)], every: Duration(days: 1), today: testToday).streak == 0)
    }

    /// Periods run back from today in steps of `every`: with every 2 weeks,
    /// today's period is the 14 days ending today, and two entries in one
    /// period count once.
    @Test func periodsAreEveryLongAndEndToday() {
        let every = Duration(days: 14)
        let days = [Self.daysBefore(27), Self.daysBefore(20), Self.daysBefore(14), Self.daysBefore(13)]
        // Periods: [today-13, today] holds 13; [today-27, today-14] holds 27, 20 and 14.
        #expect(HabitKind.record(days: days, every: every, today: testToday).streak == 2)
        #expect(HabitKind.record(days: days, every: every, today: testToday).kept == 0.17)
    }

    /// `kept` is the share of the last 12 periods, today's among them, that
    /// hold an entry, to two decimals.
    @Test func keptIsTheShareOfTheLastTwelvePeriods() {
        let weekly = Duration(days: 7)
        let threeWeeks = [Self.daysBefore(15), Self.daysBefore(8), Self.daysBefore(1)]
        #expect(HabitKind.record(days: threeWeeks, every: weekly, today: testToday).kept == 0.25)
        let everyWeek = (0..<12).reversed().map { Self.daysBefore($0 * 7) }
        #expect(HabitKind.record(days: everyWeek, every: weekly, today: testToday).kept == 1)
        // Entries older than twelve periods count for the streak, not for kept.
        let twenty = (0..<20).reversed().map { Self.daysBefore($0 * 7) }
        #expect(HabitKind.record(days: twenty, every: weekly, today: testToday) == (streak: 20, kept: 1))
    }

    /// Against a count made the slow way, period by period, for many
    /// random sets of days and cadences in days.
    @Test func streakAndKeptAgreeWithCountingPeriodByPeriod() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let step = Int.random(in: 1...10, using: &generator)
            let days = Set((0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...120, using: &generator) })
                .sorted(by: >).map { Self.daysBefore($0) }
            func holds(_ period: Int) -> Bool {
                days.contains { day in
                    let back = testToday.ordinal - day.ordinal
                    return back >= period * step && back < (period + 1) * step
                }
            }
            var streak = 0
            var period = holds(0) ? 0 : 1
            while holds(period) {
                streak += 1
                period += 1
            }
            let kept = Double((0..<12).filter(holds).count) / 12
            let record = HabitKind.record(days: days, every: Duration(days: step), today: testToday)
            #expect(record.streak == streak, "every \(step) days, \(days)")
            #expect(record.kept == (kept * 100).rounded() / 100, "every \(step) days, \(days)")
        }
    }

    /// Monthly periods step back by calendar months from today.
    @Test func monthlyPeriodsFollowTheCalendar() {
        let days = [Self.day("2026-04-15"), Self.day("2026-05-31"), Self.day("2026-06-15")]
        // Periods: (2026-05-30, 2026-06-30], (2026-04-30, 2026-05-30], (2026-03-30, 2026-04-30].
        #expect(HabitKind.record(days: days, every: Duration(months: 1), today: testToday).streak == 1)
        let kept = [Self.day("2026-04-15"), Self.day("2026-05-15"), Self.day("2026-06-15")]
        #expect(HabitKind.record(days: kept, every: Duration(months: 1), today: testToday).streak == 3)
    }

    // MARK: - Fields

    @Test func theFieldsOfAHabit() {
        let (lines, _) = Self.run("""
            vision "v"
            value health
            goal "Run a marathon" serves health by 2026-10
            habit Run every 2 days for "Run a marathon" serves health note "6am"
            habit Stretch every 1 week
            log 2026-06-20 did Run hours 1
            log 2026-06-25 "long run" did Run, Stretch hours 2
            (habit Run).every
            (habit Run).goal
            (habit Run).serves
            (habit Run).note
            (habit Run).last_done
            (habit Run).next_due
            (habit Run).overdue
            count((habit Run).logs)
            (habit Stretch).next_due
            (habit Stretch).streak
            (goal "Run a marathon").spent
            (value health).goals
            (logs select habits)[1]

            """)
        #expect(lines == ["<2 days>", "goal \"Run a marathon\"", "[value \"health\"]", "\"6am\"", "2026-06-25", "2026-06-27",
                          "true", "2", "2026-07-02", "1", "3", "[goal \"Run a marathon\"]", "[habit \"Run\", habit \"Stretch\"]"])
    }

    @Test func neverDoneIsDueToday() {
        let (lines, checks) = Self.run("vision \"v\"\nhabit Run every 1 day\n(habit Run).next_due\n(habit Run).overdue\n(habit Run).streak\n")
        #expect(lines == ["2026-06-30", "false", "0"])
        #expect(checks.isEmpty)
    }

    // MARK: - Checks

    /// Past its next due day by more than one period: let go, with the
    /// `log` line to write as the hint.
    @Test func aHabitLetGoIsAWarningWithTheLogLine() {
        var session = Session()
        session.run("vision \"v\"\nhabit \"Read\" every 1 week\nlog 2026-06-10 did \"Read\"\n")
        let problems = session.interpreter.check()
        #expect(problems.map { session.describe($0) }
                == ["W018 habit \"Read\" was last done 2026-06-10, 20 days ago; you meant to do it every 1 week @\"Read\""])
        #expect(problems.first?.hint == "when you have done it: log 2026-06-30 did \"Read\"")
        // Within the period after its due day it is overdue, not let go.
        #expect(Self.run("vision \"v\"\nhabit \"Read\" every 1 week\nlog 2026-06-20 did \"Read\"\n").checks.isEmpty)
    }

    @Test func aValueAHabitServesIsServed() {
        let plan = "vision \"v\"\nvalue health\nhabit Run every 1 day serves health\nlog 2026-06-30 did Run\n"
        #expect(Self.run(plan).checks.isEmpty)
        #expect(Self.run("vision \"v\"\nvalue health\n").checks == ["W008 no goal serves value \"health\" @health"])
    }

    @Test func namesAHabitGivesAreChecked() {
        let (_, checks) = Self.run("""
            vision "v"
            value health
            goal "G" serves health by 2026-12
            habit Run every 1 day for "Gx" serves helth
            log 2026-06-30 did Runn

            """)
        #expect(checks == ["E011 unknown goal \"Gx\" @\"Gx\"", "E013 unknown value \"helth\" @helth", "E035 unknown habit \"Runn\" @Runn"])
    }

    // MARK: - Editing

    @Test func renameFollowsEveryNameOfAHabit() {
        var session = Session("""
            vision "v"
            value health
            goal "G" serves health by 2026-12
            habit Run every 1 day for "G" serves health
            log 2026-06-29 did Run

            """)
        session.run("rename habit Run to Jog\nrename value health to wellbeing\nrename goal \"G\" to \"H\"\n")
        let written = PlanWriter.render(session.interpreter.plan)
        #expect(written.contains("habit Jog every 1 day for H serves wellbeing\n"))
        #expect(written.contains("log 2026-06-29 did Jog\n"))
    }

    @Test func aHabitTheLogNamesCannotBeRemoved() {
        var session = Session("vision \"v\"\nhabit Run every 1 day\nlog 2026-06-29 did Run\n")
        session.lines = []
        session.run("remove habit Run\n")
        #expect(session.lines.first?.hasPrefix("E027 ") == true)
        session.lines = []
        session.run("remove log 2026-06-29\nremove habit Run\ncount(habits)\n")
        #expect(session.lines.last == "0")
    }

    @Test func updateAndDropAClause() {
        var session = Session("vision \"v\"\nvalue health\nhabit Run every 1 day serves health note \"x\"\n")
        session.run("update habit Run every 2 days drop note\n")
        #expect(PlanWriter.render(session.interpreter.plan).contains("habit Run every 2 days serves health\n"))
    }

    /// Written back as the formatter writes it, and read back the same.
    @Test func aHabitIsWrittenBackInCanonicalOrder() throws {
        let source = "habit Run   note \"6am\" serves health every 2 days for \"G\"\n"
        let formatted = try #require(Formatter.format(Source(name: "t.plan", text: source)).text)
        #expect(formatted == "habit Run every 2 days for G serves health note \"6am\"\n")
    }

    // MARK: - Exports

    @Test func theJSONExportListsHabits() throws {
        let session = Session("vision \"v\"\nhabit Run every 1 day\nlog 2026-06-29 did Run\n")
        let json = JSONExport.render(session.interpreter.asOfToday, today: testToday)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let habits = try #require(object["habits"] as? [[String: Any]])
        #expect(habits.first?["name"] as? String == "Run")
        #expect(habits.first?["streak"] as? Double == 1)
        #expect(habits.first?["last_done"] as? String == "2026-06-29")
    }

    /// A VTODO that repeats every period from its next due day, which
    /// Python's icalendar reads back.
    @Test func theCalendarHasARepeatingToDoThatIcalendarReads() throws {
        let session = Session("vision \"v\"\nhabit Run every 2 days\nhabit Review every 1 month\nlog 2026-06-29 did Run\n")
        let calendar = ICalendar.render(session.interpreter.asOfToday, today: testToday)
        let path = FileManager.default.temporaryDirectory.path + "/plan-habit-\(UUID().uuidString).ics"
        try Data(calendar.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for todo in calendar.walk('VTODO'):
                rule = todo['RRULE']
                print(todo['DUE'].dt.isoformat(), str(todo['SUMMARY']), rule['FREQ'][0], rule['INTERVAL'][0])
            """
        let result = try OutputConsumerTests.run(["python3", "-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2026-07-01 Run DAILY 2\n2026-06-30 Review MONTHLY 1\n")
    }

    // MARK: - The agenda, the Markdown export and completion

    static let kept = """
        vision "v"
        value health
        goal "G" serves health by 2026-12
        habit Run every 3 days for "G" serves health
        habit Read every 1 week
        log 2026-06-29 did Run hours 1
        log 2026-06-10 did Read

        """

    /// A habit is due on its next due day; one past it is overdue.
    @Test func theAgendaListsHabitsDueInItsWindow() {
        let session = Session(Self.kept)
        let agenda = Agenda(session.interpreter.asOfToday, today: testToday, days: 7)
        #expect(agenda.overdue.map(\.name) == ["Read"])
        #expect(agenda.overdue.first?.why == "last done 2026-06-10, every 1 week")
        #expect(agenda.upcoming.map { "\($0.date) \($0.kind) \($0.name) \($0.why)" }
                == ["2026-07-02 habit Run last done 2026-06-29, every 3 days"])
    }

    @Test func theMarkdownExportHasATableOfHabits() {
        let session = Session(Self.kept)
        let markdown = MarkdownExport.render(session.interpreter.asOfToday, today: testToday)
        #expect(markdown.contains("""
            ## Habits

            | Habit | Every | Streak | Kept | Last done | Next due |
            |---|---|---:|---:|---|---|
            | Run | 3 days | 1 | 8% | 2026-06-29 | 2026-07-02 |
            | Read | 1 week | 0 | 8% | 2026-06-10 | 2026-06-17 **(overdue)** |

            """))
    }

    /// The language server offers `habit` as a statement, the habits after
    /// `did`, and a habit's fields after a dot.
    @Test func theLanguageServerCompletesHabits() throws {
        let uri = "file:///plans/habits.plan"
        let client = LSPClient(files: [:])
        client.initialize()
        _ = client.open(uri, Self.kept + "log 2026-06-30 did \"\n(habit Run).\n\n")
        let named = try #require(client.at("textDocument/completion", uri, 7, 20)?.array)
        #expect(Set(named.compactMap { $0["label"]?.string }) == ["Read", "Run"])
        let fields = try #require(client.at("textDocument/completion", uri, 8, 12)?.array).compactMap { $0["label"]?.string }
        #expect(fields.contains("streak") && fields.contains("kept") && fields.contains("next_due"))
        let words = try #require(client.at("textDocument/completion", uri, 9, 0)?.array).compactMap { $0["label"]?.string }
        #expect(words.contains("habit"))
    }
}
