@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Files a test's plan includes, from memory.
struct MemoryFiles: SourceReader {
    var files: [String: String]

    func read(_ path: String) -> Result<SourceText, ReadFailure> {
        let key = DocumentURI.normalized(path)
        guard let text = files[key] else { return .failure(ReadFailure(reason: "no such file")) }
        return .success(SourceText(bytes: Array(text.utf8), canonicalPath: key))
    }

    func realPath(_ path: String) -> Result<String, ReadFailure> {
        let key = DocumentURI.normalized(path)
        return files[key] == nil ? .failure(ReadFailure(reason: "no such file")) : .success(key)
    }
}

/// An in-process client: each message goes through the server as framed
/// bytes, exactly as `plan lsp` hands them over, and what comes back is kept.
final class LSPClient {
    var server: LanguageServer
    private var framer = MessageFramer()
    private var nextID = 1

    init(files: [String: String] = [:], today: String = "2026-11-25") {
        let day = (try? Day.parse(today).get()) ?? Day(ordinal: 0)
        server = LanguageServer(reader: MemoryFiles(files: files), today: day, version: "test", checksDocument: "file:///docs/checks.md")
    }

    /// Sends raw bytes and returns every message the server answered with.
    func send(bytes: [UInt8]) -> [JSON] {
        framer.push(bytes)
        var out: [JSON] = []
        while let frame = framer.next() { out += server.receive(frame) }
        return out
    }

    func send(_ message: JSON) -> [JSON] {
        send(bytes: MessageFramer.frame(message.serialized()))
    }

    /// A request's answer (its `result`, or its `error`) and the notifications sent with it.
    func request(_ method: String, _ params: JSON = .null) -> (answer: JSON?, notifications: [JSON]) {
        let id = nextID
        nextID += 1
        let messages = send(.object([("jsonrpc", .string("2.0")), ("id", .number(Double(id))), ("method", .string(method)),
                                     ("params", params)]))
        let answer = messages.first { $0["id"]?.integer == id }
        return (answer, messages.filter { $0["id"] == nil })
    }

    func notify(_ method: String, _ params: JSON) -> [JSON] {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    @discardableResult
    func initialize(encodings: [String] = []) -> JSON? {
        let capabilities: JSON = .object([("general", .object([("positionEncodings", .array(encodings.map(JSON.string)))]))])
        let answer = request("initialize", .object([("capabilities", capabilities)])).answer
        _ = notify("initialized", .object([]))
        return answer
    }

    func open(_ uri: String, _ text: String, version: Int = 1) -> [JSON] {
        notify("textDocument/didOpen", .object([("textDocument", .object([
            ("uri", .string(uri)), ("languageId", .string("plan")), ("version", .number(Double(version))), ("text", .string(text)),
        ]))]))
    }

    func change(_ uri: String, version: Int, _ changes: [JSON]) -> [JSON] {
        notify("textDocument/didChange", .object([
            ("textDocument", .object([("uri", .string(uri)), ("version", .number(Double(version)))])),
            ("contentChanges", .array(changes)),
        ]))
    }

    /// A request about `position` in `uri`.
    func at(_ method: String, _ uri: String, _ line: Int, _ character: Int, extra: [(String, JSON)] = []) -> JSON? {
        request(method, .object([("textDocument", .object([("uri", .string(uri))])), ("position", Self.position(line, character))] + extra))
            .answer?["result"]
    }

    static func position(_ line: Int, _ character: Int) -> JSON {
        .object([("line", .number(Double(line))), ("character", .number(Double(character)))])
    }

    static func range(_ line: Int, _ from: Int, _ endLine: Int, _ to: Int) -> JSON {
        .object([("start", position(line, from)), ("end", position(endLine, to))])
    }

    /// The diagnostics published for `uri` among `messages`, the last time.
    static func diagnostics(for uri: String, in messages: [JSON]) -> [JSON]? {
        messages.last { $0["method"]?.string == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.string == uri }?["params"]?["diagnostics"]?.array
    }
}
