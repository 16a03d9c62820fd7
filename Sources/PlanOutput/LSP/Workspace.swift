import PlanCore
import PlanSyntax
import PlanKit

/// The open documents checked as plans: each one that no other open
/// document includes is the main file of a plan, loaded exactly as
/// `plan check` loads a file, its includes read from the buffers where
/// they are open. A file included by an open plan is checked as part of it.
struct Workspace {
    /// One plan: its main document, the interpreter that loaded it, and
    /// what `plan check` would report for it.
    struct Analysis {
        var root: String
        var interpreter: Interpreter
        var diagnostics: [Diagnostic]
        /// Source names (paths) of every file it read, the main one first.
        var files: Set<String>
    }

    var analyses: [Analysis] = []

    static func analyze(_ documents: [OpenDocument], disk: any SourceReader, today: Day) -> Workspace {
        var buffers: [String: [UInt8]] = [:]
        for document in documents {
            if let path = document.path { buffers[path] = document.source.bytes }
        }
        let reader = BufferReader(buffers: buffers, disk: disk)
        var all: [Analysis] = []
        for document in documents.sorted(by: { $0.uri < $1.uri }) {
            var interpreter = Interpreter(today: today, reader: reader)
            var diagnostics: [Diagnostic] = []
            let outcomes = document.path.map { interpreter.load(path: $0) } ?? interpreter.run(document.source)
            for case .diagnostic(let diagnostic) in outcomes { diagnostics.append(diagnostic) }
            diagnostics += interpreter.check()
            let files = Set(interpreter.sources.sources.map { DocumentURI.normalizedName($0.name) })
            all.append(Analysis(root: document.uri, interpreter: interpreter, diagnostics: diagnostics, files: files))
        }
        // A plan whose main file another plan includes is that plan's part.
        let included = Set(all.flatMap { analysis in
            analysis.files.subtracting([DocumentURI.normalizedName(analysis.interpreter.sources[0]?.name ?? "")])
        })
        var workspace = Workspace()
        workspace.analyses = all.filter { analysis in
            guard let main = analysis.interpreter.sources[0]?.name else { return true }
            return !included.contains(DocumentURI.normalizedName(main))
        }
        return workspace
    }

    /// The plan a document is part of: the first that read it.
    func analysis(for document: OpenDocument) -> Analysis? {
        let name = DocumentURI.normalizedName(document.source.name)
        return analyses.first { $0.files.contains(name) }
    }

    /// The source id of `name` in `analysis`: the last reading, as a file
    /// included twice is read twice.
    static func sourceID(of name: String, in interpreter: Interpreter) -> Int? {
        let key = DocumentURI.normalizedName(name)
        return interpreter.sources.sources.lastIndex { DocumentURI.normalizedName($0.name) == key }
    }
}

extension DocumentURI {
    /// A source's name as a key: a path normalized, anything else as it is.
    static func normalizedName(_ name: String) -> String {
        name.hasPrefix("/") ? normalized(name) : name
    }

    /// The URI of the document a source's name stands for.
    static func uri(ofSourceNamed name: String) -> String {
        name.hasPrefix("/") ? uri(of: normalized(name)) : name
    }
}
