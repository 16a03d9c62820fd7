import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Each request an editor makes, on small plans with CJK, emoji and
/// combining characters in their names.
@Suite struct LSPFeatureTests {
    static let uri = "file:///plans/career.plan"
    static let plan = """
        vision "v"
        value "成長"
        skill "rust 🦀" level 1 target 3
        goal "Lead 名前" by 2027-06-30 serves "成長" effort 120 hours
          needs skill "rust 🦀" at 3
        milestone "Draft" for "Lead 名前" by 2027-03-01
        goal "Talk" by 2027-09 after "Lead 名前" serves "成長"

        """

    static func opened(_ text: String = plan, files: [String: String] = [:]) -> LSPClient {
        let client = LSPClient(files: files)
        client.initialize()
        _ = client.open(uri, text)
        return client
    }

    @Test func definitionGoesFromAReferenceToTheDeclaration() {
        let client = Self.opened()
        // Line 6, `after "Lead 名前"`: the name starts at UTF-16 character 29.
        let location = client.at("textDocument/definition", Self.uri, 6, 33)
        #expect(location == .object([("uri", .string(Self.uri)), ("range", LSPClient.range(3, 5, 3, 14))]))
        // `needs skill "rust 🦀"` on line 4 to the skill on line 2.
        #expect(client.at("textDocument/definition", Self.uri, 4, 16)?["range"] == LSPClient.range(2, 6, 2, 15))
        // A keyword is no name.
        #expect(client.at("textDocument/definition", Self.uri, 6, 0) == .null)
    }

