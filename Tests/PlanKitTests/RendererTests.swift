import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct RendererTests {
    /// A source map holding `text` as `name`, and the range of the first `needle` in it.
    private func setup(_ text: String, name: String = "career.plan", needle: String) throws -> (SourceMap, SourceRange) {
        var sources = SourceMap()
        let id = sources.add(Source(name: name, text: text))
        let bytes = Array(text.utf8)
        let target = Array(needle.utf8)
        let start = try #require((0...(bytes.count - target.count)).first { Array(bytes[$0..<$0 + target.count]) == target })
        return (sources, SourceRange(source: id, start: start, end: start + target.count))
    }

    @Test func singleLineSpanWithHint() throws {
        let text = String(repeating: "# filler\n", count: 13) + "    needs skill \"strategic planing\"\n"
        let (sources, range) = try setup(text, needle: "\"strategic planing\"")
        let diagnostic = Diagnostic.error(.unknownSkill, "unknown skill \"strategic planing\"", at: range,
                                          hint: "did you mean \"strategic planning\"?")
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:14:17: error[E012]: unknown skill "strategic planing"
               |
            14 |     needs skill "strategic planing"
               |                 ^^^^^^^^^^^^^^^^^^^ did you mean "strategic planning"?

            """)
    }

    @Test func tabCountsAsOneColumnAndIsDrawnAsFourSpaces() throws {
        let (sources, range) = try setup("goal \"A\"\n\tserves helth\n", needle: "helth")
        let diagnostic = Diagnostic.error(.unknownValue, "unknown value \"helth\"", at: range)
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:2:9: error[E013]: unknown value "helth"
              |
            2 |     serves helth
              |            ^^^^^

            """)
    }

    @Test func multiByteCharactersBeforeTheSpan() throws {
        let (sources, range) = try setup("value \"Café\" priority x\n", needle: "x")
        let diagnostic = Diagnostic.error(.syntax, "expected a number after priority", at: range)
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:1:23: error[E001]: expected a number after priority
              |
            1 | value "Café" priority x
              |                       ^

            """)
    }

    @Test func wideCharactersTakeTwoColumnsOnScreen() throws {
        let (sources, range) = try setup("goal \"出海🚀\" by soon\n", needle: "soon")
        let diagnostic = Diagnostic.error(.invalidDate, "expected a date", at: range)
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:1:15: error[E005]: expected a date
              |
            1 | goal "出海🚀" by soon
              |                  ^^^^

            """)
    }

    @Test func spanAtEndOfInputPointsPastTheLastCharacter() throws {
        var sources = SourceMap()
        let text = "goal \"X\" by\n"
        let id = sources.add(Source(name: "career.plan", text: text))
        let end = text.utf8.count
        let diagnostic = Diagnostic.error(.syntax, "expected a date after by", at: SourceRange(source: id, start: end, end: end))
        let renderer = DiagnosticRenderer(sources: sources)
        #expect(renderer.render(diagnostic) == """
            career.plan:1:12: error[E001]: expected a date after by
              |
            1 | goal "X" by
              |            ^

            """)
        #expect(renderer.json(diagnostic).serialized() == """
            {"file":"career.plan","line":1,"column":12,"end_line":1,"end_column":12,"severity":"error","code":"E001","message":"expected a date after by","hint":null}
            """)
    }

    @Test func spanRunningPastItsLineStopsAtTheLineEnd() throws {
        let (sources, range) = try setup("x = [1,\n  2\n", needle: "[1,\n  2")
        let diagnostic = Diagnostic.warning(.goalWithoutDate, "a list", at: range)
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:1:5: warning[W001]: a list
              |
            1 | x = [1,
              |     ^^^

            """)
    }

    @Test func notesFollowWithTheirOwnExcerpt() throws {
        let text = "goal \"Lead\"\n" + String(repeating: "\n", count: 9) + "goal \"Lead\"\n"
        var sources = SourceMap()
        let id = sources.add(Source(name: "career.plan", text: text))
        let first = SourceRange(source: id, start: 5, end: 11)
        let second = SourceRange(source: id, start: 26, end: 32)
        let diagnostic = Diagnostic.error(.duplicate, "goal \"Lead\" is already declared", at: second,
                                          hint: "to change it: update goal \"Lead\" ...",
                                          notes: [.init("first declared here", at: first)])
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            career.plan:11:6: error[E020]: goal "Lead" is already declared
               |
            11 | goal "Lead"
               |      ^^^^^^ to change it: update goal "Lead" ...
            career.plan:1:6: note: first declared here
               |
             1 | goal "Lead"
               |      ^^^^^^

            """)
    }

    @Test func diagnosticWithoutPlaceHasNoExcerpt() {
        let diagnostic = Diagnostic.error(.includeFailed, "cannot read x.plan: no such file or directory", at: .none)
        let renderer = DiagnosticRenderer(sources: SourceMap())
        #expect(renderer.render(diagnostic) == "plan: error[E040]: cannot read x.plan: no such file or directory\n")
        #expect(renderer.json(diagnostic).serialized() == """
            {"file":null,"line":null,"column":null,"end_line":null,"end_column":null,"severity":"error","code":"E040","message":"cannot read x.plan: no such file or directory","hint":null}
            """)
    }

    @Test func hintAndNoteWithoutPlace() {
        let diagnostic = Diagnostic.error(.includeCycle, "include cycle", at: .none, hint: "remove one include",
                                          notes: [.init("included from the command line", at: .none)])
        #expect(DiagnosticRenderer(sources: SourceMap()).render(diagnostic) == """
            plan: error[E041]: include cycle
            hint: remove one include
            plan: note: included from the command line

            """)
    }

    @Test func jsonKeepsKeysInOrderWithTheHint() throws {
        let (sources, range) = try setup("goal \"A\" serves helth\n", needle: "helth")
        let diagnostic = Diagnostic.error(.unknownValue, "unknown value \"helth\"", at: range, hint: "did you mean \"health\"?")
        #expect(DiagnosticRenderer(sources: sources).json(diagnostic).serialized() == """
            {"file":"career.plan","line":1,"column":17,"end_line":1,"end_column":22,"severity":"error","code":"E013","message":"unknown value \\"helth\\"","hint":"did you mean \\"health\\"?"}
            """)
    }

    @Test func colorsSeverityGutterAndHint() throws {
        let (sources, range) = try setup("goal \"A\"\n", needle: "goal")
        let diagnostic = Diagnostic.warning(.goalWithoutDate, "goal \"A\" has no date", at: range, hint: "add by DATE")
        let esc = "\u{1B}["
        #expect(DiagnosticRenderer(sources: sources, color: true).render(diagnostic) == """
            \(esc)1mcareer.plan:1:1:\(esc)0m \(esc)1;33mwarning[W001]\(esc)0m\(esc)1m: goal "A" has no date\(esc)0m
            \(esc)1;34m  |\(esc)0m
            \(esc)1;34m1 |\(esc)0m goal "A"
            \(esc)1;34m  |\(esc)0m \(esc)1;33m^^^^\(esc)0m \(esc)36madd by DATE\(esc)0m

            """)
    }
}

@Suite struct RendererLongLineTests {
    @Test func longLineIsCutAroundTheSpan() {
        let text = "x = \"" + String(repeating: "a", count: 300) + "\" + 1 + " + String(repeating: "b", count: 300) + "\n"
        var sources = SourceMap()
        let id = sources.add(Source(name: "long.plan", text: text))
        let plus = 4 + 1 + 300 + 2
        let diagnostic = Diagnostic.error(.typeMismatch, "cannot add string and number", at: SourceRange(source: id, start: plus, end: plus + 1))
        let a = String(repeating: "a", count: 58)
        let b = String(repeating: "b", count: 55)
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            long.plan:1:308: error[E030]: cannot add string and number
              |
            1 | ...\(a)" + 1 + \(b)...
              |    \(String(repeating: " ", count: 60))^

            """)
    }

    @Test func longSpanIsCutToo() {
        let text = String(repeating: "é", count: 400) + "\n"
        var sources = SourceMap()
        let id = sources.add(Source(name: "long.plan", text: text))
        let diagnostic = Diagnostic.error(.syntax, "unexpected text", at: SourceRange(source: id, start: 0, end: text.utf8.count))
        #expect(DiagnosticRenderer(sources: sources).render(diagnostic) == """
            long.plan:1:1: error[E001]: unexpected text
              |
            1 | \(String(repeating: "é", count: 50))...
              | \(String(repeating: "^", count: 50))

            """)
    }
}
