/// The fields an expression can read from an entity or a group, as SPEC
/// section 5 lists them. Public so that the REPL can complete them.
public enum Fields {
    public static func names(of kind: EntityKind) -> [String] {
        switch kind {
        case .goal:
            return ["name", "role", "due", "done", "status", "needs", "serves", "after", "milestones",
                    "impact", "note", "gap", "ready", "days_left", "overdue"]
        case .skill: return ["name", "level", "target", "gap", "needed_by", "mentors"]
        case .value: return ["name", "priority", "non_negotiable", "note", "goals"]
        case .milestone: return ["name", "goal", "due", "done", "overdue"]
        case .mentor: return ["name", "helps", "note"]
        }
    }

    /// The two fields of one group of a `group by` clause.
    public static let groupNames = ["key", "items"]

    /// The fields of `value`, empty when it has none.
    static func names(of value: Value) -> [String] {
        switch value {
        case .entity(let kind, _): return names(of: kind)
        case .group: return groupNames
        default: return []
        }
    }
}

/// The references that point the other way from how they are written (a goal
/// names the values it serves; `value.goals` asks which goals serve it),
/// built on first use and kept for one evaluation so that asking every value
/// for its goals reads the goals once, not once per value.
final class Links {
    private let plan: Plan
    private var goalsServingValue: [[Int]]?
    private var goalsNeedingSkill: [[Int]]?
    private var mentorsHelpingSkill: [[Int]]?
    private var milestonesOfGoal: [[Int]]?

    init(plan: Plan) { self.plan = plan }

    func goals(serving value: Int) -> [Int] {
        if goalsServingValue == nil {
            goalsServingValue = invert(plan.goals.map { $0.serves }, into: .value)
        }
        return goalsServingValue?[value] ?? []
    }

    func goals(needing skill: Int) -> [Int] {
        if goalsNeedingSkill == nil {
            goalsNeedingSkill = invert(plan.goals.map { $0.needs.map(\.skill) }, into: .skill)
        }
        return goalsNeedingSkill?[skill] ?? []
    }

    func mentors(helping skill: Int) -> [Int] {
        if mentorsHelpingSkill == nil {
            mentorsHelpingSkill = invert(plan.mentors.map { $0.helps }, into: .skill)
        }
        return mentorsHelpingSkill?[skill] ?? []
    }

    func milestones(of goal: Int) -> [Int] {
        if milestonesOfGoal == nil {
            milestonesOfGoal = invert(plan.milestones.map { $0.goal.map { [$0] } ?? [] }, into: .goal)
        }
        return milestonesOfGoal?[goal] ?? []
    }

    /// For each entity of `kind`, the sources (in order, once each) whose
    /// names list it; names that resolve to nothing are left out.
    private func invert(_ references: [[Name]], into kind: EntityKind) -> [[Int]] {
        var result = [[Int]](repeating: [], count: plan.count(of: kind))
        for (source, names) in references.enumerated() {
            for name in names {
                guard let target = plan.index(of: kind, named: name.text), result.indices.contains(target) else { continue }
                if result[target].last != source { result[target].append(source) }
            }
        }
        return result
    }
}

extension Evaluator {
    /// `value.name`; none maps to none and a list maps over its items.
    func field(_ name: String, of value: Value, at range: SourceRange) throws(EvaluationError) -> Value {
        switch value {
        case .none:
            return .none
        case .list(let items):
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items { result.append(try field(name, of: item, at: range)) }
            return .list(result)
        default:
            if let result = fieldValue(name, of: value) { return result }
            throw noField(name, typeName: value.typeName, fields: Fields.names(of: value), at: range)
        }
    }

    func noField(_ name: String, typeName: String, fields: [String], at range: SourceRange) -> EvaluationError {
        let hint = Suggestion.closest(to: name, among: fields).map { "did you mean \(Literal.string($0))?" }
        return EvaluationError(.unknownField, "\(typeName) has no field \(Literal.string(name))", at: range, hint: hint)
    }

    /// The field of an entity or group, or nil when it has no such field.
    func fieldValue(_ name: String, of value: Value) -> Value? {
        switch value {
        case .entity(.goal, let index): return goalField(name, index)
        case .entity(.skill, let index): return skillField(name, index)
        case .entity(.value, let index): return valueField(name, index)
        case .entity(.milestone, let index): return milestoneField(name, index)
        case .entity(.mentor, let index): return mentorField(name, index)
        case .group(let key, let items):
            switch name {
            case "key": return key
            case "items": return .list(items)
            default: return nil
            }
        default:
            return nil
        }
    }

