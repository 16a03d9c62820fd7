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

    @Test func theTableHasOneRowPerKind() {
        #expect(KindSyntax.all.map(\.kind) == EntityKind.allCases)
    }

    /// Everything a clause's syntax says, as text: its shape holds static
    /// strings, which do not compare.
    private static func spelled(_ clause: ClauseSyntax) -> String {
        "\(clause.words) \(clause.shape) required: \(clause.required) slot: \(clause.slot)"
    }
}
