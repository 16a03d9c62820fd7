@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `update`, `remove` and `rename` find a log entry by its day and a
/// capacity by its `from` through an index its table keeps beside the
/// entities, and a name through the name table: both must follow every
/// change that moves an entity, undo and going back to a state included.
@Suite struct PickIndexTests {
    static let plan = """
        goal g by 2027-06
        log 2026-03-01 "a" for g hours 1
        log 2026-03-02 "b" for g hours 1
        log 2026-03-02 "c" for g hours 1
        capacity 10 hours per week
        capacity 8 hours per week from 2027-01-01
        capacity 6 hours per week from 2027-06-01
        """

    private static func loaded() -> Interpreter {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: plan))
        return interpreter
    }

    /// Each outcome: an answer as shown, a diagnostic as its code.
    private static func run(_ text: String, in interpreter: inout Interpreter) -> [String] {
        interpreter.run(Source(name: "edit", text: text)).map { outcome in
            switch outcome {
            case .answer(let value, _, _): return show(value, in: interpreter.plan)
            case .diagnostic(let diagnostic): return diagnostic.code.rawValue
            }
        }
    }

    @Test func aRenamedEntryIsFoundOnItsNewDayOnly() {
        var interpreter = Self.loaded()
        #expect(Self.run("rename log 2026-03-01 \"a\" to 2026-03-05", in: &interpreter) == [])
        #expect(Self.run("update log 2026-03-05 hours 4", in: &interpreter) == [])
        #expect(Self.run("update log 2026-03-01 hours 4", in: &interpreter) == ["E023"])
        #expect(Self.run("logs select [note, hours]", in: &interpreter)
                == [#"[["b", 1], ["c", 1], ["a", 4]]"#])
    }

    @Test func aRemoveMovesTheLaterEntriesUp() {
        var interpreter = Self.loaded()
        #expect(Self.run("update log 2026-03-02 hours 5", in: &interpreter) == ["E034"])
        #expect(Self.run("remove log 2026-03-01 \"a\"; remove log 2026-03-02 \"b\"", in: &interpreter) == [])
        #expect(Self.run("update log 2026-03-02 hours 5", in: &interpreter) == [])
        #expect(Self.run("remove capacity from 2027-01-01", in: &interpreter) == [])
        #expect(Self.run("update capacity 7 hours per week from 2027-06-01", in: &interpreter) == [])
        #expect(Self.run("logs select [note, hours]", in: &interpreter) == [#"[["c", 5]]"#])
        #expect(Self.run("capacities select [from, hours]", in: &interpreter) == ["[[none, 10], [2027-06-01, 7]]"])
    }

    @Test func aCapacityMovedByRenameOrUpdateIsFoundByItsNewFrom() {
        var interpreter = Self.loaded()
        #expect(Self.run("rename capacity from 2027-01-01 to 2027-02-01", in: &interpreter) == [])
        #expect(Self.run("update capacity 9 hours per week from 2027-02-01", in: &interpreter) == [])
        #expect(Self.run("update capacity 9 hours per week from 2027-01-01", in: &interpreter) == ["E023"])
        #expect(Self.run("rename capacity from 2027-06-01 to 2027-02-01", in: &interpreter) == ["E020"])
        #expect(Self.run("capacities select [from, hours]", in: &interpreter)
                == ["[[none, 10], [2027-02-01, 9], [2027-06-01, 6]]"])
    }

    @Test func undoPutsTheDaysBack() {
        var interpreter = Self.loaded()
        for edit in ["rename log 2026-03-02 \"c\" to 2026-04-01", "remove log 2026-03-01 \"a\"",
                     "rename capacity from 2027-01-01 to 2027-03-01", "remove capacity from 2027-06-01"] {
            interpreter.beginChange()
            #expect(Self.run(edit, in: &interpreter) == [], "\(edit)")
            let change = interpreter.endChange()
            interpreter.takeBack(change)
        }
        #expect(Self.run("update log 2026-03-01 hours 2; update log 2026-03-02 \"c\" hours 3", in: &interpreter) == [])
        #expect(Self.run("update log 2026-04-01 hours 2", in: &interpreter) == ["E023"])
        #expect(Self.run("update capacity 5 hours per week from 2027-01-01", in: &interpreter) == [])
        #expect(Self.run("update capacity 4 hours per week from 2027-06-01", in: &interpreter) == [])
        #expect(Self.run("capacities select [from, hours]", in: &interpreter)
                == ["[[none, 10], [2027-01-01, 5], [2027-06-01, 4]]"])
    }

    @Test func goingBackToAStateFindsWhatItHeld() {
        var interpreter = Self.loaded()
        let state = interpreter.state
        #expect(Self.run("rename log 2026-03-01 \"a\" to 2026-05-01; remove capacity from 2027-01-01", in: &interpreter) == [])
        interpreter.restore(state)
        #expect(Self.run("update log 2026-03-01 hours 2; update capacity 3 hours per week from 2027-01-01", in: &interpreter) == [])
        #expect(Self.run("update log 2026-05-01 hours 2", in: &interpreter) == ["E023"])
    }

    /// Where entities share a name (log entries share their day), the name
    /// finds the latest of them, as it did when every change hashed them all again.
    @Test func aSharedNamePassesToTheLatestEntityLeft() {
        var interpreter = Self.loaded()
        #expect(interpreter.plan.index(of: .log, named: "2026-03-02") == 2)
        #expect(Self.run("rename log 2026-03-02 \"c\" to 2026-03-01", in: &interpreter) == [])
        #expect(interpreter.plan.index(of: .log, named: "2026-03-02") == 1)
        #expect(interpreter.plan.index(of: .log, named: "2026-03-01") == 2)
        #expect(Self.run("remove log 2026-03-01 \"c\"", in: &interpreter) == [])
        #expect(interpreter.plan.index(of: .log, named: "2026-03-01") == 0)
        #expect(Self.run("remove log 2026-03-01", in: &interpreter) == [])
        #expect(interpreter.plan.index(of: .log, named: "2026-03-01") == nil)
        #expect(interpreter.plan.index(of: .log, named: "2026-03-02") == 0)
        #expect(interpreter.plan.index(of: .goal, named: "g") == 0)
    }

    /// Renames and removes of names that share a run of the name table's
    /// slots: each name still finds its entity.
    @Test func theNameTableKeepsEveryOtherNameThroughRenamesAndRemoves() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: (0..<300).map { "value v\($0)" }.joined(separator: "\n")))
        var names = (0..<300).map { "v\($0)" }
        for step in 0..<150 {
            let position = (step * 7) % names.count
            if step % 2 == 0 {
                #expect(Self.run("remove value \(names[position])", in: &interpreter) == [])
                names.remove(at: position)
            } else {
                #expect(Self.run("rename value \(names[position]) to w\(step)", in: &interpreter) == [])
                names[position] = "w\(step)"
            }
        }
        for (position, name) in names.enumerated() {
            #expect(interpreter.plan.index(of: .value, named: name) == position, "\(name)")
        }
        #expect(interpreter.plan.index(of: .value, named: "v0") == nil)
    }

    /// `rename` and `remove` read only the kinds whose entities name the
    /// entity, by counts of the names each kind refers to: counted on the
    /// first rename or remove, kept as entities come and go, counted again
    /// after one changes in place or comes back through undo.
    @Test func renameAndRemoveSeeEveryReferenceWhateverCameBetween() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: "goal a by 2027-06\ngoal b by 2027-06\ngoal x by 2027-06"))
        #expect(Self.run("rename goal a to a2", in: &interpreter) == [])
        #expect(Self.run("goal c after b by 2027-06", in: &interpreter) == [])
        #expect(Self.run("remove goal b", in: &interpreter) == ["E027"])
        #expect(Self.run("update goal c after x", in: &interpreter) == [])
        #expect(Self.run("rename goal x to y", in: &interpreter) == [])
        #expect(Self.run("(goal \"c\").after select name", in: &interpreter) == [#"["b", "y"]"#])
        interpreter.beginChange()
        #expect(Self.run("milestone m for a2 by 2027-01", in: &interpreter) == [])
        interpreter.takeBack(interpreter.endChange())
        interpreter.beginChange()
        #expect(Self.run("update goal c drop after b", in: &interpreter) == [])
        interpreter.takeBack(interpreter.endChange())
        #expect(Self.run("remove goal b", in: &interpreter) == ["E027"])
        #expect(Self.run("remove goal a2", in: &interpreter) == [])
        #expect(Self.run("remove goal c; remove goal b", in: &interpreter) == [])
        #expect(Self.run("goals select name", in: &interpreter) == [#"["y"]"#])
    }
}
