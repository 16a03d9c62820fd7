import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct QueryTests {
    @Test func whereKeepsTheItemsWhoseConditionIsTrue() {
        #expect(ask("(goals where not done).name; (goals where due < today + 6 months and not done).name") == [
            "[\"Launch\", \"Head\", \"Late\"]", "[\"Launch\", \"Late\"]",
        ])
        #expect(ask("([1, 2, 3, 4] where it > 2); (goals where role == \"Product Lead\").name") == [
            "[3, 4]", "[\"Launch\"]",
        ])
    }

    @Test func whereTreatsNoneAsFalseAndRejectsOtherTypes() {
        #expect(ask("[true, none, false] where it; goals where role") == [
            "[true]",
            "E030 where needs a bool, got string @role",
        ])
    }

    /// With nothing to evaluate a clause against, its names are still
    /// checked against the kind the question asks about.
    @Test func mistypedNamesAreCaughtOnEmptyCollections() {
        var session = Session("vision \"v\"\nlet soon = today + 1 month\n")
        session.lines = []
        session.run("""
            skills where lvl > 1
            goals.nme
            goals where due < soon and not done sort by due
            (goals where done) sort by dnoe
            goals select nme
            values where count(goals) == 0
            """)
        #expect(session.lines == [
            "E010 unknown name \"lvl\" @lvl",
            "E016 goal has no field \"nme\" @nme",
            "[]",
            "E010 unknown name \"dnoe\" @dnoe",
            "E010 unknown name \"nme\" @nme",
            "[]",
        ])
    }

    @Test func aClauseNeedsAList() {
        #expect(ask("3 where true; \"a\" sort by it; none limit 1; (goal \"Old\") select name; today group by it") == [
            "E030 where needs a list, got number @where true",
            "E030 sort by needs a list, got string @sort by it",
            "E030 limit needs a list, got none @limit 1",
            "E030 select needs a list, got goal @select name",
            "E030 group by needs a list, got date @group by it",
        ])
    }

    @Test func sortIsStableAndPutsNoneLast() {
        #expect(ask("""
            (goals sort by due).name
            (goals sort by due desc).name
            (goals sort by done).name
            (goals sort by done desc).name
            [3, none, 1, 2] sort by it
            [3, none, 1, 2] sort by it desc
            (goals sort by role).name
            """) == [
            "[\"Old\", \"Late\", \"Launch\", \"Head\"]",
            "[\"Head\", \"Launch\", \"Late\", \"Old\"]",
            "[\"Launch\", \"Head\", \"Late\", \"Old\"]",
            "[\"Old\", \"Launch\", \"Head\", \"Late\"]",
            "[1, 2, 3, none]",
            "[3, 2, 1, none]",
            "[\"Launch\", \"Head\", \"Old\", \"Late\"]",
        ])
    }

    @Test func sortByStringsDurationsAndExpressions() {
        #expect(ask("""
            (skills sort by name).name
            (skills sort by gap desc).name
            [2 months, 45 days, 1 week] sort by it
            ([1, 2, 3] sort by -it)
            """) == [
            "[\"comms\", \"pm\", \"strategy\"]",
            "[\"pm\", \"strategy\", \"comms\"]",
            "[<7 days>, <45 days>, <2 months>]",
            "[3, 2, 1]",
        ])
    }

    @Test func sortRejectsMixedAndUnorderedKeys() {
        #expect(ask("[1, \"a\"] sort by it; goals sort by it; [[1]] sort by it") == [
            "E030 cannot sort by keys of different types, number and string @it",
            "E030 cannot sort by goal: a key must be a number, string, date, duration or bool @it",
            "E030 cannot sort by list: a key must be a number, string, date, duration or bool @it",
        ])
    }

    @Test func groupByKeepsTheOrderKeysFirstAppear() {
        #expect(ask("""
            goals group by done
            [3, 1, 3, 2, 1] group by it
            (goals group by status) select [key, count(items)]
            goals group by role select key
            """) == [
            "[{false: [goal \"Launch\", goal \"Head\", goal \"Late\"]}, {true: [goal \"Old\"]}]",
            "[{3: [3, 3]}, {1: [1, 1]}, {2: [2]}]",
            "[[\"open\", 2], [\"done\", 1], [\"doing\", 1]]",
            "[\"Product Lead\", none]",
        ])
    }

    @Test func groupByListsAndEntities() {
        #expect(ask("(goals group by serves) select [key.name, items.name]; milestones group by goal select key") == [
            "[[[\"impact\", \"family\"], [\"Launch\"]], [[\"impact\"], [\"Head\"]], [[], [\"Old\", \"Late\"]]]",
            "[goal \"Launch\"]",
        ])
        #expect(ask("(goals group by done) group by it") == ["E030 cannot group by group @it"])
    }

    @Test func limitTakesTheFirstItems() {
        #expect(ask("[1, 2, 3] limit 2; [1, 2, 3] limit 0; [1] limit 5; let n = 1\n[4, 5] limit n + 1") == [
            "[1, 2]", "[]", "[1]", "[4, 5]",
        ])
        #expect(ask("[1] limit -1; [1] limit 1.5; [1] limit \"2\"; [1] limit none") == [
            "E030 limit needs a whole number of 0 or more, got -1 @-1",
            "E030 limit needs a whole number of 0 or more, got 1.5 @1.5",
            "E030 limit needs a whole number of 0 or more, got string @\"2\"",
            "E030 limit needs a whole number of 0 or more, got none @none",
        ])
    }

    @Test func selectMapsEachItem() {
        #expect(ask("goals select name; [1, 2] select it * 10; skills select [name, target - level]") == [
            "[\"Launch\", \"Head\", \"Old\", \"Late\"]",
            "[10, 20]",
            "[[\"pm\", 2], [\"comms\", 1], [\"strategy\", 2]]",
        ])
    }

    @Test func clausesChainLeftToRight() {
        #expect(ask("goals where not done sort by due desc limit 2 select name") == ["[\"Head\", \"Launch\"]"])
        #expect(ask("skills where gap > 0 sort by gap desc select name") == ["[\"pm\", \"strategy\", \"comms\"]"])
    }

    @Test func fieldsShadowLetNamesAndItIsTheItem() {
        #expect(ask("let name = \"outer\"\ngoals select name limit 1\nname\ngoals select it limit 1") == [
            "[\"Launch\"]", "\"outer\"", "[goal \"Launch\"]",
        ])
    }

    @Test func aCollectionInsideAClauseMeansTheItemsOwn() {
        #expect(ask("""
            values select [name, count(goals)]
            goals select count(milestones)
            skills select count(mentors)
            values where count(goals where done) == 0 select name
            """) == [
            "[[\"family\", 1], [\"health\", 0], [\"impact\", 2]]",
            "[2, 0, 0, 0]",
            "[1, 0, 1]",
            "[\"family\", \"health\", \"impact\"]",
        ])
    }

    @Test func nestedClausesSeeTheOuterItemsFields() {
        #expect(ask("goals where count(needs where level < 2) > 0 select name") == ["[\"Launch\", \"Head\"]"])
        #expect(ask("goals select count(needs where due > today)") == ["[3, 1, 0, 0]"])
    }

    @Test func queriesOverGroupsReadKeyAndItems() {
        #expect(ask("goals group by done where key select count(items)") == ["[1]"])
    }

    @Test func countOfGoalsServingNothing() {
        #expect(ask("count(goals where serves == []); values where non_negotiable select name") == [
            "2", "[\"family\"]",
        ])
    }
}
