import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The layers under the language server: the JSON reader, the framing,
/// and positions counted in each encoding.
@Suite struct LSPProtocolTests {
    // MARK: JSON

    private func parse(_ text: String) -> Result<JSON, JSONReader.Failure> { JSONReader.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2.5e2, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00"} "#).get()
        #expect(value == .object([("a", .array([.number(1), .number(-250), .bool(true), .bool(false), .null])),
                                  ("b", .string("x\"\\/\né😀"))]))
        #expect(value["b"]?.string == "x\"\\/\né😀")
        #expect(value["a"]?.array?.first?.integer == 1)
    }

    @Test func malformedJSONSaysWhereItStopped() {
        #expect(throws: JSONReader.Failure(message: "expected a member name in JSON", offset: 1)) { try parse("{x}").get() }
        #expect(throws: JSONReader.Failure(message: "text after the JSON value", offset: 2)) { try parse("1 2").get() }
        #expect(throws: JSONReader.Failure(message: "a JSON number cannot start with 0", offset: 2)) { try parse("01").get() }
        #expect(throws: JSONReader.Failure(message: "a lone surrogate in a JSON string", offset: 7)) { try parse(#""\ud83d""#).get() }
        #expect(throws: JSONReader.Failure(message: "a control character in a JSON string", offset: 2)) { try parse("\"a\u{1}\"").get() }
        #expect(throws: JSONReader.Failure(message: "invalid UTF-8 in a JSON string", offset: 2)) {
            try JSONReader.parse([0x22, 0xFF, 0x22]).get()
        }
    }

    @Test func stringsKeepWhatNeedsNoEscapeAndEscapeTheRest() {
        #expect(JSON.string("plain ASCII, ~ and {}").serialized() == #""plain ASCII, ~ and {}""#)
        #expect(JSON.string("say \"hi\" \\ tab\t").serialized() == #""say \"hi\" \\ tab\t""#)
        #expect(JSON.string("del\u{7F} nel\u{85} ok é 🚀").serialized() == #""del\u007f nel\u0085 ok é 🚀""#)
        #expect(JSON.string("").serialized() == #""""#)
    }

    /// Printable ASCII is copied whole; every other ASCII byte, alone or at
    /// the end of a long plain run, is escaped as before.
    @Test func everyASCIIByteIsEscapedExactlyWhenItMustBe() {
        let named: [UInt8: String] = [0x22: #"\""#, 0x5C: #"\\"#, 0x0A: #"\n"#, 0x0D: #"\r"#, 0x09: #"\t"#]
        for byte in UInt8(0)..<0x80 {
            let character = String(Unicode.Scalar(byte))
            let hex = String(byte, radix: 16)
            let expected = named[byte]
                ?? (byte < 0x20 || byte == 0x7F ? #"\u"# + String(repeating: "0", count: 4 - hex.count) + hex : character)
            #expect(JSON.string(character).serialized() == "\"" + expected + "\"", "byte \(byte)")
            #expect(JSON.string("goal-name " + character).serialized() == "\"goal-name " + expected + "\"", "byte \(byte)")
        }
    }

    /// A document's text comes as one JSON string with escapes on every
    /// line (`didOpen`); reading it takes time in proportion to its length.
    @Test(.timeLimit(.minutes(1))) func aLongTextFullOfEscapesIsReadInLinearTime() throws {
        let text = String(repeating: "goal \"Ship é\" due 2026-12-01\n", count: 200_000)
        #expect(try parse(JSON.string(text).serialized()).get() == .string(text))
    }

    @Test func nestingPastTheLimitIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReader.Failure(message: "JSON nested deeper than 256", offset: 256)) { try parse(deep).get() }
        let allowed = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect((try? parse(allowed).get()) != nil)
    }

    // MARK: Framing

    @Test func messagesComeOutWholeHoweverTheBytesArrive() {
        let one = MessageFramer.frame(#"{"a":1}"#)
        let two = MessageFramer.frame(#"{"b":"é"}"#)
        var framer = MessageFramer()
        for byte in one + two { framer.push([byte]) }
        #expect(framer.next() == .message(Array(#"{"a":1}"#.utf8)))
        #expect(framer.next() == .message(Array(#"{"b":"é"}"#.utf8)))
        #expect(framer.next() == nil)

        var together = MessageFramer()
        together.push(Array("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}".utf8) + one)
        #expect(together.next() == .message(Array("{}".utf8)))
        #expect(together.next() == .message(Array(#"{"a":1}"#.utf8)))
    }

    @Test func aBadHeaderIsReportedAndTheNextMessageStillReads() {
        var framer = MessageFramer()
        framer.push(Array("Content-Type: x\r\n\r\n".utf8) + MessageFramer.frame("{}"))
        #expect(framer.next() == .malformed("a message without Content-Length"))
        #expect(framer.next() == .message(Array("{}".utf8)))

        framer.push(Array("Content-Length: twelve\r\n\r\n".utf8) + MessageFramer.frame("[]"))
        #expect(framer.next() == .malformed("a Content-Length that is not a number"))
        #expect(framer.next() == .message(Array("[]".utf8)))
    }

    @Test func aBodyOverTheBoundIsSkippedWithoutBeingHeld() {
        var framer = MessageFramer()
        let length = MessageFramer.bodyLimit + 1
        framer.push(Array("Content-Length: \(length)\r\n\r\n".utf8))
        #expect(framer.next() == .malformed("a message of \(length) bytes, over the 64 MiB bound"))
        let chunk = [UInt8](repeating: 0x20, count: 1 << 20)
        for _ in 0..<64 {
            framer.push(chunk)
            #expect(framer.next() == nil)
        }
        framer.push([0x20] + MessageFramer.frame("1"))
        #expect(framer.next() == .message(Array("1".utf8)))
    }

    @Test func aHeaderThatNeverEndsIsReportedOnce() {
        var framer = MessageFramer()
        framer.push([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.headerLimit + 10))
        #expect(framer.next() == .malformed("a message header longer than 8192 bytes"))
        framer.push([UInt8](repeating: UInt8(ascii: "x"), count: MessageFramer.headerLimit * 2))
        #expect(framer.next() == nil)
        framer.push(Array("\r\n\r\n".utf8) + MessageFramer.frame("2"))
        #expect(framer.next() == .message(Array("2".utf8)))
    }

    // MARK: Positions

    /// `名前` is 2 UTF-16 units and 6 bytes; `😀` is 2 units and 4 bytes;
    /// `é` written as `e` and a combining accent is 2 scalars.
    static let text = "skill \"名前\" level 1\ngoal \"😀 ship\" by 2027-06\nvalue \"cafe\u{301}\" note \"x\"\n"

    @Test(arguments: [
        (PositionEncoding.utf16, [("1\n", 0, 17), ("ship", 1, 9), ("\" note", 2, 12)]),
        (PositionEncoding.utf8, [("1\n", 0, 21), ("ship", 1, 11), ("\" note", 2, 13)]),
        (PositionEncoding.utf32, [("1\n", 0, 17), ("ship", 1, 8), ("\" note", 2, 12)]),
    ])
    func positionsCountInTheNegotiatedEncoding(encoding: PositionEncoding, marks: [(String, Int, Int)]) throws {
        let source = Source(name: "p.plan", text: Self.text)
        for (mark, line, character) in marks {
            let offset = try #require(Self.offset(of: mark))
            let position = Positions.position(of: offset, in: source, encoding: encoding)
            #expect(position == LSPPosition(line: line, character: character), "\(mark)")
            #expect(Positions.offset(of: position, in: source, encoding: encoding) == offset, "\(mark)")
        }
    }

    @Test func positionsInsideACharacterOrPastTheLineTakeItsStartOrTheLineEnd() {
        let source = Source(name: "p.plan", text: Self.text)
        // Half of the emoji's surrogate pair: the emoji's start.
        #expect(Positions.offset(of: LSPPosition(line: 1, character: 7), in: source, encoding: .utf16) == 29)
        // Past the end of a line: its end, before the line feed.
        #expect(Positions.offset(of: LSPPosition(line: 0, character: 99), in: source, encoding: .utf16) == 22)
        // The empty line after the final line feed exists; the one after it does not.
        #expect(Positions.offset(of: LSPPosition(line: 3, character: 0), in: source, encoding: .utf16) == source.bytes.count)
        #expect(Positions.offset(of: LSPPosition(line: 4, character: 0), in: source, encoding: .utf16) == nil)
    }

    @Test func encodingIsUTF16UnlessTheClientOffersAnother() {
        #expect(PositionEncoding.negotiate(offered: []) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-16"]) == .utf16)
        #expect(PositionEncoding.negotiate(offered: ["utf-32", "utf-16"]) == .utf32)
        #expect(PositionEncoding.negotiate(offered: ["utf-16", "utf-8"]) == .utf8)
    }

    @Test func fileURIsAndPathsTurnIntoEachOther() {
        #expect(DocumentURI.path(of: "file:///home/a%20b/%E5%90%8D.plan") == "/home/a b/名.plan")
        #expect(DocumentURI.path(of: "file://localhost/x/../y.plan") == "/y.plan")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == nil)
        #expect(DocumentURI.path(of: "file:///a%00b.plan") == nil)
        #expect(DocumentURI.uri(of: "/home/a b/名.plan") == "file:///home/a%20b/%E5%90%8D.plan")
        #expect(DocumentURI.uri(of: "/A-z_0.9~/100%#?\n") == "file:///A-z_0.9~/100%25%23%3F%0A")
    }

    static func offset(of mark: String) -> Int? {
        let bytes = Array(text.utf8)
        let needle = Array(mark.utf8)
        return bytes.indices.first { bytes[$0...].starts(with: needle) }
    }
}
