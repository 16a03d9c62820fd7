// Built together with the PlanKit sources as one module (see Makefile), or against it.
#if canImport(PlanKit)
import PlanKit
#endif

/// libFuzzer entry for the language server: after `initialize` and the
/// opening of a small plan, the input is what the client sends next, as
/// raw bytes (Fuzz/corpus-lsp/ holds framed edits among requests to start
/// from). A crash, trap, hang or leak is a bug, and so is an answer that
/// does not read back as the JSON it was, or an exit status other than 0 or 1.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    var server = LanguageServer(reader: NoFiles(), today: Day(ordinal: 20_000), version: "fuzz")
    var framer = MessageFramer()
    let opening = """
        {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{}}}
        """
    let document = """
        {"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///f.plan","languageId":"plan","version":1,\
        "text":"vision \\"v\\"\\nvalue v\\nskill s level 1 target 3\\ngoal \\"A 😀\\" by 2027-06 serves v\\n  needs skill s at 2\\n"}}}
        """
    framer.push(MessageFramer.frame(opening) + MessageFramer.frame(document) + bytes)
    while let frame = framer.next() {
        for message in server.receive(frame) {
            let text = message.serialized()
            guard case .success(let again) = JSONReader.parse(Array(text.utf8)), again == message else {
                preconditionFailure("an answer that does not read back: \(text)")
            }
        }
        if let status = server.exitStatus {
            precondition(status == 0 || status == 1, "exit status \(status)")
            break
        }
    }
    return 0
}
