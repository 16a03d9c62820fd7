import PlanCore
import PlanSyntax
import PlanKit

/// The `.plan` files of the workspace folders that are not open, each
/// with the files it includes: found once when the server starts (and
/// kept up to date from `workspace/didChangeWatchedFiles`), so that a file
/// an unopened plan includes is checked as part of that plan.
struct WorkspaceFiles {
    /// By path, the paths its `include` statements name, resolved.
    private(set) var includes: [String: [String]] = [:]

    /// Reads what `path` includes; a file that cannot be read is forgotten.
    mutating func update(_ path: String, disk: any SourceReader) {
        let key = DocumentURI.normalized(path)
        guard case .success(let text) = disk.read(key) else {
            includes[key] = nil
            return
        }
        includes[key] = Self.included(by: Source(name: key, bytes: text.bytes))
    }

    mutating func remove(_ path: String) {
        includes[DocumentURI.normalized(path)] = nil
    }

    /// The paths a plan's `include` statements name, resolved against its
    /// folder: the words `include "..."` read from its tokens, which is all
    /// this needs of a file that is not checked yet.
    static func included(by source: Source) -> [String] {
        let tokens = Lexer.tokenize(source, id: 0).tokens
        let folder = IncludePaths.folder(of: source.name)
        var paths: [String] = []
        for (index, token) in tokens.enumerated() where token.kind == .keyword(.include) {
            guard tokens.indices.contains(index + 1), tokens[index + 1].kind == .string else { continue }
            paths.append(DocumentURI.normalized(IncludePaths.resolve(Lexeme.stringValue(of: tokens[index + 1], in: source), in: folder)))
        }
        return paths
    }

    /// The files not open that are the main files of plans holding an
    /// open one: each includes, directly or through other files, a file in
    /// `open`, and no other such file includes it. One walk up the
    /// includes from the open files, so linear in the includes.
    func roots(holding open: Set<String>) -> [String] {
        var includers: [String: [String]] = [:]
        for (path, named) in includes {
            for target in named { includers[target, default: []].append(path) }
        }
        var holders: Set<String> = []
        var waiting = Array(open)
        while let path = waiting.popLast() {
            for holder in includers[path] ?? [] where !open.contains(holder) && holders.insert(holder).inserted {
                waiting.append(holder)
            }
        }
        // A holder that another includes is part of that one's plan.
        let inner = Set(holders.flatMap { includes[$0] ?? [] })
        return holders.filter { !inner.contains($0) }.sorted()
    }
}
