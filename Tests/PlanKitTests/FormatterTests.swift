import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

private func format(_ text: String) -> String? {
    Formatter.format(Source(name: "test.plan", text: text)).text
}

@Suite struct FormatterTests {
    @Test func layoutIsCanonical() {
        let messy = """
        #!/usr/bin/env plan
        vision   "Lead product teams"
        value family non-negotiable   priority 1 note "Home by 6pm"


        value impact priority 3 ;value learning priority 4
        skill "strategic planning" target 3 level 1
        goal "Lead a product launch" by 2027-q2 serves impact,learning
              role "Product Lead"
              needs skill "project management", "stakeholder communication" at 4, "strategic planning"
        goal "Small" by 2027-06
        milestone "Shadow a launch" by 2027-01-15 for "Lead a product launch"   done
        goals where due<today+6  months and not done sort by due desc
        (goal "Small").due
        """
        #expect(format(messy) == """
        #!/usr/bin/env plan
        vision "Lead product teams"
        value family priority 1 non-negotiable note "Home by 6pm"

        value impact   priority 3
        value learning priority 4
        skill "strategic planning" level 1 target 3
        goal "Lead a product launch"
            role "Product Lead"
            needs skill "project management", "stakeholder communication" at 4,
                        "strategic planning"
            serves impact, learning
            by 2027-Q2
        goal Small by 2027-06
        milestone "Shadow a launch" for "Lead a product launch" by 2027-01-15 done
        goals where due < today + 6 months and not done sort by due desc
        (goal Small).due

        """)
    }

    /// A number is written so that it reads back (`1e-07` would not lex);
    /// a bidi override in a string is written as its escape, the same string.
    @Test func numbersAndHiddenCharactersReadBack() {
        let text = "capacity 0.0000001 hours per week\nvalue \"a\u{202E}b\u{2028}c\"\n"
        #expect(format(text) == "capacity 0.0000001 hours per week\nvalue \"a\\u{202E}b\\u{2028}c\"\n")
        #expect(format(format(text) ?? "") == format(text))
    }

    @Test func commentsStayWhereTheyWere() {
        let text = """
        # Who I am
        vision "Teach"  # for now

        goal "Write a book"
            # the part that scares me
            by 2028-Q4
            serves craft  # and money
        # trailing thoughts
        """
        #expect(format(text) == """
        # Who I am
        vision "Teach"  # for now

        goal "Write a book"
            serves craft  # and money
            # the part that scares me
            by 2028-Q4
        # trailing thoughts

        """)
    }

    /// A trailing comment stays with what it followed: the clause that
    /// ended its line when a goal is split a clause a line, the name on a
    /// goal's first line, the last of several statements on one line.
    @Test(arguments: [
        ("goal A by 2027-06 serves x  # soon\n", "goal A\n    serves x  # soon\n    by 2027-06\n"),
        ("goal A serves x by 2027-06 done # finished\n", "goal A\n    serves x\n    by 2027-06\n    done  # finished\n"),
        ("goal A by 2027-06 # firm\n    serves x, y  # why\n    role \"r\"\n",
         "goal A\n    role \"r\"\n    serves x, y  # why\n    by 2027-06  # firm\n"),
        ("goal A  # the big one\n    by 2027-06\n    serves x\n", "goal A  # the big one\n    serves x\n    by 2027-06\n"),
        ("goal A # the big one\n    by 2027-06\n", "goal A  # the big one\n    by 2027-06\n"),
        ("value a; value b  # about b\n", "value a\nvalue b  # about b\n"),
        ("goal A serves x by 2027-06; value v  # about v\n", "goal A\n    serves x\n    by 2027-06\nvalue v  # about v\n"),
    ])
    func trailingCommentsStayWithWhatTheyFollowed(input: String, expected: String) {
        #expect(format(input) == expected)
        #expect(format(expected) == expected)
    }

    @Test func expressionsKeepTheirMeaning() {
        #expect(format("(1 + 2) * 3\n1 + 2 * 3\nnot (a and b)\n-(1 + 2)\n(goals where done) select name\n")
            == "(1 + 2) * 3\n1 + 2 * 3\nnot (a and b)\n-(1 + 2)\n(goals where done) select name\n")
        #expect(format("(goal \"A\") == (goal \"B\")\n") == "(goal A == goal B)\n")
        #expect(format("count( goals where serves==[ ] )\n") == "count(goals where serves == [])\n")
        #expect(format("let  soon=today+90 days\nassert count(goals)>0   \"write one\"\n")
            == "let soon = today + 90 days\nassert count(goals) > 0 \"write one\"\n")
    }

    @Test func namesAreQuotedOnlyWhenTheyMustBe() {
        #expect(format("skill \"writing\"\nskill \"public speaking\"\nvalue \"impact\"\nvalue \"and\"\n")
            == "skill writing\nskill \"public speaking\"\nvalue impact\nvalue \"and\"\n")
        #expect(format("let note_to_self = \"tab\\there \\u{1F600}\"\n") == "let note_to_self = \"tab\\there 😀\"\n")
    }

    @Test func isIdempotent() throws {
        let text = """
        value family priority 1 non-negotiable
        goal "A" needs skill x at 2, y serves family by 2027-06 # soon
        goal "B" after "A" by 2027-Q4 done note "n"
        skills where gap > 0 sort by gap desc
        """
        let once = try #require(format(text))
        #expect(format(once) == once)
    }

    @Test func refusesInputWithErrors() {
        let result = Formatter.format(Source(name: "bad.plan", text: "goal \"A\" by 2027-02-30\n"))
        #expect(result.text == nil)
        #expect(result.diagnostics.map(\.code) == [.invalidDate])
    }
}

@Suite struct FormatterPropertyTests {
    /// On hundreds of generated plans: the input parses, fmt's output parses,
    /// and fmt of fmt changes nothing.
    @Test func generatedPlansFormatIdempotently() throws {
        var generator = PlanGenerator(random: SplitMix64(seed: 2026))
        for _ in 0..<300 {
            let text = generator.plan()
            let result = Formatter.format(Source(name: "generated.plan", text: text))
            let formatted = try #require(result.text, "generated plan does not parse: \(result.diagnostics.map(\.message))\n\(text)")
            #expect(format(formatted) == formatted, "not idempotent for:\n\(text)")
        }
    }
}
