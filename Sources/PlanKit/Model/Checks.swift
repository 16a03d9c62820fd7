/// The checks of a loaded plan that need the whole of it: references that
/// point nowhere, goals that wait on each other, and the warnings about a
/// plan that holds together but will not work out as written.
///
/// Duplicates, invalid dates and levels outside 0-5 are found earlier, by the
/// parser and the interpreter, where the declaration is still at hand.
public enum Checks {
    public static func run(_ plan: Plan, today: Day) -> [Diagnostic] {
        let after = AfterGraph(plan)
        let checks: [[Diagnostic]] = [
            // errors
            unknownSkillsInNeeds(plan),
            unknownSkillsInHelps(plan),
            unknownValuesInServes(plan),
            unknownGoalsInAfter(plan),
            unknownGoalsOfMilestones(plan),
            cyclesInAfter(plan, after),
            // warnings
            goalsWithoutDate(plan, today: today),
            overdueGoals(plan, today: today),
            milestonesDueAfterTheirGoal(plan),
            goalsDueBeforeWhatTheyComeAfter(plan, after),
            goalsServingNoValue(plan),
            needsAboveTarget(plan),
            missingVision(plan),
            valuesNoGoalServes(plan),
            overdueMilestones(plan, today: today),
        ]
        return inSourceOrder(checks.flatMap { $0 })
    }

    // MARK: - Errors

    static func unknownSkillsInNeeds(_ plan: Plan) -> [Diagnostic] {
        var resolver = Resolver(plan, .skill)
        var found: [Diagnostic] = []
        for goal in plan.goals {
            for need in goal.needs {
                if let problem = resolver.unknown(need.skill, declaration: { skillDeclaration($0, target: need.level) }) {
                    found.append(problem)
                }
            }
        }
        return found
    }

    static func unknownSkillsInHelps(_ plan: Plan) -> [Diagnostic] {
        var resolver = Resolver(plan, .skill)
        return plan.mentors.flatMap { mentor in
            mentor.helps.compactMap { resolver.unknown($0, declaration: { skillDeclaration($0, target: nil) }) }
        }
    }

    static func unknownValuesInServes(_ plan: Plan) -> [Diagnostic] {
        var resolver = Resolver(plan, .value)
        return plan.goals.flatMap { goal in
            goal.serves.compactMap { resolver.unknown($0, declaration: { "value \(spelled($0))" }) }
        }
    }

    static func unknownGoalsInAfter(_ plan: Plan) -> [Diagnostic] {
        var resolver = Resolver(plan, .goal)
        return plan.goals.flatMap { goal in
            goal.after.compactMap { resolver.unknown($0, declaration: { "goal \(spelled($0))" }) }
        }
    }

    static func unknownGoalsOfMilestones(_ plan: Plan) -> [Diagnostic] {
        var resolver = Resolver(plan, .goal)
        // By position, reading one field: iterating the array would copy each milestone.
        return plan.milestones.indices.compactMap { index in
            plan.milestones[index].goal.flatMap { resolver.unknown($0, declaration: { "goal \(spelled($0))" }) }
        }
    }

    /// Each cycle once, at the `after` that closes it. A depth-first walk
    /// with an explicit stack, so that a chain of 100k goals cannot overflow
    /// the call stack; every back edge it meets closes exactly one cycle.
    static func cyclesInAfter(_ plan: Plan, _ after: AfterGraph) -> [Diagnostic] {
        enum Mark { case unvisited, onPath, finished }
        var marks = [Mark](repeating: .unvisited, count: plan.goals.count)
        var positionOnPath = [Int](repeating: 0, count: plan.goals.count)
        // Each step is a goal and how many of its edges have been followed.
        var path: [(goal: Int, followed: Int)] = []
        var found: [Diagnostic] = []
        for root in plan.goals.indices where marks[root] == .unvisited {
            marks[root] = .onPath
            positionOnPath[root] = 0
            path.append((root, 0))
            while let top = path.last {
                let goal = top.goal
                let followed = top.followed
                let edges = after.edges[goal]
                guard followed < edges.count else {
                    marks[goal] = .finished
                    path.removeLast()
                    continue
                }
                path[path.count - 1].followed += 1
                let edge = edges[followed]
                switch marks[edge.target] {
                case .unvisited:
                    marks[edge.target] = .onPath
                    positionOnPath[edge.target] = path.count
                    path.append((edge.target, 0))
                case .onPath:
                    found.append(cycle(on: path, from: positionOnPath[edge.target], closedBy: edge.name, plan, after))
                case .finished:
                    break
                }
            }
        }
        return found
    }

