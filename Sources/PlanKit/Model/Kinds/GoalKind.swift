import PlanCore
import PlanSyntax

public enum GoalStatus: String, Sendable {
    case open, doing, done
}

public struct Goal: PlanEntity {
    public static let kind = EntityKind.goal
    public var name: Name
    // Here, beside the name, it fills the name's padding rather than adding its own.
    public var status = GoalStatus.open
    public var needs: NameList<SkillNeed> = []
    public var serves: NameList<Name> = []
    public var after: NameList<Name> = []
    public var due: Day?
    /// Where the `by` date was written, for warnings about it.
    public var dueRange: SourceRange?
    /// The clauses most goals leave out, kept apart, so that a goal
    /// without them is 96 bytes and not 208: a large plan is mostly
    /// goals, and each of their bytes is a page to fault in and a cache
    /// line to miss.
    private var rest: Rest?

    public var role: String? {
        get { rest?.fields.role }
        set { setRest(isEmpty: newValue == nil) { $0.role = newValue } }
    }
    public var impact: String? {
        get { rest?.fields.impact }
        set { setRest(isEmpty: newValue == nil) { $0.impact = newValue } }
    }
    public var note: String? {
        get { rest?.fields.note }
        set { setRest(isEmpty: newValue == nil) { $0.note = newValue } }
    }
    /// The objectives it serves.
    public var aligns: NameList<Name> {
        get { rest?.fields.aligns ?? [] }
        set { setRest(isEmpty: newValue.isEmpty) { $0.aligns = newValue } }
    }
    /// The experiences it needs (`needs experience`).
    public var experiences: NameList<Name> {
        get { rest?.fields.experiences ?? [] }
        set { setRest(isEmpty: newValue.isEmpty) { $0.experiences = newValue } }
    }
    /// The hours it takes, in all.
    public var effort: Double? {
        get { rest?.fields.effort }
        set { setRest(isEmpty: newValue == nil) { $0.effort = newValue } }
    }
    /// When work on it begins, as declared.
    public var start: Day? {
        get { rest?.fields.start }
        set { setRest(isEmpty: newValue == nil) { $0.start = newValue } }
    }
    public var startRange: SourceRange? {
        get { rest?.fields.startRange }
        set { setRest(isEmpty: newValue == nil) { $0.startRange = newValue } }
    }
    public var tags: NameList<Name> {
        get { rest?.fields.tags ?? [] }
        set { setRest(isEmpty: newValue.isEmpty) { $0.tags = newValue } }
    }
    public var done: Bool { status == .done }

    public init(name: Name) { self.name = name }

    private struct RestFields: Sendable {
        var role: String?
        var impact: String?
        var note: String?
        var aligns: NameList<Name> = []
        var experiences: NameList<Name> = []
        var effort: Double?
        var start: Day?
        var startRange: SourceRange?
        var tags: NameList<Name> = []
    }

    /// Shared by copies of the goal until one of them changes, which then
    /// changes a copy of its own (`isKnownUniquelyReferenced`), as an
    /// array's storage is: what makes the mutable class safe to send.
    private final class Rest: @unchecked Sendable {
        var fields: RestFields
        init(_ fields: RestFields) { self.fields = fields }
    }

    /// Sets one of the rarer clauses. A goal without a box, given nothing
    /// for it, stays without one. While it changes, the goal lets go of its
    /// box, so that the box's one reference is the one here and it changes
    /// in place.
    /// (A closure, not a key path: setting through a key path was 1% of
    /// loading a plan whose goals have roles and notes.)
    private mutating func setRest(isEmpty: Bool, _ change: (inout RestFields) -> Void) {
        guard var box = rest else {
            guard !isEmpty else { return }
            var fields = RestFields()
            change(&fields)
            rest = Rest(fields)
            return
        }
        rest = nil
        if !isKnownUniquelyReferenced(&box) { box = Rest(box.fields) }
        change(&box.fields)
        rest = box
    }
}

extension Plan {
    public var goals: [Goal] { entities(Goal.self) }
}