    private func goalField(_ name: String, _ index: Int) -> Value? {
        // Field by field, not `let goal = plan.goals[index]`: a query reads
        // one field of each of many goals, and copying a goal retains all of its.
        switch name {
        case "name": return .string(plan.goals[index].name.text)
        case "role": return optional(plan.goals[index].role)
        case "due": return plan.goals[index].due.map(Value.date) ?? Value.none
        case "done": return .bool(plan.goals[index].done)
        case "status": return .string(plan.goals[index].status.rawValue)
        case "needs": return entities(.skill, plan.goals[index].needs.map(\.skill))
        case "serves": return entities(.value, plan.goals[index].serves)
        case "after": return entities(.goal, plan.goals[index].after)
        case "milestones": return .list(links.milestones(of: index).map { .entity(.milestone, $0) })
        case "impact": return optional(plan.goals[index].impact)
        case "note": return optional(plan.goals[index].note)
        case "gap": return .list(gap(of: plan.goals[index]).map { .entity(.skill, $0) })
        case "ready": return .bool(isReady(plan.goals[index]))
        case "days_left": return plan.goals[index].due.map { .duration(Duration(days: $0.ordinal - today.ordinal)) } ?? Value.none
        case "overdue": return .bool(isOverdue(plan.goals[index].due, done: plan.goals[index].done))
        default: return nil
        }
    }

    private func skillField(_ name: String, _ index: Int) -> Value? {
        let skill = plan.skills[index]
        switch name {
        case "name": return .string(skill.name.text)
        case "level": return .number(Double(skill.level))
        case "target": return .number(Double(skill.target))
        case "gap": return .number(Double(skill.gap))
        case "needed_by": return .list(links.goals(needing: index).map { .entity(.goal, $0) })
        case "mentors": return .list(links.mentors(helping: index).map { .entity(.mentor, $0) })
        default: return nil
        }
    }

    private func valueField(_ name: String, _ index: Int) -> Value? {
        let value = plan.values[index]
        switch name {
        case "name": return .string(value.name.text)
        case "priority": return value.priority.map { .number(Double($0)) } ?? Value.none
        case "non_negotiable": return .bool(value.nonNegotiable)
        case "note": return optional(value.note)
        case "goals": return .list(links.goals(serving: index).map { .entity(.goal, $0) })
        default: return nil
        }
    }

    private func milestoneField(_ name: String, _ index: Int) -> Value? {
        let milestone = plan.milestones[index]
        switch name {
        case "name": return .string(milestone.name.text)
        case "goal":
            guard let goal = milestone.goal, let target = plan.index(of: .goal, named: goal.text) else { return Value.none }
            return .entity(.goal, target)
        case "due": return milestone.due.map(Value.date) ?? Value.none
        case "done": return .bool(milestone.done)
        case "overdue": return .bool(isOverdue(milestone.due, done: milestone.done))
        default: return nil
        }
    }

    private func mentorField(_ name: String, _ index: Int) -> Value? {
        let mentor = plan.mentors[index]
        switch name {
        case "name": return .string(mentor.name.text)
        case "helps": return entities(.skill, mentor.helps)
        case "note": return optional(mentor.note)
        default: return nil
        }
    }

    /// The needed skills whose level is below the level the goal requires
    /// (its `at` level, else the skill's target).
    private func gap(of goal: Goal) -> [Int] {
        goal.needs.compactMap { need in
            guard let index = plan.index(of: .skill, named: need.skill.text) else { return nil }
            let skill = plan.skills[index]
            return skill.level < (need.level ?? skill.target) ? index : nil
        }
    }

    private func isReady(_ goal: Goal) -> Bool {
        let afterDone = goal.after.allSatisfy { name in
            guard let index = plan.index(of: .goal, named: name.text) else { return true }
            return plan.goals[index].done
        }
        return afterDone && gap(of: goal).isEmpty
    }

    private func isOverdue(_ due: Day?, done: Bool) -> Bool {
        guard let due else { return false }
        return due < today && !done
    }

    private func optional(_ text: String?) -> Value {
        text.map(Value.string) ?? Value.none
    }

    /// The entities `names` refer to; names that resolve to nothing are
    /// skipped here because the checks report them.
    private func entities(_ kind: EntityKind, _ names: [Name]) -> Value {
        .list(names.compactMap { name in plan.index(of: kind, named: name.text).map { .entity(kind, $0) } })
    }
}
