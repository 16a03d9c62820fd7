import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// `fmt` lines up the clauses of consecutive one-line declarations of one
/// kind into columns, as gofmt lines up struct fields (docs/formatter.md).
@Suite struct FormatterAlignmentTests {
    /// `input` formats to exactly `expected`, and `expected` is its own
    /// format: the alignment is a fixpoint.
    private func expectFormat(_ input: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let once = Formatter.format(Source(name: "test.plan", text: input)).text
        #expect(once == expected, sourceLocation: sourceLocation)
        let twice = Formatter.format(Source(name: "expected.plan", text: expected)).text
        #expect(twice == expected, "not a fixpoint", sourceLocation: sourceLocation)
    }

    @Test func eachClauseStartsInOneColumn() {
        expectFormat("""
            value family priority 1 non-negotiable note "Home by 6pm"
            value health     priority 2   non-negotiable
            value impact priority 3
            value learning priority 4
            skill "project management" target 4 level 2
            skill writing level 3 target 4
            skill "strategic planning" level 1

            """, """
            value family   priority 1 non-negotiable note "Home by 6pm"
            value health   priority 2 non-negotiable
            value impact   priority 3
            value learning priority 4
            skill "project management" level 2 target 4
            skill writing              level 3 target 4
            skill "strategic planning" level 1

            """)
    }

    /// A clause a line lacks leaves its column empty, so the clauses after
    /// it still line up; a column is as far right as its longest line needs.
    @Test func missingClausesKeepTheOthersInTheirColumns() {
        expectFormat("""
            value family priority 1 non-negotiable note "Home"
            value health non-negotiable
            value craft note "Less, better"
            value impact priority 10 note "Ship"
            milestone "Spec" for Launch by 2027-01 done
            milestone "Beta for everyone" for "Launch the app" by 2027-03-31
            milestone Launch for "Launch the app" by 2027-Q2

            """, """
            value family priority 1 non-negotiable note "Home"
            value health            non-negotiable
            value craft                            note "Less, better"
            value impact priority 10               note "Ship"
            milestone Spec                for Launch           by 2027-01 done
            milestone "Beta for everyone" for "Launch the app" by 2027-03-31
            milestone Launch              for "Launch the app" by 2027-Q2

            """)
    }

    /// Lines with no clause in common stay as they are.
    @Test func linesWithNoClauseInCommonAreNotPadded() {
        expectFormat("""
            log 2026-11-03 "Ran the launch retro" for "Lead a product launch" hours 3
            log 2026-11-10 met "Jordan Lee"
            value health non-negotiable
            value "family first" priority 1

            """, """
            log 2026-11-03 "Ran the launch retro" for "Lead a product launch" hours 3
            log 2026-11-10 met "Jordan Lee"
            value health non-negotiable
            value "family first" priority 1

            """)
    }

    /// Columns count what a terminal shows: a CJK character takes two, an
    /// accented letter one.
    @Test func wideAndAccentedNamesAlignByDisplayWidth() {
        expectFormat("""
            skill "日本語" level 1 target 3
            skill "café" level 2 target 4
            skill writing level 3
            value "Ça va" priority 1
            value "家族" priority 2

            """, """
            skill "日本語" level 1 target 3
            skill "café"   level 2 target 4
            skill writing  level 3
            value "Ça va" priority 1
            value "家族"  priority 2

            """)
    }

    /// A blank line, a comment line, a line of another kind or a goal laid
    /// out over several lines ends a block; a trailing comment does not.
    @Test func blocksEndAtBlankLinesCommentsAndOtherKinds() {
        expectFormat("""
            value a priority 1
            value bbbbbb priority 2  # second

            value cc priority 3
            # a comment
            value dddd priority 4; value e priority 5 # fifth
            skill x level 1
            value ffffffff priority 6
            goal A by 2027-06
            goal "Longer name" by 2027-Q4
            goal C serves x by 2028-01
            goal D by 2029-01
            update value a note "x"
            update value bbbbbb note "y"
            value g note "z"

            """, """
            value a      priority 1
            value bbbbbb priority 2  # second

            value cc priority 3
            # a comment
            value dddd priority 4
            value e    priority 5  # fifth
            skill x level 1
            value ffffffff priority 6
            goal A             by 2027-06
            goal "Longer name" by 2027-Q4
            goal C
                serves x
                by 2028-01
            goal D by 2029-01
            update value a      note "x"
            update value bbbbbb note "y"
            value g note "z"

            """)
    }

