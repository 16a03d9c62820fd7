import Foundation
import Testing
@testable import PlanKit

@Suite struct GrammarTests {
    private var grammar: String {
        get throws {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return try String(contentsOf: root.appendingPathComponent("Grammar/plan.ebnf"), encoding: .utf8)
        }
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
}
