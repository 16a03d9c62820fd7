import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit

/// What each kind's description says about the log and about order
/// (docs/language.md, "The log" and "Names"): the log reads the kinds'
/// descriptions, and each order that matters is a list of its own.
@Suite struct KindDescriptionTests {
    /// A kind takes from the log only what the log can say: a clause of a
    /// log entry that names the kind, or a flag.
    @Test func whatAKindTakesFromTheLogIsALogClauseNamingIt() {
        let log = EntityKind.log.info
        for kind in EntityKind.allCases {
            for keyword in kind.info.takesFromLog {
                let clause = log.clause(keyword)
                #expect(clause != nil, "\(kind) takes `\(keyword)`, which the log does not have")
                guard let shape = clause?.shape else { continue }
                if case .flag = shape { continue }
                #expect(shape.refers.contains(kind), "the log's `\(keyword)` names no \(kind)")
            }
        }
    }

    /// Every named log clause that names a kind is taken by that kind, so
    /// no entry's name goes unread.
    @Test func everyLogClauseThatNamesAKindIsTakenByIt() {
        for clause in EntityKind.log.info.clauses {
            for kind in clause.shape.refers {
                #expect(kind.info.takesFromLog.contains(clause.keyword), "\(kind) does not take the log's `\(clause.keyword)`")
            }
        }
    }

    @Test func eachOrderListsEveryKindOnce() {
        for order in [EntityKind.writtenOrder, EntityKind.applyOrder, EntityKind.nameResolutionOrder] {
            #expect(order.count == EntityKind.allCases.count)
            #expect(Set(order) == Set(EntityKind.allCases))
        }
    }

    /// Each kind's description is found by its ordinal, whatever the order
    /// of the enum's cases.
    @Test func eachKindFindsItsOwnDescription() {
        for kind in EntityKind.allCases {
            #expect(kind.info.kind == kind)
        }
    }

    /// `log.done` names a goal or a milestone, and says so.
    @Test func logDoneIsAGoalOrAMilestone() {
        var session = Session()
        session.run("""
            vision "v"
            goal "G" by 2026-12
            milestone "M" for "G" by 2026-09
            log 2026-06-01 done "M"
            (logs select done)[0] == milestone "M"

            """)
        #expect(session.lines == ["true"])
        #expect(EntityKind.log.info.field(named: "done")?.type == .optional(.oneOf([.goal, .milestone])))
        #expect(EntityKind.log.info.field(named: "goal")?.type == .optional(.entity(.goal)))
    }
}
