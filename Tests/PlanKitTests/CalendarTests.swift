import Testing
@testable import PlanKit

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
}