package enum GoalKind: EntityDescription {
    static let kind = EntityKind.goal
    static let unknownCode = DiagnosticCode.unknownGoal
    static let layout = Layout.clausePerLine

    static let clauses: [ClauseRule<Goal>] = [
        .text(.role, "a role", get: { $0.role }, set: { $0.role = $1 }),
        .names(.after, "a goal", refers: [.goal], get: { $0.after }, set: { $0.after = $1 }),
        ClauseRule(.needs, .skillNeeds,
                   apply: { goal, clause, _ in if case .needs(let needs) = clause { goal.needs.merge(needs) } },
                   read: { $0.needs.isEmpty ? nil : .needs($0.needs.items) },
                   clear: { $0.needs = [] }),
        .names(.experience, "an experience", refers: [.experience], lead: .needs, get: { $0.experiences }, set: { $0.experiences = $1 }),
        .names(.serves, "a value", refers: [.value], get: { $0.serves }, set: { $0.serves = $1 }),
        .names(.aligns, "an objective", refers: [.objective], get: { $0.aligns }, set: { $0.aligns = $1 }),
        .date(.start, get: { $0.start }, set: { $0.start = $1; $0.startRange = $2 }),
        .date(.by, get: { $0.due }, set: { $0.due = $1; $0.dueRange = $2 }),
        .amount(.effort, "the effort", unit: .hours, get: { $0.effort }, set: { $0.effort = $1 }),
        .text(.impact, "the impact", get: { $0.impact }, set: { $0.impact = $1 }),
        .names(.tags, "a tag", refers: [], get: { $0.tags }, set: { $0.tags = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
        // `done` and `doing` share the status: clearing either opens the goal.
        .flag(.done, loggedBy: .done, get: { $0.status == .done }, set: { $0.status = $1 ? .done : .open }),
        .flag(.doing, excludes: .done, loggedBy: .done, get: { $0.status == .doing }, set: { $0.status = $1 ? .doing : .open }),
    ]

    // In the order a goal's JSON object, its hover and its `--json` answer
    // give them. Field by field, not `let goal = goals[index]`: a query reads
    // one field of each of many goals, and copying a goal retains all of its.
    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.goals[index].name.text) },
        FieldRule("role", .optional(.string)) { context, index in .optional(context.plan.goals[index].role) },
        FieldRule("status", .string) { context, index in .string(context.plan.goals[index].status.rawValue) },
        FieldRule("done", .bool) { context, index in .bool(context.plan.goals[index].done) },
        FieldRule("doing", .bool) { context, index in .bool(context.plan.goals[index].status == .doing) },
        FieldRule("open", .bool) { context, index in .bool(context.plan.goals[index].status == .open) },
        FieldRule("done_on", .optional(.date), fromLog: true) { context, index in .optional(doneOn(index, context.links)) },
        FieldRule("due", .optional(.date)) { context, index in .optional(context.plan.goals[index].due) },
        // Always whole days, so one number in JSON.
        FieldRule("days_left", .optional(.duration), json: { context, index in
            context.plan.goals[index].due.map { .number(Double($0.ordinal - context.today.ordinal)) } ?? .null
        }) { context, index in
            context.plan.goals[index].due.map { .duration(Duration(days: $0.ordinal - context.today.ordinal)) } ?? .none
        },
        FieldRule("overdue", .bool) { context, index in .bool(isOverdue(context.plan.goals[index], today: context.today)) },
        FieldRule("ready", .bool) { context, index in .bool(isReady(context.plan.goals[index], in: context.plan)) },
        FieldRule("needs", .list(.entity(.skill)), json: { context, index in
            // With the level each requires, which a list of names would lose.
            .array(context.plan.goals[index].needs.map { need in
                .object([("skill", .string(need.skill.text)),
                         ("level", requiredLevel(need, in: context.plan).map { .number(Double($0)) } ?? .null)])
            })
        }) { context, index in context.links.entities(.skill, context.plan.goals[index].needs.map(\.skill)) },
        // Each need the goal falls short in, with the level the goal needs;
        // in the JSON export, by the skill's name, as plan/2 has it.
        FieldRule("gap", .list(.gap)) { context, index in
            let skills = context.plan.skills
            return .list(gaps(of: context.plan.goals[index], in: context.plan).map { gap in
                .gap(SkillGap(goal: index, skill: gap.skill, level: skills[gap.skill].level, needed: gap.needed))
            })
        },
        FieldRule("serves", .list(.entity(.value))) { context, index in
            context.links.entities(.value, context.plan.goals[index].serves.items)
        },
        FieldRule("after", .list(.entity(.goal))) { context, index in
            context.links.entities(.goal, context.plan.goals[index].after.items)
        },
        FieldRule("milestones", .list(.entity(.milestone))) { context, index in
            .list(context.links.referrers(.milestone, via: .for, to: index).map { .entity(.milestone, $0) })
        },
        FieldRule("impact", .optional(.string)) { context, index in .optional(context.plan.goals[index].impact) },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.goals[index].note) },
        // The counting log entries for it or done it, oldest first.
        FieldRule("logs", .list(.entity(.log)), fromLog: true) { context, index in
            .list(logs(context.links)[index].map { .entity(.log, $0) })
        },
        FieldRule("last_progress", .optional(.date), fromLog: true) { context, index in
            .optional(logs(context.links)[index].last.map { context.plan.logs[$0].date })
        },
        FieldRule("spent", .number, fromLog: true) { context, index in .number(spent(context.links)[index]) },
        FieldRule("aligns", .list(.entity(.objective))) { context, index in
            context.links.entities(.objective, context.plan.goals[index].aligns.items)
        },
        FieldRule("experiences", .list(.entity(.experience))) { context, index in
            context.links.entities(.experience, context.plan.goals[index].experiences.items)
        },
        FieldRule("missing", .list(.entity(.experience))) { context, index in
            .list(missing(context.plan.goals[index], in: context.plan).map { .entity(.experience, $0) })
        },
        FieldRule("effort", .optional(.number)) { context, index in context.plan.goals[index].effort.map(Value.number) ?? .none },
        FieldRule("remaining", .optional(.number)) { context, index in remaining(index, context.links).map(Value.number) ?? .none },
        FieldRule("start", .date) { context, index in .date(start(index, context.links)) },
        FieldRule("weekly", .optional(.number)) { context, index in weekly(index, context.links).map(Value.number) ?? .none },
        FieldRule("tags", .list(.string)) { context, index in .list(context.plan.goals[index].tags.map { .string($0.text) }) },
    ]

    static let columns = [Column("name"), Column("due"), Column("status"), Column("serves"), Column("gap")]

    static let checks = [
        Check(afterChecks), Check(startsAfterDue), Check(goalsWithoutDate), Check(overdueGoals), Check(goalsServingNoValue),
        Check(needsAboveTarget),
    ]

    static func stub(_ spelled: String, level: Int?) -> String { "goal \(spelled)" }

    /// An entry `for` a goal or `done` it is the goal's; one an entity `for`
    /// the goal takes (a milestone's, a habit's) is the goal's too (`logs`).
    static let takesFromLog: [Keyword] = [.for, .done]

    /// A goal an entry says done is done.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {
        for (goal, entries) in log.of(.goal, via: .done).enumerated() where !entries.isEmpty {
            plan.modify(Goal.self, at: goal) { $0.status = .done }
        }
    }

    /// The first counting entry that says the goal itself done.
    static func doneOn(_ index: Int, _ links: Links) -> Day? {
        LogKind.entries(links).of(.goal, via: .done)[index].first.map { links.plan.logs[$0].date }
    }

    /// Each goal's counting entries, oldest first: those for it or done it,
    /// and those for its milestones or done them, each once; and the hours
    /// they give, each entry's once.
    struct Logged {
        var logs: [[Int]]
        var spent: [Double]
    }

    private static func logged(_ links: Links) -> Logged {
        links.memo(\.goalLogs) { links in
            let plan = links.plan
            let entries = plan.logs
            let log = LogKind.entries(links)
            var logs = log.of(.goal, via: .for)
            var merged = Array(repeating: false, count: logs.count)
            func add(_ more: [[Int]], owner: (Int) -> Int?) {
                for (position, list) in more.enumerated() where !list.isEmpty {
                    guard let goal = owner(position), logs.indices.contains(goal) else { continue }
                    if logs[goal].isEmpty {
                        logs[goal] = list
                    } else {
                        logs[goal] += list
                        merged[goal] = true
                    }
                }
            }
            add(log.of(.goal, via: .done)) { $0 }
            // What is `for` a goal (a milestone, a habit) brings it the entries it takes.
            for kind in EntityKind.writtenOrder where kind != .goal && kind.info.clause(.for)?.shape.refers == [.goal] {
                let info = kind.info
                let owners = (0..<plan.count(of: kind)).map { index -> Int? in
                    guard case .name(let name)? = info.clauseValue(plan, .for, index) else { return nil }
                    return plan.index(of: .goal, named: name.text)
                }
                for clause in info.takesFromLog { add(log.of(kind, via: clause)) { owners[$0] } }
            }
            // In the log's order: by date, one day's entries as written.
            for goal in logs.indices where merged[goal] {
                logs[goal] = Set(logs[goal]).sorted { entries[$0].date != entries[$1].date ? entries[$0].date < entries[$1].date : $0 < $1 }
            }
            let spent = logs.map { list in list.reduce(0) { total, entry in total + (entries[entry].hours ?? 0) } }
            return Logged(logs: logs, spent: spent)
        }
    }

    /// The counting entries of each goal, oldest first.
    static func logs(_ links: Links) -> [[Int]] { logged(links).logs }

    /// The hours logged on each goal.
    static func spent(_ links: Links) -> [Double] { logged(links).spent }

    /// The level a need asks for: its `at`, else the skill's target.
    package static func requiredLevel(_ need: SkillNeed, in plan: Plan) -> Int? {
        need.level ?? plan.index(of: .skill, named: need.skill.text).map { plan.skills[$0].target }
    }

    /// The needs whose skill stands below the level the goal requires (its
    /// `at` level, else the skill's target), with the skill's position and
    /// that level.
    package static func gaps(of goal: Goal, in plan: Plan) -> [(need: SkillNeed, skill: Int, needed: Int)] {
        let skills = plan.skills
        return goal.needs.compactMap { need in
            guard let index = plan.index(of: .skill, named: need.skill.text) else { return nil }
            let needed = need.level ?? skills[index].target
            return skills[index].level < needed ? (need, index, needed) : nil
        }
    }

    /// The experiences the goal needs and the person does not have.
    package static func missing(_ goal: Goal, in plan: Plan) -> [Int] {
        let experiences = plan.experiences
        return goal.experiences.compactMap { name in
            plan.index(of: .experience, named: name.text).flatMap { experiences[$0].have ? nil : $0 }
        }
    }

    /// Effort minus the hours spent, not below 0; nil without effort.
    static func remaining(_ index: Int, _ links: Links) -> Double? {
        links.plan.goals[index].effort.map { max(0, $0 - spent(links)[index]) }
    }

    /// When work begins: as declared; else the latest due date of the goals
    /// it comes after, when that is after today; else today.
    static func start(_ index: Int, _ links: Links) -> Day {
        let plan = links.plan
        let goals = plan.goals
        if let start = goals[index].start { return start }
        let latest = goals[index].after.compactMap { name in plan.index(of: .goal, named: name.text).flatMap { goals[$0].due } }.max()
        if let latest, latest > links.today { return latest }
        return links.today
    }

    /// The hours a week it asks: what remains, over the weeks from the later
    /// of its start and today to its date, one week at least; nil without
    /// effort or date.
    static func weekly(_ index: Int, _ links: Links) -> Double? {
        guard let remaining = remaining(index, links), let due = links.plan.goals[index].due else { return nil }
        let from = max(start(index, links), links.today)
        return remaining / max(1, Double(due.ordinal - from.ordinal) / 7)
    }

    /// Every `after` goal done and no skill gap. A name that is not declared
    /// stands in the way of nothing here, as an unknown skill is no gap: the
    /// checks report it, and every answer and output agrees.
    package static func isReady(_ goal: Goal, in plan: Plan) -> Bool {
        let goals = plan.goals
        let afterDone = goal.after.allSatisfy { name in
            plan.index(of: .goal, named: name.text).map { goals[$0].done } ?? true
        }
        return afterDone && gaps(of: goal, in: plan).isEmpty && missing(goal, in: plan).isEmpty
    }

    package static func isOverdue(_ goal: Goal, today: Day) -> Bool {
        guard let due = goal.due, !goal.done else { return false }
        return due < today
    }

    // MARK: - Checks

    /// The checks that follow `after`, which share its graph.
    static func afterChecks(_ context: CheckContext) -> [Diagnostic] {
        let after = AfterGraph(context.plan, links: context.links)
        // Without an edge there is no cycle and no order of due dates to
        // keep: many plans, and no walk over their goals.
        guard after.hasEdges else { return [] }
        return cyclesInAfter(context.plan, after) + goalsDueBeforeWhatTheyComeAfter(context.plan, after)
    }

    /// Each cycle once, at the `after` that closes it. A depth-first walk
    /// with an explicit stack, so that a chain of 100k goals cannot overflow
    /// the call stack; every back edge it meets closes exactly one cycle.
    static func cyclesInAfter(_ plan: Plan, _ after: AfterGraph) -> [Diagnostic] {
        let count = plan.count(of: .goal)
        enum Mark { case unvisited, onPath, finished }
        var marks = [Mark](repeating: .unvisited, count: count)
        var positionOnPath = [Int](repeating: 0, count: count)
        // Each step is a goal and how many of its edges have been followed.
        var path: [(goal: Int, followed: Int)] = []
        var found: [Diagnostic] = []
        for root in 0..<count where marks[root] == .unvisited {
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
        let goals = plan.goals
        let steps = path[start...]
        let firstName = goals[path[start].goal].name.text
        let lastName = goals[path[path.count - 1].goal].name.text
        if steps.count == 1 {
            return .error(.afterCycle, "goal \(Literal.string(firstName)) comes after itself", at: closing.range,
                          hint: "remove \(Literal.string(firstName)) from its own after")
        }
        var shown: [String]
        if steps.count > longestCycleShown {
            let head = longestCycleShown - 2
            shown = steps.prefix(head).map { Literal.string(goals[$0.goal].name.text) }
            shown.append("... \(steps.count - head - 1) more")
            shown.append(Literal.string(lastName))
        } else {
            shown = steps.map { Literal.string(goals[$0.goal].name.text) }
        }
        shown.append(Literal.string(firstName))
        // The edge each step followed to the next one is the one before its count.
        let notes = steps.dropLast().prefix(longestCycleShown - 1).compactMap { step -> Diagnostic.Note? in
            let edges = after.edges[step.goal]
            guard edges.indices.contains(step.followed - 1) else { return nil }
            let edge = edges[step.followed - 1]
            let message = "goal \(Literal.string(goals[step.goal].name.text)) comes after \(Literal.string(edge.name.text)) here"
            return Diagnostic.Note(message, at: edge.name.range)
        }
        return .error(.afterCycle, "goals wait on each other in a cycle: " + shown.joined(separator: " -> "),
                      at: closing.range,
                      hint: "break the cycle: remove \(Literal.string(firstName)) from the after of goal \(Literal.string(lastName))",
                      notes: notes)
    }

    // The goal checks below pass over every goal reading a field or two in
    // place, by position: a closure given each goal would copy it whole,
    // which cost a large plan more than the checks themselves.

    static func startsAfterDue(_ context: CheckContext) -> [Diagnostic] {
        let goals = context.plan.goals
        // A loop, not `compactMap`: its nil for every goal in time was
        // destroyed through the runtime's generic witness of an optional
        // Diagnostic, 40 instructions a goal.
        var found: [Diagnostic] = []
        for position in goals.indices {
            guard let start = goals[position].start, let due = goals[position].due, start > due else { continue }
            let goal = goals[position]
            let line = "update goal \(Checks.spelled(goal.name)) by \(start)"
            let range = goal.startRange ?? goal.name.range
            found.append(.error(.startAfterDue, "goal \(Literal.string(goal.name.text)) starts \(start), after its date \(due)",
                                at: range, hint: "start it by \(due), or move its date: " + line, fix: .adding(line, after: range)))
        }
        return found
    }

    static func goalsWithoutDate(_ context: CheckContext) -> [Diagnostic] {
        let example = Checks.monthLiteral(context.today.addingWithinCalendar(Duration(months: 6)) ?? Day.latest)
        let goals = context.plan.goals
        return goals.indices.filter { goals[$0].due == nil }.map { position in
            let goal = goals[position]
            return .warning(.goalWithoutDate, "goal \(Literal.string(goal.name.text)) has no date", at: goal.name.range,
                     hint: "add a date: by \(example)",
                     fix: Fix(title: "Add `by \(example)`", edits: [.replace(goal.name.range.after, with: " by \(example)")]))
        }
    }

    static func overdueGoals(_ context: CheckContext) -> [Diagnostic] {
        let today = context.today
        let newDate = Checks.monthLiteral(today.addingWithinCalendar(Duration(months: 3)) ?? Day.latest)
        let goals = context.plan.goals
        return goals.indices.compactMap { position in
            // `status`, stored, not `done`: a computed property of an element copies it whole.
            guard goals[position].status != .done, let due = goals[position].due, due < today else { return nil }
            let goal = goals[position]
            let line = "update goal \(Checks.spelled(goal.name)) by \(newDate)"
            let range = goal.dueRange ?? goal.name.range
            return .warning(.goalOverdue, "goal \(Literal.string(goal.name.text)) was due \(due), \(Checks.daysAgo(due, today))",
                            at: range, hint: "mark it done, or move its date: " + line, fix: .adding(line, after: range))
        }
    }

    static func goalsDueBeforeWhatTheyComeAfter(_ plan: Plan, _ after: AfterGraph) -> [Diagnostic] {
        let goals = plan.goals
        var found: [Diagnostic] = []
        for index in goals.indices {
            guard let due = goals[index].due else { continue }
            for edge in after.edges[index] {
                guard let earlierDue = goals[edge.target].due, due < earlierDue else { continue }
                let goal = goals[index]
                let earlier = goals[edge.target]
                let message = "goal \(Literal.string(goal.name.text)) is due \(due), before \(Literal.string(earlier.name.text)) "
                    + "(due \(earlierDue)), which it comes after"
                let line = "update goal \(Checks.spelled(goal.name)) by \(earlierDue)"
                let hint = "move it to \(earlierDue) or later: \(line); or move \(Literal.string(earlier.name.text)) earlier"
                let range = goal.dueRange ?? goal.name.range
                found.append(.warning(.goalBeforePrerequisite, message, at: range, hint: hint,
                                      notes: [.init("goal \(Literal.string(earlier.name.text)) is due here",
                                                    at: earlier.dueRange ?? earlier.name.range)],
                                      fix: .adding(line, after: range)))
            }
        }
        return found
    }

    static func goalsServingNoValue(_ context: CheckContext) -> [Diagnostic] {
        let values = context.plan.values
        // Non-negotiables are limits a plan keeps rather than ends a goal
        // serves, so the example prefers a value that is not one.
        let example = (values.first { !$0.nonNegotiable } ?? values.first).map { Checks.spelled($0.name) }
        let hint = example.map { "which of your values does this goal serve? add serves \($0)" }
            ?? "which of your values does this goal serve? declare one (value growth) and add serves growth"
        let goals = context.plan.goals
        return goals.indices.filter { goals[$0].serves.isEmpty }.map { position in
            let goal = goals[position]
            return .warning(.goalServesNothing, "goal \(Literal.string(goal.name.text)) serves no value", at: goal.name.range, hint: hint)
        }
    }

    static func needsAboveTarget(_ context: CheckContext) -> [Diagnostic] {
        let plan = context.plan
        let skills = plan.skills
        let goals = plan.goals
        var found: [Diagnostic] = []
        context.links.withMemory { resolved in
            // By position: most goals need nothing above target, and copying
            // each goal, or each skill, would cost more than the test.
            for position in goals.indices {
                for need in goals[position].needs {
                    guard let level = need.level, let index = resolved.index(of: .skill, named: need.skill.text, in: plan),
                          level > skills[index].target else { continue }
                    let skill = skills[index]
                    let message = "goal \(Literal.string(goals[position].name.text)) needs skill \(Literal.string(skill.name.text)) at \(level), "
                        + "above its target \(skill.target)"
                    let hint = "need less (at \(skill.target)), or raise the target: "
                        + "update skill \(Checks.spelled(skill.name)) target \(level)"
                    found.append(.warning(.needAboveTarget, message, at: need.levelRange ?? need.skill.range, hint: hint))
                }
            }
        }
        return found
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
    /// Whether any goal comes after another that is declared.
    let hasEdges: Bool

    /// `links` lends the memory of the names the checks resolved before.
    init(_ plan: Plan, links: Links) {
        let goals = plan.goals
        var hasEdges = false
        edges = links.withMemory { resolved in
            goals.indices.map { position in
                // Most goals come after nothing: no set, no list to make.
                let after = goals[position].after
                guard !after.isEmpty else { return [] }
                // A list made whole, not merged, may name a goal twice: one edge
                // each. A short list is searched for it, a long one hashed, as
                // NameList does.
                var seen: Set<Int> = []
                var edges: [Edge] = []
                for name in after {
                    guard let target = resolved.index(of: .goal, named: name.text, in: plan) else { continue }
                    if after.count <= NameList<Name>.shortList {
                        guard !edges.contains(where: { $0.target == target }) else { continue }
                    } else {
                        guard seen.insert(target).inserted else { continue }
                    }
                    edges.append(Edge(target: target, name: name))
                }
                hasEdges = hasEdges || !edges.isEmpty
                return edges
            }
        }
        self.hasEdges = hasEdges
    }
}
