import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The hints a newcomer needs for the mistakes newcomers make: a misspelt
/// or renamed clause, clause lines left unindented, a name with spaces left
/// bare, a date written day first, a fraction of a month, a function called
/// without parentheses.
@Suite struct NewcomerHintTests {
    /// The code, message, place and hint of each problem `text` raises when run.
    private func problems(_ text: String) -> [String] {
        var session = Session()
        return session.diagnostics(of: text).map { "\(session.describe($0)) | \($0.hint ?? "")" }
    }

    @Test func aMisspeltClauseGetsDidYouMean() {
        #expect(problems("goal \"A\" servs craft\n") == [
            "E001 expected a clause of the goal or the end of the line, found `servs` @servs | did you mean `serves`?",
        ])
    }

    @Test func aClauseByAnotherNameGetsItsName() {
        #expect(problems("goal \"A\" due 2027-12\n") == [
            "E001 expected a clause of the goal or the end of the line, found `due` @due | did you mean `by`?",
        ])
    }

    @Test func unindentedClauseLinesAreToldToIndent() {
        #expect(problems("goal \"A\"\nby 2027-12\nserves craft\n") == [
            "E001 `by` starts a line of its own, outside any declaration @by | indent the clauses under the goal: `    by 2027-12`",
            "E001 `serves` starts a line of its own, outside any declaration @serves | indent the clauses under the goal: `    serves craft`",
        ])
    }

    @Test func aBareNameWithSpacesIsToldToQuote() {
        #expect(problems("goal Ship v2\n") == [
            "E001 expected a clause of the goal or the end of the line, found `v2` @v2 | quote a name with spaces: goal \"Ship v2\"",
        ])
    }

    @Test func aDateWrittenDayFirstGetsTheYearFirst() {
        #expect(problems("goal \"A\" by 31/12/2027\n") == [
            "E001 expected a date after `by`, found the number 31 @31 | write the year first: 2027-12-31",
        ])
        #expect(problems("goal \"A\" by 12/31/2027\n").first?.hasSuffix("| write the year first: 2027-12-31") == true)
        #expect(problems("goal \"A\" by 01/02/2027\n").first?.hasSuffix("| write the year first: 2027-01-02 or 2027-02-01") == true)
    }

    @Test func aFractionOfAUnitIsHintedInTheNextSmallerUnit() {
        #expect(problems("contact \"A\" every 1.5 months\n") == [
            "E006 a duration needs a whole number @1.5 months | use a smaller unit: 45 days, not 1.5 months",
        ])
        #expect(problems("contact \"A\" every 1.5 years\n").first?.hasSuffix("| use a smaller unit: 18 months, not 1.5 years") == true)
        #expect(problems("contact \"A\" every 2.5 days\n").first?.hasSuffix("| a duration counts whole days: 3 days, not 2.5 days") == true)
    }

    @Test func aFunctionWithoutParenthesesIsShownWithThem() {
        #expect(problems("count goals\n") == [
            "E029 unknown statement `count` @count | a function takes its argument in parentheses: count(goals)",
        ])
    }
}
