@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `drop` takes a two-word clause as it is written, E027's hint writes the
/// clause that way, and a mentor is called a mentor in E020 and E027.
@Suite struct DropAndMentorWordingTests {
    @Test func dropNeedsExperienceTakesTheExperienceOut() throws {
        var session = Session("""
            experience "led a team"
            experience "shipped"
            goal "Lead" needs experience "led a team", shipped by 2027-06
            """)
        #expect(session.diagnostics(of: "update goal Lead drop needs experience \"led a team\"").isEmpty)
        #expect(session.interpreter.plan.goals.first?.experiences.items.map(\.text) == ["shipped"])
        #expect(session.diagnostics(of: "update goal Lead drop needs experience").isEmpty)
        #expect(session.interpreter.plan.goals.first?.experiences.isEmpty == true)
    }

    @Test func dropNeedsSkillStillWorks() throws {
        var session = Session("skill rust level 1 target 3\ngoal Ship needs skill rust by 2027-06\n")
        #expect(session.diagnostics(of: "update goal Ship drop needs skill rust").isEmpty)
        #expect(session.interpreter.plan.goals.first?.needs.isEmpty == true)
    }

    @Test func removeOfAReferencedSkillHintsTheClauseAsWritten() throws {
        var session = Session("skill rust level 1 target 3\ngoal Ship needs skill rust by 2027-06\n")
        let refused = try #require(session.diagnostics(of: "remove skill rust").first)
        #expect(session.describe(refused) == "E027 cannot remove skill \"rust\": goal \"Ship\" (needs) refers to it @rust")
        #expect(refused.hint == "first: update goal Ship drop needs skill rust")
        // The hint, run, lets the remove through.
        #expect(session.diagnostics(of: "update goal Ship drop needs skill rust").isEmpty)
        #expect(session.diagnostics(of: "remove skill rust").isEmpty)
    }

    @Test func removeOfAReferencedExperienceHintsNeedsExperience() throws {
        var session = Session("experience shipped\ngoal Ship needs experience shipped by 2027-06\n")
        let refused = try #require(session.diagnostics(of: "remove experience shipped").first)
        #expect(refused.hint == "first: update goal Ship drop needs experience shipped")
        #expect(session.diagnostics(of: "update goal Ship drop needs experience shipped").isEmpty)
        #expect(session.diagnostics(of: "remove experience shipped").isEmpty)
    }

    @Test func aMentorIsCalledAMentor() throws {
        var session = Session("skill rust level 1 target 3\nmentor Jo helps rust\ncontact Ana\n")
        let refused = try #require(session.diagnostics(of: "remove skill rust").first)
        #expect(refused.message == "cannot remove skill \"rust\": mentor \"Jo\" (helps) refers to it")
        #expect(refused.hint == "first: update mentor Jo drop helps rust")
        let twice = try #require(session.diagnostics(of: "mentor Jo").first)
        #expect(session.describe(twice) == "E020 mentor \"Jo\" is already declared @Jo")
        #expect(twice.hint == "to change it, write update mentor \"Jo\" ...; to ask about it, write (mentor \"Jo\")")
        // A contact who is no mentor stays a contact.
        let contact = try #require(session.diagnostics(of: "contact Ana").first)
        #expect(contact.message == "contact \"Ana\" is already declared")
        #expect(session.diagnostics(of: "update mentor Jo drop helps rust").isEmpty)
        #expect(session.diagnostics(of: "remove skill rust").isEmpty)
    }
}
