import Foundation
import PlanKit

/// `plan export --format F FILE [-o OUT]`. The format is checked before
/// anything is read; a plan with errors writes nothing; `-o -` or no `-o`
/// writes to stdout, any other path atomically.
func runExport(format: String, file: String, output: String?, context: CommandContext) -> Int32 {
    guard let exportFormat = ExportFormat(rawValue: format) else {
        writeError("plan export: unknown format \"\(format)\"; formats: \(ExportFormat.list)")
        return 2
    }
    guard let interpreter = context.loadForOutput([file]) else { return 1 }
    let text = exportFormat.render(interpreter.plan, today: context.today)
    guard let output, output != "-" else {
        print(text, terminator: "")
        return 0
    }
    do {
        try AtomicFile.write(text, to: output)
    } catch {
        writeError("plan export: \(error.description)")
        return 1
    }
    return 0
}

private func writeError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
