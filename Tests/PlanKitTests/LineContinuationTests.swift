import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
import Testing

/// A statement read line by line (a piped REPL script) ends where a file's
/// statement would: LineContinuation reads each line once, alone, and must
/// agree with the lexer reading the whole text.
@Suite struct LineContinuationTests {
    /// Whether the statement of the first `count` lines of `lines` goes on.
    static func continues(_ lines: [String], after count: Int) -> Bool {
        var continuation = LineContinuation()
        for line in lines.prefix(count) { continuation.read(Array(line.utf8)[...]) }
        return continuation.continues
    }

    @Test func aLineEndsTheStatementUnlessABracketIsOpenOrAnOperatorTrails() {
        let cases: [(lines: [String], goesOn: [Bool])] = [
            (["count([1,", "2, (3", "+ 4)])"], [true, true, false]),
            (["1 +", "2"], [true, false]),
            (["goal g serves a,", "b by 2027-06"], [true, false]),
            (["x and", "not", "y"], [true, true, false]),
            // A bracket or an operator in a string or a comment is no bracket.
            (["vision \"([\"", "1"], [false, false]),
            (["1 # (", "2"], [false, false]),
            (["[1, 2]  # ,", "2"], [false, false]),
            // More closing brackets than open ones close nothing left over.
            (["(1)) + (", "2)"], [true, false]),
            (["a; b +", "c"], [true, false]),
        ]
        for (lines, goesOn) in cases {
            for count in 1...lines.count {
                #expect(Self.continues(lines, after: count) == goesOn[count - 1], "\(lines) after \(count)")
            }
        }
    }

    /// Where the lexer, reading the whole text, ends the statement, the
    /// line reader ends it too.
    @Test func itAgreesWithTheLexer() {
        let texts = ["count([1,\n2,\n3])\n", "1 +\n2\n", "[1,\n# note\n2]\n", "x ==\n1 or\n2\n"]
        for text in texts {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            let tokens = Lexer.tokenize(Source(name: "t", text: text), id: 0).tokens
            let newlines = tokens.filter { $0.kind == .newline }.count
            // One statement each: the lexer ends it once, at the last line.
            #expect(newlines == 1, "\(text)")
            #expect(!Self.continues(lines, after: lines.count), "\(text)")
            for count in 1..<lines.count where !lines[count - 1].hasPrefix("#") {
                #expect(Self.continues(lines, after: count), "\(text) after \(count)")
            }
        }
    }
}
