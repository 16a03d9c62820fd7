import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A declaration's clause that does not parse is one error: the declaration
/// keeps the clauses that parsed, so the log entries, `after` and `for` that
/// name it still find it (docs/checks.md, "One mistake, one error").
@Suite struct ClauseRecoveryTests {
    /// Each error `text` raises, as `line:column code message @text | hint`.
    private func errors(_ text: String, typed: Bool = false) -> (errors: [String], session: Session) {
        var session = Session()
        let source = Source(name: "test.plan", text: text)
        var found = session.interpreter.run(source, typed: typed).compactMap { outcome -> Diagnostic? in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic } else { return nil }
        }
        found += session.interpreter.check()
        let shown = found.filter { $0.severity == .error }.map { diagnostic in
            let place = source.location(of: diagnostic.range.start)
            return "\(place.line):\(place.column) \(session.describe(diagnostic)) | \(diagnostic.hint ?? "")"
        }
        return (shown, session)
    }

    private func answer(_ question: String, after session: Session) -> [String] {
        var asking = session
        asking.lines = []
        asking.run(question)
        return asking.lines
    }

    private let head = "vision \"Grow\"\nvalue growth\nskill writing level 2 target 3\n"

    @Test func aBadDateInByIsOneErrorAndTheGoalKeepsItsOtherClauses() {
        let (found, session) = errors(head + """
            goal "Ship v2"
                serves growth
                by 2027-13-45
                needs skill writing
            goal Next after "Ship v2" serves growth by 2028-01
            milestone Draft for "Ship v2" by 2027-03
            log 2026-06-01 "drafted" for "Ship v2" hours 2

            """)
        #expect(found == [
            "6:8 E005 invalid date 2027-13-45: there is no month 13; months run from 01 to 12 @2027-13-45 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
        ])
        #expect(answer("(goal \"Ship v2\").serves\n(goal \"Ship v2\").needs\n(goal \"Ship v2\").due\n(goal \"Ship v2\").spent\n",
                       after: session)
                == ["[value \"growth\"]", "[skill \"writing\"]", "none", "2"])
    }

    @Test func anUnknownClauseWordIsOneErrorAndTheClausesAfterItAreRead() {
        let (found, session) = errors(head + """
            goal "Talk" servs growth by 2027-12
            log 2026-06-01 "outline" for "Talk" hours 1

            """)
        #expect(found == ["4:13 E001 expected a clause of the goal or the end of the line, found `servs` @servs | did you mean `serves`?"])
        #expect(answer("(goal \"Talk\").serves\n(goal \"Talk\").due\n", after: session) == ["[]", "2027-12-31"])
    }

    @Test func aMissingNameAfterServesIsOneError() {
        let (found, session) = errors(head + """
            goal Lead serves by 2027-10 note "x"
            log 2026-06-01 "asked" for Lead

            """)
        #expect(found == [
            "4:18 E001 expected a value, found the keyword `by` @by | a name is a word like family or text in quotes like \"project management\"",
        ])
        #expect(answer("(goal Lead).due\n(goal Lead).note\n", after: session) == ["2027-10-31", "\"x\""])
    }

    @Test func aBadLevelIsOneErrorInAGoalAndInASkill() {
        let (found, session) = errors("""
            vision "Grow"
            value growth
            skill writing level high target 3
            goal Book
                needs skill writing at high
                serves growth
                by 2027-06
            log 2026-06-01 "chapter" for Book hours 3

            """)
        #expect(found == [
            "3:21 E001 expected a level (a whole number), found `high` @high | ",
            "5:28 E001 expected a level (a whole number), found `high` @high | ",
        ])
        #expect(answer("(skill writing).target\n(goal Book).serves\n(goal Book).due\n", after: session)
                == ["3", "[value \"growth\"]", "2027-06-30"])
    }

    @Test func twoBadClausesOfOneGoalAreTwoErrors() {
        let (found, session) = errors(head + """
            goal Deck
                role
                serves growth
                by 2027-02-30
                note "slides"
            log 2026-06-01 "slides" for Deck

            """)
        #expect(found == [
            "6:5 E001 expected a role in quotes, found the keyword `serves` @serves | ",
            "7:8 E005 invalid date 2027-02-30: February 2027 has 28 days, not 30 @2027-02-30 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
        ])
        #expect(answer("(goal Deck).serves\n(goal Deck).note\n", after: session) == ["[value \"growth\"]", "\"slides\""])
    }

    /// The date is written, only wrong: the milestone is not also told it needs one.
    @Test func aRequiredClauseThatDidNotParseIsNotAlsoMissing() {
        let (found, session) = errors(head + "goal Ship serves growth by 2027-06\nmilestone Draft for Ship by 2027-02-30\n")
        #expect(found == [
            "5:29 E005 invalid date 2027-02-30: February 2027 has 28 days, not 30 @2027-02-30 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
        ])
        #expect(answer("(milestone Draft).goal\n", after: session) == ["goal \"Ship\""])
    }

    /// A capacity is picked by its `from` day: kept without it, the one
    /// from 2027 would stand in for the one from the beginning.
    @Test func aClauseThatSaysWhichOneItIsDropsTheWholeDeclaration() {
        let (found, session) = errors(head + "capacity 8 hours per week\ncapacity 4 hours per week from 2027-13-01\n"
                                      + "update capacity 6 hours per week from 2027-02-30\n")
        #expect(found == [
            "5:32 E005 invalid date 2027-13-01: there is no month 13; months run from 01 to 12 @2027-13-01 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
            "6:39 E005 invalid date 2027-02-30: February 2027 has 28 days, not 30 @2027-02-30 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
        ])
        #expect(answer("capacities select hours\n", after: session) == ["[8]"])
    }

    /// A typed line with a wrong clause changes nothing: it is typed again
    /// whole, and would otherwise be a second declaration of the goal.
    @Test func typedInputDropsTheWholeDeclaration() {
        let (found, session) = errors("goal Z by 2027-13-01 serves growth\n", typed: true)
        #expect(found == [
            "1:11 E005 invalid date 2027-13-01: there is no month 13; months run from 01 to 12 @2027-13-01 | "
                + "a date is YYYY-MM-DD, YYYY-MM (the month's last day) or YYYY-Qn (the quarter's last day)",
        ])
        #expect(answer("count(goals)\n", after: session) == ["0"])
    }

    /// The REPL still reads on after a clause that stops at the end of the line.
    @Test func aClauseCutShortAtTheEndIsStillIncomplete() {
        #expect(Parser.parse(Source(name: "t", text: "goal X serves growth by"), id: 0).isIncomplete)
    }
}
