import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The message loop in process: lifecycle, protocol errors, documents and
/// the diagnostics published for them.
@Suite struct LSPServerTests {
    static let uri = "file:///plans/career.plan"

    @Test func requestsBeforeInitializeAreRefusedAndNotificationsDropped() {
        let client = LSPClient()
        #expect(client.request("textDocument/hover").answer?["error"]?["code"]?.integer == -32002)
        #expect(client.open(Self.uri, "goal \"A\"\n").isEmpty)
        #expect(client.request("shutdown").answer?["error"]?["code"]?.integer == -32002)
        let answer = client.initialize()
        #expect(answer?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-16")
        #expect(answer?["result"]?["serverInfo"]?["name"]?.string == "plan")
        #expect(client.request("initialize").answer?["error"]?["code"]?.integer == -32600)
    }

    @Test func badMessagesGetErrorAnswersAndTheServerGoesOn() {
        let client = LSPClient()
        client.initialize()
        let malformed = client.send(bytes: Array("Content-Length: 5\r\n\r\n{\"a\":".utf8))
        #expect(malformed.map { $0.serialized() } == [
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"malformed JSON: unexpected end of the JSON text at byte 5"}}"#,
        ])
        #expect(client.request("textDocument/unknown").answer?["error"]?["code"]?.integer == -32601)
        let notARequest = client.send(.object([("jsonrpc", .string("2.0")), ("id", .number(7))]))
        #expect(notARequest.first?["error"]?["code"]?.integer == -32600)
        #expect(notARequest.first?["id"]?.integer == 7)
        let wrongID = client.send(.object([("jsonrpc", .string("2.0")), ("id", .bool(true)), ("method", .string("shutdown"))]))
        #expect(wrongID.first?["error"]?["code"]?.integer == -32600)
        // Invalid params: no such document, no position.
        #expect(client.at("textDocument/hover", "file:///nowhere.plan", 0, 0) == nil)
        #expect(client.request("textDocument/hover", .object([("textDocument", .object([("uri", .string(Self.uri))]))]))
            .answer?["error"]?["code"]?.integer == -32602)
        // Unknown notifications, $/cancelRequest among them, are answered by nothing.
        #expect(client.notify("$/cancelRequest", .object([("id", .number(3))])).isEmpty)
        #expect(client.notify("workspace/didChangeConfiguration", .object([])).isEmpty)
        #expect(client.request("shutdown").answer?["result"] == .null)
    }

    @Test func exitAfterShutdownIsZeroAndAloneIsOne() {
        let clean = LSPClient()
        clean.initialize()
        _ = clean.request("shutdown")
        #expect(clean.request("textDocument/hover").answer?["error"]?["code"]?.integer == -32600)
        #expect(clean.server.exitStatus == nil)
        _ = clean.notify("exit", .null)
        #expect(clean.server.exitStatus == 0)

        let abrupt = LSPClient()
        abrupt.initialize()
        _ = abrupt.notify("exit", .null)
        #expect(abrupt.server.exitStatus == 1)
    }

    @Test func theClientsEncodingIsTakenWhenItOffersUTF8OrUTF32() {
        let client = LSPClient()
        #expect(client.initialize(encodings: ["utf-32", "utf-16"])?["result"]?["capabilities"]?["positionEncoding"]?.string == "utf-32")
    }

    // MARK: Diagnostics

    @Test func diagnosticsLandOnTheRightCharactersAfterAnEmoji() throws {
        let client = LSPClient()
        client.initialize()
        let text = "vision \"v\"\nvalue growth\ngoal \"🚀 Ship 名前\" by 2027-06 serves growth needs skill \"strategic planing\"\nskill \"strategic planning\" level 1 target 3\n"
        let published = client.open(Self.uri, text)
        let diagnostics = try #require(LSPClient.diagnostics(for: Self.uri, in: published))
        let unknown = try #require(diagnostics.first { $0["code"]?.string == "E012" })
        // `goal "🚀 Ship 名前" by 2027-06 serves growth needs skill ` is 55 UTF-16 units.
        #expect(unknown["range"] == LSPClient.range(2, 55, 2, 74))
        #expect(unknown["severity"]?.integer == 1)
        #expect(unknown["message"]?.string == "unknown skill \"strategic planing\"\ndid you mean \"strategic planning\"?")
        #expect(unknown["codeDescription"]?["href"]?.string == "file:///docs/checks.md#E012")
        #expect(unknown["source"]?.string == "plan")
    }

    @Test func aFixClearsItsDiagnosticAndIncrementalEditsApplyInOrder() throws {
        let client = LSPClient()
        client.initialize()
        let text = "vision \"v\"\nvalue growth\ngoal \"😀 A\" by 2027-06 serves grwth\n"
        let opened = client.open(Self.uri, text)
        #expect(try #require(LSPClient.diagnostics(for: Self.uri, in: opened)).compactMap { $0["code"]?.string } == ["E013", "W008"])
        // `goal "😀 A" by 2027-06 serves gr` is 32 UTF-16 units: insert the missing `o`.
        let fixed = client.change(Self.uri, version: 2, [
            .object([("range", LSPClient.range(2, 32, 2, 32)), ("text", .string("o"))]),
        ])
        #expect(LSPClient.diagnostics(for: Self.uri, in: fixed) == [])
        #expect(fixed.last?["params"]?["version"]?.integer == 2)
        // The whole text at once, then an edit of it.
        let whole = client.change(Self.uri, version: 3, [
            .object([("text", .string("value a\nvalue b\n"))]),
            .object([("range", LSPClient.range(1, 6, 1, 7)), ("text", .string("a"))]),
        ])
        let duplicate = try #require(LSPClient.diagnostics(for: Self.uri, in: whole)?.first)
        #expect(duplicate["code"]?.string == "E020")
        #expect(duplicate["relatedInformation"] == .array([.object([
            ("location", .object([("uri", .string(Self.uri)), ("range", LSPClient.range(0, 6, 0, 7))])),
            ("message", .string("first declared here")),
        ])]))
    }

    @Test func anEditPastTheEndIsRefusedAndTheTextKept() throws {
        let client = LSPClient()
        client.initialize()
        _ = client.open(Self.uri, "value a\n")
        let refused = client.change(Self.uri, version: 2, [.object([("range", LSPClient.range(5, 0, 5, 0)), ("text", .string("x"))])])
        #expect(refused.count == 1)
        #expect(refused.first?["method"]?.string == "window/showMessage")
        #expect(client.server.documents[Self.uri]?.source.bytes == Array("value a\n".utf8))
        #expect(client.server.documents[Self.uri]?.version == 1)
    }

    @Test func anIncludedFileIsCheckedAsPartOfThePlanThatIncludesIt() throws {
        let main = "file:///plans/main.plan"
        let part = "file:///plans/part.plan"
        let client = LSPClient(files: ["/plans/part.plan": "skill rust level 1 target 3\n"])
        client.initialize()
        // The part alone names a goal it does not declare, and has no vision; the main file has both.
        let alone = client.open(part, "milestone \"M\" for \"Lead\" by 2027-01\n")
        #expect(LSPClient.diagnostics(for: part, in: alone)?.compactMap { $0["code"]?.string } == ["E011", "W007"])
        let together = client.open(main, "vision \"v\"\nvalue x\ninclude \"part.plan\"\ngoal \"Lead\" by 2027-06 serves x\n")
        #expect(LSPClient.diagnostics(for: part, in: together) == [])
        #expect(LSPClient.diagnostics(for: main, in: together) == [])
        // Its buffer, not the disk: a mistake typed in the part shows in the part.
        let typed = client.change(part, version: 2, [.object([("text", .string("milestone \"M\" for \"Laed\" by 2027-01\n"))])])
        let problem = try #require(LSPClient.diagnostics(for: part, in: typed)?.first)
        #expect(problem["code"]?.string == "E011")
        #expect(problem["range"] == LSPClient.range(0, 18, 0, 24))
        #expect(LSPClient.diagnostics(for: main, in: typed) == [])
    }
}
