import Testing
@testable import PlanSyntax

/// Tables indexed by keyword (`Keyword.ordinal`, `KeywordSet`).
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
}
