import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The answers a newcomer can trust: each rule as docs/ states it.
@Suite struct NewcomerTests {
    @Test func anEmptyNameIsAnError() {
        let session = Session("goal \"\" by 2027-06\nvalue \"\"\nskill \"\" level 1\nupdate goal \"\" done\ncount(goals) + count(values)\n")
        #expect(session.lines == [
            "E026 a goal's name cannot be empty @\"\"",
            "E026 a value's name cannot be empty @\"\"",
            "E026 a skill's name cannot be empty @\"\"",
            "E026 a goal's name cannot be empty @\"\"",
            "0",
        ])
    }

    @Test func aMisspeltFieldGetsDidYouMean() {
        var session = Session("goal \"A\" by 2027-01\n")
        let problems = session.diagnostics(of: "(goal \"A\").dew\nfirst(goals).stauts\ngoals where dew > today\n(goal \"A\").xyzzy\n")
        #expect(problems.map(\.message) == ["goal has no field \"dew\"", "goal has no field \"stauts\"",
                                            "unknown name \"dew\"", "goal has no field \"xyzzy\""])
        #expect(problems.map(\.hint) == ["did you mean \"due\"?", "did you mean \"status\"?", "did you mean \"due\"?", nil])
    }

    /// Item 2: a goal's gap is that goal's shortfall. Goal B needs `t at 2`
    /// and the skill is at 1 of 3: B is short by 1, not by the skill's 2.
    @Test func aGoalsGapShowsTheLevelItNeedsAndHowFarShort() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "gap.plan", text: "skill t level 1 target 3\ngoal \"B\" needs skill t at 2 by 2027-06\n"))
        let outcomes = interpreter.run(Source(name: "questions", text: """
            (goal "B").gap
            (goal "B").gap.short
            goals select gap
            goals
            (goal "B").gap where needed > level select name

            """))
        let plan = interpreter.asOfToday
        let values = outcomes.compactMap { outcome -> Value? in
            if case .answer(let value, _, _) = outcome { return value } else { return nil }
        }
        #expect(values.map { Answers.text($0, plan: plan, today: testToday) } == [
            "skill  level  needed  short\n─────  ─────  ──────  ─────\nt          1       2      1",
            "[1]",
            "[[skill \"t\" (level 1, needs 2)]]",
            // A table of goals names the skills each waits on.
            "name  due         status  serves  gap\n────  ──────────  ──────  ──────  ───\nB     2027-06-30  open    -       t",
            "[\"t\"]",
        ])
        #expect(values.first.map { Answers.json($0, plan: plan, today: testToday).serialized() }
                == #"[{"name":"t","goal":"B","skill":"t","level":1,"needed":2,"short":1}]"#)
        // In a goal's own object (the JSON export, plan/2) the gap stays the skills' names.
        #expect(JSONExport.render(plan, today: testToday).contains(#""gap": ["t"],"#))
        // A skill is not a gap: the hint asks among the gaps' skills.
        let problem = interpreter.run(Source(name: "in", text: "(skill t) in (goal \"B\").gap\n")).compactMap { outcome -> Diagnostic? in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic } else { return nil }
        }
        #expect(problem.map(\.message) == ["cannot compare skill and gap"])
        #expect(problem.map(\.hint) == ["to look for the skill among the gaps, write skill t in (goal B).gap.skill"])
    }

    /// Item 2: a skill's "needed by" in the report and the Markdown export
    /// lists only the goals not done, each with the level it needs; the next
    /// step raises the skill to the level of the first goal it holds up.
    @Test func theReportsNeededByLeavesDoneGoalsOut() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "gap.plan", text: """
            skill t level 1 target 3
            skill u level 2 target 3
            goal "Reached" needs skill t by 2026-05 done
            goal "Easy" needs skill u at 1 by 2026-12
            goal "B" needs skill t at 2, u by 2027-06

            """))
        let plan = interpreter.asOfToday
        let report = Report(plan: plan, today: testToday).render()
        let gaps = report.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0 != "SKILL GAPS" }.prefix { !$0.isEmpty }
        #expect(gaps.joined(separator: "\n") == """
            SKILL GAPS
              t  level 1 of 3, gap 2
                needed by: B (at 2)
                help from: no one yet
              u  level 2 of 3, gap 1
                needed by: Easy (at 1), B (at 3)
                help from: no one yet
            """)
        #expect(report.contains("""
            NEXT STEPS
              1. Start goal "Easy" by 2026-12-31
              2. Raise "t" from level 1 to 2 for "B"
              3. Raise "u" from level 2 to 3 for "B"

            """))
        let markdown = MarkdownExport.render(plan, today: testToday)
        #expect(markdown.contains("| t | 1 | 3 | 2 | B (at 2) | _none yet_ |\n| u | 2 | 3 | 1 | Easy (at 1), B (at 3) | _none yet_ |\n"))
    }

    /// Item 6: a statement that starts with a word no statement starts with,
    /// and goes on, is an unknown statement at that word, with the nearest
    /// statement keyword; a `let` name stays a question, so after one the
    /// statement's end is what is wrong, as before.
    @Test func anUnknownWordAtTheStartOfAStatementIsAnUnknownStatement() {
        var session = Session("let x = 2\n")
        let problems = session.diagnostics(of: """
            experiance "Led a team of five"
            projekt "Write a book"
            plan export --format md
            goall "Lead" by 2027-06
            x 1
            remove "Lead"
            let y = 3; y "z"

            """)
        let renderer = DiagnosticRenderer(sources: session.interpreter.sources)
        #expect(problems.map { renderer.render($0) }.joined() == #"""
            test.plan:1:1: error[E029]: unknown statement `experiance`
              |
            1 | experiance "Led a team of five"
              | ^^^^^^^^^^ did you mean `experience`?
            test.plan:2:1: error[E029]: unknown statement `projekt`
              |
            2 | projekt "Write a book"
              | ^^^^^^^ a statement starts with vision, owner, value, skill, goal, milestone, contact, mentor, habit, log, objective, experience, capacity, review, update, remove, rename, let, include or assert; anything else is a question, an expression
            test.plan:3:1: error[E029]: unknown statement `plan`
              |
            3 | plan export --format md
              | ^^^^ a statement starts with vision, owner, value, skill, goal, milestone, contact, mentor, habit, log, objective, experience, capacity, review, update, remove, rename, let, include or assert; anything else is a question, an expression
            test.plan:4:1: error[E029]: unknown statement `goall`
              |
            4 | goall "Lead" by 2027-06
              | ^^^^^ did you mean `goal`?
            test.plan:5:3: error[E001]: expected the end of the statement, found the number 1
              |
            5 | x 1
              |   ^ put each statement on its own line, or separate them with ;
            test.plan:6:8: error[E001]: expected a kind after `remove`, found the string "Lead"
              |
            6 | remove "Lead"
              |        ^^^^^^ write: remove goal "Old goal"
            test.plan:7:14: error[E001]: expected the end of the statement, found the string "z"
              |
            7 | let y = 3; y "z"
              |              ^^^ put each statement on its own line, or separate them with ;

            """#)
        // A bare name alone is still a question: its error is the unknown name.
        #expect(session.diagnostics(of: "projekt\n").map(\.message) == ["unknown name \"projekt\""])
    }

    /// Item 13: the report and the Markdown export show each goal's role and
    /// impact under it in the timeline, and the report each mentor's note
    /// (the Markdown export has it in its table of contacts).
    @Test func theReportAndTheMarkdownShowRoleImpactAndMentorsNotes() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "people.plan", text: """
            vision "Lead teams that ship"
            value impact priority 1
            goal "Lead a product launch"
                role "Product Lead"
                serves impact
                by 2027-Q2
                impact "Customers stop losing a day a week to our export bugs, and the team sees it"
            goal "Write the launch retro" serves impact by 2027-09 done
                impact "The next launch starts from what we learnt"
            mentor "Jordan Lee" helps "strategic planning", hiring note "Ran three launches at Acme; monthly coffee"
            mentor "Sam"
            contact "Ana Ruiz" note "Not a mentor: her note stays in the contacts"
            skill "strategic planning" level 3
            skill hiring level 2

            """))
        let plan = interpreter.asOfToday
        let report = Report(plan: plan, today: testToday).render()
        func section(_ title: String) -> String {
            report.split(separator: "\n", omittingEmptySubsequences: false).drop { $0 != title }.prefix { !$0.isEmpty }
                .joined(separator: "\n")
        }
        #expect(section("TIMELINE  [x] done  [~] doing  [!] overdue") == """
            TIMELINE  [x] done  [~] doing  [!] overdue
              2027-Q2
                [ ] 2027-06-30  goal       Lead a product launch
                                           role: Product Lead
                                           impact: Customers stop losing a day a week to our
                                                   export bugs, and the team sees it
              2027-Q3
                [x] 2027-09-30  goal       Write the launch retro
                                           impact: The next launch starts from what we
                                                   learnt
            """)
        #expect(section("MENTORS") == """
            MENTORS
              Jordan Lee: helps with strategic planning, hiring
                Ran three launches at Acme; monthly coffee
              Sam
            """)
        let markdown = MarkdownExport.render(plan, today: testToday)
        #expect(markdown.contains("""
            ### 2027-Q2

            - [ ] 2027-06-30 **Lead a product launch**
              - Role: Product Lead
              - Impact: Customers stop losing a day a week to our export bugs, and the team sees it

            ### 2027-Q3

            - [x] 2027-09-30 **Write the launch retro**
              - Impact: The next launch starts from what we learnt

            """))
        #expect(markdown.contains("| Jordan Lee | yes |  |  | strategic planning, hiring |  |  |  | Ran three launches at Acme; monthly coffee |\n"))
    }
}
