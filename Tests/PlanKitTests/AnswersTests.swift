import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct AnswersTests {
    private let today = Day(lastDayOfYear: 2027, month: 1)

    private func name(_ text: String) -> Name { Name(text: text, range: .none, quoted: true) }

    private var plan: Plan {
        var plan = Plan()
        var family = CoreValue(name: name("family"))
        family.priority = 1
        family.nonNegotiable = true
        plan.add(family)
        plan.add(CoreValue(name: name("impact")))
        var management = Skill(name: name("project management"))
        management.level = 2
        management.explicitTarget = 4
        plan.add(management)
        var planning = Skill(name: name("strategic planning"))
        planning.level = 3
        plan.add(planning)
        var launch = Goal(name: name("Lead a product launch"))
        launch.due = Day(year: 2027, month: 6, day: 30)
        launch.serves = [name("impact"), name("family")]
        launch.needs = [SkillNeed(skill: name("project management"), level: nil, levelRange: nil),
                        SkillNeed(skill: name("strategic planning"), level: 3, levelRange: nil)]
        plan.add(launch)
        var head = Goal(name: name("Become head of product"))
        head.status = .doing
        head.needs = [SkillNeed(skill: name("strategic planning"), level: 4, levelRange: nil)]
        plan.add(head)
        var shadow = Milestone(name: name("Shadow a launch"))
        shadow.goal = name("Lead a product launch")
        shadow.due = Day(year: 2027, month: 1, day: 15)
        shadow.done = true
        plan.add(shadow)
        var jordan = Contact.mentor(name: name("Jordan Lee"))
        jordan.helps = [name("strategic planning")]
        plan.add(jordan)
        return plan
    }

    private func text(_ value: Value, emptyListOf kind: Keyword? = nil) -> String {
        Answers.text(value, plan: plan, today: today, emptyListOf: kind)
    }

    /// Numbers as the language writes them: no exponent, no `.0`, and the
    /// digits that tell a number from its neighbours, in text and in JSON.
    @Test func numbersReadBack() {
        let cases: [(Double, String)] = [
            (1e15, "1000000000000000"), (1e15 + 2, "1000000000000002"), (1e30, "1000000000000000000000000000000"),
            (-1.5e16, "-15000000000000000"), (1e15 + 0.5, "1000000000000000.5"), (0.0000001, "0.0000001"),
            (1.0000000000000002, "1.0000000000000002"), (0.1 + 0.2, "0.30000000000000004"), (2.5, "2.5"), (-0.0, "0"),
        ]
        for (value, written) in cases {
            #expect(Literal.number(value) == written)
            #expect(JSON.number(value).serialized() == written)
            #expect(Double(written) == value)
        }
        #expect(text(.number(1e15)) == "1000000000000000")
        #expect(Literal.rounded(40.004, apartFrom: 40) == ("40.004", "40"))
        #expect(Literal.rounded(11.666, apartFrom: 10) == ("11.67", "10"))
        #expect(Literal.rounded(0.0000001) == "0.0000001")
    }

    /// Over a capacity, the load never reads as the capacity itself, nor a
    /// capacity that is not 0 as 0.
    @Test func overCapacityTellsTheFiguresApart() {
        func overCapacity(_ text: String) -> [String] {
            var interpreter = Interpreter(today: Day(ordinal: 20_727))
            _ = interpreter.run(Source(name: "t.plan", text: text))
            return interpreter.check().filter { $0.code == .overCapacity }.map(\.message)
        }
        #expect(overCapacity("goal \"G\" by 2026-12-31 effort 520.052 hours start 2026-10-01\ncapacity 40 hours per week\n")
                    == ["2026-Q4 asks 40.004 hours a week of a capacity of 40"])
        #expect(overCapacity("goal \"G\" by 2026-12-31 effort 100 hours start 2026-10-01\ncapacity 0.0000001 hours per week\n")
                    == ["2026-Q4 asks 7.69 hours a week of a capacity of 0.0000001"])
    }

    @Test func scalars() throws {
        #expect(text(.number(3)) == "3")
        #expect(text(.number(3.5)) == "3.5")
        #expect(text(.number(-2)) == "-2")
        #expect(text(.number(15.0 / 7)) == "2.14")
        #expect(text(.number(-0.0)) == "0")
        #expect(text(.number(-0.004)) == "-0.004")
        #expect(text(.number(0.0000001)) == "0.0000001")
        #expect(text(.number(0.00123456)) == "0.0012")
        #expect(text(.list([.number(2.0 / 3), .number(10)])) == "[0.67, 10]")
        #expect(Answers.json(.number(15.0 / 7), plan: plan, today: today).serialized() == "2.142857142857143")
        #expect(text(.string("Home by 6pm")) == "Home by 6pm")
        #expect(text(.date(try #require(Day(year: 2027, month: 6, day: 30)))) == "2027-06-30")
        #expect(text(.duration(Duration(months: 14, days: 3))) == "1 year 2 months 3 days")
        #expect(text(.bool(true)) == "true")
        #expect(text(.bool(false)) == "false")
        #expect(text(.none) == "none")
        #expect(text(.entity(.goal, 0)) == "goal \"Lead a product launch\"")
        #expect(text(.entity(.value, 1)) == "value \"impact\"")
    }

    @Test func listsQuoteTheirStrings() {
        #expect(text(.list([.string("a \"b\""), .number(2), .none, .list([])])) == "[\"a \\\"b\\\"\", 2, none, []]")
        #expect(text(.list([.entity(.goal, 0), .entity(.skill, 1)])) == "[goal \"Lead a product launch\", skill \"strategic planning\"]")
        #expect(text(.list([])) == "[]")
        #expect(text(.list([.string("tab\tnew\nline\u{1B}\u{7F}")])) == "[\"tab\\tnew\\nline\\u{1B}\\u{7F}\"]")
        #expect(text(.list([]), emptyListOf: .goals) == "(no goals)")
    }

    @Test func goalTable() {
        #expect(text(.list([.entity(.goal, 0), .entity(.goal, 1)])) == """
            name                    due         status  serves          gap
            ──────────────────────  ──────────  ──────  ──────────────  ──────────────────
            Lead a product launch   2027-06-30  open    impact, family  project management
            Become head of product  -           doing   -               strategic planning
            """)
    }

    @Test func skillTableAlignsNumbersRight() {
        #expect(text(.list([.entity(.skill, 0), .entity(.skill, 1)])) == """
            name                level  target  gap
            ──────────────────  ─────  ──────  ───
            project management      2       4    2
            strategic planning      3       3    0
            """)
    }

    @Test func valueMilestoneAndMentorTables() {
        #expect(text(.list([.entity(.value, 0), .entity(.value, 1)])) == """
            name    priority  non-negotiable  goals
            ──────  ────────  ──────────────  ─────────────────────
            family         1  yes             Lead a product launch
            impact         -  no              Lead a product launch
            """)
        #expect(text(.list([.entity(.milestone, 0)])) == """
            name             goal                   due         done
            ───────────────  ─────────────────────  ──────────  ────
            Shadow a launch  Lead a product launch  2027-01-15  yes
            """)
        #expect(text(.list([.entity(.contact, 0)])) == """
            name        helps
            ──────────  ──────────────────
            Jordan Lee  strategic planning
            """)
    }

    @Test func columnsFollowDisplayWidth() {
        var plan = Plan()
        plan.add(Contact.mentor(name: name("李雷")))
        plan.add(Contact.mentor(name: name("Zoë")))
        #expect(Answers.text(.list([.entity(.contact, 0), .entity(.contact, 1)]), plan: plan, today: today) == """
            name  helps
            ────  ─────
            李雷  -
            Zoë   -
            """)
    }

    @Test func groupsAreSections() {
        let groups = Value.list([
            .group(key: .string("open"), items: [.entity(.goal, 0)]),
            .group(key: .string("doing"), items: [.entity(.goal, 1)]),
        ])
        #expect(text(groups) == """
            open:
              name                   due         status  serves          gap
              ─────────────────────  ──────────  ──────  ──────────────  ──────────────────
              Lead a product launch  2027-06-30  open    impact, family  project management

            doing:
              name                    due  status  serves  gap
              ──────────────────────  ───  ──────  ──────  ──────────────────
              Become head of product  -    doing   -       strategic planning
            """)
        #expect(text(.list([.group(key: .number(2), items: [.string("x")])])) == "2:\n  [\"x\"]")
    }

    @Test func jsonAnswers() throws {
        let plan = plan
        func json(_ value: Value) -> String { Answers.json(value, plan: plan, today: today).serialized() }
        #expect(json(.number(3)) == "3")
        #expect(json(.none) == "null")
        #expect(json(.date(try #require(Day(year: 2027, month: 6, day: 30)))) == "\"2027-06-30\"")
        #expect(json(.duration(Duration(months: 6, days: 0))) == "{\"months\":6,\"days\":0}")
        #expect(json(.group(key: .string("open"), items: [.bool(true)])) == "{\"key\":\"open\",\"items\":[true]}")
    }

    /// An entity with every member its kind's description gives, in order:
    /// a goal, then lists of two kinds, one answer a line.
    @Test func theJSONOfEntitiesMatchesItsGoldenFile() throws {
        let plan = plan
        let entities: [Value] = [.entity(.goal, 0), .list([.entity(.skill, 0), .entity(.value, 0)]),
                                 .list([.entity(.milestone, 0), .entity(.contact, 0)])]
        let lines = entities.map { Answers.json($0, plan: plan, today: today).serialized() + "\n" }
        try GoldenFile.check(lines.joined(), against: "answers-entities.jsonl")
    }
}
