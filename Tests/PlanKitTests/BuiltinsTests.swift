import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct BuiltinsTests {
    @Test func count() {
        #expect(ask("count(goals); count([]); count(goals where overdue)") == ["4", "0", "1"])
        #expect(ask("count(3); count(\"abc\"); count(none)") == [
            "E031 count needs a list, got number @3",
            "E031 count needs a list, got string @\"abc\"",
            "E031 count needs a list, got none @none",
        ])
    }

    @Test func argumentCountsAreChecked() {
        #expect(ask("count(); count(goals, skills); join(); join([], \",\", 1); days(1 day, 2 days)") == [
            "E031 count takes 1 argument, got 0 @count()",
            "E031 count takes 1 argument, got 2 @count(goals, skills)",
            "E031 join takes 1 or 2 arguments, got 0 @join()",
            "E031 join takes 1 or 2 arguments, got 3 @join([], \",\", 1)",
            "E031 days takes 1 argument, got 2 @days(1 day, 2 days)",
        ])
    }

    @Test func unknownFunctionsSuggestTheNearest() throws {
        #expect(ask("cnt(goals); frobnicate(1)") == [
            "E017 unknown function \"cnt\" @cnt",
            "E017 unknown function \"frobnicate\" @frobnicate",
        ])
        var session = Session("")
        let typo = try #require(session.diagnostics(of: "conut(goals)").first)
        #expect(typo.hint == "did you mean \"count\"?")
        let unrelated = try #require(session.diagnostics(of: "frobnicate(1)").first)
        #expect(unrelated.hint == nil)
    }

    @Test func sum() {
        #expect(ask("sum([1, 2, 3.5]); sum([]); sum(skills.gap); sum([1 month, 10 days]); sum([1, none, 2])") == [
            "6.5", "0", "5", "<1 month 10 days>", "3",
        ])
        #expect(ask("sum([1, 2 days]); sum([\"a\"]); sum(4); sum([3 days, 1])") == [
            "E031 sum needs a list of numbers or of durations, got number and duration @[1, 2 days]",
            "E031 sum needs a list of numbers or of durations, got string @[\"a\"]",
            "E031 sum needs a list, got number @4",
            "E031 sum needs a list of numbers or of durations, got duration and number @[3 days, 1]",
        ])
    }

    @Test func minAndMax() {
        #expect(ask("min([3, 1, 2]); max([3, 1, 2]); min([]); max(goals.due); min(skills.name); max([1 week, 6 days])") == [
            "1", "3", "none", "2029-12-31", "\"comms\"", "<7 days>",
        ])
        #expect(ask("min([none, 2, none]); max([none])") == ["2", "none"])
        #expect(ask("min([1, \"a\"]); max([true]); min(goals); max(1)") == [
            "E031 min needs items of one type, got number and string @[1, \"a\"]",
            "E031 max needs numbers, dates, durations or strings, got bool @[true]",
            "E031 min needs numbers, dates, durations or strings, got goal @goals",
            "E031 max needs a list, got number @1",
        ])
    }

    @Test func avg() {
        #expect(ask("avg([1, 2, 3, 4]); avg([]); avg(skills.level); avg([none, 2])") == ["2.5", "none", "2", "2"])
        #expect(ask("avg([1 day]); avg(\"1\")") == [
            "E031 avg needs a list of numbers, got duration @[1 day]",
            "E031 avg needs a list, got string @\"1\"",
        ])
        let big = "let big = " + Array(repeating: "1000000000000000", count: 20).joined(separator: " * ") + " * 100000000; "
        #expect(ask(big + "sum([big, big]); avg([big, big]); sum([big, -big])") == [
            "E031 sum adds up to a number too large to hold @[big, big]",
            "E031 avg adds up to a number too large to hold @[big, big]",
            "0",
        ])
    }

    @Test func anyAndAll() {
        #expect(ask("any([false, true]); any([]); all([true, true]); all([]); all([true, none]); any(goals.done)") == [
            "true", "false", "true", "true", "false", "true",
        ])
        #expect(ask("any([1]); all(true)") == [
            "E031 any needs a list of bools, got number @[1]",
            "E031 all needs a list, got bool @true",
        ])
    }

    @Test func first() {
        #expect(ask("first([]); first(goals sort by due).name; first([none, 1])") == ["none", "\"Old\"", "none"])
        #expect(ask("first(\"abc\")") == ["E031 first needs a list, got string @\"abc\""])
    }

    @Test func len() {
        #expect(ask("len([1, 2]); len(\"héllo\"); len(\"\"); len(goals)") == ["2", "5", "0", "4"])
        #expect(ask("len(3); len(none)") == [
            "E031 len needs a list or a string, got number @3",
            "E031 len needs a list or a string, got none @none",
        ])
    }

    @Test func joinRendersItemsAsText() {
        #expect(ask("""
            join(goals)
            join(skills, " / ")
            join([1, 2.5, true, none, 2027-06, 3 weeks, "x", [1, 2]], "|")
            join([])
            join(goals group by done, "; ")
            """) == [
            "\"Launch, Head, Old, Late\"",
            "\"pm / comms / strategy\"",
            "\"1|2.5|true|none|2027-06-30|21 days|x|[1, 2]\"",
            "\"\"",
            "\"false: [Launch, Head, Late]; true: [Old]\"",
        ])
        #expect(ask("join(\"a\"); join([1], 2)") == [
            "E031 join needs a list, got string @\"a\"",
            "E031 join needs a string separator, got number @2",
        ])
    }

    @Test func daysCountsMonthsByTheirMean() {
        #expect(ask("days(2 weeks); days(1 month); days(1 year); days(-3 days); days((goal \"Launch\").days_left)") == [
            "14", "30", "365", "-3", "92",
        ])
        #expect(ask("days((goal \"Head\").note); days(3)") == [
            "none",
            "E031 days needs a duration, got number @3",
        ])
        // As `today + 99999999999 years` is: a duration holds at most 10000 years.
        #expect(ask("days(99999999999 years); days(10000 years)") == [
            "E030 a duration may span at most 10000 years @99999999999 years",
            "3652425",
        ])
    }

    @Test func quartersAndMonthEnds() {
        #expect(ask("quarter_start(2027-02-14); quarter_end(2027-02-14); quarter_start(2026-12-31); quarter_end(2026-10-01)") == [
            "2027-01-01", "2027-03-31", "2026-10-01", "2026-12-31",
        ])
        #expect(ask("month_end(2028-02-03); month_end(2027-02-28); month_end(2026-04-01); month_end(0001-01-01)") == [
            "2028-02-29", "2027-02-28", "2026-04-30", "0001-01-31",
        ])
        #expect(ask("quarter(2027-02-14); quarter(2026-12-31); quarter(2026-07-01); quarter(today)") == [
            "\"2027-Q1\"", "\"2026-Q4\"", "\"2026-Q3\"", "\"2026-Q2\"",
        ])
        #expect(ask("quarter(none); quarter_start(none); quarter_end((goal \"Head\").note); month_end(none)") == [
            "none", "none", "none", "none",
        ])
        #expect(ask("quarter(3); quarter_start(\"2027-Q1\"); month_end(1 month); quarter_end(today, today)") == [
            "E031 quarter needs a date, got number @3",
            "E031 quarter_start needs a date, got string @\"2027-Q1\"",
            "E031 month_end needs a date, got duration @1 month",
            "E031 quarter_end takes 1 argument, got 2 @quarter_end(today, today)",
        ])
    }

    @Test func monthsBetweenCountsWholeMonths() {
        #expect(ask("months_between(2026-12-01, 2027-06-01); months_between(2027-06-01, 2026-12-01); months_between(2026-12-01, 2027-05-31)") == [
            "6", "-6", "5",
        ])
        // As far as `+` goes: 2027-01-31 + 1 month is 2027-02-28.
        #expect(ask("months_between(2027-01-31, 2027-02-28); months_between(2027-02-28, 2027-01-31); months_between(2027-01-31, 2027-02-27)") == [
            "1", "-1", "0",
        ])
        #expect(ask("months_between(today, today); months_between(2026-01-15, 2027-01-14); months_between(2026-01-15, 2027-01-15)") == [
            "0", "11", "12",
        ])
        #expect(ask("months_between(none, today); months_between(today, (goal \"Head\").note); months_between(today, 3)") == [
            "none", "none", "E031 months_between needs a date, got number @3",
        ])
        #expect(ask("months_between(today)") == ["E031 months_between takes 2 arguments, got 1 @months_between(today)"])
    }

    @Test func goalsGroupByQuarter() {
        #expect(ask("(goals group by quarter(due)) select [key, items.name]") == [
            "[[\"2026-Q3\", [\"Launch\"]], [\"2029-Q4\", [\"Head\"]], [\"2026-Q1\", [\"Old\", \"Late\"]]]",
        ])
        #expect(ask("goals where due >= quarter_start(today) and due <= quarter_end(today + 3 months) select name") == [
            "[\"Launch\"]",
        ])
    }

    @Test func functionNamesAreListedForCompletion() {
        #expect(BuiltinFunction.allCases.map(\.rawValue) == [
            "count", "sum", "min", "max", "avg", "any", "all", "first", "len", "join", "days",
            "quarter", "quarter_start", "quarter_end", "month_end", "months_between",
        ])
    }
}
