import PlanCore
import PlanSyntax
import PlanKit

/// What `:diff` shows: how the plan of a what-if differs from the plan at
/// `:try`, entity by entity and field by field, and which problems came or
/// went. Both sides are plans as they stand today, so what the log does and
/// the quarters worked out from the plan (their load, their capacity) show
/// too. Entities are known again by identity, so a rename reads as a
/// changed name, not as one entity removed and another added; the entities
/// worked out afresh for each side (quarters) are known by name.
public enum PlanDiff {
    /// One side of the comparison: a plan and the problems its checks found.
    public struct Side: Sendable {
        public let plan: Plan
        public let problems: [Diagnostic]

        public init(plan: Plan, problems: [Diagnostic]) {
            self.plan = plan
            self.problems = problems
        }
    }

    /// The comparisons, in the order shown; each gives its lines.
    static let comparisons: [@Sendable (Side, Side, Day) -> [String]] = [vision, owner, entities, problems]

    /// Every difference, one a line; empty when there is none.
    public static func lines(from old: Side, to new: Side, today: Day) -> [String] {
        comparisons.flatMap { $0(old, new, today) }
    }

    static func vision(_ old: Side, _ new: Side, _ today: Day) -> [String] {
        guard old.plan.vision != new.plan.vision else { return [] }
        return ["~ vision: " + (old.plan.vision.map(Literal.string) ?? "none") + " -> "
                + (new.plan.vision.map(Literal.string) ?? "none")]
    }

    static func owner(_ old: Side, _ new: Side, _ today: Day) -> [String] {
        guard old.plan.owner != new.plan.owner else { return [] }
        return ["~ owner: " + (old.plan.owner.map(Literal.string) ?? "none") + " -> "
                + (new.plan.owner.map(Literal.string) ?? "none")]
    }

    static func entities(_ old: Side, _ new: Side, _ today: Day) -> [String] {
        var lines: [String] = []
        // One evaluator a side: its links (the log's totals among them) are
        // worked out once for the whole plan, not once for every field read.
        let oldEvaluator = Evaluator(plan: old.plan, today: today, bindings: [:])
        let newEvaluator = Evaluator(plan: new.plan, today: today, bindings: [:])
        for kind in EntityKind.writtenOrder {
            func key(_ plan: Plan, _ index: Int) -> String? {
                if kind.info.derived { return plan.name(of: kind, at: index).map { "name " + $0.text } }
                return plan.identity(of: kind, at: index).map { "identity \($0)" }
            }
            func positions(_ plan: Plan) -> [String: Int] {
                var positions: [String: Int] = [:]
                for index in 0..<plan.count(of: kind) { if let key = key(plan, index) { positions[key] = index } }
                return positions
            }
            let before = positions(old.plan)
            let after = positions(new.plan)
            for index in 0..<old.plan.count(of: kind) {
                guard let key = key(old.plan, index), after[key] == nil else { continue }
                lines.append("- " + kind.info.title(old.plan, index))
            }
            for index in 0..<new.plan.count(of: kind) {
                guard let key = key(new.plan, index) else { continue }
                guard let was = before[key] else {
                    lines.append("+ " + kind.info.title(new.plan, index))
                    continue
                }
                let changes = kind.info.fieldNames.compactMap { field -> String? in
                    let from = text(field, of: kind, was, by: oldEvaluator)
                    let to = text(field, of: kind, index, by: newEvaluator)
                    return from == to ? nil : "    \(field): \(from) -> \(to)"
                }
                if !changes.isEmpty { lines += ["~ " + kind.info.title(new.plan, index)] + changes }
            }
        }
        return lines
    }

    private static func text(_ field: String, of kind: EntityKind, _ index: Int, by evaluator: Evaluator) -> String {
        let value = evaluator.fieldValue(field, of: .entity(kind, index)) ?? .none
        return Answers.inline(value, by: evaluator)
    }

    static func problems(_ old: Side, _ new: Side, _ today: Day) -> [String] {
        func key(_ diagnostic: Diagnostic) -> String {
            "\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]: \(diagnostic.message)"
        }
        let before = Set(old.problems.map(key))
        let after = Set(new.problems.map(key))
        let appeared = new.problems.map(key).filter { !before.contains($0) }
        let gone = old.problems.map(key).filter { !after.contains($0) }
        return appeared.map { "+ " + $0 } + gone.map { "- " + $0 }
    }
}
