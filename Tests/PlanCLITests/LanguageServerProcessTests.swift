import Foundation
import Testing

/// `plan lsp` as an editor runs it: framed messages on stdin, and on
/// stdout nothing but framed messages, read here with Foundation's own
/// JSON reader. Then parity: for every sample, what the server publishes
/// is what `plan check --json` prints, and its formatting is `plan fmt`'s.
@Suite struct LanguageServerProcessTests {
    static func frame(_ message: [String: Any]) throws -> Data {
        let body = try JSONSerialization.data(withJSONObject: message)
        return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// Every message on `stdout`; fails unless the bytes are framed messages and nothing else.
    static func messages(_ stdout: String) throws -> [[String: Any]] {
        var rest = Data(stdout.utf8)[...]
        var found: [[String: Any]] = []
        while !rest.isEmpty {
            let separator = try #require(rest.firstRange(of: Data("\r\n\r\n".utf8)), "a header without its end")
            let header = String(decoding: rest[..<separator.lowerBound], as: UTF8.self)
            #expect(header.hasPrefix("Content-Length: "))
            let length = try #require(Int(header.dropFirst("Content-Length: ".count)), "header \(header)")
            let body = rest[separator.upperBound...].prefix(length)
            #expect(body.count == length)
            found.append(try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]))
            rest = rest[(separator.upperBound + length)...]
        }
        return found
    }

    static func request(_ id: Int, _ method: String, _ params: [String: Any] = [:]) -> [String: Any] {
        ["jsonrpc": "2.0", "id": id, "method": method, "params": params]
    }

    static func notification(_ method: String, _ params: [String: Any] = [:]) -> [String: Any] {
        ["jsonrpc": "2.0", "method": method, "params": params]
    }

    static func open(_ path: String, text: String) -> [String: Any] {
        notification("textDocument/didOpen", ["textDocument": [
            "uri": URL(fileURLWithPath: path).absoluteString, "languageId": "plan", "version": 1, "text": text,
        ] as [String: Any]])
    }

    func session(_ messages: [[String: Any]], extra: Data = Data(), encodings: [String] = []) throws -> (PlanProcess.Result, [[String: Any]]) {
        let process = try PlanProcess()
        var input = try Self.frame(Self.request(0, "initialize", ["capabilities": ["general": ["positionEncodings": encodings]]]))
        input += extra
        for message in messages { input += try Self.frame(message) }
        let result = try process.run(["lsp", "--today", "2026-11-25"], stdinBytes: input)
        return (result, try Self.messages(result.stdout))
    }

    @Test func aFramedTranscriptEndsWithZeroAfterShutdown() throws {
        let (result, messages) = try session([
            Self.notification("initialized"),
            Self.request(1, "textDocument/hover", ["textDocument": ["uri": "file:///none.plan"], "position": ["line": 0, "character": 0]]),
            Self.notification("$/cancelRequest", ["id": 1]),
            Self.request(2, "no/such/method"),
            Self.request(3, "shutdown"),
            Self.notification("exit"),
        ], extra: Data("Content-Length: 4\r\n\r\n{]}\n".utf8))
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(messages.count == 5)
        #expect((messages[0]["result"] as? [String: Any])?["capabilities"] != nil)
        #expect((messages[1]["error"] as? [String: Any])?["code"] as? Int == -32700)
        #expect((messages[2]["error"] as? [String: Any])?["code"] as? Int == -32602)
        #expect((messages[3]["error"] as? [String: Any])?["code"] as? Int == -32601)
        #expect(messages[4]["id"] as? Int == 3)
        #expect(messages[4]["result"] is NSNull)
    }

    @Test func exitWithoutShutdownOrStdinClosingEndsWithOne() throws {
        let (abrupt, _) = try session([Self.notification("exit")])
        #expect(abrupt.status == 1)
        let (closed, messages) = try session([])
        #expect(closed.status == 1)
        #expect(closed.stderr == "plan lsp: stdin closed before exit\n")
        #expect(messages.count == 1)
    }

    @Test func hoverOnAStatementWordIsTheFirstLineOfItsHelp() throws {
        let (result, messages) = try session([
            Self.open("/nowhere/x.plan", text: "goal \"A\" by 2027-06\n"),
            Self.request(1, "textDocument/hover", ["textDocument": ["uri": "file:///nowhere/x.plan"], "position": ["line": 0, "character": 1]]),
            Self.request(2, "shutdown"), Self.notification("exit"),
        ])
        #expect(result.status == 0)
        let hover = try #require(messages.first { $0["id"] as? Int == 1 }?["result"] as? [String: Any])
        #expect((hover["contents"] as? [String: Any])?["value"] as? String == "goal NAME {clause}: declares a goal; goals lists them all")
    }

    @Test func lspTakesNoFiles() throws {
        let result = try PlanProcess().run(["lsp", "career.plan"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("plan: error: lsp takes no files: the editor sends them\n"))
    }

    /// With UTF-32 positions, a character is a scalar, as `check --json` counts columns.
    @Test func everySamplesDiagnosticsAndFormattingAreWhatCheckAndFmtSay() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: PlanProcess.samplesFolder.path)
            .filter { $0.hasSuffix(".plan") }.sorted()
        #expect(samples.count >= 6)
        let process = try PlanProcess()
        // Beside the samples, a plan with problems of every sort on lines holding CJK, emoji and combining accents.
        try process.write("broken.plan", """
            value "成長" priority 9
            value "成長"
            skill "café\u{301}" level 7 target 3
            goal "🚀 Ship 名前" by 2027-02-30 serves "成長", "grwth" needs skill "cafe" at 2 after "🚀 Shp"
            goal "Talk 🎤" by 2026-01-01 serves "成長" after "Talk 🎤"
            milestone "M" for "🚀 Ship 名前" by 2028-01-01
            goal "x" by
            count(golas)

            """)
        let files = samples.map { PlanProcess.samplesFolder.appendingPathComponent($0).path }
            + [process.folder.appendingPathComponent("broken.plan").path]
        var compared = 0
        for path in files {
            let sample = (path as NSString).lastPathComponent
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let uri = URL(fileURLWithPath: path).absoluteString
            let (result, messages) = try session([
                Self.open(path, text: text),
                Self.request(1, "textDocument/formatting", ["textDocument": ["uri": uri], "options": [:] as [String: Any]]),
                Self.request(2, "shutdown"), Self.notification("exit"),
            ], encodings: ["utf-32"])
            #expect(result.status == 0, "\(sample)")

            let check = try process.run(["check", "--json", "--today", "2026-11-25", path])
            let expected = check.stdout.split(separator: "\n").map { line -> String in
                let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]) ?? [:]
                let place = ["line", "column", "end_line", "end_column"].map { "\(object[$0] as? Int ?? -1)" }.joined(separator: ":")
                let message = (object["message"] as? String ?? "") + ((object["hint"] as? String).map { "\n" + $0 } ?? "")
                return "\(object["file"] as? String ?? "?") \(place) \(object["severity"] as? String ?? "") \(object["code"] as? String ?? "") \(message)"
            }.sorted()
            var published: [String] = []
            let severities = [1: "error", 2: "warning", 3: "note"]
            for message in messages where message["method"] as? String == "textDocument/publishDiagnostics" {
                let params = try #require(message["params"] as? [String: Any])
                let uri = try #require(params["uri"] as? String)
                let file = try #require(URL(string: uri)).path
                for diagnostic in try #require(params["diagnostics"] as? [[String: Any]]) {
                    let range = try #require(diagnostic["range"] as? [String: [String: Int]])
                    let place = [range["start"]?["line"], range["start"]?["character"], range["end"]?["line"], range["end"]?["character"]]
                        .map { "\(($0 ?? -2) + 1)" }.joined(separator: ":")
                    published.append("\(file) \(place) \(severities[diagnostic["severity"] as? Int ?? 0] ?? "") "
                                     + "\(diagnostic["code"] as? String ?? "") \(diagnostic["message"] as? String ?? "")")
                }
            }
            #expect(published.sorted() == expected, "\(sample)")
            compared += expected.count

            let formatted = try process.run(["fmt", path])
            let edits = try #require(messages.first { $0["id"] as? Int == 1 }?["result"] as? [[String: Any]])
            if formatted.status == 0 {
                let applied = edits.first?["newText"] as? String ?? text
                #expect(applied == formatted.stdout, "\(sample)")
            } else {
                // A text with errors is not formatted, by either.
                #expect(edits.isEmpty, "\(sample)")
                #expect(formatted.stdout == "", "\(sample)")
            }
        }
        #expect(compared > 10)
    }
}
