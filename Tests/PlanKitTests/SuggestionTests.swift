import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct SuggestionTests {
    @Test func findsTheNearMiss() {
        let skills = ["project management", "strategic planning", "stakeholder communication"]
        #expect(Suggestion.closest(to: "strategic planing", among: skills) == "strategic planning")
        #expect(Suggestion.closest(to: "dUe", among: ["due", "done"]) == "due")
        #expect(Suggestion.closest(to: "dnoe", among: ["due", "done"]) == "done")
        #expect(Suggestion.closest(to: "cnt", among: ["count", "sum", "min", "max"]) == "count")
        #expect(Suggestion.closest(to: "lenght", among: ["len", "count", "join"]) == "len")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "salary", among: ["due", "done", "name"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
    }
}
