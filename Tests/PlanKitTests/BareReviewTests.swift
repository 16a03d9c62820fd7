import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The review is said once in a plan, so it is asked about by its word alone.
@Suite struct BareReviewTests {
    @Test func reviewAloneShowsTheCadenceTheLastAndTheNext() {
        var session = Session()
        session.run("""
            review every 4 weeks
            log 2026-06-01 reviewed
            review
            (review).next
            (review).every

            """)
        #expect(session.lines == ["[review \"review\"]", "2026-06-29", "<28 days>"])
    }

    @Test func withoutAReviewTheQuestionSaysHowToDeclareOne() {
        var session = Session()
        let problems = session.diagnostics(of: "(review).next\n")
        #expect(problems.map { session.describe($0) } == ["E001 the plan has no review @review"])
        #expect(problems.first?.hint == "declare it: review every 4 weeks")
    }
}
