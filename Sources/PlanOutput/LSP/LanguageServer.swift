import PlanCore
import PlanSyntax
import PlanKit

/// The language server's state and its answer to each message: frames in,
/// JSON messages out, no I/O of its own, so tests drive it in process and
/// `plan lsp` puts it between stdin and stdout. Messages are handled one at
/// a time in the order they come, so edits are never reordered.
public struct LanguageServer {
    /// JSON-RPC's and LSP's error codes.
    enum ErrorCode: Int {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case serverNotInitialized = -32002
        case requestFailed = -32803
    }

    struct Failure: Error {
        var code: ErrorCode
        var message: String
    }

    private let disk: any SourceReader
    let today: Day
    private let version: String
    /// The page every diagnostic code links to, with `#CODE` after it.
    private let checksDocument: String?
    private let log: @Sendable (String) -> Void
    /// The `.plan` files under a workspace folder (docs/editors.md says how
    /// many and how deep `plan lsp` looks).
    private let planFiles: @Sendable (String) -> [String]
    private var workspaceFolders: [String] = []
    /// Whether the client tells of changed files once asked to watch them.
    private var watchesFiles = false
    private(set) var workspaceFiles = WorkspaceFiles()
    /// The REPL's `:help` for a statement word or kind, whose first line hover shows.
    let keywordHelp: @Sendable (String) -> String?

    private var initialized = false
    private var shutDown = false
    /// Set by `exit`: 0 after `shutdown`, else 1.
    public private(set) var exitStatus: Int32?
    private(set) var encoding = PositionEncoding.utf16
    /// Whether the client takes a completion list's `itemDefaults.editRange`.
    private(set) var completionItemDefaults = false
    private(set) var documents: [String: OpenDocument] = [:]
    private(set) var workspace = Workspace()
    let contexts = ContextCache()
    /// URIs given diagnostics last time, so that fixed ones are cleared.
    private var published: Set<String> = []
    /// By URI, the diagnostics last published that came with a fix.
    private(set) var fixes: [String: [PublishedFix]] = [:]

    /// `version` is what `serverInfo` says; `checksDocument` the URL of
    /// docs/checks.md, when the server knows where it is.
    public init(reader: any SourceReader, today: Day, version: String, checksDocument: String? = nil,
                keywordHelp: @escaping @Sendable (String) -> String? = { _ in nil },
                log: @escaping @Sendable (String) -> Void = { _ in },
                planFiles: @escaping @Sendable (String) -> [String] = { _ in [] }) {
        disk = reader
        self.planFiles = planFiles
        self.version = version
        self.keywordHelp = keywordHelp
        self.today = today
        self.checksDocument = checksDocument
        self.log = log
    }

    /// The messages to send for one frame read, in order.
    public mutating func receive(_ frame: MessageFramer.Frame) -> [JSON] {
        switch frame {
        case .malformed(let problem):
            return [Self.error(id: .null, .parseError, problem)]
        case .message(let body):
            switch JSONReader.parse(body) {
            case .failure(let failure):
                return [Self.error(id: .null, .parseError, "malformed JSON: \(failure)")]
            case .success(let message):
                return receive(message)
            }
        }
    }

