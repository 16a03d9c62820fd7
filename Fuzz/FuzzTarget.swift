// Built together with the PlanKit sources as one module (see Makefile), or against it.
#if canImport(PlanKit)
import PlanKit
#endif

/// libFuzzer entry: any bytes at all go through the lexer, the parser, the
/// interpreter and the checks. A crash, trap, hang or leak here is a bug, and
/// so is a formatter whose output does not parse or is not its own fixpoint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let source = Source(name: "fuzz.plan", bytes: bytes)
    var interpreter = Interpreter(today: Day(ordinal: 20_000))
    _ = interpreter.run(source)
    _ = interpreter.check()

    if let formatted = Formatter.format(source).text {
        let again = Formatter.format(Source(name: "formatted.plan", text: formatted))
        precondition(again.text != nil, "formatter output does not parse: \(again.diagnostics)\n\(formatted)")
        precondition(again.text == formatted, "formatter is not idempotent:\n\(formatted)\n---\n\(again.text ?? "")")
    }
    return 0
}