    @Test func definitionOfAnIncludeIsItsFile() {
        let client = Self.opened("include \"parts/skills.plan\"\n", files: ["/plans/parts/skills.plan": "value x\n"])
        #expect(client.at("textDocument/definition", Self.uri, 0, 12) == .object([
            ("uri", .string("file:///plans/parts/skills.plan")), ("range", LSPClient.range(0, 0, 0, 0)),
        ]))
    }

    @Test func referencesListTheDeclarationAndEveryClauseNamingIt() {
        let client = Self.opened()
        let found = client.at("textDocument/references", Self.uri, 3, 8, extra: [("context", .object([("includeDeclaration", .bool(true))]))])
        #expect(found?.array?.compactMap { $0["range"] } == [
            LSPClient.range(3, 5, 3, 14), LSPClient.range(5, 22, 5, 31), LSPClient.range(6, 29, 6, 38),
        ])
    }

    @Test func renameEditsEveryPlaceAndIsRefusedWhenTheNameIsTaken() throws {
        let client = Self.opened()
        let edit = client.at("textDocument/rename", Self.uri, 1, 8, extra: [("newName", .string("growth"))])
        let edits = try #require(edit?["changes"]?[Self.uri]?.array)
        #expect(edits.compactMap { $0["newText"]?.string } == ["\"growth\"", "\"growth\"", "\"growth\""])
        #expect(edits.compactMap { $0["range"] } == [
            LSPClient.range(1, 6, 1, 10), LSPClient.range(3, 36, 3, 40), LSPClient.range(6, 46, 6, 50),
        ])
        let refused = client.request("textDocument/rename", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("position", LSPClient.position(6, 7)),
            ("newName", .string("Lead 名前")),
        ])).answer?["error"]
        #expect(refused?["code"]?.integer == -32803)
        #expect(refused?["message"]?.string == "goal \"Lead 名前\" is already declared; choose another name")
        #expect(client.at("textDocument/prepareRename", Self.uri, 6, 7) == .object([
            ("range", LSPClient.range(6, 5, 6, 11)), ("placeholder", .string("Talk")),
        ]))
    }

    @Test func renameReachesUpdatesQuestionsAndIncludedFiles() throws {
        let part = "skill \"go 🐹\" level 1 target 2\nupdate skill \"go 🐹\" target 3\n"
        let client = Self.opened("include \"part.plan\"\ngoal \"G\" needs skill \"go 🐹\" at 2\n(skill \"go 🐹\").gap\nskills where name = \"go 🐹\"\n",
                                 files: ["/plans/part.plan": part])
        let edit = try #require(client.at("textDocument/rename", Self.uri, 1, 24, extra: [("newName", .string("Go"))]))
        #expect(edit == .object([("changes", .object([
            // The text compared in a query is no name the server can tell is the skill's: it stays.
            (Self.uri, .array([
                LanguageServer.edit(LSPClient.range(1, 21, 1, 28), "\"Go\""), LanguageServer.edit(LSPClient.range(2, 7, 2, 14), "\"Go\""),
            ])),
            ("file:///plans/part.plan", .array([
                LanguageServer.edit(LSPClient.range(0, 6, 0, 13), "\"Go\""), LanguageServer.edit(LSPClient.range(1, 13, 1, 20), "\"Go\""),
            ])),
        ]))]))
    }

    @Test func hoverShowsTheEntityAsOfToday() throws {
        let client = Self.opened()
        let hover = try #require(client.at("textDocument/hover", Self.uri, 3, 8))
        let text = try #require(hover["contents"]?["value"]?.string)
        #expect(text == """
            **goal "Lead 名前"** as of 2026-11-25

            ```
            status: "open"
            done: false
            doing: false
            open: true
            due: 2027-06-30
            days_left: 217 days
            overdue: false
            ready: false
            needs: [skill "rust 🦀"]
            gap: [skill "rust 🦀" (level 1, needs 3)]
            serves: [value "成長"]
            milestones: [milestone "Draft"]
            spent: 0
            effort: 120
            remaining: 120
            start: 2026-11-25
            weekly: 3.87
            ```
            """)
        #expect(hover["range"] == LSPClient.range(3, 5, 3, 14))
        // A clause keyword: who takes it and what it names.
        let serves = try #require(client.at("textDocument/hover", Self.uri, 3, 30)?["contents"]?["value"]?.string)
        #expect(serves == "`serves`: a clause of goal, habit; it names a value")
        let date = try #require(client.at("textDocument/hover", Self.uri, 5, 40)?["contents"]?["value"]?.string)
        #expect(date == "2027-03-01 is a Mon, in 96 days")
    }

    @Test func completionOffersNamesOfTheRightKindFieldsAndStatementWords() throws {
        let client = Self.opened(Self.plan + "goal \"X\" after \"\nskills where \n\ngoals where due < today and (goal \"Talk\").\n")
        // Inside the string after `after`: goals only, the quote closed (`X` is declared, its bad clause aside).
        let goals = try #require(client.at("textDocument/completion", Self.uri, 7, 16)?.array)
        #expect(goals.compactMap { $0["label"]?.string } == ["Lead 名前", "Talk", "X"])
        #expect(goals.first?["textEdit"]?["newText"]?.string == "Lead 名前\"")
        let fields = try #require(client.at("textDocument/completion", Self.uri, 8, 13)?.array)
        #expect(fields.compactMap { $0["label"]?.string } == Fields.names(of: .skill))
        let words = try #require(client.at("textDocument/completion", Self.uri, 9, 0)?.array)
        #expect(words.compactMap { $0["label"]?.string }.prefix(4) == ["value", "skill", "goal", "milestone"])
        #expect(words.contains { $0["label"]?.string == "include" })
        let dotted = try #require(client.at("textDocument/completion", Self.uri, 10, 42)?.array)
        #expect(dotted.contains { $0["label"]?.string == "due" })
        // An indented line under a goal: the clauses it still lacks.
        let clauses = try #require(client.at("textDocument/completion", Self.uri, 4, 2)?.array).compactMap { $0["label"]?.string }
        #expect(clauses.contains("role"))
        #expect(clauses.contains("needs experience"))
        #expect(!clauses.contains("serves"))
        #expect(!clauses.contains("by"))
    }

    /// The answer kept for a place is given again only while nothing changes:
    /// an edit anywhere (here a goal added above the cursor's line, whose
    /// offset is the same) brings the new names.
    @Test func completionAskedAgainAfterAnEditSeesTheEdit() throws {
        let text = "goal \"B\" after \"\n"
        let client = Self.opened(text)
        let labels = { client.at("textDocument/completion", Self.uri, 0, 16)?.array?.compactMap { $0["label"]?.string } }
        #expect(labels() == ["B"])
        #expect(labels() == ["B"])
        // Another place in between is answered for that place.
        #expect(client.at("textDocument/completion", Self.uri, 1, 0)?.array?.first?["label"]?.string == "value")
        #expect(labels() == ["B"])
        _ = client.change(Self.uri, version: 2, [.object([("range", LSPClient.range(1, 0, 1, 0)), ("text", .string("goal \"A\"\n"))])])
        #expect(labels() == ["B", "A"])
        _ = client.change(Self.uri, version: 3, [.object([("range", LSPClient.range(1, 0, 2, 0)), ("text", .string(""))])])
        #expect(labels() == ["B"])
    }

    /// A client that takes `itemDefaults.editRange` gets the same edits:
    /// the range once, each item's text only where it is not its label.
    @Test func completionWithItemDefaultsMakesTheSameEdits() throws {
        let text = Self.plan + "goal \"X\" after \"\nskills where \ngoal \"Y\" after \n"
        let plain = Self.opened(text)
        let shared = LSPClient()
        let capabilities: JSON = .object([("textDocument", .object([("completion", .object([
            ("completionList", .object([("itemDefaults", .array([.string("editRange")]))])),
        ]))]))])
        _ = shared.request("initialize", .object([("capabilities", capabilities)]))
        _ = shared.notify("initialized", .object([]))
        _ = shared.open(Self.uri, text)
        var textEditTexts = 0
        for (line, character) in [(7, 16), (8, 13), (9, 15), (10, 0)] {
            let items = try #require(plain.at("textDocument/completion", Self.uri, line, character)?.array)
            let list = try #require(shared.at("textDocument/completion", Self.uri, line, character))
            #expect(list["isIncomplete"] == .bool(false))
            let range = try #require(list["itemDefaults"]?["editRange"])
            let sharedItems = try #require(list["items"]?.array)
            #expect(!items.isEmpty)
            #expect(sharedItems.count == items.count)
            for (item, sharedItem) in zip(items, sharedItems) {
                #expect(sharedItem["textEdit"] == nil)
                #expect(item["textEdit"]?["range"] == range)
                #expect(item["textEdit"]?["newText"]?.string == (sharedItem["textEditText"] ?? sharedItem["label"])?.string)
                #expect(item["label"] == sharedItem["label"] && item["kind"] == sharedItem["kind"] && item["detail"] == sharedItem["detail"])
                if sharedItem["textEditText"] != nil { textEditTexts += 1 }
            }
        }
        // Names in a string are closed with a quote; after `after`, quoted.
        #expect(textEditTexts > 0)
    }

    @Test func formattingIsPlanFmtAndNothingWhenTheTextHasErrors() throws {
        let messy = "goal   \"名前\"   by 2027-06\nvalue  x\n"
        let client = Self.opened(messy)
        let edits = try #require(client.request("textDocument/formatting", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("options", .object([])),
        ])).answer?["result"]?.array)
        let expected = try #require(Formatter.format(Source(name: "x", text: messy)).text)
        #expect(edits == [.object([("range", LSPClient.range(0, 0, 2, 0)), ("newText", .string(expected))])])

        let broken = Self.opened("goal \"A\" by\n")
        #expect(broken.request("textDocument/formatting", .object([("textDocument", .object([("uri", .string(Self.uri))]))]))
            .answer?["result"] == .array([]))
    }

    @Test func symbolsHoldMilestonesUnderTheirGoals() throws {
        let client = Self.opened()
        let symbols = try #require(client.request("textDocument/documentSymbol", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])),
        ])).answer?["result"]?.array)
        #expect(symbols.compactMap { $0["name"]?.string } == ["成長", "rust 🦀", "Lead 名前", "Talk"])
        let lead = try #require(symbols.first { $0["name"]?.string == "Lead 名前" })
        #expect(lead["children"]?.array?.compactMap { $0["name"]?.string } == ["Draft"])
        #expect(lead["range"] == LSPClient.range(3, 0, 4, 28))
    }

    @Test func foldingAndInlayHints() throws {
        let client = Self.opened()
        let folds = client.request("textDocument/foldingRange", .object([("textDocument", .object([("uri", .string(Self.uri))]))]))
        #expect(folds.answer?["result"] == .array([.object([("startLine", .number(3)), ("endLine", .number(4))])]))
        let hints = try #require(client.request("textDocument/inlayHint", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", LSPClient.range(0, 0, 8, 0)),
        ])).answer?["result"]?.array)
        #expect(hints.compactMap { $0["label"]?.string } == ["217 days left", "3.87 h/week", "96 days left", "309 days left"])
        // Only those in the range asked for.
        let some = client.request("textDocument/inlayHint", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", LSPClient.range(5, 0, 6, 0)),
        ])).answer?["result"]?.array
        #expect(some?.compactMap { $0["label"]?.string } == ["96 days left"])
        #expect(some?.first?["position"] == LSPClient.position(5, 45))
    }

    @Test func aDidYouMeanHintIsAQuickFix() throws {
        let client = LSPClient()
        client.initialize()
        let text = "vision \"v\"\nvalue growth\ngoal \"名前\" by 2027-06 serves grwth\n"
        let published = client.open(Self.uri, text)
        let diagnostic = try #require(LSPClient.diagnostics(for: Self.uri, in: published)?.first)
        let actions = try #require(client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([diagnostic]))])),
        ])).answer?["result"]?.array)
        #expect(actions.count == 1)
        #expect(actions.first?["title"]?.string == "Change to growth")
        #expect(actions.first?["edit"]?["changes"]?[Self.uri] == .array([.object([
            ("range", LSPClient.range(2, 28, 2, 33)), ("newText", .string("growth")),
        ])]))
        // Applied, the diagnostic goes.
        let fixed = client.change(Self.uri, version: 2, [.object([("range", LSPClient.range(2, 28, 2, 33)), ("text", .string("growth"))])])
        #expect(LSPClient.diagnostics(for: Self.uri, in: fixed) == [])
    }

    static func actions(_ client: LSPClient, for diagnostic: JSON) -> [JSON] {
        client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([diagnostic]))])),
        ])).answer?["result"]?.array ?? []
    }

    @Test func aHintThatEndsInALineOfPlanIsAFixThatAddsIt() throws {
        let client = LSPClient()
        client.initialize()
        let text = "vision \"v\"\nvalue growth\ngoal \"名前 🚀\" by 2026-10 serves growth needs skill \"public speaking\" at 4"
        let published = client.open(Self.uri, text)
        let diagnostics = try #require(LSPClient.diagnostics(for: Self.uri, in: published))
        let unknown = try #require(diagnostics.first { $0["code"]?.string == "E012" })
        let declare = try #require(Self.actions(client, for: unknown).first)
        #expect(declare["title"]?.string == "Add `skill \"public speaking\" level 0 target 4`")
        // The text does not end in a line feed, so the fix starts a line.
        #expect(declare["edit"]?["changes"]?[Self.uri] == .array([.object([
            ("range", LSPClient.range(2, 72, 2, 72)), ("newText", .string("\nskill \"public speaking\" level 0 target 4\n")),
        ])]))
        let overdue = try #require(diagnostics.first { $0["code"]?.string == "W002" })
        #expect(Self.actions(client, for: overdue).first?["title"]?.string == "Add `update goal \"名前 🚀\" by 2027-02`")

        let fixed = client.change(Self.uri, version: 2, [.object([
            ("range", LSPClient.range(2, 72, 2, 72)), ("text", .string("\nskill \"public speaking\" level 0 target 4\n")),
        ])])
        #expect(LSPClient.diagnostics(for: Self.uri, in: fixed)?.contains { $0["code"]?.string == "E012" } == false)
    }

    @Test func anUnknownStatementWordIsFixedToTheNearestKeyword() throws {
        let client = Self.opened("vision \"v\"\nexperiance \"Led a team\"\n")
        let published = client.change(Self.uri, version: 2, [.object([("text", .string("vision \"v\"\nexperiance \"Led a team\"\n"))])])
        let unknown = try #require(LSPClient.diagnostics(for: Self.uri, in: published)?.first { $0["code"]?.string == "E029" })
        let fix = try #require(Self.actions(client, for: unknown).first)
        #expect(fix["title"]?.string == "Change to experience")
        #expect(fix["edit"]?["changes"]?[Self.uri]?.array?.first?["range"] == LSPClient.range(1, 0, 1, 10))
    }

    @Test func answersFollowTheTextAfterEachEdit() throws {
        let client = Self.opened("value a\ngoal \"G\" by 2027-06 serves a\n")
        #expect(client.at("textDocument/definition", Self.uri, 1, 27)?["range"] == LSPClient.range(0, 6, 0, 7))
        // A line before the value moves its declaration down; the next answer says so.
        _ = client.change(Self.uri, version: 2, [.object([("range", LSPClient.range(0, 0, 0, 0)), ("text", .string("vision \"v\"\n"))])])
        #expect(client.at("textDocument/definition", Self.uri, 2, 27)?["range"] == LSPClient.range(1, 6, 1, 7))
        let hover = try #require(client.at("textDocument/hover", Self.uri, 2, 6)?["contents"]?["value"]?.string)
        #expect(hover.contains("due: 2027-06-30"))
        _ = client.change(Self.uri, version: 3, [.object([("range", LSPClient.range(2, 12, 2, 19)), ("text", .string("2028-01"))])])
        let moved = try #require(client.at("textDocument/hover", Self.uri, 2, 6)?["contents"]?["value"]?.string)
        #expect(moved.contains("due: 2028-01-31"))
    }
}
