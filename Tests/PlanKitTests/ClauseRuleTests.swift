import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit

/// The clause constructors (docs/language.md, "update": `update ...
/// drop CLAUSE`): each shape applies, reads and clears through one pair of
/// accessors, so a clause given and then dropped leaves nothing behind.
@Suite struct ClauseRuleTests {
    private struct Sample {
        var note: String?
        var owner: Name?
        var tags: NameList<Name> = []
        var every: Duration?
        var hours: Double?
        var priority: Int?
        var due: Day?
        var dueRange: SourceRange?
        var done = false
    }

    private static let rules: [ClauseRule<Sample>] = [
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
        .name(.for, "a goal", refers: [.goal], get: { $0.owner }, set: { $0.owner = $1 }),
        .names(.tags, "a tag", refers: [], get: { $0.tags }, set: { $0.tags = $1 }),
        .duration(.every, get: { $0.every }, set: { $0.every = $1 }),
        .amount(.hours, "the hours", unit: nil, get: { $0.hours }, set: { $0.hours = $1 }),
        .whole(.priority, "a priority", nil, get: { $0.priority }, set: { $0.priority = $1 }),
        .date(.by, get: { $0.due }, set: { $0.due = $1; $0.dueRange = $2 }),
        .flag(.done, get: { $0.done }, set: { $0.done = $1 }),
    ]

    private static func name(_ text: String) -> Name { Name(text: text, range: .none, quoted: false) }

    private static func rule(_ keyword: Keyword) -> ClauseRule<Sample>? {
        rules.first { $0.syntax.keyword == keyword }
    }

    /// What each clause is given, in the order of `rules`.
    private static let given: [ClauseValue] = [
        .text("call Jo"), .name(name("Lead")), .names([name("a"), name("b")]), .duration(Duration(days: 7)),
        .amount(2.5), .whole(3), .date(Day(ordinal: 20_000)), .flag,
    ]

    @Test func eachShapeReadsBackWhatItWasGivenAndNothingAfterItIsCleared() throws {
        let written = SourceRange(source: 0, start: 4, end: 14)
        for (rule, value) in zip(Self.rules, Self.given) {
            let keyword = rule.syntax.keyword
            var sample = Sample()
            #expect(rule.read(sample) == nil, "`\(keyword)` reads a value before it is given one")
            rule.apply(&sample, value, written)
            #expect(rule.read(sample).map { "\($0)" } == "\(value)", "`\(keyword)` does not read back what it was given")
            let clear = try #require(rule.clear, "`\(keyword)` cannot be dropped")
            clear(&sample)
            #expect(rule.read(sample) == nil, "`\(keyword)` still reads a value once cleared")
        }
    }

    @Test func aDateKeepsWhereItWasWrittenUntilItIsCleared() throws {
        let rule = try #require(Self.rule(.by))
        let written = SourceRange(source: 0, start: 4, end: 14)
        var sample = Sample()
        rule.apply(&sample, .date(Day(ordinal: 20_000)), written)
        #expect(sample.dueRange == written)
        rule.clear?(&sample)
        #expect(sample.due == nil)
        #expect(sample.dueRange == nil)
    }

    @Test func aNamesClauseGivenAgainAddsToTheListAndClearingEmptiesIt() throws {
        let rule = try #require(Self.rule(.tags))
        var sample = Sample()
        rule.apply(&sample, .names([Self.name("a"), Self.name("b")]), .none)
        rule.apply(&sample, .names([Self.name("b"), Self.name("c")]), .none)
        #expect(sample.tags.map(\.text) == ["a", "b", "c"])
        rule.clear?(&sample)
        #expect(sample.tags.isEmpty)
    }
}
