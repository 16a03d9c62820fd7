@testable import PlanKit

/// Builds a plan from parsed declarations, for checking that written source
/// reads back to the same plan without depending on the interpreter.
enum PlanBuilder {
    static func build(_ file: SourceFile) -> Plan? {
        var plan = Plan()
        for statement in file.statements {
            switch statement.kind {
            case .vision(let text):
                plan.vision = text
            case .assert(let condition, let message):
                plan.assertions.append(Assertion(condition: condition, message: message, range: statement.range))
            case .declaration(let declaration) where !declaration.isUpdate:
                add(declaration, to: &plan)
            default:
                return nil
            }
        }
        return plan
    }

    private static func add(_ declaration: Declaration, to plan: inout Plan) {
        switch declaration.kind {
        case .value:
            var value = CoreValue(name: declaration.name)
            for clause in declaration.clauses {
                switch clause.kind {
                case .priority(let priority): value.priority = priority
                case .nonNegotiable: value.nonNegotiable = true
                case .note(let note): value.note = note
                default: break
                }
            }
            plan.add(value)
        case .skill:
            var skill = Skill(name: declaration.name)
            for clause in declaration.clauses {
                switch clause.kind {
                case .level(let level): skill.level = level
                case .target(let target): skill.explicitTarget = target
                default: break
                }
            }
            plan.add(skill)
        case .goal:
            var goal = Goal(name: declaration.name)
            for clause in declaration.clauses {
                switch clause.kind {
                case .role(let role): goal.role = role
                case .needs(let needs): goal.needs += needs
                case .serves(let serves): goal.serves += serves
                case .after(let after): goal.after += after
                case .by(let due): goal.due = due
                case .impact(let impact): goal.impact = impact
                case .note(let note): goal.note = note
                case .done: goal.status = .done
                case .doing: goal.status = .doing
                default: break
                }
            }
            plan.add(goal)
        case .milestone:
            var milestone = Milestone(name: declaration.name)
            for clause in declaration.clauses {
                switch clause.kind {
                case .for(let goal): milestone.goal = goal
                case .by(let due): milestone.due = due
                case .done: milestone.done = true
                default: break
                }
            }
            plan.add(milestone)
        case .mentor:
            var mentor = Mentor(name: declaration.name)
            for clause in declaration.clauses {
                switch clause.kind {
                case .helps(let helps): mentor.helps += helps
                case .note(let note): mentor.note = note
                default: break
                }
            }
            plan.add(mentor)
        }
    }
}
