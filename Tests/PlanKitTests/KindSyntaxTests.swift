import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit

/// The parser reads the per-kind table in PlanSyntax, which cannot see the
/// model (docs/architecture.md); each kind's description must say the same.
@Suite struct KindSyntaxTests {
    @Test(arguments: EntityKind.allCases)
    func theSyntaxTableSaysWhatTheDescriptionSays(kind: EntityKind) {
        let syntax = kind.syntax
        let info = kind.info
        #expect(syntax.kind == kind, "KindSyntax.all is out of the order of EntityKind.allCases")
        #expect(syntax.clauses.map(Self.spelled) == info.clauses.map(Self.spelled))
        #expect(syntax.head == info.head)
        #expect(syntax.identity == info.identity)
        #expect(syntax.unique == info.unique)
        #expect(syntax.derived == info.derived)
        #expect(syntax.otherCollections == info.otherCollections.map(\.keyword))
        #expect(Set(syntax.fieldKeywords) == Set(info.fieldNames.compactMap(Keyword.init(rawValue:))))
    }

    /// The parser finds a clause by its words through tables made once per
    /// kind; each must lead to the clause with those words, and to nothing
    /// for a word that starts no clause of the kind.
    @Test(arguments: EntityKind.allCases)
    func eachClauseIsFoundByItsWords(kind: EntityKind) {
        let syntax = kind.syntax
        for (place, clause) in syntax.clauses.enumerated() {
            if let lead = clause.lead {
                #expect(syntax.place(ofClause: clause.keyword, after: lead) == place, "\(clause.words)")
            } else {
                #expect(syntax.place(ofClause: clause.keyword) == place, "\(clause.words)")
            }
            let slot = syntax.slotPlaces[place]
            #expect(syntax.clauses.indices.contains(slot) && syntax.clauses[slot].keyword == clause.slot, "\(clause.words)")
        }
        for keyword in Keyword.allCases where !syntax.clauses.contains(where: { $0.keyword == keyword && $0.lead == nil }) {
            #expect(syntax.place(ofClause: keyword) == nil, "\(keyword.rawValue)")
            for lead in syntax.leads where !syntax.clauses.contains(where: { $0.keyword == keyword && $0.lead == lead }) {
                #expect(syntax.place(ofClause: keyword, after: lead) == nil, "\(lead.rawValue) \(keyword.rawValue)")
            }
        }
    }

    @Test func theTableHasOneRowPerKind() {
        #expect(KindSyntax.all.map(\.kind) == EntityKind.allCases)
    }

    /// Everything a clause's syntax says, as text: its shape holds static
    /// strings, which do not compare.
    private static func spelled(_ clause: ClauseSyntax) -> String {
        "\(clause.words) \(clause.shape) required: \(clause.required) slot: \(clause.slot)"
    }
}