    /// Mentors and contacts are one kind: their clauses share columns.
    @Test func mentorsAndContactsAlignTogether() {
        expectFormat("""
            mentor "Jordan Lee" helps planning every 1 month
            contact Ana at "Acme" every 6 weeks
            contact "Sam Oduya" every 2 months

            """, """
            mentor "Jordan Lee" helps planning every 1 month
            contact Ana at "Acme"              every 6 weeks
            contact "Sam Oduya"                every 2 months

            """)
    }

    /// A `needs` list long enough to wrap keeps its own layout, and the
    /// declarations around it line up without it.
    @Test func aWrappedDeclarationStandsAlone() {
        expectFormat("""
            goal A by 2027-06
            goal B needs skill "aaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "cccccccccccccccccccccccccccc", "dddddddddd"
            goal CC by 2027-06
            goal DDDD by 2027-09

            """, """
            goal A by 2027-06
            goal B needs skill aaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,
                        cccccccccccccccccccccccccccc, dddddddddd
            goal CC   by 2027-06
            goal DDDD by 2027-09

            """)
    }
}

/// The examples the README and the specification's taste show are
/// already in the form `plan fmt` gives, so `plan fmt --check` passes on them.
@Suite struct FormattedExamplesTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The ```plan fenced blocks of a markdown text.
    private static func planBlocks(in markdown: String) -> [String] {
        var blocks: [String] = []
        var open: String?
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if let block = open {
                if line.hasPrefix("```") {
                    blocks.append(block)
                    open = nil
                } else {
                    open = block + line + "\n"
                }
            } else if line == "```plan" {
                open = ""
            }
        }
        return blocks
    }

    @Test func theReadmeExampleIsFormatted() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.planBlocks(in: readme)
        #expect(!blocks.isEmpty)
        for block in blocks {
            #expect(Formatter.format(Source(name: "README.md", text: block)).text == block)
        }
    }

    /// docs/formatter.md's transcript is what `fmt` prints, and its
    /// example of columns is already formatted.
    @Test func theFormatterDocsAreReal() throws {
        let docs = try String(contentsOf: Self.root.appendingPathComponent("docs/formatter.md"), encoding: .utf8)
        let input = try #require(docs.range(of: "$ cat career.plan\n"))
        let command = try #require(docs.range(of: "$ plan fmt career.plan\n", range: input.upperBound..<docs.endIndex))
        let check = try #require(docs.range(of: "$ plan fmt --check", range: command.upperBound..<docs.endIndex))
        let formatted = Formatter.format(Source(name: "career.plan", text: String(docs[input.upperBound..<command.lowerBound])))
        #expect(formatted.text == String(docs[command.upperBound..<check.lowerBound]))

        let columns = try #require(docs.range(of: "## Columns\n"))
        let open = try #require(docs.range(of: "```\n", range: columns.upperBound..<docs.endIndex))
        let close = try #require(docs.range(of: "```\n", range: open.upperBound..<docs.endIndex))
        let example = String(docs[open.upperBound..<close.lowerBound])
        #expect(Formatter.format(Source(name: "columns.plan", text: example)).text == example)
    }

    /// The first example of the product's specification, kept as it
    /// stands in Tests/Fixtures/taste.plan so that the package needs
    /// nothing outside it.
    @Test func theSpecTasteIsFormatted() throws {
        let fixture = Self.root.appendingPathComponent("Tests/Fixtures/taste.plan")
        let taste = try String(contentsOf: fixture, encoding: .utf8)
        #expect(taste.contains("goal \"Become head of product\""))
        #expect(Formatter.format(Source(name: "taste.plan", text: taste)).text == taste)
    }
}