    /// Longer cycles show their first and last goals only, so that a message
    /// stays readable and reporting stays linear in the plan's size.
    private static let longestCycleShown = 8

    /// The cycle is the walk's path from `start` to its end, closed by the
    /// edge back to the goal at `start`.
    private static func cycle(on path: [(goal: Int, followed: Int)], from start: Int, closedBy closing: Name,
                              _ plan: Plan, _ after: AfterGraph) -> Diagnostic {
        let steps = path[start...]
        let firstName = plan.goals[path[start].goal].name.text
        let lastName = plan.goals[path[path.count - 1].goal].name.text
        if steps.count == 1 {
            return .error(.afterCycle, "goal \(Literal.string(firstName)) comes after itself", at: closing.range,
                          hint: "remove \(Literal.string(firstName)) from its own after")
        }
        var shown: [String]
        if steps.count > longestCycleShown {
            let head = longestCycleShown - 2
            shown = steps.prefix(head).map { Literal.string(plan.goals[$0.goal].name.text) }
            shown.append("... \(steps.count - head - 1) more")
            shown.append(Literal.string(lastName))
        } else {
            shown = steps.map { Literal.string(plan.goals[$0.goal].name.text) }
        }
        shown.append(Literal.string(firstName))
        // The edge each step followed to the next one is the one before its count.
        let notes = steps.dropLast().prefix(longestCycleShown - 1).compactMap { step -> Diagnostic.Note? in
            let edges = after.edges[step.goal]
            guard edges.indices.contains(step.followed - 1) else { return nil }
            let edge = edges[step.followed - 1]
            let message = "goal \(Literal.string(plan.goals[step.goal].name.text)) comes after \(Literal.string(edge.name.text)) here"
            return Diagnostic.Note(message, at: edge.name.range)
        }
        return .error(.afterCycle, "goals wait on each other in a cycle: " + shown.joined(separator: " -> "),
                      at: closing.range,
                      hint: "break the cycle: remove \(Literal.string(firstName)) from the after of goal \(Literal.string(lastName))",
                      notes: notes)
    }

    // MARK: - Warnings

    static func goalsWithoutDate(_ plan: Plan, today: Day) -> [Diagnostic] {
        let example = monthLiteral(today.adding(Duration(months: 6)))
        return plan.goals.filter { $0.due == nil }.map { goal in
            .warning(.goalWithoutDate, "goal \(Literal.string(goal.name.text)) has no date", at: goal.name.range,
                     hint: "add a date: by \(example)")
        }
    }

    static func overdueGoals(_ plan: Plan, today: Day) -> [Diagnostic] {
        let newDate = monthLiteral(today.adding(Duration(months: 3)))
        return plan.goals.compactMap { goal in
            guard !goal.done, let due = goal.due, due < today else { return nil }
            return .warning(.goalOverdue, "goal \(Literal.string(goal.name.text)) was due \(due), \(daysAgo(due, today))",
                            at: goal.dueRange ?? goal.name.range,
                            hint: "mark it done, or move its date: update goal \(spelled(goal.name)) by \(newDate)")
        }
    }

