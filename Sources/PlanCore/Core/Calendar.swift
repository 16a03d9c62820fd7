/// A calendar day (proleptic Gregorian), stored as days since 1970-01-01 so
/// that comparison and day arithmetic are integer operations.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// nil when the components do not name a real day.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        self.init(checkedYear: year, month: month, day: day)
    }

    /// The last day of a month, which always exists.
    public init(lastDayOfYear year: Int, month: Int) {
        let month = max(1, min(12, month))
        self.init(checkedYear: year, month: month, day: Day.daysIn(year: year, month: month))
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        ordinal = era * 146_097 + dayOfEra - 719_468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    public var year: Int { components.year }
    /// 1...4
    public var quarter: Int { (components.month - 1) / 3 + 1 }

    /// The first day of the day's quarter.
    public var quarterStart: Day {
        let month = quarter * 3 - 2
        return Day(ordinal: Day(lastDayOfYear: year, month: month).ordinal - Day.daysIn(year: year, month: month) + 1)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Calendar-aware: 2027-01-31 + 1 month is 2027-02-28.
    public func adding(_ duration: Duration) -> Day {
        var (year, month, day) = components
        if duration.months != 0 {
            let total = year * 12 + (month - 1) + duration.months
            year = total >= 0 ? total / 12 : (total - 11) / 12
            month = total - year * 12 + 1
            day = min(day, Day.daysIn(year: year, month: month))
        }
        let shifted = Day(year: year, month: month, day: day) ?? self
        return Day(ordinal: shifted.ordinal + duration.days)
    }

    /// The last day a plan can write: its dates run from year 1 to 9999,
    /// which is what a date literal and iCalendar read.
    public static let latest = Day(lastDayOfYear: 9999, month: 12)

    /// `adding`, or nil when the day it lands on is past 9999-12-31 or
    /// before year 1: a date no plan, export or calendar could read back.
    public func addingWithinCalendar(_ duration: Duration) -> Day? {
        guard CalendarLimits.contains(duration) else { return nil }
        let result = adding(duration)
        return CalendarLimits.years.contains(result.year) ? result : nil
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    /// ISO 8601, `2027-06-30`.
    public var description: String {
        let (year, month, day) = components
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))-\(Day.pad(day, 2))"
    }

    package static func pad(_ number: Int, _ width: Int) -> String {
        let digits = String(abs(number))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return number < 0 ? "-" + padded : padded
    }

    /// Parses the three literal forms: `2027-06-30`, `2027-06` (last day of the
    /// month) and `2027-Q2` (last day of the quarter). The error explains why
    /// the text is not a real day.
    public static func parse(_ text: String) -> Result<Day, DateError> {
        // A plan holds thousands of full dates (a log entry each): read
        // digits in place rather than splitting the text into strings.
        if let (year, month, day) = fullDateDigits(text.utf8) {
            guard year >= 1 else { return .failure(.yearOutOfRange) }
            guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
            guard let result = Day(year: year, month: month, day: day) else {
                return .failure(.dayOutOfRange(year: year, month: month, day: day))
            }
            return .success(result)
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts[0].count == 4, let year = Int(parts[0]) else {
            return .failure(.malformed)
        }
        guard year >= 1 else { return .failure(.yearOutOfRange) }
        if parts.count == 2, parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q" {
            guard let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter) else {
                return .failure(.quarterOutOfRange)
            }
            return .success(Day(lastDayOfYear: year, month: quarter * 3))
        }
        guard parts[1].count == 2, let month = Int(parts[1]) else { return .failure(.malformed) }
        guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
        if parts.count == 2 {
            return .success(Day(lastDayOfYear: year, month: month))
        }
        guard parts[2].count == 2, let day = Int(parts[2]) else { return .failure(.malformed) }
        guard let result = Day(year: year, month: month, day: day) else {
            return .failure(.dayOutOfRange(year: year, month: month, day: day))
        }
        return .success(result)
    }

    /// Year, month and day of text that is exactly `DDDD-DD-DD` in ASCII digits.
    private static func fullDateDigits(_ utf8: String.UTF8View) -> (Int, Int, Int)? {
        guard utf8.count == 10 else { return nil }
        var fields = [0, 0, 0]
        var field = 0
        for (position, byte) in utf8.enumerated() {
            if position == 4 || position == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                field += 1
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                fields[field] = fields[field] * 10 + Int(byte - UInt8(ascii: "0"))
            }
        }
        return (fields[0], fields[1], fields[2])
    }

    public enum DateError: Error, Equatable, Sendable, CustomStringConvertible {
        case malformed
        /// Year 0 does not exist in the calendar, and iCalendar refuses it.
        case yearOutOfRange
        case monthOutOfRange(Int)
        case quarterOutOfRange
        case dayOutOfRange(year: Int, month: Int, day: Int)

        public var description: String {
            switch self {
            case .malformed:
                return "a date is YYYY-MM-DD, YYYY-MM or YYYY-Qn"
            case .yearOutOfRange:
                return "years run from 0001 to 9999"
            case .monthOutOfRange(let month):
                return "there is no month \(month); months run from 01 to 12"
            case .quarterOutOfRange:
                return "quarters run from Q1 to Q4"
            case .dayOutOfRange(let year, let month, let day):
                let monthName = Day.monthNames[month - 1]
                return "\(monthName) \(year) has \(Day.daysIn(year: year, month: month)) days, not \(day)"
            }
        }
    }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
}

/// A span of calendar time. Months and days stay apart because a month has
/// no fixed number of days: `today + 1 month` must land on the same day of
/// the next month.
public struct Duration: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var months: Int
    public var days: Int

    public init(months: Int = 0, days: Int = 0) {
        self.months = months
        self.days = days
    }

    /// For comparing and for `days(...)`: a month counts as its Gregorian mean.
    public var approximateDays: Double { Double(months) * 30.436875 + Double(days) }

    public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.approximateDays < rhs.approximateDays }
    public static func + (lhs: Duration, rhs: Duration) -> Duration {
        Duration(months: lhs.months + rhs.months, days: lhs.days + rhs.days)
    }
    public static prefix func - (operand: Duration) -> Duration {
        Duration(months: -operand.months, days: -operand.days)
    }

    /// `90 days`, `1 year 2 months`, `-3 days`.
    public var description: String {
        var parts: [String] = []
        let years = months / 12
        let restMonths = months % 12
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(abs(count) == 1 ? "" : "s")" }
        if years != 0 { parts.append(unit(years, "year")) }
        if restMonths != 0 { parts.append(unit(restMonths, "month")) }
        if days != 0 || parts.isEmpty { parts.append(unit(days, "day")) }
        return parts.joined(separator: " ")
    }

    /// Unit words accepted after a number, with how many days or months one is.
    public static func unit(named name: String) -> (months: Int, days: Int)? {
        switch name {
        case "day", "days": return (0, 1)
        case "week", "weeks": return (0, 7)
        case "month", "months": return (1, 0)
        case "year", "years": return (12, 0)
        default: return nil
        }
    }
}

/// Limits that keep date and duration arithmetic inside what `Day` and `Int`
/// can hold, so that a huge duration is an error rather than an overflow.
package enum CalendarLimits {
    package static let years = 1...9999
    static let months = 12 * 10_000
    static let days = 366 * 10_000

    package static func contains(_ duration: Duration) -> Bool {
        duration.months.magnitude <= UInt(months) && duration.days.magnitude <= UInt(days)
    }
}
