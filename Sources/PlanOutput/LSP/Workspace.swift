import PlanCore
import PlanSyntax
import PlanKit

/// The open documents checked as plans: each one that no other open
/// document includes is the main file of a plan, loaded exactly as
/// `plan check` loads a file, its includes read from the buffers where
/// they are open. A file included by an open plan, or by a plan of the
/// workspace that is not open, is checked as part of that plan.
struct Workspace {
    /// One plan: its main document, the interpreter that loaded it, and
    /// what `plan check` would report for it.
    struct Analysis {
        var root: String
        var interpreter: Interpreter
        var diagnostics: [Diagnostic]
        /// The plan as of today, as the checks saw it.
        var current: Plan
        /// Source names (paths) of every file it read, the main one first.
        var files: Set<String>

        /// Whether loading the plan again would read what it read: every
        /// file the same bytes, and no include that failed (a missing file
        /// may have come since).
        func readsTheSame(through reader: any SourceReader) -> Bool {
            guard !diagnostics.contains(where: { $0.code == .includeFailed }) else { return false }
            return interpreter.sources.sources.allSatisfy { source in
                guard source.name.hasPrefix("/"), case .success(let text) = reader.read(source.name) else { return false }
                return text.bytes == source.bytes
            }
        }
    }

    /// Every plan checked, before those that another includes are dropped:
    /// what the next analysis may keep.
    private(set) var all: [Analysis] = []
    var analyses: [Analysis] = []

    /// `holders`: files not open that include an open one (`WorkspaceFiles.roots`),
    /// checked as main files too.
    ///
    /// `previous`, the analyses of the same open documents before an edit:
    /// a plan none of whose files changed (every file it read reads back
    /// the same bytes) is not loaded and checked again, so an edit checks
    /// only the plans that hold the file edited.
    static func analyze(_ documents: [OpenDocument], holders: [String] = [], previous: Workspace? = nil,
                        disk: any SourceReader, today: Day) -> Workspace {
        var buffers: [String: [UInt8]] = [:]
        for document in documents {
            if let path = document.path { buffers[path] = document.source.bytes }
        }
        let reader = BufferReader(buffers: buffers, disk: disk)
        let kept = Dictionary((previous?.all ?? []).map { ($0.root, $0) }, uniquingKeysWith: { first, _ in first })
        func analysis(root: String, _ load: (inout Interpreter) -> [Outcome]) -> Analysis {
            if let earlier = kept[root], earlier.readsTheSame(through: reader) { return earlier }
            var interpreter = Interpreter(today: today, reader: reader)
            var diagnostics: [Diagnostic] = []
            for case .diagnostic(let diagnostic) in load(&interpreter) { diagnostics.append(diagnostic) }
            let (found, current) = interpreter.checkAsOfToday()
            diagnostics += found
            let files = Set(interpreter.sources.sources.map { DocumentURI.normalizedName($0.name) })
            return Analysis(root: root, interpreter: interpreter, diagnostics: diagnostics, current: current, files: files)
        }
        var all = documents.sorted(by: { $0.uri < $1.uri }).map { document in
            analysis(root: document.uri) { interpreter in
                document.path.map { interpreter.load(path: $0) } ?? interpreter.run(document.source)
            }
        }
        all += holders.map { path in analysis(root: DocumentURI.uri(of: path)) { $0.load(path: path) } }
        // A plan whose main file another plan includes is that plan's part.
        let included = Set(all.flatMap { analysis in
            analysis.files.subtracting([DocumentURI.normalizedName(analysis.interpreter.sources[0]?.name ?? "")])
        })
        var workspace = Workspace()
        workspace.all = all
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
