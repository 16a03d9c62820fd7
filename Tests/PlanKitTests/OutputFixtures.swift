@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Plans built in code for the export tests: README.md's example ("A taste"), and
/// one whose names need every kind of escaping.
enum OutputFixtures {
    static let today = Day(ordinal: Day(year: 2026, month: 11, day: 25)?.ordinal ?? 0)

    static func name(_ text: String) -> Name {
        Name(text: text, range: .none, quoted: true)
    }

    static func day(_ text: String) -> Day? {
        try? Day.parse(text).get()
    }

    /// The smallest plan that has something in every report section.
    static var small: Plan {
        var plan = Plan()
        plan.vision = "Write things people keep, and be home for dinner"
        var family = CoreValue(name: name("family"))
        family.priority = 1
        family.nonNegotiable = true
        family.note = "Home by 6pm"
        plan.add(family)
        var craft = CoreValue(name: name("craft"))
        craft.priority = 2
        plan.add(craft)
        var writing = Skill(name: name("writing"))
        writing.level = 1
        writing.explicitTarget = 3
        plan.add(writing)
        var book = Goal(name: name("Write a book"))
        book.role = "Author"
        book.needs = [SkillNeed(skill: name("writing"), level: nil, levelRange: nil)]
        book.serves = [name("craft")]
        book.due = day("2027-Q2")
        plan.add(book)
        var talk = Goal(name: name("Give a talk"))
        talk.serves = [name("craft")]
        talk.due = day("2026-10-31")
        plan.add(talk)
        var draft = Milestone(name: name("First draft"))
        draft.goal = name("Write a book")
        draft.due = day("2027-01-31")
        plan.add(draft)
        var sam = Contact.mentor(name: name("Sam"))
        sam.helps = [name("writing")]
        plan.add(sam)
        return plan
    }

    /// Names and texts that every format must escape: quotes, backslashes,
    /// separators, markup, line breaks and long multi-byte text to fold.
    static var awkward: Plan {
        var plan = Plan()
        plan.vision = "Be \"kind\"; ship <things> & rest,\nevery week \\ always"
        var value = CoreValue(name: name("work; life, balance"))
        value.priority = 1
        plan.add(value)
        var skill = Skill(name: name("C\\C++ \"systems\""))
        skill.level = 1
        skill.explicitTarget = 4
        plan.add(skill)
        var goal = Goal(name: name("Say \"hi\" \\ <now> & später, 日本語で話す"))
        goal.role = String(repeating: "Größenwahn-Beauftragte für Ä, Ö und Ü; ", count: 4)
        goal.needs = [SkillNeed(skill: name("C\\C++ \"systems\""), level: 3, levelRange: nil)]
        goal.serves = [name("work; life, balance")]
        goal.due = day("2027-02-28")
        plan.add(goal)
        var next = Goal(name: name("}{ ]["))
        next.after = [name("Say \"hi\" \\ <now> & später, 日本語で話す")]
        next.due = day("2028-Q1")
        next.status = .done
        plan.add(next)
        var milestone = Milestone(name: name("Draft, then \"final\""))
        milestone.goal = name("Say \"hi\" \\ <now> & später, 日本語で話す")
        milestone.due = day("2027-01-10")
        plan.add(milestone)
        var mentor = Contact.mentor(name: name("Dr. O'Brien & co"))
        mentor.helps = [name("C\\C++ \"systems\"")]
        mentor.note = "line one\nline two"
        plan.add(mentor)
        return plan
    }

    /// README.md's "A taste", plus an overdue milestone and a goal without a date.
    static var career: Plan {
        var plan = Plan()
        plan.vision = "Lead product teams that ship tools people love, and be home for dinner"
        var family = CoreValue(name: name("family"))
        family.priority = 1
        family.nonNegotiable = true
        family.note = "Home by 6pm on weekdays"
        plan.add(family)
        var health = CoreValue(name: name("health"))
        health.priority = 2
        health.nonNegotiable = true
        plan.add(health)
        var impact = CoreValue(name: name("impact"))
        impact.priority = 3
        plan.add(impact)
        var learning = CoreValue(name: name("learning"))
        learning.priority = 4
        plan.add(learning)

        for (skillName, level, target) in [("project management", 2, 4), ("stakeholder communication", 3, 4), ("strategic planning", 1, 3)] {
            var skill = Skill(name: name(skillName))
            skill.level = level
            skill.explicitTarget = target
            plan.add(skill)
        }

        var launch = Goal(name: name("Lead a product launch"))
        launch.role = "Product Lead"
        launch.needs = [
            SkillNeed(skill: name("project management"), level: nil, levelRange: nil),
            SkillNeed(skill: name("stakeholder communication"), level: 4, levelRange: nil),
            SkillNeed(skill: name("strategic planning"), level: nil, levelRange: nil),
        ]
        launch.serves = [name("impact"), name("learning")]
        launch.due = day("2027-Q2")
        launch.status = .doing
        plan.add(launch)

        var head = Goal(name: name("Become head of product"))
        head.after = [name("Lead a product launch")]
        head.needs = [SkillNeed(skill: name("strategic planning"), level: 4, levelRange: nil)]
        head.serves = [name("impact")]
        head.due = day("2029-12")
        plan.add(head)

        var run = Goal(name: name("Run a half marathon"))
        run.serves = [name("health")]
        run.due = day("2027-04-30")
        plan.add(run)

        var talk = Goal(name: name("Give a conference talk"))
        talk.serves = [name("learning")]
        talk.due = day("2026-10-31")
        plan.add(talk)

        var certificate = Goal(name: name("Get a PMP certificate"))
        certificate.serves = [name("learning")]
        certificate.needs = [SkillNeed(skill: name("project management"), level: 2, levelRange: nil)]
        certificate.due = day("2026-09-30")
        certificate.status = .done
        plan.add(certificate)

        var side = Goal(name: name("Write a book"))
        side.serves = [name("learning")]
        plan.add(side)

        var shadow = Milestone(name: name("Shadow a launch"))
        shadow.goal = name("Lead a product launch")
        shadow.due = day("2027-01-15")
        shadow.done = true
        plan.add(shadow)
        var plan10k = Milestone(name: name("Run 10k"))
        plan10k.goal = name("Run a half marathon")
        plan10k.due = day("2026-11-15")
        plan.add(plan10k)
        var brief = Milestone(name: name("Write the launch brief"))
        brief.goal = name("Lead a product launch")
        brief.due = day("2027-03-01")
        plan.add(brief)

        var jordan = Contact.mentor(name: name("Jordan Lee"))
        jordan.helps = [name("strategic planning")]
        plan.add(jordan)
        return plan
    }
}

extension Contact {
    /// A contact declared with `mentor`.
    static func mentor(name: Name) -> Contact {
        var contact = Contact(name: name)
        contact.isMentor = true
        return contact
    }
}
