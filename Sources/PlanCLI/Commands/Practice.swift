#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan practice FILE|DIR... [--json] [--details] [--jobs N] [--html -o DIR]`:
/// each client's plan loaded on its own, with its includes, on `jobs`
/// threads; one row a client, most urgent first (docs/cli.md). A plan with
/// errors still gets its row, and makes the exit status 1.
func runPractice(paths: [String], details: Bool, jobs: Int, htmlFolder: String?, context: CommandContext) -> Int32 {
    var plans: [PlanToLoad] = []
    for path in paths {
        switch PlanToLoad.found(at: path) {
        case .success(let found): plans += found
        case .failure(let problem):
            StandardStream.error.write("plan: error: \(Literal.printable(problem.description))\n")
            return 1
        }
    }
    let today = context.today
    let loaded = parallelMap(plans, jobs: jobs) { plan in
        LoadedClient(plan, today: today, page: htmlFolder != nil)
    }
    let clients = LoadedClient.withoutIncludedOnes(loaded)
    let practice = Practice(rows: clients.map(\.row), today: today)

    if let htmlFolder {
        if let problem = writePages(practice, clients: clients, to: htmlFolder) {
            StandardStream.error.write("plan: error: \(Literal.printable(problem))\n")
            return 1
        }
    } else if context.output.json {
        StandardStream.output.write(practice.jsonLines(details: details))
    } else {
        StandardStream.output.write(practice.render(color: context.output.color, details: details))
    }
    return practice.failed > 0 ? 1 : 0
}

/// The index and one page a client, all written or none; never into a
/// folder that holds a plan, whose files a page could be taken for.
private func writePages(_ practice: Practice, clients: [LoadedClient], to folder: String) -> String? {
    if filesIn(folder).contains(where: { $0.hasSuffix(".plan") }) {
        return "will not write the pages into \(folder): it holds plans; choose a folder of its own"
    }
    var status = stat()
    if stat(folder, &status) != 0 {
        guard mkdir(folder, 0o755) == 0 else {
            return "cannot make the folder \(folder): \(StandardStream.reason(errno))"
        }
    } else if status.st_mode & S_IFMT != S_IFDIR {
        return "cannot write the pages into \(folder): it is not a folder"
    }
    let pages = HTMLPractice.pageNames(for: practice.rows)
    var files: [(text: String, path: String)] = [(HTMLPractice.index(practice, pages: pages), folder + "/index.html")]
    let byFile = Dictionary(clients.map { ($0.row.file, $0.page) }, uniquingKeysWith: { first, _ in first })
    for (row, name) in zip(practice.rows, pages) {
        guard let page = byFile[row.file] ?? nil else { continue }
        files.append((page, folder + "/" + name))
    }
    do {
        try AtomicFile.write(files, sparing: clients.flatMap(\.sources))
    } catch {
        return error.description
    }
    return nil
}

/// One plan to load: a file named on the line, or found in a folder named.
struct PlanToLoad: Sendable {
    var path: String
    /// The folder it was found in; nil when it was named itself.
    var folder: String?

    /// `path` itself, or each `.plan` file of the folder, by name.
    static func found(at path: String) -> Result<[PlanToLoad], FolderError> {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            return .success([PlanToLoad(path: path)])
        }
        guard let directory = opendir(path) else {
            return .failure(FolderError(description: "cannot read the folder \(path): \(StandardStream.reason(errno))"))
        }
        closedir(directory)
        let folder = path.hasSuffix("/") ? String(path.dropLast()) : path
        return .success(filesIn(path).filter { $0.hasSuffix(".plan") && !$0.hasPrefix(".") }.sorted()
            .map { PlanToLoad(path: folder + "/" + $0, folder: folder) })
    }
}

struct FolderError: Error, CustomStringConvertible {
    var description: String
}

/// A client's plan, loaded and checked, reduced to its row (and its page
/// when pages are asked for); the plan itself is let go at once.
struct LoadedClient: Sendable {
    var row: PracticeRow
    var folder: String?
    /// The plan's own file and every file it includes, resolved.
    var canonical: String
    var includes: [String]
    var page: String?

    var sources: [String] { [canonical] + includes }

    init(_ plan: PlanToLoad, today: Day, page: Bool) {
        folder = plan.folder
        var interpreter = Interpreter(today: today, reader: FileReader())
        let diagnostics = Inputs.diagnostics(in: Inputs.load(plan.path, into: &interpreter)) + interpreter.check()
        row = PracticeRow(file: plan.path, interpreter: interpreter, diagnostics: diagnostics)
        canonical = FileReader.canonical(plan.path)
        includes = interpreter.sourceFiles.dropFirst().map(FileReader.canonical)
        self.page = page && row.errors == 0 ? HTMLExport.render(interpreter.asOfToday, today: today) : nil
    }

    /// A file of a folder that another plan of the same folder includes is
    /// part of that plan, not a client of its own.
    static func withoutIncludedOnes(_ clients: [LoadedClient]) -> [LoadedClient] {
        var included: [String: Set<String>] = [:]
        for client in clients {
            guard let folder = client.folder else { continue }
            included[folder, default: []].formUnion(client.includes.filter { $0 != client.canonical })
        }
        return clients.filter { client in
            guard let folder = client.folder else { return true }
            return !(included[folder]?.contains(client.canonical) ?? false)
        }
    }
}
