// Built with the PlanKit sources and PlanCLI's file code as one module (see Makefile).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libFuzzer entry for `plan fmt -w`: the input is formatted, written the way
/// `-w` writes (AtomicFile), read back the way `plan fmt` reads (FileReader)
/// and formatted again. The bytes read must be the text written, and
/// formatting them must change nothing; a crash or trap anywhere is a bug.
/// The file lives in /dev/shm when there is one, as `-w` syncs every write.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    guard let formatted = Formatter.format(Source(name: "fuzz.plan", bytes: bytes)).text else { return 0 }
    let path = "\(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp")/plan-fuzz-\(getpid()).plan"
    do {
        try AtomicFile.write(formatted, to: path)
    } catch {
        preconditionFailure("fmt -w could not write: \(error.description)")
    }
    switch FileReader.contents(of: path) {
    case .failure(let failure):
        preconditionFailure("fmt -w wrote what cannot be read back: \(failure.reason)")
    case .success(let file):
        precondition(file.bytes == Array(formatted.utf8), "the file read back is not the text written")
        let again = Formatter.format(Source(name: path, bytes: file.bytes))
        precondition(again.text == formatted, "fmt -w is not a fixpoint:\n\(formatted)\n---\n\(again.text ?? "")")
    }
    return 0
}
