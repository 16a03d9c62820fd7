import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A list clause's names with the index a long list keeps beside them
/// (list clauses are linear: docs/cli.md, "Limits and writes"), in the list's own value: no cache
/// shared by the process.
@Suite struct NameListTests {
    private func names(_ texts: [String]) -> [Name] {
        texts.map { Name(text: $0, range: .none, quoted: false) }
    }

    @Test func aShortListHasNoIndexALongOneKeepsIt() {
        var list: NameList<Name> = []
        list.merge(names(["a", "b", "a"]))
        #expect(list.map(\.text) == ["a", "b"])
        #expect(!list.isIndexed)
        list.merge(names((0..<NameList<Name>.shortList).map { "v\($0)" }))
        #expect(list.count == 2 + NameList<Name>.shortList)
        #expect(list.isIndexed)
        list.merge(names(["v3", "b", "late", "late"]))
        #expect(list.map(\.text).suffix(2) == ["v15", "late"])
        #expect(list.count == 3 + NameList<Name>.shortList)
        // One word, as an array: the index costs a short list nothing.
        #expect(MemoryLayout<NameList<Name>>.stride == 8)
    }

    @Test func aNeedAgainKeepsItsPlaceAndTakesAnExplicitLevel() {
        let skills = (0..<40).map { "s\($0)" }
        var needs: NameList<SkillNeed> = []
        needs.merge(names(skills).map { SkillNeed(skill: $0, level: 1, levelRange: nil) })
        #expect(needs.isIndexed)
        needs.merge([SkillNeed(skill: names(["s5"])[0], level: 3, levelRange: nil),
                     SkillNeed(skill: names(["s6"])[0], level: nil, levelRange: nil)])
        #expect(needs.map(\.skill.text) == skills)
        #expect(needs[5].level == 3)
        #expect(needs[6].level == 1)
    }

    /// The old index was a cache of the last four lists merged into: lists
    /// taken in turn missed it and were hashed whole on every `update`
    /// (4 s for 20 000 updates over 8 goals). Each list's own index cannot
    /// be mixed up with another's, nor go stale in a copy.
    @Test(.timeLimit(.minutes(1))) func manyLongListsInTurn() {
        let goals = 8
        var text = (0..<goals).map { "goal g\($0)\n" }.joined()
        for index in 0..<20_000 { text += "update goal g\(index % goals) serves v\(index)\n" }
        for goal in 0..<goals { text += "update goal g\(goal) serves v\(goal), v\(goals + goal), new\n" }
        var session = Session(text)
        #expect(session.lines.isEmpty)
        let copy = session
        session.run("update goal g0 drop serves v0\nupdate goal g0 serves v0, v8\n")
        for goal in 0..<goals {
            let expected = stride(from: goal, to: 20_000, by: goals).map { "v\($0)" } + ["new"]
            #expect(copy.interpreter.plan.goals[goal].serves.map(\.text) == expected)
        }
        #expect(session.interpreter.plan.goals[0].serves.suffix(2).map(\.text) == ["new", "v0"])
        #expect(session.interpreter.plan.goals[0].serves.count == 2501)
    }
}
