import Testing
@testable import PlanKit

@Suite struct SuggestionTests {
    @Test func findsTheNearMiss() {
        let skills = ["project management", "strategic planning", "stakeholder communication"]
        #expect(Suggestion.closest(to: "strategic planing", among: skills) == "strategic planning")
        #expect(Suggestion.closest(to: "dUe", among: ["due", "done"]) == "due")
        #expect(Suggestion.closest(to: "dnoe", among: ["due", "done"]) == "done")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "salary", among: ["due", "done", "name"]) == nil)
        #expect(Suggestion.closest(to: "x", among: []) == nil)
    }
}
