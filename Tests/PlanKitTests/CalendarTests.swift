import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct CalendarTests {
    @Test func roundTripsComponents() {
        let day = Day(year: 2027, month: 6, day: 30)
        #expect(day?.description == "2027-06-30")
        #expect(Day(ordinal: 0).description == "1970-01-01")
    }

    @Test func rejectsImpossibleDays() throws {
        #expect(Day(year: 2027, month: 2, day: 30) == nil)
        #expect(Day(year: 2028, month: 2, day: 29) != nil)
        #expect(Day(year: 2100, month: 2, day: 29) == nil)
        #expect(Day.parse("2027-02-30") == .failure(.dayOutOfRange(year: 2027, month: 2, day: 30)))
        #expect(Day.parse("2027-13") == .failure(.monthOutOfRange(13)))
        #expect(Day.parse("2027-Q5") == .failure(.quarterOutOfRange))
        #expect(Day.parse("0000-01-01") == .failure(.yearOutOfRange))
        #expect(Day.parse("2027-00-10") == .failure(.monthOutOfRange(0)))
        #expect(Day.parse("2027-06-3x") == .failure(.malformed))
        #expect(Day.parse("2027/06/30") == .failure(.malformed))
        #expect(Day.parse("0000-Q1") == .failure(.yearOutOfRange))
        #expect(try Day.parse("0001-01-01").get().description == "0001-01-01")
    }

    @Test func literalFormsNameTheLastDay() throws {
        #expect(try Day.parse("2027-06").get().description == "2027-06-30")
        #expect(try Day.parse("2028-02").get().description == "2028-02-29")
        #expect(try Day.parse("2027-Q2").get().description == "2027-06-30")
        #expect(try Day.parse("2027-Q4").get().description == "2027-12-31")
    }

    @Test func monthArithmeticClampsToTheMonthEnd() throws {
        let jan31 = try Day.parse("2027-01-31").get()
        #expect(jan31.adding(Duration(months: 1)).description == "2027-02-28")
        #expect(jan31.adding(Duration(months: 13)).description == "2028-02-29")
        #expect(jan31.adding(Duration(months: -2)).description == "2026-11-30")
        #expect(jan31.adding(Duration(days: 1)).description == "2027-02-01")
    }

    @Test func durationsPrintInUnits() {
        #expect(Duration(days: 90).description == "90 days")
        #expect(Duration(months: 14).description == "1 year 2 months")
        #expect(Duration(days: 1).description == "1 day")
        #expect(Duration(days: -3).description == "-3 days")
    }

    /// A computed date past 9999-12-31 or before year 1 is no date at all.
    @Test func addingWithinTheCalendar() throws {
        let last = try #require(Day(year: 9999, month: 1, day: 1))
        #expect(Day.latest.description == "9999-12-31")
        #expect(last.addingWithinCalendar(Duration(months: 11, days: 30)) == Day.latest)
        #expect(last.addingWithinCalendar(Duration(months: 12)) == nil)
        #expect(last.addingWithinCalendar(Duration(months: 1200)) == nil)
        #expect(last.addingWithinCalendar(Duration(days: 7_000_000_000_000_000)) == nil)
        let first = try #require(Day(year: 1, month: 1, day: 1))
        #expect(first.addingWithinCalendar(Duration(days: -1)) == nil)
    }

    /// A contact's next touch and the next review past the calendar: an
    /// error at the contact and at the review, and no date in any field.
    @Test func nextTouchAndReviewPastTheCalendarAreErrors() {
        var interpreter = Interpreter(today: Day(ordinal: 20_782))
        let text = """
            contact C every 1000000000000000 weeks met 2026-01-01
            mentor M every 100 years met 9999-01-01
            contact D every 1 week met 2026-01-01
            review every 8000 years
            log 2026-01-01 reviewed
            """
        _ = interpreter.run(Source(name: "t.plan", text: text))
        let answers = interpreter.run(Source(name: "q", text: "contacts select next_touch\nreviews select next\n")).compactMap {
            if case .answer(let value, _, _) = $0 { return show(value, in: interpreter.plan) } else { return nil }
        }
        // M's meeting lies after today, so it does not count yet (W011): M is due today.
        #expect(answers == ["[none, 2026-11-25, 2026-01-08]", "[none]"])
        let problems = interpreter.check().filter { $0.code == .invalidDate }
        #expect(problems.map(\.message) == [
            "the next touch of \"C\", 2026-01-01 + 1000000000000000 weeks, falls after 9999-12-31, the last day a plan can hold",
            "the next review, 2026-01-01 + 8000 years, falls after 9999-12-31, the last day a plan can hold",
        ])
        #expect(problems.map(\.range.start) == [8, 132])
        #expect(problems.allSatisfy { $0.severity == .error })
    }
}
