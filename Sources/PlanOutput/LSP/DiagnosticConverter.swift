import PlanCore
import PlanSyntax
import PlanKit

/// A plan's diagnostic as LSP publishes it: the same places `plan check
/// --json` gives (the renderer's), in the negotiated encoding, with the
/// code's page, the hint after the message and the notes as related places.
struct DiagnosticConverter {
    let sources: SourceMap
    let encoding: PositionEncoding
    let checksDocument: String?
    /// Where a diagnostic with no place in any source (a main file that
    /// cannot be read) is shown.
    let fallbackURI: String
    /// Each source's URI by its position in `sources`, made once: a plan's
    /// hundreds of diagnostics name a few files.
    private let uris: [String]

    init(sources: SourceMap, encoding: PositionEncoding, checksDocument: String?, fallbackURI: String) {
        self.sources = sources
        self.encoding = encoding
        self.checksDocument = checksDocument
        self.fallbackURI = fallbackURI
        uris = sources.sources.map { DocumentURI.uri(ofSourceNamed: $0.name) }
    }

    func convert(_ diagnostic: Diagnostic) -> (uri: String, json: JSON) {
        let (uri, range) = location(diagnostic.range) ?? (fallbackURI, Self.emptyRange)
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\n" + hint }
        var members: [(String, JSON)] = [
            ("range", range),
            ("severity", .number(Double(Self.severity(diagnostic.severity)))),
            ("code", .string(diagnostic.code.rawValue)),
        ]
        if let checksDocument {
            members.append(("codeDescription", .object([("href", .string(checksDocument + "#" + diagnostic.code.rawValue))])))
        }
        members += [("source", .string("plan")), ("message", .string(message))]
        let related: [JSON] = diagnostic.notes.compactMap { note in
            guard let (noteURI, noteRange) = location(note.range) else { return nil }
            return .object([("location", .object([("uri", .string(noteURI)), ("range", noteRange)])),
                            ("message", .string(note.message))])
        }
        if !related.isEmpty { members.append(("relatedInformation", .array(related))) }
        return (uri, .object(members))
    }

    /// The URI and LSP range of `range`, placed as the renderer places it.
    func location(_ range: SourceRange) -> (String, JSON)? {
        guard let place = DiagnosticRenderer(sources: sources).place(range), let uri = uri(ofSource: range.source) else { return nil }
        let start = Positions.position(of: place.startOffset, in: place.source, encoding: encoding)
        let end = Positions.position(of: place.endOffset, in: place.source, encoding: encoding)
        return (uri, Self.range(start, end))
    }

    private func uri(ofSource position: Int) -> String? {
        uris.indices.contains(position) ? uris[position] : nil
    }

    /// The URI and LSP range of the text an edit replaces: exactly its
    /// bytes, where `location` would move an end-of-file place back onto
    /// the last line for display.
    func editLocation(_ range: SourceRange) -> (String, JSON)? {
        guard let source = sources[range.source], let uri = uri(ofSource: range.source) else { return nil }
        let start = Positions.position(of: min(range.start, source.bytes.count), in: source, encoding: encoding)
        let end = Positions.position(of: min(range.end, source.bytes.count), in: source, encoding: encoding)
        return (uri, Self.range(start, end))
    }

    static func range(_ start: LSPPosition, _ end: LSPPosition) -> JSON {
        .object([("start", start.json), ("end", end.json)])
    }

    static let emptyRange = range(LSPPosition(line: 0, character: 0), LSPPosition(line: 0, character: 0))

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }
}
