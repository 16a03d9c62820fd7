import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Exact output of each export for a small plan built in code.
@Suite struct OutputTests {
    let plan = OutputFixtures.small
    let today = OutputFixtures.today

    @Test func reportText() {
        let expected = #"""
        Career plan as of 2026-11-25

        VISION
          Write things people keep, and be home for dinner

        VALUES
          1. family (non-negotiable)
             Home by 6pm
             no goal serves it
          2. craft
             goals: Write a book, Give a talk

        TIMELINE  [x] done  [~] doing  [!] overdue
          2026-Q4
            [!] 2026-10-31  goal       Give a talk
          2027-Q1
            [ ] 2027-01-31  milestone  First draft -> Write a book
          2027-Q2
            [ ] 2027-06-30  goal       Write a book
                                       role: Author

        SKILL GAPS
          writing  level 1 of 3, gap 2
            needed by: Write a book (at 3)
            help from: Sam

        OVERDUE
          2026-10-31  goal       Give a talk (25 days late)

        NEXT STEPS
          1. Finish goal "Give a talk" by 2026-10-31 (overdue)
          2. Reach milestone "First draft" for "Write a book" by 2027-01-31
          3. Raise "writing" from level 1 to 3 for "Write a book"; ask Sam

        MENTORS
          Sam: helps with writing
        """# + "\n"
        #expect(Report(plan: plan, today: today).render() == expected)
    }

    /// An overdue goal held up by a skill gap comes first in the next steps,
    /// ahead of later milestones, and its skill is not listed again.
    @Test func reportNextStepsPutAnOverdueGoalWaitingOnASkillFirst() {
        var interpreter = Interpreter(today: today)
        let outcomes = interpreter.run(Source(name: "late.plan", text: """
            skill writing level 1 target 4
            skill speaking level 2 target 3
            mentor Sam helps speaking
            goal "Finish the course" needs skill writing at 2 by 2026-10-31
            goal "Give a talk" needs skill speaking
            milestone "Draft" for "Give a talk" by 2027-01-31
            milestone "Rehearse" for "Give a talk" by 2027-02-28

            """))
        #expect(outcomes.isEmpty)
        let expected = """
            NEXT STEPS
              1. Raise "writing" from level 1 to 2 for "Finish the course", due 2026-10-31
                 (overdue)
              2. Reach milestone "Draft" for "Give a talk" by 2027-01-31
              3. Reach milestone "Rehearse" for "Give a talk" by 2027-02-28

            MENTORS
              Sam: helps with speaking

            """
        #expect(Report(plan: interpreter.plan, today: today).render().hasSuffix(expected))
        let fewer = interpreter.run(Source(name: "more.plan", text: "update milestone \"Rehearse\" done\n"))
        #expect(fewer.isEmpty)
        #expect(Report(plan: interpreter.plan, today: today).render().hasSuffix("""
              2. Reach milestone "Draft" for "Give a talk" by 2027-01-31
              3. Raise "speaking" from level 2 to 3 for "Give a talk"; ask Sam

            MENTORS
              Sam: helps with speaking

            """))
    }

    @Test func reportColorOnlyWhenAsked() {
        let plain = Report(plan: plan, today: today).render()
        let colored = Report(plan: plan, today: today, color: true).render()
        #expect(!plain.contains("\u{1B}"))
        #expect(colored.contains("\u{1B}[36mVISION\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[31m2026-10-31\u{1B}[0m  goal       Give a talk (25 days late)"))
        #expect(colored.contains("  1. family \u{1B}[33m(non-negotiable)\u{1B}[0m\n"))
        #expect(colored.contains("\u{1B}[31m1.\u{1B}[0m Finish goal \"Give a talk\" by 2026-10-31 \u{1B}[31m(overdue)\u{1B}[0m\n"))
    }

    @Test func reportWrapsLongTextToTheWidth() {
        var plan = Plan()
        plan.vision = String(repeating: "lead teams and ship tools ", count: 8) + String(repeating: "x", count: 100)
        let text = Report(plan: plan, today: today, width: 60).render()
        for line in text.split(separator: "\n") {
            #expect(line.count <= 60, "\(line)")
        }
        #expect(text.contains("\n  lead teams and ship tools lead teams and ship tools lead\n"))
    }

    /// A name or note written with `\n` or `\r\n` escapes is shown on one
    /// line; a lone CR, VT, FF, NEL or line separator is spelt out, as in
    /// every message, so that `"g\u{D}h"` does not read as `g h`.
    @Test func reportPutsLineBreaksInsideTextOnOneLine() {
        #expect(TextLayout.wrap("one\ntwo\r\nthree\rfour", first: 40, rest: 40) == [#"one two three\u{D}four"#])
        #expect(TextLayout.wrap("a\u{B}b\u{C}c\u{85}d\u{2028}e\u{2029}f\u{202E}g", first: 80, rest: 80)
                    == [#"a\u{B}b\u{C}c\u{85}d\u{2028}e\u{2029}f\u{202E}g"#])
    }

    /// The timeline's axis ends with the calendar: no year 10000.
    @Test func timelineStopsAtTheCalendarsEnd() {
        var interpreter = Interpreter(today: Day(ordinal: Day.latest.ordinal - 91))
        _ = interpreter.run(Source(name: "t.plan", text: "value a\ngoal \"G\" serves a by 9999-12\n"))
        let svg = SVGTimeline.render(interpreter.asOfToday, today: interpreter.today)
        #expect(svg.contains(">9999<"))
        #expect(!svg.contains("10000"))
    }

    /// Next steps quote each name as a string literal writes it: a quote
    /// inside the name cannot end the quotation early, nor a CR hide a part.
    @Test func nextStepsQuoteTheRealName() {
        var interpreter = Interpreter(today: today)
        _ = interpreter.run(Source(name: "t.plan", text: #"goal "say \"hi\" g\u{D}h""# + "\n"))
        let plan = interpreter.asOfToday
        let text = Report(plan: plan, today: today, width: 80).render()
        #expect(text.contains(#"1. Start goal "say \"hi\" g\u{D}h""#))
        let markdown = MarkdownExport.render(plan, today: today)
        #expect(markdown.contains(#"1. Start goal "say \\"hi\\" g\\u{D}h""#))
    }

    @Test func reportWrapsLongNamesToo() {
        var plan = Plan()
        var value = CoreValue(name: OutputFixtures.name(String(repeating: "very ", count: 20) + "long"))
        value.nonNegotiable = true
        plan.add(value)
        var skill = Skill(name: OutputFixtures.name(String(repeating: "deep ", count: 20) + "skill"))
        skill.explicitTarget = 2
        plan.add(skill)
        let text = Report(plan: plan, today: today).render()
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
        #expect(text.contains("\n    very very very very very long (non-negotiable)\n"))
        #expect(text.contains("\n    deep deep deep deep deep skill\n    level 0 of 2, gap 2\n"))
    }

    @Test func reportCountsWideCharactersAsTwoColumns() {
        var plan = Plan()
        plan.vision = String(repeating: "日本語", count: 20)
        let text = Report(plan: plan, today: today, width: 40).render()
        // 38 columns after the indent: 19 characters of two columns each.
        #expect(text.contains("\n  " + String(plan.vision?.prefix(19) ?? "") + "\n"))
    }

    @Test func reportOfAnEmptyPlanSaysSo() {
        let text = Report(plan: Plan(), today: today).render()
        #expect(text.contains("no vision yet"))
        #expect(text.contains("nothing is overdue"))
        #expect(text.contains("nothing left to do"))
    }

    @Test func markdown() {
        let expected = #"""
        # Career plan

        _As of 2026-11-25._

        ## Vision

        > Write things people keep, and be home for dinner

        ## Values

        | Priority | Value | Non-negotiable | Note | Goals |
        |---:|---|:---:|---|---|
        | 1 | family | yes | Home by 6pm | _none_ |
        | 2 | craft |  |  | Write a book, Give a talk |

        ## Timeline

        ### 2026-Q4

        - [ ] 2026-10-31 **Give a talk** **(overdue)**

        ### 2027-Q1

        - [ ] 2027-01-31 milestone _First draft_ for Write a book

        ### 2027-Q2

        - [ ] 2027-06-30 **Write a book**
          - Role: Author

        ## Skill gaps

        | Skill | Level | Target | Gap | Needed by | Help from |
        |---|---:|---:|---:|---|---|
        | writing | 1 | 3 | 2 | Write a book (at 3) | Sam |

        ## Overdue

        | Due | Kind | Name | Days late |
        |---|---|---|---:|
        | 2026-10-31 | goal | Give a talk | 25 |

        ## Next steps

        1. Finish goal "Give a talk" by 2026-10-31 **(overdue)**
        2. Reach milestone "First draft" for "Write a book" by 2027-01-31
        3. Raise "writing" from level 1 to 3 for "Write a book"; ask Sam

        ## Contacts

        | Person | Mentor | Organisation | Role | Helps with | Every | Last met | Tags | Note |
        |---|:---:|---|---|---|---|---|---|---|
        | Sam | yes |  |  | writing |  |  |  |  |
        """# + "\n"
        #expect(MarkdownExport.render(plan, today: today) == expected)
    }

    @Test func markdownEscapesMarkup() {
        #expect(MarkdownExport.escape("a|b *c* <d>") == #"a\|b \*c\* \<d\>"#)
        #expect(MarkdownExport.escape("two\nlines\r\nhere") == "two lines here")
        #expect(MarkdownExport.escape("g\rh\u{B}i\u{C}j\u{85}k\u{2028}l\u{202E}m")
                    == #"g\\u{D}h\\u{B}i\\u{C}j\\u{85}k\\u{2028}l\\u{202E}m"#)
        #expect(MarkdownExport.escapeLine("# not a heading") == ##"\# not a heading"##)
        #expect(MarkdownExport.escapeLine("1. not a list") == #"1\. not a list"#)
    }

    /// The whole export: every member of every kind, in the order written.
    @Test func theJSONExportMatchesItsGoldenFile() throws {
        try GoldenFile.check(JSONExport.render(plan, today: today), against: "small-export.json")
    }

    @Test func graphviz() {
        let expected = #"""
        digraph plan {
          rankdir=LR;
          node [fontname="Helvetica", fontsize=11, style=filled, fillcolor="#ffffff"];
          edge [fontname="Helvetica", fontsize=9, color="#555555"];
          "value:family" [label="family\npriority 1", shape=diamond, fillcolor="#fde2b8"];
          "value:craft" [label="craft\npriority 2", shape=diamond, fillcolor="#fff3d6"];
          "skill:writing" [label="writing\nlevel 1 of 3", shape=ellipse, fillcolor="#dbe9fb"];
          "goal:Write a book" [label="Write a book\nAuthor\nby 2027-06-30", shape=box, style="rounded,filled", fillcolor="#ffffff"];
          "goal:Give a talk" [label="Give a talk\nby 2026-10-31", shape=box, style="rounded,filled", fillcolor="#f8d0cc"];
          "milestone:First draft" [label="First draft\n2027-01-31", shape=hexagon, fillcolor="#f3e5f5"];
          "mentor:Sam" [label="Sam", shape=plain, style=""];

          "goal:Write a book" -> "skill:writing" [label="at 3"];
          "goal:Write a book" -> "value:craft" [style=dashed];
          "goal:Give a talk" -> "value:craft" [style=dashed];
          "milestone:First draft" -> "goal:Write a book" [style=dotted];
          "mentor:Sam" -> "skill:writing" [style=dotted, arrowhead=empty];
        }
        """# + "\n"
        #expect(Graphviz.render(plan, today: today) == expected)
    }

    /// An overdue milestone is marked like an overdue goal, in red.
    @Test func graphvizMarksOverdueMilestones() throws {
        let later = try #require(Day(year: 2027, month: 2, day: 1))
        #expect(Graphviz.render(plan, today: later).contains(
            ##""milestone:First draft" [label="First draft\n2027-01-31", shape=hexagon, fillcolor="#f8d0cc"];"##))
    }

    @Test func graphvizQuotesEveryID() {
        #expect(Graphviz.quote(#"say "hi" \N"#) == #""say \"hi\" \\N""#)
        #expect(Graphviz.quote("two\nlines") == #""two\nlines""#)
        // Found by the REPL fuzz target: a NUL or an escape went into the DOT raw.
        #expect(Graphviz.quote("a\u{1B}[2Jb\u{0}\u{9B}\tc") == #""a\\u{1B}[2Jb\\u{0}\\u{9B}"# + "\tc\"")
    }

    @Test func iCalendar() {
        let expected = #"""
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//plan//plan career plan//EN
        CALSCALE:GREGORIAN
        BEGIN:VTODO
        UID:goal-2d68c9181d2afeab@plan
        DTSTAMP:20261125T000000Z
        DUE;VALUE=DATE:20270630
        SUMMARY:Write a book
        DESCRIPTION:Role: Author\nNeeds: writing at 3
        STATUS:NEEDS-ACTION
        CATEGORIES:craft
        END:VTODO
        BEGIN:VTODO
        UID:goal-8422cf22accae10e@plan
        DTSTAMP:20261125T000000Z
        DUE;VALUE=DATE:20261031
        SUMMARY:Give a talk
        STATUS:NEEDS-ACTION
        CATEGORIES:craft
        END:VTODO
        BEGIN:VTODO
        UID:milestone-b669d1fe4d8f3590@plan
        DTSTAMP:20261125T000000Z
        DUE;VALUE=DATE:20270131
        SUMMARY:First draft
        DESCRIPTION:Milestone for Write a book
        RELATED-TO:goal-2d68c9181d2afeab@plan
        STATUS:NEEDS-ACTION
        CATEGORIES:craft
        END:VTODO
        END:VCALENDAR
        """# + "\n"
        let text = ICalendar.render(plan, today: today)
        #expect(text.replacingOccurrences(of: "\r\n", with: "\n") == expected)
        #expect(text.utf8.count == expected.utf8.count + expected.filter { $0 == "\n" }.count)
    }

    @Test func iCalendarEscapesText() {
        #expect(ICalendar.escape("a\\b;c,d\ne") == #"a\\b\;c\,d\ne"#)
        #expect(ICalendar.escape("a\u{1B}b\u{7F}c\u{9B}d\u{85}e\tf") == "abcde\tf")
    }

    @Test func iCalendarFoldsAt75OctetsWithoutSplittingUTF8() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count == 2)
        for piece in pieces {
            #expect(piece.utf8.count <= 75)
        }
        // 8 octets of name, then 33 two-octet letters: 74, as the 75th would split one.
        #expect(pieces.first?.utf8.count == 74)
        #expect(pieces.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(pieces.joined().replacingOccurrences(of: " ", with: "") == line.replacingOccurrences(of: " ", with: ""))
        #expect(ICalendar.fold("SHORT:x") == "SHORT:x")
    }

    @Test func iCalendarUIDsAreStableAndKindSpecific() {
        #expect(ICalendar.uid(.goal, "Write a book") == ICalendar.uid(.goal, "Write a book"))
        #expect(ICalendar.uid(.goal, "Write a book") != ICalendar.uid(.milestone, "Write a book"))
        #expect(ICalendar.uid(.goal, "Write a book").hasPrefix("goal-"))
        #expect(ICalendar.uid(.goal, "Write a book").hasSuffix("@plan"))
        #expect(ICalendar.uid(.goal, "Write a book").count == "goal-".count + 16 + "@plan".count)
    }

    @Test func planSource() {
        let expected = #"""
        vision "Write things people keep, and be home for dinner"

        value family priority 1 non-negotiable note "Home by 6pm"
        value craft  priority 2

        skill writing level 1 target 3

        goal "Write a book"
            role "Author"
            needs skill writing
            serves craft
            by 2027-06-30

        goal "Give a talk"
            serves craft
            by 2026-10-31

        milestone "First draft" for "Write a book" by 2027-01-31

        mentor Sam helps writing
        """# + "\n"
        #expect(PlanWriter.render(plan) == expected)
    }

    @Test func planSourceQuotesKeywordsAndOddNames() {
        let text = PlanWriter.render(OutputFixtures.awkward)
        #expect(text.contains(#"value "work; life, balance" priority 1"#))
        #expect(text.contains(#"skill "C\\C++ \"systems\"" level 1 target 4"#))
        #expect(text.contains(#"mentor "Dr. O'Brien & co" helps "C\\C++ \"systems\"" note "line one\nline two""#))
        #expect(PlanWriter.render(OutputFixtures.career).contains("    serves impact, learning\n"))
    }

    @Test(arguments: [OutputFixtures.small, OutputFixtures.career, OutputFixtures.awkward, Plan()])
    func planSourceRunsBackToTheSamePlan(plan: Plan) {
        let text = PlanWriter.render(plan)
        var interpreter = Interpreter(today: today)
        let outcomes = interpreter.run(Source(name: "saved.plan", text: text))
        #expect(outcomes.isEmpty)
        #expect(interpreter.check().filter { $0.severity == .error }.isEmpty)
        #expect(PlanWriter.render(interpreter.plan) == text)
        #expect(JSONExport.render(interpreter.plan, today: today) == JSONExport.render(plan, today: today))
    }

    @Test func planSourceKeepsAssertions() {
        var interpreter = Interpreter(today: today)
        let source = """
            goal "Lead" by 2027-Q2
            assert count(goals where due < today + 6 months and not done) == 0 or -(1 + 2) * 3 < 0 "catch up first"

            """
        #expect(interpreter.run(Source(name: "a.plan", text: source)).isEmpty)
        #expect(PlanWriter.render(interpreter.plan) == """
            goal Lead by 2027-06-30

            assert count(goals where due < today + 6 months and not done) == 0 or -(1 + 2) * 3 < 0 "catch up first"

            """)
    }

    @Test func planSourceIsFormatterClean() {
        let text = PlanWriter.render(OutputFixtures.career)
        #expect(Formatter.format(Source(name: "saved.plan", text: text)).text == text)
    }

    @Test func expressionPrinterUsesMinimalParentheses() {
        func e(_ kind: ExprKind) -> Expr { Expr(kind, .none) }
        func binary(_ op: BinaryOperator, _ left: Expr, _ right: Expr) -> Expr { e(.binary(op, left, right, operatorRange: .none)) }
        let a = e(.identifier("a"))
        let b = e(.identifier("b"))
        let c = e(.identifier("c"))
        #expect(SourceWriter.expression(binary(.multiply, binary(.add, a, b), c)) == "(a + b) * c")
        #expect(SourceWriter.expression(binary(.add, a, binary(.multiply, b, c))) == "a + b * c")
        #expect(SourceWriter.expression(binary(.subtract, a, binary(.subtract, b, c))) == "a - (b - c)")
        #expect(SourceWriter.expression(e(.unary(.not, e(.logical(.and, a, b, operatorRange: .none))))) == "not (a and b)")
        let query = e(.query(e(.collection(.goal, spelled: .goals)), [QueryClause(.where(binary(.less, e(.field(a, name: "due", nameRange: .none)), e(.today))), .none)]))
        #expect(SourceWriter.expression(e(.call(name: "count", nameRange: .none, arguments: [query]))) == "count(goals where a.due < today)")
    }

    /// An overdue milestone's diamond is outlined in red and says so in its tooltip.
    @Test func svgMarksOverdueMilestones() throws {
        let later = try #require(Day(year: 2027, month: 2, day: 1))
        let drawn = SVGTimeline.render(plan, today: later)
        #expect(drawn.contains("<title>First draft (overdue since 2027-01-31)</title>"))
        #expect(drawn.contains("fill=\"#fff\" stroke=\"#c0392b\" stroke-width=\"2\"/>"))
        let before = SVGTimeline.render(plan, today: today)
        #expect(before.contains("<title>First draft (due 2027-01-31)</title>"))
        #expect(before.contains("fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.5\"/>"))
        #expect(!before.contains("fill=\"#fff\" stroke=\"#c0392b\""))
    }

    @Test func svgIsDeterministicAndEscaped() {
        var plan = self.plan
        plan.vision = "Tom & Jerry <3 \"quotes\""
        let first = SVGTimeline.render(plan, today: today)
        #expect(first == SVGTimeline.render(plan, today: today))
        #expect(first.contains("Tom &amp; Jerry &lt;3 &quot;quotes&quot;"))
        #expect(first.contains("viewBox=\"0 0 1000 "))
        #expect(first.contains(">today 2026-11-25</text>"))
        #expect(first.contains(">craft</text>"))
        #expect(SVGWriter.escape("a\u{1B}b\u{7F}c\u{9B}d\u{85}e\tf") == "abcde\tf")
    }

    /// A goal's bar begins at its declared `start`, not today.
    @Test func svgBarsBeginAtADeclaredStart() throws {
        func barLeft(_ text: String) throws -> Double {
            var interpreter = Interpreter(today: today)
            _ = interpreter.run(Source(name: "t.plan", text: text))
            let drawn = SVGTimeline.render(interpreter.asOfToday, today: today)
            // Rows go by due date: the last bar is the later goal's.
            let bar = try #require(drawn.split(separator: "<rect ").last { $0.contains("height=\"14\" rx=\"4\"") })
            let x = try #require(bar.split(separator: "\"").dropFirst().first)
            return try #require(Double(String(x)))
        }
        let fromToday = try barLeft("goal Later by 2027-12-31\ngoal Soon by 2027-01-31\n")
        let declared = try barLeft("goal Later start 2027-06-01 by 2027-12-31\ngoal Soon by 2027-01-31\n")
        #expect(fromToday < declared)
    }
}
