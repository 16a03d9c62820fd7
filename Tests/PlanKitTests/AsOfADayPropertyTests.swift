import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The "as of a day" property (docs/language.md, "As of today"): for a plan
/// with a log and any day D, what `--today D` answers, checks, reports,
/// puts on the agenda and reviews is the same as for the plan without its
/// log entries dated after D, W011 aside. Generated plans, a fixed seed;
/// `AS_OF_CASES=100000` (and `AS_OF_SEED`) runs more on demand.
@Suite struct AsOfADayPropertyTests {
    /// Plans with every kind the log touches, and entries spread over two years.
    struct LoggedPlanGenerator {
        var random: SplitMix64

        mutating func day(from start: Int = 2026, through end: Int = 2027) -> Day {
            let year = Int.random(in: start...end, using: &random)
            return Day(year: year, month: Int.random(in: 1...12, using: &random), day: Int.random(in: 1...28, using: &random))
                ?? Day(ordinal: 0)
        }

        /// The declarations, then the log entries, one a line.
        mutating func plan() -> (declarations: [String], log: [(Day, String)]) {
            var lines = ["vision \"v\"", "value craft", "review every \(Int.random(in: 2...6, using: &random)) weeks"]
            lines.append("capacity \(Int.random(in: 4...12, using: &random)) hours per week")
            lines.append("capacity \(Int.random(in: 2...12, using: &random)) hours per week from \(day())")
            let skills = (0..<3).map { "s\($0)" }
            for skill in skills {
                lines.append("skill \(skill) level \(Int.random(in: 0...3, using: &random)) target \(Int.random(in: 3...5, using: &random))")
            }
            let goals = (0..<4).map { "g\($0)" }
            for goal in goals {
                var clauses = ["serves craft", "by \(day(from: 2026, through: 2028))", "effort \(Int.random(in: 10...80, using: &random)) hours"]
                clauses.append("needs skill \(skills.randomElement(using: &random) ?? "s0")")
                if Bool.random(using: &random) { clauses.append("needs experience led") }
                if Bool.random(using: &random) { clauses.append("start \(day(from: 2025, through: 2026))") }
                if goal != goals[0], Bool.random(using: &random) { clauses.append("after \(goals[0])") }
                if Bool.random(using: &random) { clauses.append("doing") }
                lines.append("goal \(goal) " + clauses.joined(separator: " "))
            }
            let milestones = goals.map { "m" + $0 }
            for (milestone, goal) in zip(milestones, goals) { lines.append("milestone \(milestone) for \(goal) by \(day())") }
            let people = ["ana", "bo"]
            for person in people {
                lines.append("contact \(person) every \(Int.random(in: 2...8, using: &random)) weeks helps \(skills[0])"
                             + (Bool.random(using: &random) ? " met \(day(from: 2025, through: 2026))" : ""))
            }
            lines.append("experience led")
            var log: [(Day, String)] = []
            for _ in 0..<Int.random(in: 1...12, using: &random) {
                var clauses: [String] = []
                let worked = (goals + milestones).randomElement(using: &random) ?? "g0"
                switch Int.random(in: 0..<7, using: &random) {
                case 0: clauses.append("for \(worked) hours \(Int.random(in: 1...5, using: &random))")
                case 1: clauses.append("done \(worked)" + (Bool.random(using: &random) ? " hours 2" : ""))
                case 2: clauses.append("met \(people.randomElement(using: &random) ?? "ana")")
                case 3: clauses.append("skill \(skills.randomElement(using: &random) ?? "s0") level \(Int.random(in: 0...5, using: &random))")
                case 4: clauses.append("gained led")
                case 5: clauses.append("reviewed")
                default: clauses.append("\"a note\" for \(worked)")
                }
                log.append((day(), clauses.joined(separator: " ")))
            }
            return (lines, log)
        }
    }

    /// Everything the plan answers as of `today`, as text: every field of
    /// every entity of every collection, the checks but W011, the report,
    /// the agenda and the review.
    private static func answers(_ text: String, today: Day) -> [String] {
        var interpreter = Interpreter(today: today)
        _ = interpreter.run(Source(name: "p.plan", text: text))
        var questions = ""
        for kind in EntityKind.allCases {
            let collection = kind.plural
            questions += "\(collection) select [" + kind.info.fieldNames.joined(separator: ", ") + "]\n"
        }
        let answered = interpreter.run(Source(name: "q.plan", text: questions)).map { outcome -> String in
            switch outcome {
            case .answer(let value, _, _): return show(value, in: interpreter.plan)
            case .diagnostic(let diagnostic): return "\(diagnostic.code.rawValue) \(diagnostic.message)"
            }
        }
        let checks = interpreter.check().filter { $0.code != .logAfterToday }.map { "\($0.code.rawValue) \($0.message) | \($0.hint ?? "")" }
        let plan = interpreter.asOfToday
        return answered + checks + [
            Report(plan: plan, today: today).render(),
            Agenda(plan, today: today).render(color: false),
            StrategyReview(plan, today: today).render(color: false),
        ]
    }

    @Test func everyAnswerAsOfADayIgnoresTheEntriesDatedAfterIt() {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["AS_OF_CASES"].flatMap { Int($0) } ?? 500
        let seed = environment["AS_OF_SEED"].flatMap { UInt64($0) } ?? 18
        var generator = LoggedPlanGenerator(random: SplitMix64(seed: seed))
        for _ in 0..<cases {
            let (declarations, log) = generator.plan()
            let today = generator.day()
            let all = declarations + log.map { "log \($0.0) \($0.1)" }
            let counting = declarations + log.filter { $0.0 <= today }.map { "log \($0.0) \($0.1)" }
            let withAll = Self.answers(all.joined(separator: "\n") + "\n", today: today)
            let withCounting = Self.answers(counting.joined(separator: "\n") + "\n", today: today)
            guard withAll != withCounting else { continue }
            let first = zip(withAll, withCounting).first { $0 != $1 }
            Issue.record("seed \(seed), as of \(today), with the later entries:\n\(first?.0 ?? "")\nwithout them:\n\(first?.1 ?? "")\nthe plan:\n\(all.joined(separator: "\n"))")
            return
        }
    }
}
