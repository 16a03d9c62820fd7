@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `:undo` takes a change back from what the change replaced alone
/// (Interpreter.Change), not from a copy of the plan: taking back every
/// change, latest first, must give each earlier plan exactly.
@Suite struct ChangeJournalTests {
    static let edits = [
        "update skill \"pm\" level 3",
        "rename skill \"pm\" to \"delivery\"",
        "update goal \"Launch\" drop serves family",
        "goal \"New\" needs skill \"delivery\" serves impact by 2027-Q2",
        "remove milestone \"Pitch\"",
        "rename goal \"Launch\" to \"Big launch\"",
        "update vision \"Ship, teach and be home\"",
        "log 2026-06-01 \"Retro\" for \"Big launch\" hours 3",
        "update log 2026-06-01 \"Retro\" hours 4",
        "let soon = today + 6 months",
        "assert count(goals) > 2",
        "remove goal \"Old\"",
        "update goal \"Late\" done; value rest priority 4",
    ]

    /// The plan as written, every entity's identity, the bindings and the
    /// answers that read the name tables: all that undo must put back.
    static func look(_ interpreter: Interpreter) -> String {
        var probe = interpreter
        let answers = probe.run(Source(name: "probe", text: """
            [count(goals), count(skills), count(milestones), count(logs)]
            (skill "pm").level
            (goal "Launch").serves select name
            """)).map { outcome -> String in
            if case .answer(let value, _, _) = outcome { return show(value, in: probe.plan) }
            return "error"
        }
        let identities = EntityKind.allCases.map { kind in
            (0..<interpreter.plan.count(of: kind)).map { "\(interpreter.plan.identity(of: kind, at: $0) ?? -1)" }.joined(separator: ",")
        }
        return PlanWriter.render(interpreter.plan) + identities.joined(separator: ";") + "\n"
            + interpreter.bindings.keys.sorted().joined(separator: ",") + "\n"
            + "\(interpreter.plan.assertions.count)\n" + answers.joined(separator: "\n")
    }

    @Test func takingEveryChangeBackGivesEachEarlierPlanExactly() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: samplePlan))
        var looks = [Self.look(interpreter)]
        var changes: [Interpreter.Change] = []
        for edit in Self.edits {
            interpreter.beginChange()
            let problems = interpreter.run(Source(name: "edit", text: edit)).filter {
                if case .diagnostic = $0 { return true } else { return false }
            }
            #expect(problems.isEmpty, "\(edit)")
            let change = interpreter.endChange()
            #expect(change.changedAnything, "\(edit)")
            changes.append(change)
            looks.append(Self.look(interpreter))
        }
        #expect(Set(looks).count == looks.count, "each edit changes what is looked at")
        for change in changes.reversed() {
            looks.removeLast()
            interpreter.takeBack(change)
            #expect(Self.look(interpreter) == looks.last)
        }
    }

    @Test func aQuestionOrAFailedStatementChangesNothing() {
        var interpreter = Interpreter(today: testToday)
        _ = interpreter.run(Source(name: "plan", text: samplePlan))
        for text in ["count(goals)", "update goal nothere done", "remove skill \"pm\"", "value family"] {
            interpreter.beginChange()
            _ = interpreter.run(Source(name: "edit", text: text))
            #expect(!interpreter.endChange().changedAnything, "\(text)")
        }
    }
}
