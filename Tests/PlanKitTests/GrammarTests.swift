import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct GrammarTests {
    private var grammar: String {
        get throws { try Self.repositoryFile("Grammar/plan.ebnf") }
    }

    private static func repositoryFile(_ path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The grammar must name every reserved word in a rule, quoted as a terminal.
    @Test func everyKeywordIsInTheGrammar() throws {
        let text = try grammar
        let missing = Keyword.allCases.filter { !text.contains("\"\($0.rawValue)\"") }
        #expect(missing.isEmpty, "missing from Grammar/plan.ebnf: \(missing.map(\.rawValue))")
    }

    @Test func everyUnitWordIsInTheGrammar() throws {
        let text = try grammar
        for unit in ["day", "days", "week", "weeks", "month", "months", "year", "years"] {
            #expect(Duration.unit(named: unit) != nil)
            #expect(text.contains("\"\(unit)\""), "unit \(unit) missing from Grammar/plan.ebnf")
        }
    }

    // MARK: - Editor grammars

    private static let keywordSpellings = Set(Keyword.allCases.map(\.rawValue))

    private static func textMateGrammar() throws -> [String: Any] {
        let data = Data(try repositoryFile("Grammar/plan.tmLanguage.json").utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every `match` regex in the grammar, wherever it is nested, with its scope name.
    private static func matchRules(in node: Any) -> [(match: String, name: String?)] {
        if let list = node as? [Any] { return list.flatMap(matchRules) }
        guard let object = node as? [String: Any] else { return [] }
        var rules: [(match: String, name: String?)] = []
        if let match = object["match"] as? String { rules.append((match, object["name"] as? String)) }
        for key in object.keys.sorted() where key != "match" {
            rules += matchRules(in: object[key] as Any)
        }
        return rules
    }

    @Test func textMateGrammarHasTheExpectedTopLevelKeys() throws {
        let grammar = try Self.textMateGrammar()
        #expect(grammar["scopeName"] as? String == "source.plan")
        #expect(grammar["fileTypes"] as? [String] == ["plan"])
        #expect(grammar["name"] as? String == "plan")
        #expect((grammar["patterns"] as? [Any])?.isEmpty == false)
        #expect(grammar["repository"] is [String: Any])
    }

    private static func includes(in node: Any) -> [String] {
        if let list = node as? [Any] { return list.flatMap(includes) }
        guard let object = node as? [String: Any] else { return [] }
        let own = (object["include"] as? String).map { [$0] } ?? []
        return own + object.keys.sorted().flatMap { includes(in: object[$0] as Any) }
    }

    @Test func textMateGrammarIncludesOnlyRulesItDefines() throws {
        let grammar = try Self.textMateGrammar()
        let repository = try #require(grammar["repository"] as? [String: Any])
        let names = Self.includes(in: grammar)
        #expect(names.count >= 10)
        #expect(names.filter { !$0.hasPrefix("#") || repository[String($0.dropFirst())] == nil }.isEmpty)
    }

    /// Each keyword is in exactly one group of the `keywords` rule (or, for
    /// `non-negotiable`, its own rule), and the groups hold nothing else.
    @Test func everyKeywordIsInTheTextMateGrammarOnce() throws {
        let grammar = try Self.textMateGrammar()
        let repository = try #require(grammar["repository"] as? [String: Any])
        let groups = Self.matchRules(in: repository["keywords"] as Any) + Self.matchRules(in: repository["non-negotiable"] as Any)
        #expect(groups.map(\.name) == [
            "keyword.other.declaration.plan", "keyword.other.clause.plan", "support.variable.collection.plan",
            "keyword.control.query.plan", "keyword.operator.word.plan", "constant.language.plan",
            "keyword.other.clause.non-negotiable.plan",
        ])
        var words: [String] = []
        for rule in groups {
            let inner = rule.match.replacingOccurrences(of: #"\b"#, with: "")
                .replacingOccurrences(of: "(?:", with: "").replacingOccurrences(of: ")", with: "")
            words += inner.split(separator: "|").map(String.init)
        }
        #expect(Set(words) == Self.keywordSpellings, "differs from Keyword.allCases: \(Set(words).symmetricDifference(Self.keywordSpellings).sorted())")
        #expect(words.count == Keyword.allCases.count, "a keyword is in more than one group")
    }

    @Test func everyTextMateRegexCompiles() throws {
        let rules = Self.matchRules(in: try Self.textMateGrammar())
        #expect(rules.count >= 25)
        for rule in rules {
            #expect(throws: Never.self, "\(rule.match)") { _ = try NSRegularExpression(pattern: rule.match) }
        }
    }

    /// The literal rules agree with the lexer on what is a date and a duration.
    @Test func textMateLiteralRulesMatchWhatTheLexerAccepts() throws {
        let rules = Self.matchRules(in: try Self.textMateGrammar())
        func wholeMatch(_ scope: String, _ text: String) throws -> Bool {
            let rule = try #require(rules.first { $0.name == scope }, "no rule for \(scope)")
            let regex = try NSRegularExpression(pattern: rule.match)
            let found = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            return found?.range == NSRange(text.startIndex..., in: text)
        }
        for date in ["2027-06-30", "2027-06", "2027-Q2", "2027-q4"] {
            #expect(try wholeMatch("constant.numeric.date.plan", date), "\(date)")
            #expect(Lexer.tokenize(Source(name: "t", text: date), id: 0).tokens.first?.kind == .date)
        }
        for date in ["2027-6-30", "2027-Q5", "2027-06-3"] {
            #expect(try !wholeMatch("constant.numeric.date.plan", date), "\(date)")
            #expect(try wholeMatch("invalid.illegal.date.plan", date), "\(date)")
        }
        for duration in ["90 days", "1 week", "6 months", "2 years", "2weeks", "3\tday"] {
            #expect(try wholeMatch("constant.numeric.duration.plan", duration), "\(duration)")
            #expect(Lexer.tokenize(Source(name: "t", text: duration), id: 0).tokens.first?.kind == .duration)
        }
        #expect(try wholeMatch("constant.character.escape.plan", #"\u{1F600}"#))
        #expect(try !wholeMatch("constant.character.escape.plan", #"\u{1234567}"#))
    }

    /// Each keyword is in exactly one `syn keyword` group of the Vim file,
    /// or, for `non-negotiable`, in its own `syn match`.
    @Test func everyKeywordIsInTheVimSyntaxOnce() throws {
        let text = try Self.repositoryFile("Grammar/plan.vim")
        var words: [String] = []
        for line in text.split(separator: "\n") {
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count > 2, fields[0] == "syn", fields[1] == "keyword" else { continue }
            words += fields.dropFirst(3).filter { !$0.contains("=") && $0 != "skipwhite" }
        }
        #expect(text.contains(#"syn match   planNonNegotiable "\<non-negotiable\>""#))
        words.append("non-negotiable")
        #expect(Set(words) == Self.keywordSpellings, "differs from Keyword.allCases: \(Set(words).symmetricDifference(Self.keywordSpellings).sorted())")
        #expect(words.count == Keyword.allCases.count, "a keyword is in more than one group")
        #expect(text.contains("let b:current_syntax = 'plan'"))
    }
}