    public mutating func receive(_ message: JSON) -> [JSON] {
        guard case .object = message, message["jsonrpc"]?.string == "2.0", let method = message["method"]?.string else {
            if case .object = message, message["method"] == nil, message["id"] != nil, message["result"] != nil || message["error"] != nil {
                return [] // an answer to a request of ours: none is sent that needs one
            }
            return [Self.error(id: Self.validID(message["id"]) ?? .null, .invalidRequest, "not a JSON-RPC 2.0 request or notification")]
        }
        let params = message["params"] ?? .null
        guard let idValue = message["id"] else {
            return notification(method, params)
        }
        guard let id = Self.validID(idValue) else {
            return [Self.error(id: .null, .invalidRequest, "a request id must be a number or a string")]
        }
        do {
            let (result, after) = try request(method, params)
            return [.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)])] + after
        } catch {
            return [Self.error(id: id, error.code, error.message)]
        }
    }

    private static func validID(_ id: JSON?) -> JSON? {
        switch id {
        case .some(.number(let number)) where number == number.rounded(): return id
        case .some(.string): return id
        default: return nil
        }
    }

    static func error(id: JSON, _ code: ErrorCode, _ message: String) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id),
                 ("error", .object([("code", .number(Double(code.rawValue))), ("message", .string(message))]))])
    }

    static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    // MARK: - Requests

    /// The result, and the notifications to send after it.
    private mutating func request(_ method: String, _ params: JSON) throws(Failure) -> (JSON, [JSON]) {
        if method == "initialize" {
            guard !initialized else { throw Failure(code: .invalidRequest, message: "initialize was already received") }
            initialized = true
            return (initialize(params), [])
        }
        guard initialized else { throw Failure(code: .serverNotInitialized, message: "the server is not initialized yet") }
        guard !shutDown else { throw Failure(code: .invalidRequest, message: "the server is shut down; only exit is expected") }
        switch method {
        case "shutdown":
            shutDown = true
            return (.null, [])
        case "textDocument/formatting":
            return (try formatting(try document(params)), [])
        case "textDocument/definition":
            let (document, offset) = try place(params)
            return (definition(in: document, at: offset), [])
        case "textDocument/references":
            let (document, offset) = try place(params)
            let declaration = params["context"]?["includeDeclaration"]?.bool ?? true
            return (references(in: document, at: offset, includingDeclaration: declaration), [])
        case "textDocument/hover":
            let (document, offset) = try place(params)
            return (hover(in: document, at: offset), [])
        case "textDocument/completion":
            let (document, offset) = try place(params)
            return (contexts.completion(for: document, at: offset) { completion(in: document, at: offset) }, [])
        case "textDocument/documentSymbol":
            return (symbols(in: try document(params)), [])
        case "textDocument/foldingRange":
            return (foldingRanges(in: try document(params)), [])
        case "textDocument/codeAction":
            let document = try document(params)
            return (codeActions(in: document, context: params["context"]), [])
        case "textDocument/rename":
            let (document, offset) = try place(params)
            guard let newName = params["newName"]?.string else { throw Failure(code: .invalidParams, message: "rename needs newName") }
            return (try rename(in: document, at: offset, to: newName), [])
        case "textDocument/prepareRename":
            let (document, offset) = try place(params)
            return (prepareRename(in: document, at: offset), [])
        case "textDocument/inlayHint":
            let document = try document(params)
            func offset(_ position: JSON?) -> Int? {
                LSPPosition(position).flatMap { Positions.offset(of: $0, in: document.source, encoding: encoding) }
            }
            let from = offset(params["range"]?["start"]) ?? 0
            let to = offset(params["range"]?["end"]) ?? document.source.bytes.count
            return (inlayHints(in: document, from: from, to: to), [])
        default:
            throw Failure(code: .methodNotFound, message: "no method \(method)")
        }
    }

    private mutating func initialize(_ params: JSON) -> JSON {
        let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
        encoding = PositionEncoding.negotiate(offered: offered)
        // `workspaceFolders` since LSP 3.6; `rootUri` and `rootPath` before it.
        let folders = params["workspaceFolders"]?.array?.compactMap { $0["uri"]?.string } ?? []
        let root = params["rootUri"]?.string.map { [$0] } ?? params["rootPath"]?.string.map { [DocumentURI.uri(of: $0)] } ?? []
        workspaceFolders = (folders.isEmpty ? root : folders).compactMap(DocumentURI.path(of:))
        watchesFiles = params["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
        let itemDefaults = params["capabilities"]?["textDocument"]?["completion"]?["completionList"]?["itemDefaults"]?.array ?? []
        completionItemDefaults = itemDefaults.contains { $0.string == "editRange" }
        for folder in workspaceFolders {
            for path in planFiles(folder) { workspaceFiles.update(path, disk: disk) }
        }
        let capabilities: JSON = .object([
            ("positionEncoding", .string(encoding.rawValue)),
            ("textDocumentSync", .object([("openClose", .bool(true)), ("change", .number(2))])),
            ("documentFormattingProvider", .bool(true)),
            ("definitionProvider", .bool(true)),
            ("referencesProvider", .bool(true)),
            ("hoverProvider", .bool(true)),
            ("completionProvider", .object([("triggerCharacters", .array([.string("."), .string("\"")])),
                                            ("resolveProvider", .bool(false))])),
            ("documentSymbolProvider", .bool(true)),
            ("foldingRangeProvider", .bool(true)),
            ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")])),
                                            ("resolveProvider", .bool(false))])),
            ("renameProvider", .object([("prepareProvider", .bool(true))])),
            ("inlayHintProvider", .bool(true)),
        ])
        return .object([("capabilities", capabilities),
                        ("serverInfo", .object([("name", .string("plan")), ("version", .string(version))]))])
    }

    func document(_ params: JSON) throws(Failure) -> OpenDocument {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            throw Failure(code: .invalidParams, message: "textDocument.uri is missing")
        }
        guard let document = documents[uri] else {
            throw Failure(code: .invalidParams, message: "\(uri) is not open")
        }
        return document
    }

    func place(_ params: JSON) throws(Failure) -> (OpenDocument, Int) {
        let document = try document(params)
        guard let position = LSPPosition(params["position"]) else {
            throw Failure(code: .invalidParams, message: "position is missing or not a line and character")
        }
        guard let offset = Positions.offset(of: position, in: document.source, encoding: encoding) else {
            throw Failure(code: .invalidParams, message: "line \(position.line) is past the end of \(document.uri)")
        }
        return (document, offset)
    }

    // MARK: - Notifications

    private mutating func notification(_ method: String, _ params: JSON) -> [JSON] {
        if method == "exit" {
            exitStatus = shutDown ? 0 : 1
            return []
        }
        // Before initialize, and after shutdown, notifications are dropped.
        guard initialized, !shutDown else { return [] }
        switch method {
        case "initialized":
            guard watchesFiles, !workspaceFolders.isEmpty else { return [] }
            // The client's answer needs nothing done: it is dropped as every answer is.
            let watcher: JSON = .object([("globPattern", .string("**/*.plan"))])
            let registration: JSON = .object([("id", .string("plan-files")), ("method", .string("workspace/didChangeWatchedFiles")),
                                              ("registerOptions", .object([("watchers", .array([watcher]))]))])
            return [.object([("jsonrpc", .string("2.0")), ("id", .string("plan-watch")), ("method", .string("client/registerCapability")),
                             ("params", .object([("registrations", .array([registration]))]))])]
        case "textDocument/didOpen":
            guard let item = params["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
                return [invalidNotification(method)]
            }
            documents[uri] = OpenDocument(uri: uri, version: item["version"]?.integer ?? 0, bytes: Array(text.utf8))
            return analyze()
        case "textDocument/didChange":
            guard let uri = params["textDocument"]?["uri"]?.string, let changes = params["contentChanges"]?.array else {
                return [invalidNotification(method)]
            }
            guard var document = documents[uri] else {
                return [message(.warning, "a change to \(uri), which is not open, was ignored")]
            }
            for change in changes {
                guard let bytes = document.applying(change, encoding: encoding) else {
                    log("plan lsp: a change to \(uri) lies outside its text; ignored")
                    return [message(.error, "a change to \(uri) lies outside its text, so the server's copy may differ from the editor's; reopen the file")]
                }
                document = OpenDocument(uri: uri, version: params["textDocument"]?["version"]?.integer ?? document.version, bytes: bytes)
            }
            documents[uri] = document
            return analyze(keepingUnchanged: true)
        case "textDocument/didClose":
            guard let uri = params["textDocument"]?["uri"]?.string else { return [invalidNotification(method)] }
            documents[uri] = nil
            return analyze()
        case "workspace/didChangeWatchedFiles":
            guard let changes = params["changes"]?.array else { return [invalidNotification(method)] }
            for change in changes {
                guard let path = change["uri"]?.string.flatMap(DocumentURI.path(of:)), path.hasSuffix(".plan"),
                      workspaceFolders.contains(where: { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else { continue }
                // FileChangeType 3 is Deleted; 1 Created and 2 Changed are read again.
                if change["type"]?.integer == 3 { workspaceFiles.remove(path) } else { workspaceFiles.update(path, disk: disk) }
            }
            return analyze()
        default:
            // `$/cancelRequest` too: each request is answered before the
            // next message is read, so there is never one left to cancel.
            return []
        }
    }

    private enum MessageType: Int { case error = 1, warning = 2 }

    private func message(_ type: MessageType, _ text: String) -> JSON {
        Self.notification("window/showMessage", .object([("type", .number(Double(type.rawValue))), ("message", .string(text))]))
    }

    private func invalidNotification(_ method: String) -> JSON {
        log("plan lsp: \(method) without the parameters it needs; ignored")
        return message(.warning, "\(method) without the parameters it needs was ignored")
    }

    /// Checks every open plan again and publishes what changed: every file
    /// with a problem, and an empty list for each one fixed since.
    /// `keepingUnchanged` after an edit, when the same documents are open:
    /// a plan none of whose files changed keeps its analysis.
    private mutating func analyze(keepingUnchanged: Bool = false) -> [JSON] {
        let open = Set(documents.values.compactMap(\.path))
        workspace = Workspace.analyze(Array(documents.values), holders: workspaceFiles.roots(holding: open),
                                      previous: keepingUnchanged ? workspace : nil, disk: disk, today: today)
        contexts.removeAll()
        var byURI: [String: [JSON]] = [:]
        var order: [String] = []
        // A file two open plans include gets each problem once.
        var seen: Set<PublishedKey> = []
        fixes.removeAll()
        for (position, analysis) in workspace.analyses.enumerated() {
            let converter = DiagnosticConverter(sources: analysis.interpreter.sources, encoding: encoding,
                                                checksDocument: checksDocument, fallbackURI: analysis.root)
            if byURI[analysis.root] == nil { byURI[analysis.root] = []; order.append(analysis.root) }
            for diagnostic in analysis.diagnostics {
                let (uri, json) = converter.convert(diagnostic)
                if byURI[uri] == nil { byURI[uri] = []; order.append(uri) }
                let key = PublishedKey(uri: uri, code: diagnostic.code, start: diagnostic.range.start, end: diagnostic.range.end,
                                       message: diagnostic.message)
                guard seen.insert(key).inserted else { continue }
                byURI[uri]?.append(json)
                if let fix = diagnostic.fix, let range = json["range"], let message = json["message"]?.string {
                    fixes[uri, default: []].append(PublishedFix(code: diagnostic.code.rawValue, range: range, message: message,
                                                                fix: fix, analysis: position))
                }
            }
        }
        for document in documents.values.sorted(by: { $0.uri < $1.uri }) where byURI[document.uri] == nil {
            byURI[document.uri] = []
            order.append(document.uri)
        }
        let cleared = published.subtracting(order).sorted()
        published = Set(order.filter { !(byURI[$0]?.isEmpty ?? true) })
        return (order + cleared).map { uri in
            var members: [(String, JSON)] = [("uri", .string(uri))]
            if let version = documents[uri]?.version { members.append(("version", .number(Double(version)))) }
            members.append(("diagnostics", .array(byURI[uri] ?? [])))
            return Self.notification("textDocument/publishDiagnostics", .object(members))
        }
    }
}

/// What tells two published diagnostics apart.
private struct PublishedKey: Hashable {
    var uri: String
    var code: DiagnosticCode
    var start: Int
    var end: Int
    var message: String
}
