import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan export --format F FILE [-o OUT]`. The format is checked before
/// anything is read; a plan with errors writes nothing; `-o -` or no `-o`
/// writes to stdout, any other path atomically, never over one of the
/// plan's own files.
func runExport(format: String, file: String, output: String?, context: CommandContext) -> Int32 {
    guard let exportFormat = ExportFormat(rawValue: format) else {
        StandardStream.error.write("plan: error: unknown export format \(Literal.string(format)); formats: \(ExportFormat.list)\n")
        return 2
    }
    guard let interpreter = context.loadForOutput([file]) else { return 1 }
    let plan = interpreter.asOfToday
    guard let output, output != "-" else {
        exportFormat.write(plan, today: context.today) { StandardStream.output.write($0) }
        return 0
    }
    // Bytes, not a string: the text is held once on its way to the file.
    var bytes: [UInt8] = []
    exportFormat.write(plan, today: context.today) { bytes.append(contentsOf: $0.utf8) }
    do {
        try AtomicFile.write(bytes, to: output, sparing: interpreter.sourceFiles)
    } catch {
        StandardStream.error.write("plan: error: \(Literal.printable(error.description))\n")
        return 1
    }
    return 0
}

extension Interpreter {
    /// The files the plan was read from, includes too, which an export must
    /// not replace. Names such as `<stdin>` name no file and match none.
    var sourceFiles: [String] { sources.sources.map(\.name) }
}
