import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// What has been typed of the statements being entered, over one or more
/// lines, until the parser no longer says the input stops midway.
struct PendingInput {
    private(set) var text = ""
    /// The lines as typed, for the history: `text` joins a string that
    /// runs over a line end with an escape.
    private(set) var typed = ""

    var isEmpty: Bool { text.isEmpty }

    /// A line that continues a string joins with the escape `\n`, so that the
    /// string holds the line break and the whole stays valid source.
    mutating func append(_ line: String) {
        typed = typed.isEmpty ? line : typed + "\n" + line
        if text.isEmpty {
            text = line
        } else if Self.endsInsideString(text) {
            text += "\\n" + line
        } else {
            text += "\n" + line
        }
    }

    mutating func clear() {
        text = ""
        typed = ""
    }

    /// True while the input stops in the middle of a statement (an open
    /// string or bracket, a trailing operator or comma).
    var needsMore: Bool {
        Self.endsInsideString(text) || Parser.parse(Source(name: "<repl>", text: text), id: 0, recoversClauses: false).isIncomplete
    }

    /// The input is whole and ends with a declaration or an `update`,
    /// which indented clause lines may go on, as the docs write a goal.
    var takesClauseLines: Bool {
        guard case .declaration = Parser.parse(Source(name: "<repl>", text: text), id: 0, recoversClauses: false).statements.last?.kind else { return false }
        return true
    }

    static func endsInsideString(_ text: String) -> Bool {
        var inString = false
        var inComment = false
        var escaping = false
        for byte in text.utf8 {
            if inComment {
                inComment = byte != UInt8(ascii: "\n")
            } else if inString {
                if escaping {
                    escaping = false
                } else if byte == UInt8(ascii: "\\") {
                    escaping = true
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") {
                    inString = false
                }
            } else if byte == UInt8(ascii: "#") {
                inComment = true
            } else if byte == UInt8(ascii: "\"") {
                inString = true
            }
        }
        return inString
    }
}
