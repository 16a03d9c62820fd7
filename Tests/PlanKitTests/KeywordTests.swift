import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit

/// Tables indexed by keyword (`Keyword.ordinal`, `KeywordSet`) and the
/// references the checks resolve once for the links (`Checks.unknownReferences`).
@Suite struct KeywordTests {
    @Test func theOrdinalIsThePlaceAmongAllCases() {
        #expect(MemoryLayout<Keyword>.size == 1)
        for (place, keyword) in Keyword.allCases.enumerated() {
            #expect(keyword.ordinal == place, "\(keyword.rawValue)")
        }
    }

    @Test func aKeywordSetHoldsEveryKeywordAndOnlyThoseInserted() {
        // Two words of 64 bits hold every keyword.
        #expect(Keyword.allCases.count <= 128)
        var every = KeywordSet()
        #expect(every.isEmpty)
        for keyword in Keyword.allCases { every.insert(keyword) }
        #expect(Keyword.allCases.allSatisfy(every.contains))
        for (place, keyword) in Keyword.allCases.enumerated() {
            let others = KeywordSet(Keyword.allCases.enumerated().filter { $0.offset % 3 == place % 3 }.map(\.element))
            for (otherPlace, other) in Keyword.allCases.enumerated() {
                #expect(others.contains(other) == (otherPlace % 3 == place % 3), "\(keyword.rawValue), \(other.rawValue)")
            }
        }
    }

    @Test func aKindIsFoundByTheKeywordThatDeclaresOrListsIt() {
        for kind in EntityKind.allCases {
            if let keyword = kind.keyword, !kind.syntax.derived { #expect(EntityKind(keyword) == kind) }
            if let alias = kind.alias {
                #expect(EntityKind(alias.declares) == kind)
                #expect(EntityKind(alias.lists, collection: true) == kind)
            }
        }
        for (keyword, kind) in EntityKind.collections { #expect(EntityKind(keyword, collection: true) == kind) }
        #expect(EntityKind(.needs) == nil)
        #expect(EntityKind(.goals) == nil)
        #expect(EntityKind(.goal, collection: true) == nil)
    }

    /// The checks remember the last names they resolved by the String
    /// itself; the same String named as another kind must still be looked
    /// up as that kind.
    @Test func aNameResolvedAsOneKindIsLookedUpAgainAsAnother() {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "kinds.plan", text: """
            vision "v"
            skill "project management at scale"
            value "project management at scale"
            skill craft
            goal g needs skill "project management at scale", craft serves "project management at scale", craft
            goal h needs skill craft, "project management at scale" serves "project management at scale"

            """))
        let problems = Checks.run(interpreter.plan, today: testToday).filter { $0.severity == .error }
        #expect(problems.map(\.message) == ["unknown value \"craft\""])
        #expect(problems.first?.hint == "\"craft\" is a skill; `serves` names a value")
    }

    /// A check that asks the links who names its entities says so, and
    /// what it names is a clause of one kind, which the checks then file.
    @Test func whatTheChecksAskForIsAClauseNamingOneKind() {
        let asked = EntityKind.allCases.flatMap { $0.info.checks.flatMap(\.asks) }
        #expect(asked.contains { $0.source == .goal && $0.clause == .serves })
        #expect(asked.contains { $0.source == .goal && $0.clause == .aligns })
        for ask in asked {
            #expect(Self.everyClauseNamingOneKind.contains { $0.source == ask.source && $0.clause == ask.clause },
                    "\(ask.source.rawValue) \(ask.clause.rawValue)")
        }
    }

    static let everyClauseNamingOneKind = EntityKind.allCases.flatMap { kind in
        kind.syntax.clauses.filter { $0.shape.refers.count == 1 }.map { Check.Asked(source: kind, clause: $0.keyword) }
    }

    /// The checks resolve every reference and file who names what into the
    /// links, for the clauses asked (here every clause that names one kind);
    /// each table must be the one the links would make themselves, on
    /// generated plans (unknown names and all) and the samples.
    @Test func theReferencesTheChecksFileAreTheOnesTheLinksFind() throws {
        var generator = PlanGenerator(random: SplitMix64(seed: 22))
        var texts = (0..<150).map { _ in generator.plan() } + [samplePlan]
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".plan") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8))
        }
        var compared = 0
        for text in texts {
            var interpreter = Interpreter(today: testToday, reader: FileReader())
            _ = interpreter.run(Source(name: "generated.plan", text: text))
            let plan = interpreter.plan
            let filed = Links(plan: plan, today: testToday)
            _ = Checks.unknownReferences(plan, filing: Self.everyClauseNamingOneKind, into: filed)
            let found = Links(plan: plan, today: testToday)
            for kind in EntityKind.allCases {
                for clause in kind.syntax.clauses {
                    for target in clause.shape.refers {
                        for index in 0..<plan.count(of: target) {
                            let fromChecks = filed.referrers(kind, via: clause.keyword, to: index, of: target)
                            #expect(fromChecks == found.referrers(kind, via: clause.keyword, to: index, of: target),
                                    "\(kind.rawValue) \(clause.keyword.rawValue) → \(target.rawValue) #\(index) in:\n\(text)")
                            compared += fromChecks.count
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
    }
}
