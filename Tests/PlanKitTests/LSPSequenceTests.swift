import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Random edits among requests, from a fixed seed: the server's copy of the
/// text follows a copy kept here by other means (Swift's own UTF-16 view),
/// an edit outside the text is refused, and every answer is well formed.
@Suite struct LSPSequenceTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let pieces = ["x", "\n", "\"", "名", "😀", "e\u{301}", "", "goal \"A 😀\" by 2027-06 serves v\n", "serves ", "(", "#",
                         "milestone \"M\" for \"A 😀\"\n", "  needs skill s at 9\n"]

    /// The text after replacing the UTF-16 range, or nil when the range is outside it.
    static func replacing(_ text: String, _ start: (Int, Int), _ end: (Int, Int), with new: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func index(_ position: (Int, Int)) -> String.Index? {
            guard position.0 < lines.count else { return nil }
            let line = lines[position.0]
            var units = 0
            for scalarIndex in line.unicodeScalars.indices {
                let width = UTF16.width(line.unicodeScalars[scalarIndex])
                if units + width > position.1 { return scalarIndex }
                units += width
            }
            return line.endIndex
        }
        guard let from = index(start), let to = index(end), from <= to else { return nil }
        var result = text
        result.replaceSubrange(from..<to, with: new)
        return result
    }

    @Test func randomEditsAmongRequestsKeepTheTextAndTheAnswersWhole() throws {
        var random = Generator(state: 20_261_125)
        let uri = "file:///plans/fuzz.plan"
        let client = LSPClient()
        client.initialize()
        var text = "vision \"v\"\nvalue v\nskill s level 1 target 3\ngoal \"A 😀\" by 2027-06 serves v\n  needs skill s at 2\n"
        _ = client.open(uri, text)
        let methods = ["textDocument/hover", "textDocument/definition", "textDocument/references", "textDocument/completion",
                       "textDocument/prepareRename", "textDocument/rename", "textDocument/formatting", "textDocument/documentSymbol",
                       "textDocument/foldingRange", "textDocument/inlayHint", "textDocument/codeAction"]
        var applied = 0
        var refused = 0
        var answered = 0
        for step in 0..<600 {
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let start = (random.next(lineCount + 1), random.next(30))
            let end = random.next(3) == 0 ? (random.next(lineCount + 1), random.next(30)) : start
            if random.next(2) == 0 {
                let piece = Self.pieces[random.next(Self.pieces.count)]
                let messages = client.change(uri, version: step + 2, [.object([
                    ("range", LSPClient.range(start.0, start.1, end.0, end.1)), ("text", .string(piece)),
                ])])
                if let changed = Self.replacing(text, start, end, with: piece) {
                    text = changed
                    applied += 1
                    #expect(messages.allSatisfy { $0["method"]?.string == "textDocument/publishDiagnostics" }, "step \(step)")
                } else {
                    #expect(messages.first?["method"]?.string == "window/showMessage", "step \(step)")
                    refused += 1
                }
                #expect(String(decoding: try #require(client.server.documents[uri]).source.bytes, as: UTF8.self) == text, "step \(step)")
            } else {
                let method = methods[random.next(methods.count)]
                let answer = client.request(method, .object([
                    ("textDocument", .object([("uri", .string(uri))])), ("position", LSPClient.position(start.0, start.1)),
                    ("newName", .string("B 名")), ("range", LSPClient.range(start.0, start.1, end.0, end.1)),
                    ("context", .object([("diagnostics", .array([])), ("includeDeclaration", .bool(true))])),
                    ("options", .object([])),
                ])).answer
                let whole = try #require(answer, "step \(step): \(method) got no answer")
                #expect(whole["result"] != nil || whole["error"] != nil, "step \(step)")
                if whole["result"].map({ $0 != .null && $0 != .array([]) }) == true { answered += 1 }
                let code = whole["error"]?["code"]?.integer
                #expect(code == nil || code == -32602 || code == -32803, "step \(step): \(method) \(whole.serialized())")
                #expect((try? JSONReader.parse(Array(whole.serialized().utf8)).get()) == whole, "step \(step)")
            }
        }
        // The sequence reached every path: edits applied and refused, requests answered with something.
        #expect(applied > 100)
        #expect(refused > 10)
        #expect(answered > 10)
    }

    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/corpus-lsp")
    static let seeds = ((try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []).sorted()

    /// The fuzz target's seeds (Fuzz/LSPTarget.swift) run as it runs them:
    /// each answers every request with a result, and the ones that end
    /// the session end it with 0.
    @Test func theFuzzTargetsSeedsRunCleanly() throws {
        #expect(Self.seeds.count >= 3)
        for seed in Self.seeds {
            let client = LSPClient()
            client.initialize()
            _ = client.open("file:///f.plan", "vision \"v\"\nvalue v\nskill s level 1 target 3\ngoal \"A 😀\" by 2027-06 serves v\n  needs skill s at 2\n")
            let bytes = try Data(contentsOf: Self.corpus.appendingPathComponent(seed))
            let answers = client.send(bytes: Array(bytes)).filter { $0["id"] != nil }
            #expect(!answers.isEmpty, "\(seed)")
            #expect(answers.allSatisfy { $0["error"] == nil }, "\(seed): \(answers.map { $0.serialized() })")
            #expect(client.server.exitStatus == nil || client.server.exitStatus == 0, "\(seed)")
        }
    }
}
