import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Every kind of hint that says what to write is a quick fix, and the fix,
/// applied to the text, makes its diagnostic go.
@Suite struct LSPQuickFixTests {
    static let uri = "file:///plans/career.plan"
    static let plan = """
        vision "v"
        value growth
        goal "Talk" by 2027-09 serves growth

        """

    struct Case: CustomTestStringConvertible, Sendable {
        /// Lines after `plan`.
        var lines: String
        var code: String
        var title: String
        var testDescription: String { "\(code): \(title)" }
    }

    static let cases: [Case] = [
        Case(lines: "goal \"Ship\" by 2027-10 serves grwth\n", code: "E013", title: "Change to growth"),
        Case(lines: "goal \"Ship\" by 2027-10 serves growth after \"Tlak\"\n", code: "E011", title: "Change to \"Talk\""),
        Case(lines: "goal \"Ship\" by 2027-10 serves growth needs skill \"public speaking\" at 4\n", code: "E012",
             title: "Add `skill \"public speaking\" level 0 target 4`"),
        Case(lines: "goal \"Ship\" by 2026-10 serves growth\n", code: "W002", title: "Add `update goal \"Ship\" by 2027-02`"),
        Case(lines: "milestone \"Draft\" for \"Talk\" by 2026-11-01\n", code: "W009",
             title: "Add `update milestone \"Draft\" by 2027-02`"),
        Case(lines: "milestone \"Draft\" for \"Talk\" by 2027-10-01\n", code: "W003",
             title: "Add `update milestone \"Draft\" by 2027-09-30`"),
        Case(lines: "goal \"Ship\" by 2027-06 serves growth after \"Talk\"\n", code: "W004",
             title: "Add `update goal \"Ship\" by 2027-09-30`"),
        Case(lines: "goal \"Ship\" by 2027-06 start 2027-08 serves growth\n", code: "E024",
             title: "Add `update goal \"Ship\" by 2027-08-31`"),
        Case(lines: "goal \"Ship\" serves growth\n", code: "W001", title: "Add `by 2027-05`"),
        Case(lines: "contact \"Ana\" every 2 weeks\nlog 2026-09-01 met \"Ana\"\n", code: "W010",
             title: "Add `log 2026-11-25 met \"Ana\"`"),
        Case(lines: "goal \"Ship\" by 2027-10 serves growth doing\nlog 2026-09-01 \"x\" for \"Ship\"\n", code: "W012",
             title: "Add `log 2026-11-25 \"what you did\" for \"Ship\"`"),
        Case(lines: "review every 2 weeks\n", code: "W015", title: "Add `log 2026-11-25 reviewed`"),
        Case(lines: "habit \"Run\" every 1 week\nlog 2026-09-01 did \"Run\"\n", code: "W018",
             title: "Add `log 2026-11-25 did \"Run\"`"),
        Case(lines: "habit \"Run\" every 1 week\nlog 2026-11-20 did \"Rnu\"\n", code: "E035", title: "Change to \"Run\""),
        Case(lines: "gaol \"Ship\" by 2027-10 serves growth\n", code: "E029", title: "Change to goal"),
        Case(lines: "goal \"Ship\" by 2027-10 servs growth\n", code: "E001", title: "Change to serves"),
        Case(lines: "goal \"Ship\" due 2027-10 serves growth\n", code: "E001", title: "Change to by"),
        Case(lines: "goal Ship it by 2027-10 serves growth\n", code: "E001", title: "Change to \"Ship it\""),
        Case(lines: "update goal \"Tlak\" by 2027-10\n", code: "E023", title: "Change to \"Talk\""),
        Case(lines: "assert cuont(goals) == 1\n", code: "E017", title: "Change to count"),
        Case(lines: "assert count(gols) == 1\n", code: "E010", title: "Change to goals"),
        Case(lines: "assert goal \"Talk\".stauts == \"todo\"\n", code: "E016", title: "Change to status"),
        Case(lines: "assert goal \"Tlak\".status == \"todo\"\n", code: "E011", title: "Change to \"Talk\""),
        Case(lines: "assert 30 days < 1 month\n", code: "E030", title: "Change to today + 30 days < today + 1 month"),
    ]

    @Test(arguments: cases)
    func theFixAppliedRemovesTheDiagnostic(_ example: Case) throws {
        let client = LSPClient()
        client.initialize()
        let published = client.open(Self.uri, Self.plan + example.lines)
        let diagnostic = try #require(LSPClient.diagnostics(for: Self.uri, in: published)?.first { $0["code"]?.string == example.code })
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([diagnostic]))])),
        ])).answer?["result"]?.array ?? []
        let action = try #require(actions.first)
        #expect(action["title"]?.string == example.title)
        let edits = try #require(action["edit"]?["changes"]?[Self.uri]?.array)
        // Edits of one action never overlap; applied last first, each keeps the others' places.
        let changes = edits.reversed().map { JSON.object([("range", $0["range"] ?? .null), ("text", $0["newText"] ?? .null)]) }
        let fixed = client.change(Self.uri, version: 2, changes)
        let after = LSPClient.diagnostics(for: Self.uri, in: fixed) ?? []
        #expect(!after.contains { $0["code"]?.string == example.code }, "still there: \(after)")
    }

    /// A client may send back only part of what it was given (no
    /// `relatedInformation`, no `codeDescription`): code, range and message are enough.
    @Test func aDiagnosticSentBackWithLessStillFindsItsFix() throws {
        let client = LSPClient()
        client.initialize()
        let published = client.open(Self.uri, Self.plan + "goal \"Ship\" by 2027-10 serves grwth\n")
        let diagnostic = try #require(LSPClient.diagnostics(for: Self.uri, in: published)?.first)
        let bare: JSON = .object([("range", diagnostic["range"] ?? .null), ("code", diagnostic["code"] ?? .null),
                                  ("message", diagnostic["message"] ?? .null)])
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([bare]))])),
        ])).answer?["result"]?.array
        #expect(actions?.first?["title"]?.string == "Change to growth")
        // A diagnostic the server never published has no fix.
        let other: JSON = .object([("range", diagnostic["range"] ?? .null), ("code", .string("E013")), ("message", .string("something else"))])
        let none = client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([other]))])),
        ])).answer?["result"]?.array
        #expect(none == [])
    }

    /// In a file with CR LF line ends that does not end in one, the added
    /// line starts on a line of its own and ends as the file's lines do.
    @Test func anAddedLineTakesTheFilesLineEnds() throws {
        let client = LSPClient()
        client.initialize()
        let text = "vision \"v\"\r\nvalue growth\r\ngoal \"Ship\" by 2026-10 serves growth\r\n"
        let published = client.open(Self.uri, text)
        let diagnostic = try #require(LSPClient.diagnostics(for: Self.uri, in: published)?.first { $0["code"]?.string == "W002" })
        let actions = client.request("textDocument/codeAction", .object([
            ("textDocument", .object([("uri", .string(Self.uri))])), ("range", diagnostic["range"] ?? .null),
            ("context", .object([("diagnostics", .array([diagnostic]))])),
        ])).answer?["result"]?.array
        #expect(actions?.first?["edit"]?["changes"]?[Self.uri] == .array([.object([
            ("range", LSPClient.range(3, 0, 3, 0)), ("newText", .string("update goal \"Ship\" by 2027-02\r\n")),
        ])]))
    }
}
