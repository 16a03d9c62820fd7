// Built into each fuzz target (see Makefile).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(PlanKit)
import PlanKit
#endif

/// Runs the samples once before fuzzing starts. Swift builds its tables of
/// kinds, builtins and keywords lazily, on first use, and keeps them for the
/// life of the process; built during a fuzz input, LeakSanitizer would take
/// them for that input's leak.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> Int32 {
    for kind in EntityKind.allCases { _ = kind.info }
    for name in ["product-launch", "coaching", "balance", "drifted"] {
        guard let file = fopen("../Samples/\(name).plan", "r") else { continue }
        var bytes: [UInt8] = []
        while true {
            let byte = fgetc(file)
            if byte == EOF { break }
            bytes.append(UInt8(byte))
        }
        fclose(file)
        let source = Source(name: "\(name).plan", bytes: bytes)
        var interpreter = Interpreter(today: Day(ordinal: 20_000))
        _ = interpreter.run(source)
        _ = interpreter.check()
        _ = Formatter.format(source)
    }
    return 0
}
