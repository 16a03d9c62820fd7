/// `plan export --format json`: the whole model for other programs, in the
/// versioned schema `plan/1` that docs/json-schema.md describes. Relations
/// are given both ways round (a value lists its goals) so that a reader
/// needs no second pass.
public enum JSONExport {
    public static let schema = "plan/1"

    public static func document(_ plan: Plan, today: Day) -> JSON {
        let facts = PlanFacts(plan, today: today)
        func text(_ string: String?) -> JSON { string.map(JSON.string) ?? .null }
        func day(_ day: Day?) -> JSON { day.map { .string($0.description) } ?? .null }
        func number(_ number: Int?) -> JSON { number.map { .number(Double($0)) } ?? .null }
        func names(_ names: [String]) -> JSON { .array(names.map(JSON.string)) }

        let values: [JSON] = plan.values.enumerated().map { index, value in
            .object([
                ("name", .string(value.name.text)),
                ("priority", number(value.priority)),
                ("non_negotiable", .bool(value.nonNegotiable)),
                ("note", text(value.note)),
                ("goals", names(facts.names(.goal, facts.goalsServing[index]))),
            ])
        }
        let skills: [JSON] = plan.skills.enumerated().map { index, skill in
            .object([
                ("name", .string(skill.name.text)),
                ("level", number(skill.level)),
                ("target", number(skill.target)),
                ("gap", number(skill.gap)),
                ("needed_by", names(facts.names(.goal, facts.goalsNeeding[index]))),
                ("mentors", names(facts.names(.mentor, facts.mentorsHelping[index]))),
            ])
        }
        let goals: [JSON] = plan.goals.enumerated().map { index, goal in
            .object([
                ("name", .string(goal.name.text)),
                ("role", text(goal.role)),
                ("status", .string(goal.status.rawValue)),
                ("done", .bool(goal.done)),
                ("due", day(goal.due)),
                ("days_left", number(goal.due.map { $0.ordinal - today.ordinal })),
                ("overdue", .bool(facts.isOverdue(goal))),
                ("ready", .bool(facts.isReady(goal))),
                ("needs", .array(goal.needs.map { need in
                    .object([("skill", .string(need.skill.text)), ("level", number(facts.requiredLevel(need)))])
                })),
                ("gap", names(facts.gaps(of: goal).map(\.skill.text))),
                ("serves", names(goal.serves.map(\.text))),
                ("after", names(goal.after.map(\.text))),
                ("milestones", names(facts.names(.milestone, facts.milestonesOf[index]))),
                ("impact", text(goal.impact)),
                ("note", text(goal.note)),
            ])
        }
        let milestones: [JSON] = plan.milestones.map { milestone in
            .object([
                ("name", .string(milestone.name.text)),
                ("goal", text(milestone.goal?.text)),
                ("due", day(milestone.due)),
                ("done", .bool(milestone.done)),
                ("overdue", .bool(facts.isOverdue(milestone))),
            ])
        }
        let mentors: [JSON] = plan.mentors.map { mentor in
            .object([
                ("name", .string(mentor.name.text)),
                ("helps", names(mentor.helps.map(\.text))),
                ("note", text(mentor.note)),
            ])
        }
        return .object([
            ("schema", .string(schema)),
            ("today", .string(today.description)),
            ("vision", text(plan.vision)),
            ("values", .array(values)),
            ("skills", .array(skills)),
            ("goals", .array(goals)),
            ("milestones", .array(milestones)),
            ("mentors", .array(mentors)),
        ])
    }

    /// Indented two spaces a level, one member a line, ending in a newline:
    /// a file people also read and diff.
    public static func render(_ plan: Plan, today: Day) -> String {
        var out = ""
        pretty(document(plan, today: today), indent: "", into: &out)
        return out + "\n"
    }

    private static func pretty(_ json: JSON, indent: String, into out: inout String) {
        let inner = indent + "  "
        switch json {
        case .array(let items) where !items.isEmpty:
            // A list of names stays on one line.
            if items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                json.write(to: &out, spaced: true)
                return
            }
            out += "[\n"
            for (position, item) in items.enumerated() {
                out += inner
                pretty(item, indent: inner, into: &out)
                out += position + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members) where members.count <= 2 && members.allSatisfy({ !$0.1.isContainer }):
            // A pair such as a need, `{"skill": "writing", "level": 3}`, stays on one line.
            json.write(to: &out, spaced: true)
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (position, member) in members.enumerated() {
                out += inner
                JSON.quote(member.0, into: &out)
                out += ": "
                pretty(member.1, indent: inner, into: &out)
                out += position + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            json.write(to: &out)
        }
    }
}

private extension JSON {
    var isContainer: Bool {
        switch self {
        case .array, .object: return true
        default: return false
        }
    }
}
