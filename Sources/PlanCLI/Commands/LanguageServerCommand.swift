#if canImport(Glibc)
import Glibc
import CMalloc
#elseif canImport(Darwin)
import Darwin
#endif
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan lsp`: the language server between stdin and stdout
/// (docs/editors.md). Messages are read as they arrive and answered in
/// order; stdout carries nothing but framed messages, and the few logs go
/// to stderr. Ends at `exit` (status 0 after `shutdown`, else 1) or with 1
/// when stdin closes first.
func runLanguageServer(context: CommandContext) -> Int32 {
    #if canImport(Glibc)
    // Each edit allocates and frees buffers of the document's size. glibc
    // moves its mmap threshold up to the size of each such buffer freed,
    // after which they come from the heap and fragment it: resident memory
    // grew about 2 KiB an edit on Benchmarks/lsp.py's plan. At a fixed
    // threshold they are mapped and given back each time, and it stays flat.
    _ = shim_fix_mmap_threshold(128 << 10)
    #endif
    var server = LanguageServer(reader: FileReader(makesRoomForModel: false), today: context.today, version: version,
                                checksDocument: checksDocumentURI(), keywordHelp: { Help.text($0) },
                                log: { StandardStream.error.write($0 + "\n") }, planFiles: planFiles(under:))
    var framer = MessageFramer()
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
            StandardStream.error.write("plan lsp: stdin closed before exit\n")
            return 1
        }
        framer.push(chunk.prefix(count))
        while let frame = framer.next() {
            var out: [UInt8] = []
            for message in server.receive(frame) {
                out += MessageFramer.frame(message)
            }
            if !out.isEmpty, let failure = StandardStream.writeAll(out, to: 1) {
                StandardStream.error.write("plan lsp: cannot write to stdout: \(StandardStream.reason(failure))\n")
                return 1
            }
            if let status = server.exitStatus { return status }
        }
    }
}

/// docs/checks.md beside the executable's source tree (`.build/debug/plan`
/// three folders below it), which the diagnostics link their codes to;
/// nil when plan runs from elsewhere.
private func checksDocumentURI() -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink("/proc/self/exe", &buffer, Int(PATH_MAX))
    guard length > 0 else { return nil }
    var folder = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    for _ in 0..<4 {
        guard let slash = folder.lastIndex(of: "/") else { return nil }
        folder = String(folder[..<slash])
        let candidate = folder + "/docs/checks.md"
        var status = stat()
        if stat(candidate, &status) == 0 { return DocumentURI.uri(of: candidate) }
    }
    return nil
}

/// The `.plan` files under `folder`, for the server to see the plans that
/// include an open file: breadth first, skipping hidden folders (`.git`,
/// `.build`), at most `planFileLimit` files and `planFolderDepth` folders deep,
/// so that opening a file in a home folder costs no more than a glance.
@Sendable func planFiles(under folder: String) -> [String] {
    var found: [String] = []
    var level = [folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder]
    for _ in 0...planFolderDepth {
        var next: [String] = []
        for current in level {
            guard let directory = opendir(current) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                guard let name = withUnsafeBytes(of: entry.pointee.d_name, { String(validating: $0.prefix { $0 != 0 }, as: UTF8.self) }),
                      !name.hasPrefix(".") else { continue }
                let path = current == "/" ? "/" + name : current + "/" + name
                var status = stat()
                guard stat(path, &status) == 0 else { continue }
                if status.st_mode & S_IFMT == S_IFDIR {
                    next.append(path)
                } else if status.st_mode & S_IFMT == S_IFREG, name.hasSuffix(".plan") {
                    found.append(path)
                    if found.count >= planFileLimit { return found.sorted() }
                }
            }
        }
        level = next.sorted()
    }
    return found.sorted()
}

let planFileLimit = 1_000
let planFolderDepth = 8
