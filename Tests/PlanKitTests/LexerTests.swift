import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct LexerTests {
    struct Lexed {
        let source: Source
        let result: Lexer.Result

        var kinds: [TokenKind] { result.tokens.map(\.kind) }
        var texts: [String] { result.tokens.map { source.text($0.range) } }
        /// Each diagnostic as `line:column code message`, the way a user reads it.
        var problems: [String] {
            result.diagnostics.map { diagnostic in
                let (line, column) = source.location(of: diagnostic.range.start)
                return "\(line):\(column) \(diagnostic.code.rawValue) \(diagnostic.message)"
            }
        }
        var hints: [String?] { result.diagnostics.map(\.hint) }
    }

    func lex(_ text: String) -> Lexed {
        lex(bytes: Array(text.utf8))
    }

    func lex(bytes: [UInt8]) -> Lexed {
        let source = Source(name: "test.plan", bytes: bytes)
        return Lexed(source: source, result: Lexer.tokenize(source, id: 7))
    }

    // MARK: Tokens

    @Test func everyPunctuationAndOperator() {
        let lexed = lex("( ) [ ] , . ; + - * / = == != < <= > >=")
        #expect(lexed.kinds == [
            .leftParen, .rightParen, .leftBracket, .rightBracket, .comma, .dot, .semicolon,
            .plus, .minus, .star, .slash, .equal, .equalEqual, .bangEqual,
            .less, .lessEqual, .greater, .greaterEqual, .newline, .eof,
        ])
        #expect(lexed.texts == ["(", ")", "[", "]", ",", ".", ";", "+", "-", "*", "/", "=", "==", "!=",
                                "<", "<=", ">", ">=", "", ""])
        #expect(lexed.result.diagnostics.isEmpty)
    }

    @Test func operatorsNeedNoSpaces() {
        let lexed = lex("a<=b>=c!=d==e")
        #expect(lexed.kinds == [.identifier, .lessEqual, .identifier, .greaterEqual, .identifier,
                                .bangEqual, .identifier, .equalEqual, .identifier, .newline, .eof])
    }

    @Test func keywordsAndIdentifiers() {
        let lexed = lex("goal goals Goal goal_2 _x where non_negotiable today it")
        #expect(lexed.kinds == [.keyword(.goal), .keyword(.goals), .identifier, .identifier, .identifier,
                                .keyword(.where), .identifier, .keyword(.today), .identifier, .newline, .eof])
        #expect(lexed.texts.prefix(9) == ["goal", "goals", "Goal", "goal_2", "_x", "where", "non_negotiable",
                                          "today", "it"])
    }

    @Test func everyKeywordIsRecognised() {
        for keyword in Keyword.allCases {
            #expect(lex(keyword.rawValue).kinds == [.keyword(keyword), .newline, .eof], "\(keyword)")
        }
    }

    @Test func everyKeywordIsRecognisedWithTextAfterIt() {
        // A word with sixteen bytes after its start is read eight bytes at a
        // time: only its own bytes may count, however long it is.
        let tail = " and more text after it"
        for keyword in Keyword.allCases where keyword != .nonNegotiable {
            let word = keyword.rawValue
            #expect(lex(word + tail).kinds.first == .keyword(keyword), "\(keyword)")
            #expect(lex(word + "x" + tail).kinds.first == .identifier, "\(keyword)")
            #expect(lex(String(word.dropLast()) + tail).kinds.first != .keyword(keyword), "\(keyword)")
        }
        for length in 1...20 {
            let word = String(repeating: "q", count: length)
            #expect(lex(word + tail).texts.first == word, "\(length)")
        }
        #expect(lex("experiences_and_more" + tail).kinds.first == .identifier)
        #expect(lex("goalsgoalsgoalsgo" + tail).kinds.first == .identifier)
    }

    @Test func whatEndsAStringIsFoundWhereverItStands() {
        // Strings are read eight bytes at a time: each byte that ends or
        // changes a string, at each place in a word and past its end.
        for place in 0..<20 {
            let before = String(repeating: "a", count: place)
            let closed = lex("\"" + before + "\" x")
            #expect(closed.kinds == [.string, .identifier, .newline, .eof], "\(place)")
            #expect(closed.texts.first == "\"" + before + "\"", "\(place)")
            let escaped = lex("\"" + before + "\\\"b\" x")
            #expect(escaped.kinds == [.string, .identifier, .newline, .eof], "\(place)")
            #expect(escaped.result.tokens.first.map { Lexeme.stringValue(of: $0, in: escaped.source) } == before + "\"b")
            let accented = lex("\"" + before + "\u{E9}b\" x")
            #expect(accented.texts.first == "\"" + before + "\u{E9}b\"", "\(place)")
            let broken = lex(bytes: Array(("\"" + before).utf8) + [0xFF] + Array("b\" x".utf8))
            #expect(broken.problems == ["1:\(place + 2) E004 invalid UTF-8 byte 0xFF"], "\(place)")
            let unterminated = lex("\"" + before + "\nvalue v")
            #expect(unterminated.problems == ["1:1 E002 unterminated string"], "\(place)")
            #expect(unterminated.kinds == [.invalid, .newline, .keyword(.value), .identifier, .newline, .eof], "\(place)")
            let crlf = lex("\"" + before + "\r\nvalue v")
            #expect(crlf.problems == ["1:1 E002 unterminated string"], "\(place)")
            let loneReturn = lex("\"" + before + "\rb\" x")
            #expect(loneReturn.kinds == [.string, .identifier, .newline, .eof], "\(place)")
        }
    }

    @Test func nonNegotiableIsOneKeyword() {
        let lexed = lex("value family priority 1 non-negotiable")
        #expect(lexed.kinds == [.keyword(.value), .identifier, .keyword(.priority), .number,
                                .keyword(.nonNegotiable), .newline, .eof])
        #expect(lexed.texts[4] == "non-negotiable")
        #expect(lex("non-negotiables").kinds == [.identifier, .minus, .identifier, .newline, .eof])
        #expect(lex("non - negotiable").kinds == [.identifier, .minus, .identifier, .newline, .eof])
        #expect(lex("non-negotiable_x").kinds == [.identifier, .minus, .identifier, .newline, .eof])
        #expect(lex("non").kinds == [.identifier, .newline, .eof])
    }

    @Test func numbers() throws {
        let lexed = lex("42 3.5 0 007 1000000000000000 x.5 3.")
        #expect(lexed.kinds == [.number, .number, .number, .number, .number, .identifier, .dot, .number,
                                .number, .dot, .newline, .eof])
        #expect(lexed.texts.prefix(5) == ["42", "3.5", "0", "007", "1000000000000000"])
        let values = lexed.result.tokens.prefix(5).map { Lexeme.numberValue(of: $0, in: lexed.source) }
        #expect(values == [42, 3.5, 0, 7, 1e15])
        #expect(lexed.result.diagnostics.isEmpty)
        let name = try #require(lexed.result.tokens.first { $0.kind == .identifier })
        #expect(Lexeme.numberValue(of: name, in: lexed.source) == nil)
    }

    @Test func wholeNumbersReadDigitByDigitAreTheNumbersWritten() {
        // Up to fifteen digits a number is read digit by digit, past that as text.
        let lexed = lex("0 7 0042 999999999999999 1000000000000000 12.50")
        let values = lexed.result.tokens.prefix(6).map { Lexeme.numberValue(of: $0, in: lexed.source) }
        #expect(values == [0, 7, 42, 999_999_999_999_999, 1e15, 12.5])
    }

    @Test func strings() {
        let lexed = lex(#""project management" "" "café ☕""#)
        #expect(lexed.kinds == [.string, .string, .string, .newline, .eof])
        #expect(lexed.texts.prefix(3) == [#""project management""#, #""""#, #""café ☕""#])
        let values = lexed.result.tokens.prefix(3).map { Lexeme.stringValue(of: $0, in: lexed.source) }
        #expect(values == ["project management", "", "café ☕"])
    }

    @Test func escapesAreDecoded() throws {
        let lexed = lex(#""a\\b \"q\" line\nnext\ttab \u{1F600} \u{41}\u{e9}""#)
        #expect(lexed.kinds == [.string, .newline, .eof])
        #expect(lexed.result.diagnostics.isEmpty)
        let token = try #require(lexed.result.tokens.first)
        #expect(Lexeme.stringValue(of: token, in: lexed.source) == "a\\b \"q\" line\nnext\ttab 😀 Aé")
    }

    @Test func dates() throws {
        let lexed = lex("2027-06-30 2027-06 2027-Q2 2027-q4 2028-02-29 2028-02")
        #expect(lexed.kinds == [.date, .date, .date, .date, .date, .date, .newline, .eof])
        #expect(lexed.texts.prefix(6) == ["2027-06-30", "2027-06", "2027-Q2", "2027-q4", "2028-02-29", "2028-02"])
        let days = lexed.result.tokens.prefix(6).map { (try? Lexeme.day(in: lexed.source.bytes, $0.range.start, $0.range.end).get())?.description }
        #expect(days == ["2027-06-30", "2027-06-30", "2027-06-30", "2027-12-31", "2028-02-29", "2028-02-29"])
        #expect(lexed.result.diagnostics.isEmpty)
    }

    @Test func dateArithmeticIsNotADate() {
        #expect(lex("2027 - 06").kinds == [.number, .minus, .number, .newline, .eof])
        #expect(lex("12345-06").kinds == [.number, .minus, .number, .newline, .eof])
        #expect(lex("2027-x").kinds == [.number, .minus, .identifier, .newline, .eof])
        #expect(lex("2027-06-30+1 days").kinds == [.date, .plus, .duration, .newline, .eof])
    }

    @Test func durations() throws {
        let lexed = lex("90 days 1 week 6 months 2 years 1 day 3\tmonth 2weeks")
        #expect(lexed.kinds == [.duration, .duration, .duration, .duration, .duration, .duration, .duration,
                                .newline, .eof])
        #expect(lexed.texts.prefix(7) == ["90 days", "1 week", "6 months", "2 years", "1 day", "3\tmonth", "2weeks"])
        let values = lexed.result.tokens.prefix(7).map { Lexeme.durationValue(of: $0, in: lexed.source) }
        #expect(values == [Duration(days: 90), Duration(days: 7), Duration(months: 6), Duration(months: 24),
                           Duration(days: 1), Duration(months: 3), Duration(days: 14)])
    }

    @Test func aUnitWordMustStandAlone() {
        #expect(lex("3 daysx").kinds == [.number, .identifier, .newline, .eof])
        #expect(lex("3 dayz").kinds == [.number, .identifier, .newline, .eof])
        #expect(lex("limit 3\ndays").kinds == [.keyword(.limit), .number, .newline, .identifier, .newline, .eof])
        #expect(lex("days(3)").kinds == [.identifier, .leftParen, .number, .rightParen, .newline, .eof])
    }

    @Test func commentsAreRecordedNotTokens() {
        let lexed = lex("#!/usr/bin/env plan\ngoal \"A\" # the first\r\n# alone\n")
        #expect(lexed.kinds == [.keyword(.goal), .string, .newline, .eof])
        #expect(lexed.result.comments.map { lexed.source.text($0) } == ["#!/usr/bin/env plan", "# the first", "# alone"])
        #expect(lexed.result.comments.allSatisfy { $0.source == 7 })
    }

    @Test func rangesAreByteOffsetsInTheGivenSource() {
        let lexed = lex("é x")
        let identifier = lexed.result.tokens[1]
        #expect(identifier.range == SourceRange(source: 7, start: 3, end: 4))
        #expect(lexed.result.tokens.last == Token(kind: .eof, range: SourceRange(source: 7, start: 4, end: 4)))
    }

    // MARK: Statement ends

    @Test func aLineEndEndsAStatement() {
        let lexed = lex("vision\nvalues\n")
        #expect(lexed.kinds == [.keyword(.vision), .newline, .keyword(.values), .newline, .eof])
        #expect(lexed.texts == ["vision", "\n", "values", "\n", ""])
    }

    @Test func noNewlineBeforeTheFirstTokenOrTwiceInARow() {
        let lexed = lex("\n\n  # c\n\nvision\n\n\n# x\n\nvalues")
        #expect(lexed.kinds == [.keyword(.vision), .newline, .keyword(.values), .newline, .eof])
        #expect(lex("").kinds == [.eof])
        #expect(lex("\n  \n# only a comment\n").kinds == [.eof])
    }

    @Test func bracketsContinueAStatement() {
        let lexed = lex("count(goals\nwhere done\n)\n[1,\n2\n]\n")
        #expect(lexed.kinds == [.identifier, .leftParen, .keyword(.goals), .keyword(.where), .keyword(.done),
                                .rightParen, .newline, .leftBracket, .number, .comma, .number, .rightBracket,
                                .newline, .eof])
    }

    @Test func aStrayClosingBracketDoesNotGoBelowZero() {
        let lexed = lex(")\na\n")
        #expect(lexed.kinds == [.rightParen, .newline, .identifier, .newline, .eof])
        #expect(lexed.result.endsInside == false)
    }

    @Test func aTrailingOperatorOrCommaContinues() {
        #expect(lex("1 +\n2").kinds == [.number, .plus, .number, .newline, .eof])
        #expect(lex("let x =\n2").kinds == [.keyword(.let), .identifier, .equal, .number, .newline, .eof])
        #expect(lex("a and\nb").kinds == [.identifier, .keyword(.and), .identifier, .newline, .eof])
        #expect(lex("a <=\n\n# why\nb").kinds == [.identifier, .lessEqual, .identifier, .newline, .eof])
        #expect(lex("serves family,\nlearning").kinds == [.keyword(.serves), .identifier, .comma, .identifier,
                                                           .newline, .eof])
        #expect(lex("a\n+ b").kinds == [.identifier, .newline, .plus, .identifier, .newline, .eof])
    }

    @Test func deeperIndentationContinues() {
        let text = """
        goal "Lead a product launch"
            role "Product Lead"

            # comment-only lines and blank lines do not count
          # even when less indented
            needs skill "project management", "stakeholder communication" at 4,
                        "strategic planning"
            by 2027-Q2
        milestone "M" for "Lead a product launch" by 2027-01-15 done
        """
        let kinds = lex(text).kinds
        #expect(kinds.filter { $0 == .newline }.count == 2)
        #expect(kinds.firstIndex(of: .newline) == kinds.firstIndex(of: .keyword(.milestone)).map { $0 - 1 })
    }

    @Test func theDocumentedExampleIsThreeStatements() {
        let text = """
        goal "Lead a product launch"                # the statement starts here
            role "Product Lead"                     # deeper: still the goal
            needs skill "project management",       # trailing comma: continues
                        "stakeholder communication" at 4
            by 2027-Q2
        goals where due < today + 6 months and
            not done                                # trailing `and`: continues
        count(goals
        where done)                                 # inside ( ): continues
        """
        let lexed = lex(text)
        #expect(lexed.result.diagnostics.isEmpty)
        let starts = lexed.result.tokens.indices.filter { $0 == 0 || lexed.kinds[$0 - 1] == .newline }
        #expect(starts.dropLast().map { lexed.texts[$0] } == ["goal", "goals", "count"])
        #expect(lexed.result.comments.count == 5)
    }

    @Test func indentationIsSkippedWholeAndStillMeasured() {
        // A line's blanks are passed at once when the line starts.
        let lexed = lex("goal g\n \t by 2027-01\n\t\r\n    # note\n  serves v\nvalue w\n")
        #expect(lexed.kinds == [.keyword(.goal), .identifier, .keyword(.by), .date, .keyword(.serves), .identifier, .newline,
                                .keyword(.value), .identifier, .newline, .eof])
        #expect(lexed.result.tokens.dropFirst(2).first?.range.start == 10)
        #expect(lexed.result.comments.count == 1)
    }

    @Test func indentationIsMeasuredFromTheStatementsFirstLine() {
        // The second statement starts indented, so only a deeper line continues it.
        #expect(lex("  a\n  b\n    c\nd").kinds == [.identifier, .newline, .identifier, .identifier, .newline,
                                                   .identifier, .newline, .eof])
        #expect(lex("a\n\tb").kinds == [.identifier, .identifier, .newline, .eof])
    }

    @Test func semicolonEndsAStatement() {
        let lexed = lex("a; b\n;; c;\n")
        #expect(lexed.kinds == [.identifier, .semicolon, .identifier, .newline, .identifier, .semicolon, .eof])
        #expect(lex("(a; b)").kinds == [.leftParen, .identifier, .semicolon, .identifier, .rightParen,
                                        .newline, .eof])
    }

    @Test func crlfIsOneLineEnd() {
        let lexed = lex("vision \"v\"\r\ngoal \"g\"\r\n    by 2027-06\r\nvalues\r")
        #expect(lexed.kinds == [.keyword(.vision), .string, .newline, .keyword(.goal), .string, .keyword(.by),
                                .date, .newline, .keyword(.values), .newline, .eof])
        #expect(lexed.texts[2] == "\r\n")
        #expect(lex("a\rb").kinds == [.identifier, .identifier, .newline, .eof])
    }

    @Test func endsInsideWhenMoreInputIsNeeded() {
        #expect(lex("count(goals").result.endsInside)
        #expect(lex("[1, 2").result.endsInside)
        #expect(lex("1 +").result.endsInside)
        #expect(lex("serves a,\n").result.endsInside)
        #expect(lex("a or").result.endsInside)
        #expect(lex("\"open").result.endsInside)
        #expect(!lex("count(goals)").result.endsInside)
        #expect(!lex("goal \"x\"\n").result.endsInside)
        #expect(lex("1 +").kinds == [.number, .plus, .newline, .eof])
    }

    // MARK: Errors

    @Test func unterminatedStringPointsAtTheOpeningQuote() {
        let lexed = lex("goal \"Lead\nvalues")
        #expect(lexed.problems == ["1:6 E002 unterminated string"])
        #expect(lexed.hints == ["close it with \" before the end of the line"])
        #expect(lexed.kinds == [.keyword(.goal), .invalid, .newline, .keyword(.values), .newline, .eof])
        #expect(lexed.texts[1] == "\"Lead")
        #expect(lexed.result.diagnostics.first?.range == SourceRange(source: 7, start: 5, end: 6))
        #expect(lexed.result.endsInside == false)
    }

    @Test func unterminatedStringAtEndOfInput() {
        let lexed = lex("vision\n\"abc\\")
        #expect(lexed.problems == ["2:1 E002 unterminated string"])
        #expect(lexed.result.endsInside)
        #expect(lexed.kinds == [.keyword(.vision), .newline, .invalid, .newline, .eof])
    }

    @Test func unterminatedStringBeforeCRLF() {
        let lexed = lex("a \"b\r\nc")
        #expect(lexed.problems == ["1:3 E002 unterminated string"])
        #expect(lexed.texts[1] == "\"b")
    }

    @Test func unknownEscape() {
        let lexed = lex("note \"C:\\path\"")
        #expect(lexed.problems == ["1:9 E003 unknown escape \\p in string"])
        #expect(lexed.hints == ["the escapes are \\\\ \\\" \\n \\t and \\u{...}; write \\\\ for a backslash"])
        #expect(lexed.kinds == [.keyword(.note), .invalid, .newline, .eof])
        #expect(lexed.result.diagnostics.first?.range == SourceRange(source: 7, start: 8, end: 10))
    }

    @Test func malformedUnicodeEscapes() {
        let lexed = lex(#""\u41" "\u{}" "\u{1234567}" "\u{12"  "\u{D800}" "\u{110000}""#)
        #expect(lexed.problems == [
            "1:2 E003 malformed escape \\u in string",
            "1:9 E003 malformed escape \\u{} in string",
            "1:16 E003 malformed escape \\u{1234567} in string",
            "1:30 E003 malformed escape \\u{12 in string",
            "1:39 E003 invalid escape \\u{D800} in string",
            "1:50 E003 invalid escape \\u{110000} in string",
        ])
        #expect(lexed.hints[0] == "write 1 to 6 hex digits in braces, as in \\u{1F600}")
        #expect(lexed.hints[4] == "\\u{...} must name a Unicode scalar: at most 10FFFF, and not D800 to DFFF")
        #expect(lexed.kinds.filter { $0 == .invalid }.count == 6)
    }

    @Test func invalidDates() {
        let lexed = lex("by 2027-02-30\nby 2027-13\nby 2027-Q5\nby 2027-6-1\nby 2027-06-30x")
        #expect(lexed.problems == [
            "1:4 E005 invalid date 2027-02-30: February 2027 has 28 days, not 30",
            "2:4 E005 invalid date 2027-13: there is no month 13; months run from 01 to 12",
            "3:4 E005 invalid date 2027-Q5: quarters run from Q1 to Q4",
            "4:4 E005 invalid date 2027-6-1: a date is YYYY-MM-DD, YYYY-MM or YYYY-Qn",
            "5:4 E005 invalid date 2027-06-30x: a date is YYYY-MM-DD, YYYY-MM or YYYY-Qn",
        ])
        #expect(lexed.kinds.filter { $0 == .invalid }.count == 5)
        #expect(lexed.kinds.filter { $0 == .date }.isEmpty)
    }

    /// Year 0 is no year of the calendar (ICS would write DUE:00000101,
    /// which iCalendar refuses); four digits allow no year past 9999.
    @Test func yearsRunFromOneTo9999() {
        let lexed = lex("by 0000-01-01\nby 0000-06\nby 0000-Q1\nby 0001-01-01 9999-12-31")
        #expect(lexed.problems == [
            "1:4 E005 invalid date 0000-01-01: years run from 0001 to 9999",
            "2:4 E005 invalid date 0000-06: years run from 0001 to 9999",
            "3:4 E005 invalid date 0000-Q1: years run from 0001 to 9999",
        ])
        let days = lexed.result.tokens.filter { $0.kind == .date }.map { (try? Lexeme.day(in: lexed.source.bytes, $0.range.start, $0.range.end).get())?.description }
        #expect(days == ["0001-01-01", "9999-12-31"])
    }

    @Test func numberTooLarge() {
        let huge = String(repeating: "9", count: 400)
        let lexed = lex("1000000000000001 \(huge) 1e3\nx \(huge).5 days")
        #expect(lexed.problems == [
            "1:1 E006 number is too large",
            "1:18 E006 number is too large",
            "2:3 E006 number is too large",
        ])
        #expect(lexed.hints[0] == "numbers in a plan go up to 1000000000000000")
        #expect(lexed.kinds == [.invalid, .invalid, .number, .identifier, .newline,
                                .identifier, .invalid, .newline, .eof])
        #expect(lexed.texts[6] == huge + ".5 days")
    }

    @Test func fractionalDuration() {
        let lexed = lex("today + 1.5 years")
        #expect(lexed.problems == ["1:9 E006 a duration needs a whole number"])
        #expect(lexed.hints == ["use a smaller unit: 18 months, not 1.5 years"])
        #expect(lexed.kinds == [.keyword(.today), .plus, .invalid, .newline, .eof])
        #expect(lexed.texts[2] == "1.5 years")
    }

    @Test func loneBang() {
        let lexed = lex("goals where !done")
        #expect(lexed.problems == ["1:13 E008 unexpected character '!'"])
        #expect(lexed.hints == ["write `not` to negate, or `!=` to compare"])
        #expect(lexed.kinds == [.keyword(.goals), .keyword(.where), .invalid, .keyword(.done), .newline, .eof])
    }

    @Test func unexpectedCharacters() {
        let lexed = lex("a @$ b\n  c & d\n'x' | y\n{z}")
        #expect(lexed.problems == [
            "1:3 E008 unexpected character '@'",
            "2:5 E008 unexpected character '&'",
            "3:1 E008 unexpected character '''",
            "3:3 E008 unexpected character '''",
            "3:5 E008 unexpected character '|'",
            "4:1 E008 unexpected character '{'",
            "4:3 E008 unexpected character '}'",
        ])
        #expect(lexed.texts[1] == "@$")
        #expect(lexed.hints.prefix(5) == [nil, "write `and`", "strings use double quotes: \"...\"",
                                          "strings use double quotes: \"...\"", "write `or`"])
    }

    @Test func unexpectedControlAndNonASCIICharacters() {
        let lexed = lex(bytes: Array("a \u{0} b\ncafé\n\u{A0}x \u{201C}Lead\u{201D}".utf8))
        #expect(lexed.problems == [
            "1:3 E008 unexpected character U+0000",
            "2:4 E008 unexpected character 'é'",
            "3:1 E008 unexpected character U+00A0",
            "3:4 E008 unexpected character '“'",
            "3:9 E008 unexpected character '”'",
        ])
        #expect(lexed.hints[1] == "outside strings and comments only ASCII is allowed; write other names as strings")
        #expect(lexed.hints[2] == "this is a special space; type a plain space")
        #expect(lexed.hints[3] == "strings use straight double quotes: \"...\"")
        #expect(lexed.texts[4] == "caf")
    }

    @Test func invalidUTF8Everywhere() {
        var bytes = Array("a ".utf8) + [0xFF] + Array(" b\n# c".utf8) + [0xC0, 0xAF]
        bytes += Array("\n\"s".utf8) + [0xED, 0xA0, 0x80] + Array("t\"\n".utf8)
        bytes += [0xE2, 0x82] + Array(" x\n".utf8) + [0xF4, 0x90, 0x80, 0x80]
        let lexed = lex(bytes: bytes)
        #expect(lexed.problems == [
            "1:3 E004 invalid UTF-8 byte 0xFF",
            "2:4 E004 invalid UTF-8 byte 0xC0",
            "3:3 E004 invalid UTF-8 byte 0xED",
            "4:1 E004 invalid UTF-8 byte 0xE2",
            "5:1 E004 invalid UTF-8 byte 0xF4",
        ])
        // One error per broken character, covering its stray continuation bytes.
        #expect(lexed.result.diagnostics.map { $0.range.end - $0.range.start } == [1, 2, 3, 2, 4])
        #expect(lexed.hints.allSatisfy { $0 == "save the file as UTF-8" })
        // The bad bytes are skipped; the tokens around them stand.
        #expect(lexed.kinds == [.identifier, .identifier, .newline, .string, .newline, .identifier, .newline, .eof])
    }

    @Test func byteOrderMarkIsIgnored() {
        let lexed = lex(bytes: [0xEF, 0xBB, 0xBF] + Array("goal \"g\"\n  by 2027-06".utf8))
        #expect(lexed.kinds == [.keyword(.goal), .string, .keyword(.by), .date, .newline, .eof])
        #expect(lexed.result.diagnostics.isEmpty)
    }

    @Test func everyErrorIsReportedInOneRun() {
        let lexed = lex("\"a\\q\" 2027-02-30 1.5 days ! @")
        #expect(lexed.result.diagnostics.map(\.code) == [.invalidEscape, .invalidDate, .invalidNumber,
                                                         .unexpectedCharacter, .unexpectedCharacter])
    }

    // MARK: Scale

    @Test func aMegabyteOfPlanLexes() {
        let lines = """
        goal "Lead a product launch" # why it matters
            needs skill "project management", "stakeholder communication" at 4
            serves impact, learning
            by 2027-Q2
        goals where due < today + 6 months and not done sort by due

        """
        let text = String(repeating: lines, count: 1_048_576 / lines.utf8.count + 1)
        let lexed = lex(text)
        #expect(lexed.result.diagnostics.isEmpty)
        let repeats = 1_048_576 / lines.utf8.count + 1
        #expect(lexed.kinds.filter { $0 == .newline }.count == 2 * repeats)
        #expect(lexed.result.comments.count == repeats)
        #expect(lexed.kinds.last == .eof)
    }

    @Test func deepNestingDoesNotCrash() {
        let lexed = lex(String(repeating: "(", count: 100_000))
        #expect(lexed.result.tokens.count == 100_002)
        #expect(lexed.result.endsInside)
        #expect(lexed.result.diagnostics.isEmpty)
    }
}