    static func milestonesDueAfterTheirGoal(_ plan: Plan) -> [Diagnostic] {
        // By position, and the dates before the rest: most milestones are in
        // time, and copying each milestone and goal would cost more than the test.
        plan.milestones.indices.compactMap { position in
            guard let due = plan.milestones[position].due, let goalName = plan.milestones[position].goal,
                  let index = plan.index(of: .goal, named: goalName.text),
                  let goalDue = plan.goals[index].due, goalDue < due else { return nil }
            let milestone = plan.milestones[position]
            let goal = plan.goals[index]
            let message = "milestone \(Literal.string(milestone.name.text)) is due \(due), after its goal "
                + "\(Literal.string(goal.name.text)) (due \(goalDue))"
            return .warning(.milestoneAfterGoal, message, at: milestone.dueRange ?? milestone.name.range,
                            hint: "move it to \(goalDue) or earlier: update milestone \(spelled(milestone.name)) by \(goalDue)",
                            notes: [.init("goal \(Literal.string(goal.name.text)) is due here", at: goal.dueRange ?? goal.name.range)])
        }
    }

    static func goalsDueBeforeWhatTheyComeAfter(_ plan: Plan, _ after: AfterGraph) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (index, goal) in plan.goals.enumerated() {
            guard let due = goal.due else { continue }
            for edge in after.edges[index] {
                let earlier = plan.goals[edge.target]
                guard let earlierDue = earlier.due, due < earlierDue else { continue }
                let message = "goal \(Literal.string(goal.name.text)) is due \(due), before \(Literal.string(earlier.name.text)) "
                    + "(due \(earlierDue)), which it comes after"
                let hint = "move it to \(earlierDue) or later: update goal \(spelled(goal.name)) by \(earlierDue); "
                    + "or move \(Literal.string(earlier.name.text)) earlier"
                found.append(.warning(.goalBeforePrerequisite, message, at: goal.dueRange ?? goal.name.range, hint: hint,
                                      notes: [.init("goal \(Literal.string(earlier.name.text)) is due here",
                                                    at: earlier.dueRange ?? earlier.name.range)]))
            }
        }
        return found
    }

    static func goalsServingNoValue(_ plan: Plan) -> [Diagnostic] {
        // Non-negotiables are limits a plan keeps rather than ends a goal
        // serves, so the example prefers a value that is not one.
        let example = (plan.values.first { !$0.nonNegotiable } ?? plan.values.first).map { spelled($0.name) }
        let hint = example.map { "which of your values does this goal serve? add serves \($0)" }
            ?? "which of your values does this goal serve? declare one (value growth) and add serves growth"
        return plan.goals.filter { $0.serves.isEmpty }.map { goal in
            .warning(.goalServesNothing, "goal \(Literal.string(goal.name.text)) serves no value", at: goal.name.range, hint: hint)
        }
    }

    static func needsAboveTarget(_ plan: Plan) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for goal in plan.goals {
            for need in goal.needs {
                guard let level = need.level, let index = plan.index(of: .skill, named: need.skill.text) else { continue }
                let skill = plan.skills[index]
                guard level > skill.target else { continue }
                let message = "goal \(Literal.string(goal.name.text)) needs skill \(Literal.string(skill.name.text)) at \(level), "
                    + "above its target \(skill.target)"
                let hint = "need less (at \(skill.target)), or raise the target: "
                    + "update skill \(spelled(skill.name)) target \(level)"
                found.append(.warning(.needAboveTarget, message, at: need.levelRange ?? need.skill.range, hint: hint))
            }
        }
        return found
    }

    static func missingVision(_ plan: Plan) -> [Diagnostic] {
        let isEmpty = EntityKind.allCases.allSatisfy { plan.count(of: $0) == 0 }
        guard plan.vision == nil, !isEmpty else { return [] }
        return [.warning(.noVision, "the plan has no vision", at: SourceRange(source: 0, start: 0, end: 0),
                         hint: "add vision \"...\"")]
    }

    static func valuesNoGoalServes(_ plan: Plan) -> [Diagnostic] {
        var served = [Bool](repeating: false, count: plan.values.count)
        for goal in plan.goals {
            for name in goal.serves {
                if let index = plan.index(of: .value, named: name.text) { served[index] = true }
            }
        }
        return zip(plan.values, served).compactMap { value, isServed in
            isServed ? nil : .warning(.valueUnserved, "no goal serves value \(Literal.string(value.name.text))",
                                      at: value.name.range,
                                      hint: "add serves \(spelled(value.name)) to the goals that honour it")
        }
    }

    static func overdueMilestones(_ plan: Plan, today: Day) -> [Diagnostic] {
        let newDate = monthLiteral(today.adding(Duration(months: 3)))
        return plan.milestones.compactMap { milestone in
            guard !milestone.done, let due = milestone.due, due < today else { return nil }
            return .warning(.milestoneOverdue, "milestone \(Literal.string(milestone.name.text)) was due \(due), \(daysAgo(due, today))",
                            at: milestone.dueRange ?? milestone.name.range,
                            hint: "mark it done, or move its date: update milestone \(spelled(milestone.name)) by \(newDate)")
        }
    }

    // MARK: - Pieces

    /// By source, then position, then severity; otherwise the order found.
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            (a.element.range.source, a.element.range.start, a.element.severity, a.offset)
                < (b.element.range.source, b.element.range.start, b.element.severity, b.offset)
        }.map(\.element)
    }

    /// Looks names of one kind up, with "did you mean" remembered per
    /// spelling so that a typo repeated across a large plan costs one search.
    struct Resolver {
        let plan: Plan
        let kind: EntityKind
        private var candidates: [String]?
        private var suggestions: [String: String?] = [:]

        init(_ plan: Plan, _ kind: EntityKind) {
            self.plan = plan
            self.kind = kind
        }

        /// nil when `name` is declared; otherwise the error, whose hint is the
        /// near miss or else `declaration` of the name, to be written down.
        mutating func unknown(_ name: Name, declaration: (Name) -> String) -> Diagnostic? {
            guard plan.index(of: kind, named: name.text) == nil else { return nil }
            let code: DiagnosticCode = switch kind {
            case .value: .unknownValue
            case .skill: .unknownSkill
            case .goal: .unknownGoal
            case .milestone: .unknownMilestone
            case .mentor: .unknownMentor
            }
            let hint = suggestion(for: name.text).map { "did you mean \(Literal.string($0))?" }
                ?? "declare it: \(declaration(name))"
            return .error(code, "unknown \(kind.rawValue) \(Literal.string(name.text))", at: name.range, hint: hint)
        }

        private mutating func suggestion(for text: String) -> String? {
            if let known = suggestions[text] { return known }
            let all = candidates ?? plan.names(of: kind)
            candidates = all
            let found = Suggestion.closest(to: text, among: all)
            suggestions[text] = .some(found)
            return found
        }
    }

    private static func skillDeclaration(_ name: Name, target: Int?) -> String {
        "skill \(spelled(name)) level 0 target \(target ?? 3)"
    }

    /// `25 days ago`, `1 day ago`.
    private static func daysAgo(_ due: Day, _ today: Day) -> String {
        let days = today.ordinal - due.ordinal
        return days == 1 ? "1 day ago" : "\(days) days ago"
    }

    /// `2027-06`: the date literal for the last day of `day`'s month.
    private static func monthLiteral(_ day: Day) -> String {
        let (year, month, _) = day.components
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
    }

    /// A name as the person wrote it: bare when it was a word, else a
    /// string (and a string too when a plan built in code says "bare" of
    /// text no word could hold).
    static func spelled(_ name: Name) -> String {
        name.quoted ? Literal.string(name.text) : Literal.name(name.text)
    }

}

/// Each goal's `after` references resolved to goal positions, unknown names
/// left out (they are reported on their own) and repeats dropped, so that
/// a goal written twice in one `after` is one edge.
struct AfterGraph {
    struct Edge {
        var target: Int
        /// Where the reference is written, for pointing at it.
        var name: Name
    }

    let edges: [[Edge]]

    init(_ plan: Plan) {
        edges = plan.goals.map { goal in
            var seen: Set<Int> = []
            return goal.after.compactMap { name in
                guard let target = plan.index(of: .goal, named: name.text), seen.insert(target).inserted else { return nil }
                return Edge(target: target, name: name)
            }
        }
    }
}
