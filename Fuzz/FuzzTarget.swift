// Built together with the PlanKit sources as one module (see Makefile), or against it.
#if canImport(PlanKit)
import PlanKit
#endif

/// libFuzzer entry: any bytes at all go through the lexer, the parser, the
/// interpreter and the checks. A crash, trap, hang or leak here is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var interpreter = Interpreter(today: Day(ordinal: 20_000))
    _ = interpreter.run(Source(name: "fuzz.plan", bytes: bytes))
    _ = interpreter.check()
    return 0
}
