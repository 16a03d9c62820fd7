@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// The report, the review and the exports say what their legends and the
/// language say: an overdue goal in progress is `[!]`, the people listed
/// under a skill gap are those who help, names are written as in a plan,
/// the Markdown has the capacity, the calendar the start, a review without
/// capacity draws no bars, and a goal not started yet is not drifting.
@Suite struct ReportPolishTests {
    static let today = Day(year: 2027, month: 3, day: 1) ?? Day(ordinal: 0)

    static func plan(_ text: String) -> (plan: Plan, interpreter: Interpreter) {
        var interpreter = Interpreter(today: today)
        _ = interpreter.run(Source(name: "p.plan", text: text))
        return (interpreter.asOfToday, interpreter)
    }

    @Test func anOverdueGoalInProgressIsMarkedOverdue() {
        let (plan, _) = Self.plan("goal late by 2027-02-01 doing\ngoal going by 2027-06-01 doing\n")
        let report = Report(plan: plan, today: Self.today).render()
        #expect(report.contains("    [!] 2027-02-01  goal       late"))
        #expect(report.contains("    [~] 2027-06-01  goal       going"))
    }

    @Test func aSkillGapListsWhoHelpsUnderALabelThatSaysSo() {
        let (plan, _) = Self.plan("""
            skill rust level 1 target 3
            goal ship needs skill rust by 2027-06
            contact ana helps rust
            mentor jo helps rust

            """)
        let report = Report(plan: plan, today: Self.today).render()
        #expect(report.contains("    help from: ana, jo\n"))
        #expect(!report.contains("mentors: ana"))
    }

    @Test func theReviewWritesNamesAsAPlanWould() {
        let (plan, _) = Self.plan("""
            skill rust level 1 target 3
            contact "Ana Ruiz" helps rust
            value family non-negotiable note "dinners"
            goal ship needs skill rust serves family by 2027-06

            """)
        let review = StrategyReview(plan, today: Self.today).render(color: false)
        #expect(review.contains("  2027-06-30  ship: no role stated"))
        #expect(review.contains("    skill rust at level 1 of 3; help: \"Ana Ruiz\""))
        #expect(review.contains("  family: dinners"))
    }

    @Test func aReviewWithoutCapacityDrawsNoBars() {
        let (plan, _) = Self.plan("goal ship by 2027-06-30\ngoal write effort 10 hours by 2027-09-30\n")
        let review = StrategyReview(plan, today: Self.today).render(color: false)
        let section = review.components(separatedBy: "LOAD AGAINST CAPACITY").last?.components(separatedBy: "REVIEWS").first ?? ""
        #expect(section.contains("open: no capacity stated: add capacity 10 hours per week"))
        #expect(!section.contains("2027-Q"))
    }

    @Test func theMarkdownHasTheCapacity() {
        let (plan, _) = Self.plan("""
            capacity 8 hours per week
            capacity 4 hours per week from 2027-05-01
            goal write effort 40 hours by 2027-06-30

            """)
        let markdown = MarkdownExport.render(plan, today: Self.today)
        #expect(markdown.contains("""
            | Quarter | Asked | Capacity | Over | Capacity steps |
            |---|---:|---:|:---:|---|
            | 2027-Q1 | 2.31 | 8 |  |  |
            | 2027-Q2 | 2.31 | 5.32 |  | 8 from 2027-04-01, 4 from 2027-05-01 |

            """))
        let (none, _) = Self.plan("goal write effort 40 hours by 2027-06-30\n")
        #expect(!MarkdownExport.render(none, today: Self.today).contains("## Capacity"))
    }

    @Test func theCalendarStartsAGoalOnItsStart() {
        let (plan, _) = Self.plan("goal write start 2027-04-01 by 2027-06-30\ngoal odd start 2027-08-01 by 2027-06-30\n")
        let calendar = ICalendar.render(plan, today: Self.today)
        #expect(calendar.contains("DTSTART;VALUE=DATE:20270401\r\nDUE;VALUE=DATE:20270630\r\nSUMMARY:write\r\n"))
        // A start after the date would make the to-do invalid: it is left out.
        #expect(!calendar.contains("DTSTART;VALUE=DATE:20270801"))
    }

    @Test func aGoalIsNotDriftingBeforeItsStart() {
        let (_, interpreter) = Self.plan("""
            goal later start 2027-04-01 by 2027-09-30 doing
            goal now start 2027-01-01 by 2027-09-30 doing
            log 2026-12-01 "kept a log"

            """)
        let drifts = interpreter.check().filter { $0.code == .drift }.map(\.message)
        #expect(drifts == ["no progress logged on goal \"now\" yet"])
    }
}
