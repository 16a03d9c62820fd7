import Foundation
import Testing

@Suite(.serialized) struct REPLTerminalTests {
    @Test func commandCompletionAndHistoryFile() throws {
        let home = try TemporaryFolder()
        let terminal = try Terminal(["repl"], home: home.path)
        try terminal.expect("plan> ")
        terminal.type(":rel\t")
        try terminal.expect(":reload ")
        terminal.type("\r")
        try terminal.expect("plan> ")
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        print(terminal.raw)
    }
}
