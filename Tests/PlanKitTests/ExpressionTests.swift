import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct ExpressionTests {
    // MARK: Literals and names

    @Test func literalsEvaluateToThemselves() {
        #expect(ask("42; 3.5; \"hi\"; true; none; 2027-Q2; 90 days; 2027-02") == [
            "42", "3.5", "\"hi\"", "true", "none", "2027-06-30", "<90 days>", "2027-02-28",
        ])
        #expect(ask("today; vision; [1, \"a\", [none]]") == [
            "2026-06-30", "\"Ship and be home\"", "[1, \"a\", [none]]",
        ])
        #expect(Session("vision").lines == ["none"])
    }

    @Test func letBindsAndRebinds() {
        #expect(Session("let x = 2\nx * 3\nlet x = x + 1\nx").lines == ["6", "3"])
    }

    @Test func aFailedLetBindsNothing() {
        #expect(Session("let x = 1 / 0\nx").lines == [
            "E033 division by zero @/",
            "E010 unknown name \"x\" @x",
        ])
    }

    @Test func unknownNamesSuggestLetNamesAndFields() throws {
        var session = Session("let deadline = 2027-01-01\n" + samplePlan)
        let typo = try #require(session.diagnostics(of: "deadlin").first)
        #expect(session.describe(typo) == "E010 unknown name \"deadlin\" @deadlin")
        #expect(typo.hint == "did you mean \"deadline\"?")
        let field = try #require(session.diagnostics(of: "goals where ovredue").first)
        #expect(field.hint == "did you mean \"overdue\"?")
        let entity = try #require(session.diagnostics(of: "pm").first)
        #expect(entity.message == "unknown name \"pm\"")
        #expect(entity.hint == "to refer to the skill, write skill \"pm\"")
        session.run("it")
        #expect(session.lines.last == "E010 unknown name \"it\" @it")
        #expect(try #require(session.diagnostics(of: "count(skils)").first).hint == "did you mean \"skills\"?")
        #expect(try #require(session.diagnostics(of: "tody + 1 week").first).hint == "did you mean \"today\"?")
    }

    @Test func entityReferences() throws {
        #expect(ask("(goal \"Launch\"); (value family); (skill \"pm\"); (milestone \"Pitch\"); (mentor \"Jordan\")") == [
            "goal \"Launch\"", "value \"family\"", "skill \"pm\"", "milestone \"Pitch\"", "mentor \"Jordan\"",
        ])
        #expect(ask("(goal \"Lanch\"); (skill \"x\"); (value helth); (milestone \"Pich\"); (mentor \"J\")") == [
            "E011 unknown goal \"Lanch\" @\"Lanch\"",
            "E012 unknown skill \"x\" @\"x\"",
            "E013 unknown value \"helth\" @helth",
            "E014 unknown milestone \"Pich\" @\"Pich\"",
            "E015 unknown mentor \"J\" @\"J\"",
        ])
        var session = Session(samplePlan)
        let typo = try #require(session.diagnostics(of: "(goal \"Lanch\")").first)
        #expect(typo.hint == "did you mean \"Launch\"?")
    }

    @Test func collections() {
        #expect(ask("goals; values; skills.name; milestones.name; mentors") == [
            "[goal \"Launch\", goal \"Head\", goal \"Old\", goal \"Late\"]",
            "[value \"family\", value \"health\", value \"impact\"]",
            "[\"pm\", \"comms\", \"strategy\"]",
            "[\"Shadow\", \"Pitch\"]",
            "[mentor \"Jordan\"]",
        ])
    }

    // MARK: Fields

    @Test func goalFields() {
        #expect(ask("""
            let g = goal "Launch"
            [g.name, g.role, g.due, g.done, g.status]
            [g.needs, g.serves, g.after, g.milestones]
            [g.impact, g.note, g.gap, g.ready, g.days_left, g.overdue]
            """) == [
            "[\"Launch\", \"Product Lead\", 2026-09-30, false, \"open\"]",
            "[[skill \"pm\", skill \"comms\", skill \"strategy\"], [value \"impact\", value \"family\"], [], "
                + "[milestone \"Shadow\", milestone \"Pitch\"]]",
            // Each gap with the level the goal needs: its `at`, else the skill's target.
            "[none, none, [gap \"pm\" 2 of 4, gap \"strategy\" 1 of 3], false, <92 days>, false]",
        ])
    }

    @Test func goalStatusReadyAndOverdue() {
        #expect(ask("goals select [name, status, done, overdue, days_left]") == [
            "[[\"Launch\", \"open\", false, false, <92 days>], [\"Head\", \"open\", false, false, <1280 days>], "
                + "[\"Old\", \"done\", true, false, <-166 days>], [\"Late\", \"doing\", false, true, <-91 days>]]",
        ])
        let ready = Session("""
            skill "a" level 3 target 3
            goal "First" done
            goal "Second" after "First", "Missing" needs skill "a", "nowhere"
            goal "Third" after "Second"
            goal "Fourth" needs skill "a" at 4
            goals select ready
            goal "Fifth"
            (goal "Fifth").days_left
            """)
        #expect(ready.lines == ["[true, true, false, false]", "none"])
    }

    @Test func skillValueMilestoneAndMentorFields() {
        #expect(ask("""
            skills select [name, level, target, gap, needed_by, mentors]
            values select [name, priority, non_negotiable, note, goals]
            milestones select [name, goal, due, done, overdue]
            mentors select [name, helps, note]
            """) == [
            "[[\"pm\", 2, 4, 2, [goal \"Launch\"], [mentor \"Jordan\"]], [\"comms\", 3, 4, 1, [goal \"Launch\"], []], "
                + "[\"strategy\", 1, 3, 2, [goal \"Launch\", goal \"Head\"], [mentor \"Jordan\"]]]",
            "[[\"family\", 1, true, \"Home by 6\", [goal \"Launch\"]], [\"health\", 2, false, none, []], "
                + "[\"impact\", 3, false, none, [goal \"Launch\", goal \"Head\"]]]",
            "[[\"Shadow\", goal \"Launch\", 2026-05-15, true, false], [\"Pitch\", goal \"Launch\", 2026-06-01, false, true]]",
            "[[\"Jordan\", [skill \"strategy\", skill \"pm\"], \"monthly\"]]",
        ])
    }

    @Test func unresolvedNamesAreSkippedInListFields() {
        #expect(Session("""
            goal "G" needs skill "ghost" serves nothing after "Nobody"
            milestone "M" for "Nobody" by 2027-01-01
            mentor "X" helps "ghost"
            [(goal "G").needs, (goal "G").serves, (goal "G").after, (goal "G").gap]
            [(milestone "M").goal, (mentor "X").helps]
            """).lines == ["[[], [], [], []]", "[none, []]"])
    }

    @Test func fieldsMapOverListsAndNoneStaysNone() {
        #expect(ask("(goals where done).name; goals.serves.name; none.due; [goal \"Old\", none].due") == [
            "[\"Old\"]",
            "[[\"impact\", \"family\"], [\"impact\"], [], []]",
            "none",
            "[2026-01-15, none]",
        ])
    }

    @Test func unknownFieldsSuggestTheKindsFields() throws {
        #expect(ask("(goal \"Launch\").deu; (skill \"pm\").lvel; 3.name; (goals group by done)[0].kye") == [
            "E016 goal has no field \"deu\" @deu",
            "E016 skill has no field \"lvel\" @lvel",
            "E016 number has no field \"name\" @name",
            "E016 group has no field \"kye\" @kye",
        ])
        var session = Session(samplePlan)
        let typo = try #require(session.diagnostics(of: "(goal \"Launch\").deu").first)
        #expect(typo.hint == "did you mean \"due\"?")
    }

    // MARK: Operators

    @Test func logic() {
        #expect(ask("true and false; true or false; not true; not none; none or true; none and true") == [
            "false", "true", "false", "true", "true", "false",
        ])
        #expect(ask("false and 1; true or 1; 1 and true; true and 1; not 3") == [
            "false", "true",
            "E030 and needs bools, got number @and",
            "E030 and needs bools, got number @and",
            "E030 not needs a bool, got number @not 3",
        ])
    }

    @Test func equality() {
        #expect(ask("1 == 1; \"a\" != \"b\"; 2027-01 == 2027-01-31; 7 days == 1 week; true == true") == [
            "true", "true", "true", "true", "true",
        ])
        #expect(ask("(goal \"Launch\") == goal \"Launch\"; (goal \"Launch\") != goal \"Head\"; [1, [2]] == [1, [2]]") == [
            "true", "true", "true",
        ])
        #expect(ask("[1, \"a\"] == [1, 2]; (goal \"Head\").serves == [value impact]; (goal \"Old\").serves == []") == [
            "false", "true", "true",
        ])
        #expect(ask("none == none; 1 == none; none != 1; (goal \"Old\").role == none") == [
            "true", "false", "true", "true",
        ])
        #expect(ask("1 == \"1\"; (goal \"Launch\") == skill \"pm\"; [1] != 1") == [
            "E030 cannot compare number and string @==",
            "E030 cannot compare goal and skill @==",
            "E030 cannot compare list and number @!=",
        ])
    }

    @Test func ordering() {
        #expect(ask("1 < 2; 2 <= 2; \"b\" > \"a\"; 2027-01-01 >= 2027-02-01; 2 months > 1 month; false < true") == [
            "true", "true", "true", "false", "true", "true",
        ])
        #expect(ask("none < 1; 1 > none; none >= none; (goal \"Old\").role < \"x\"") == [
            "false", "false", "false", "false",
        ])
        #expect(ask("1 < \"2\"; 2027-01-01 < 3; (goal \"Old\") < goal \"Late\"; [1] < [2]") == [
            "E030 cannot compare number and string @<",
            "E030 cannot compare date and number @<",
            "E030 cannot compare goal and goal @<",
            "E030 cannot compare list and list @<",
        ])
    }

    @Test func membership() {
        #expect(ask("2 in [1, 2]; 3 in [1, 2]; \"ea\" in \"team\"; (value impact) in (goal \"Head\").serves") == [
            "true", "false", "true", "true",
        ])
        #expect(ask("none in [none]; 1 in none; \"x\" in []; 1 in [none, 1]") == [
            "false", "false", "false", "true",
        ])
        #expect(ask("1 in \"123\"; 1 in 2; 1 in [\"1\"]; 30 days in [1 month]") == [
            "E030 cannot look for number in string @in",
            "E030 cannot look for number in number @in",
            "E030 cannot compare number and string @in",
            "E030 cannot compare a duration in days and a duration in months @in",
        ])
    }

    /// `in` compares as `==` does: a name is not the entity it names.
    @Test func membershipOfANameAmongEntitiesIsAnError() throws {
        var session = Session(samplePlan)
        #expect(session.diagnostics(of: "goals where \"impact\" in serves select name").map(session.describe) == [
            "E030 cannot compare string and value @in",
        ])
        let name = try #require(session.diagnostics(of: "goals where \"impact\" in serves select name").first)
        #expect(name.hint == "to look for the value, write value \"impact\" in serves")
        let skill = try #require(session.diagnostics(of: "\"pm\" in skills").first)
        #expect(session.describe(skill) == "E030 cannot compare string and skill @in")
        #expect(skill.hint == "to look for the skill, write skill \"pm\" in skills")
        let entity = try #require(session.diagnostics(of: "(value impact) in [\"impact\"]").first)
        #expect(session.describe(entity) == "E030 cannot compare value and string @in")
        #expect(entity.hint == "to look for its name, write (value impact).name in [\"impact\"]")
        let query = try #require(session.diagnostics(of: "\"pm\" in (skills where gap > 0)").first)
        #expect(query.hint == "to look for the skill, write skill \"pm\" in (skills where gap > 0)")
        #expect(ask("goals where value impact in serves select name; goals where \"impact\" in serves.name select name") == [
            "[\"Launch\", \"Head\"]", "[\"Launch\", \"Head\"]",
        ])
    }

    /// A month is 28 to 31 days, so days and months have no exact order.
    @Test func durationsInDaysAndInMonthsDoNotCompare() throws {
        #expect(ask("30 days < 31 days; 2 months >= 1 year; 1 month + 3 days < 1 month + 5 days; 0 days < 1 month; 7 days == 1 week") == [
            "true", "false", "true", "true", "true",
        ])
        #expect(ask("1 month > 30 days; 30 days == 1 month; 1 year != 365 days; 1 month + 1 day < 2 months") == [
            "E030 cannot compare a duration in months and a duration in days @>",
            "E030 cannot compare a duration in days and a duration in months @==",
            "E030 cannot compare a duration in months and a duration in days @!=",
            "E030 cannot compare a duration in months and days and a duration in months @<",
        ])
        var session = Session(samplePlan)
        let field = try #require(session.diagnostics(of: "(goal \"Launch\").days_left <= 6 months").first)
        #expect(session.describe(field) == "E030 cannot compare a duration in days and a duration in months @<=")
        #expect(field.hint == "a month is 28 to 31 days; compare dates instead: (goal Launch).due <= today + 6 months")
        let query = try #require(session.diagnostics(of: "goals where not done and 6 months > days_left").first)
        #expect(query.hint == "a month is 28 to 31 days; compare dates instead: today + 6 months > due")
        let other = try #require(session.diagnostics(of: "2027-01-01 - today < 1 year").first)
        #expect(other.hint == "a month is 28 to 31 days; compare dates instead: today + (2027-01-01 - today) < today + 1 year")
        #expect(ask("goals where due <= today + 6 months select name") == ["[\"Launch\", \"Old\", \"Late\"]"])
    }

    @Test func arithmeticOnNumbersStringsAndLists() {
        #expect(ask("1 + 2 * 3; 10 - 4 / 2; 7 / 2; -3 + 1; \"a\" + \"b\"; [1] + [2, 3]") == [
            "7", "8", "3.5", "-2", "\"ab\"", "[1, 2, 3]",
        ])
        #expect(ask("1 / 0; 1 + \"a\"; \"a\" - \"b\"; [1] * 2; true / 1; -\"a\"") == [
            "E033 division by zero @/",
            "E030 cannot add number and string @+",
            "E030 cannot subtract string and string @-",
            "E030 cannot multiply list and number @*",
            "E030 cannot divide bool and number @/",
            "E030 cannot negate string @-\"a\"",
        ])
    }

    @Test func arithmeticWithNoneIsAnError() {
        #expect(ask("none + 1; 1 - none; (goal \"Old\").role + \"x\"; -none") == [
            "E030 cannot add none and number @+",
            "E030 cannot subtract number and none @-",
            "E030 cannot add none and string @+",
            "E030 cannot negate none @-none",
        ])
    }

    @Test func dateAndDurationArithmetic() {
        #expect(ask("2027-01-31 + 1 month; 1 month + 2027-01-31; 2028-02-29 + 1 year; 2027-03-31 - 1 month") == [
            "2027-02-28", "2027-02-28", "2029-02-28", "2027-02-28",
        ])
        #expect(ask("2027-01-01 - 2026-12-25; 2026-12-25 - 2027-01-01; today + 90 days") == [
            "<7 days>", "<-7 days>", "2026-09-28",
        ])
        #expect(ask("1 month + 10 days; 2 weeks - 1 day; 3 * 1 week; 1 year * 2; -2 months; 1 month * 0.5") == [
            "<1 month 10 days>", "<13 days>", "<21 days>", "<2 years>", "<-2 months>",
            "E030 cannot multiply 1 month by 0.5: a duration is a whole number of months and days @*",
        ])
        #expect(ask("today + 1; 1 month + 1; today * 2; 1 month / 2; today + today; 5 days - today") == [
            "E030 cannot add date and number @+",
            "E030 cannot add duration and number @+",
            "E030 cannot multiply date and number @*",
            "E030 cannot divide duration and number @/",
            "E030 cannot add date and date @+",
            "E030 cannot subtract duration and date @-",
        ])
    }

    @Test func hugeDurationsAreErrorsNotOverflows() {
        #expect(ask("today + 9000 years; 9999-12-31 + 1 day; 10001 years + 1 day; 100000 days * 100") == [
            "E005 the resulting date falls outside the years 1 to 9999 @+",
            "E005 the resulting date falls outside the years 1 to 9999 @+",
            "E030 a duration may span at most 10000 years @+",
            "E030 a duration may span at most 10000 years @*",
        ])
    }

    /// Literals stop at 10^15, but products and sums of them can pass the
    /// largest Double; that is an error where it happens, never `inf` or,
    /// from `inf - inf`, `nan`.
    @Test func numbersThatLeaveTheFiniteRangeAreErrors() {
        let big = "1000000000000000"
        let huge = Array(repeating: big, count: 20).joined(separator: " * ")
        #expect(ask("\(huge); \(huge) * \(big) * \(big); -(\(huge) * \(big) * \(big)); "
                    + "\(huge) * \(big) * \(big) - \(huge) * \(big) * \(big)") == [
            "1e+300",
            "E006 the result of * is too large for a number @*",
            "E006 the result of * is too large for a number @*",
            "E006 the result of * is too large for a number @*",
        ])
        #expect(ask("let h = \(huge); h * 1000000000; h * 100000000 + h * 100000000; -h * 100000000 - h * 100000000; "
                    + "h * 100000000 / 0.5; h / 0.0000000001") == [
            "E006 the result of * is too large for a number @*",
            "E006 the result of + is too large for a number @+",
            "E006 the result of - is too large for a number @-",
            "E006 the result of / is too large for a number @/",
            "E006 the result of / is too large for a number @/",
        ])
    }

    @Test func indexing() {
        #expect(ask("[10, 20, 30][0]; [10, 20, 30][-1]; goals[1].name; none[0]") == [
            "10", "30", "\"Head\"", "none",
        ])
        #expect(ask("[1, 2][2]; [1][-2]; [][0]; [1][0.5]; [1][\"a\"]; 3[0]") == [
            "E032 index 2 is out of range for a list of 2 items @2",
            "E032 index -2 is out of range for a list of 1 item @-2",
            "E032 index 0 is out of range for a list of 0 items @0",
            "E030 an index must be a whole number, got 0.5 @0.5",
            "E030 an index must be a whole number, got string @\"a\"",
            "E030 cannot index number @0",
        ])
    }

    @Test func anErrorDoesNotStopTheStatementsAfterIt() {
        #expect(Session("1 + \"a\"\n2 + 2").lines == ["E030 cannot add number and string @+", "4"])
    }
}
