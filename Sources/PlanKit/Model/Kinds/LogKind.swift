import PlanCore
import PlanSyntax

/// One entry of the log (SPEC section 10): what happened on a day. Entries
/// are facts, in any order and from any file; one dated after today is kept
/// but does not count, so `--today` replays the plan as it stood that day.
public struct LogEntry: PlanEntity {
    public static let kind = EntityKind.log
    /// The date as written (`2026-11-03`): a log entry has no other name.
    /// `rename` moves the entry to another day.
    public var name: Name {
        didSet { date = Self.day(name) }
    }
    public var date: Day
    public var note: String?
    /// The goal or milestone worked on.
    public var worked: Name?
    public var met: NameList<Name> = []
    public var skill: Name?
    public var level: Int?
    public var done: Name?
    public var gained: Name?
    public var hours: Double?
    public var reviewed = false

    public init(name: Name) {
        self.name = name
        date = Self.day(name)
    }

    /// The parser has checked the date; a plan built in code that gives no
    /// date logs on day one.
    private static func day(_ name: Name) -> Day {
        (try? Day.parse(name.text).get()) ?? Day(ordinal: 0)
    }
}

extension Plan {
    /// In the order they were written; `LogKind.order` sorts them by date.
    public var logs: [LogEntry] { entities(LogEntry.self) }
}

package enum LogKind: EntityDescription {
    static let kind = EntityKind.log
    static let unknownCode = DiagnosticCode.syntax
    static let head = Head.date(text: .note)
    static let unique = false
    static let identity = Identity.dayAndText

    static let clauses: [ClauseRule<LogEntry>] = [
        ClauseRule(.note, .text("a note"),
                   apply: { entry, clause, _ in if case .text(let note) = clause { entry.note = note } },
                   read: { $0.note.map(ClauseValue.text) },
                   clear: { $0.note = nil }),
        ClauseRule(.for, .name("the goal or milestone worked on", refers: [.goal, .milestone]),
                   apply: { entry, clause, _ in if case .name(let name) = clause { entry.worked = name } },
                   read: { $0.worked.map(ClauseValue.name) },
                   clear: { $0.worked = nil }),
        ClauseRule(.met, .names("a person", refers: [.contact]),
                   apply: { entry, clause, _ in if case .names(let names) = clause { entry.met.merge(names) } },
                   read: { $0.met.isEmpty ? nil : .names($0.met.items) },
                   clear: { $0.met = [] }),
        ClauseRule(.skill, .skillLevel,
                   apply: { entry, clause, _ in
                       guard case .skillLevel(let skill, let level) = clause else { return }
                       entry.skill = skill
                       entry.level = level
                   },
                   read: { entry in entry.skill.flatMap { skill in entry.level.map { .skillLevel(skill, $0) } } },
                   clear: { entry in
                       entry.skill = nil
                       entry.level = nil
                   }),
        ClauseRule(.done, .name("the goal or milestone reached", refers: [.goal, .milestone]),
                   apply: { entry, clause, _ in if case .name(let name) = clause { entry.done = name } },
                   read: { $0.done.map(ClauseValue.name) },
                   clear: { $0.done = nil }),
        ClauseRule(.gained, .name("the experience gained", refers: [.experience]),
                   apply: { entry, clause, _ in if case .name(let name) = clause { entry.gained = name } },
                   read: { $0.gained.map(ClauseValue.name) },
                   clear: { $0.gained = nil }),
        ClauseRule(.hours, .amount("the hours spent", unit: nil),
                   apply: { entry, clause, _ in if case .amount(let hours) = clause { entry.hours = hours } },
                   read: { $0.hours.map(ClauseValue.amount) },
                   clear: { $0.hours = nil }),
        ClauseRule(.reviewed, .flag,
                   apply: { entry, _, _ in entry.reviewed = true },
                   read: { $0.reviewed ? .flag : nil },
                   clear: { $0.reviewed = false }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("date", .date) { context, index in .date(context.plan.logs[index].date) },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.logs[index].note) },
        FieldRule("goal", .optional(.entity(.goal))) { context, index in
            goal(of: context.plan.logs[index].worked, context.plan).goal.map { .entity(.goal, $0) } ?? .none
        },
        FieldRule("milestone", .optional(.entity(.milestone))) { context, index in
            goal(of: context.plan.logs[index].worked, context.plan).milestone.map { .entity(.milestone, $0) } ?? .none
        },
        FieldRule("people", .list(.entity(.contact))) { context, index in
            context.links.entities(.contact, context.plan.logs[index].met.items)
        },
        FieldRule("skill", .optional(.entity(.skill))) { context, index in
            entity(context.plan.logs[index].skill, among: [.skill], context.plan)
        },
        FieldRule("level", .optional(.number)) { context, index in
            context.plan.logs[index].level.map { .number(Double($0)) } ?? .none
        },
        FieldRule("done", .optional(.entity(.goal))) { context, index in
            entity(context.plan.logs[index].done, among: [.goal, .milestone], context.plan)
        },
        FieldRule("gained", .optional(.entity(.experience))) { context, index in
            entity(context.plan.logs[index].gained, among: [.experience], context.plan)
        },
        FieldRule("hours", .optional(.number)) { context, index in context.plan.logs[index].hours.map(Value.number) ?? .none },
        FieldRule("reviewed", .bool) { context, index in .bool(context.plan.logs[index].reviewed) },
    ]

    static let columns = [Column("date"), Column("note", optional: true), Column("goal", optional: true),
                          Column("milestone", optional: true),
                          Column("people", optional: true), Column("skill", optional: true), Column("level", optional: true),
                          Column("done", optional: true), Column("gained", optional: true),
                          Column("hours", rightAligned: true, optional: true)]

    static let checks = [Check(entriesAfterToday), Check(drift), Check(emptyEntries)]

    static func stub(_ spelled: String, level: Int?) -> String { "log \(spelled)" }

    /// By date, entries of one day in the order written.
    package static func order(_ plan: Plan) -> [Int] {
        let logs = plan.logs
        return logs.indices.sorted { logs[$0].date != logs[$1].date ? logs[$0].date < logs[$1].date : $0 < $1 }
    }

    /// `logs` holds the counting entries alone, so that no question as of
    /// today sums planned work; `logs_ahead` lists the rest.
    static func listed(_ plan: Plan, today: Day) -> [Int] {
        let logs = plan.logs
        return order(plan).filter { logs[$0].date <= today }
    }

    static let otherCollections = [
        CollectionRule(.logsAhead) { plan, today in
            let logs = plan.logs
            return order(plan).filter { logs[$0].date > today }
        },
    ]

    /// Whether `day` falls in "the last 30 days" as of `today`: today and
    /// the 30 days before it. Drift and the report's recent progress both
    /// ask this, so that they never disagree.
    package static func isRecent(_ day: Day, today: Day) -> Bool {
        day <= today && today.ordinal - day.ordinal <= recentDays
    }

    package static let recentDays = 30

    /// The goal a name for a goal or a milestone comes down to, and the
    /// milestone when it names one: an entry for a milestone is its goal's too.
    package static func goal(of name: Name?, _ plan: Plan) -> (goal: Int?, milestone: Int?) {
        guard let name, let (kind, index) = plan.resolve(name.text, among: [.goal, .milestone]) else { return (nil, nil) }
        if kind == .goal { return (index, nil) }
        let owner = plan.milestones[index].goal.flatMap { plan.index(of: .goal, named: $0.text) }
        return (owner, index)
    }

    private static func entity(_ name: Name?, among kinds: [EntityKind], _ plan: Plan) -> Value {
        guard let name, let (kind, index) = plan.resolve(name.text, among: kinds) else { return .none }
        return .entity(kind, index)
    }

    /// What to do instead of an update of `name` whose `clause` entry
    /// `winner`'s clause `logClause` overrides: the log line that says it,
    /// when one can (a level reached today); else how to take the entry back.
    static func instead(of clause: Clause, of name: Name, winner: LogEntry, in logClause: Keyword, today: Day) -> String {
        if logClause == .skill, case .whole(let level) = clause.value {
            return "log it instead: log \(today) skill \(Checks.spelled(name)) level \(level)"
        }
        // The latest meeting counts; an earlier one changes nothing.
        if logClause == .met { return "the log has a later meeting, and the latest counts" }
        return "to take the entry back: remove log \(winner.name.text)" + (winner.note.map { " " + Literal.string($0) } ?? "")
    }

    // MARK: - What the log adds up to

    /// The counting entries (dated today or before), read once for the
    /// whole plan: what each goal, milestone, skill and person gets from them.
    package struct Totals {
        /// Counting entries `for` or `done` each goal (a milestone's count
        /// for its goal too), oldest first.
        var goalLogs: [[Int]]
        var goalDoneOn: [Day?]
        var milestoneDoneOn: [Day?]
        /// Hours of the entries among each goal's `goalLogs`, whatever
        /// clause put them there.
        var spent: [Double]
        /// Counting `skill ... level` entries of each skill, oldest first.
        var history: [[Int]]
        /// Counting entries that met each person, oldest first.
        var contactLogs: [[Int]]
        /// The days of the counting `reviewed` entries, oldest first.
        package var reviews: [Day]
        /// The first counting entry that gained each experience.
        var gainedOn: [Day?]
    }

    package static func totals(_ links: Links) -> Totals {
        links.memo(\.logTotals) { links in
            let plan = links.plan
            let today = links.today
            let logs = plan.logs
            var totals = Totals(goalLogs: Array(repeating: [], count: plan.count(of: .goal)),
                                goalDoneOn: Array(repeating: nil, count: plan.count(of: .goal)),
                                milestoneDoneOn: Array(repeating: nil, count: plan.count(of: .milestone)),
                                spent: Array(repeating: 0, count: plan.count(of: .goal)),
                                history: Array(repeating: [], count: plan.count(of: .skill)),
                                contactLogs: Array(repeating: [], count: plan.count(of: .contact)),
                                reviews: [],
                                gainedOn: Array(repeating: nil, count: plan.count(of: .experience)))
            for index in listed(plan, today: today) {
                let entry = logs[index]
                let worked = goal(of: entry.worked, plan)
                let done = goal(of: entry.done, plan)
                // An entry's hours count once for each goal it is among the logs of.
                for goalIndex in Set([worked.goal, done.goal].compactMap { $0 }) {
                    totals.goalLogs[goalIndex].append(index)
                    if let hours = entry.hours { totals.spent[goalIndex] += hours }
                }
                if entry.done != nil {
                    if let milestone = done.milestone {
                        if totals.milestoneDoneOn[milestone] == nil { totals.milestoneDoneOn[milestone] = entry.date }
                    } else if let goalIndex = done.goal, totals.goalDoneOn[goalIndex] == nil {
                        totals.goalDoneOn[goalIndex] = entry.date
                    }
                }
                if let skill = entry.skill, let skillIndex = plan.index(of: .skill, named: skill.text) {
                    totals.history[skillIndex].append(index)
                }
                for person in entry.met {
                    if let contact = plan.index(of: .contact, named: person.text), totals.contactLogs[contact].last != index {
                        totals.contactLogs[contact].append(index)
                    }
                }
                if entry.reviewed { totals.reviews.append(entry.date) }
                if let gained = entry.gained, let experience = plan.index(of: .experience, named: gained.text),
                   totals.gainedOn[experience] == nil {
                    totals.gainedOn[experience] = entry.date
                }
            }
            return totals
        }
    }

    /// The plan as it stands on `today`: each skill at the level of its
    /// latest counting entry, each goal and milestone a counting entry says
    /// done marked done, each person met last when the log says. What the
    /// plan declares is left as it is; this is what questions, checks and
    /// outputs read.
    static func asOf(_ plan: Plan, today: Day) -> Plan {
        guard plan.count(of: .log) > 0 else { return plan }
        let totals = totals(Links(plan: plan, today: today))
        let logs = plan.logs
        var result = plan
        for (skill, entries) in totals.history.enumerated() {
            guard let latest = entries.last, let level = logs[latest].level else { continue }
            result.modify(Skill.self, at: skill) { skill in
                // A target that was the level stays where it was declared.
                if skill.explicitTarget == nil { skill.explicitTarget = skill.level }
                skill.level = level
            }
        }
        for (goal, day) in totals.goalDoneOn.enumerated() where day != nil {
            result.modify(Goal.self, at: goal) { $0.status = .done }
        }
        for (milestone, day) in totals.milestoneDoneOn.enumerated() where day != nil {
            result.modify(Milestone.self, at: milestone) { $0.done = true }
        }
        for (experience, day) in totals.gainedOn.enumerated() where day != nil {
            result.modify(Experience.self, at: experience) { $0.have = true }
        }
        for (contact, entries) in totals.contactLogs.enumerated() {
            guard let latest = entries.last else { continue }
            let day = logs[latest].date
            result.modify(Contact.self, at: contact) { contact in
                if contact.met.map({ $0 < day }) ?? true { contact.met = day }
            }
        }
        return result
    }

    // MARK: - Checks

    static func entriesAfterToday(_ context: CheckContext) -> [Diagnostic] {
        context.plan.logs.compactMap { entry in
            guard entry.date > context.today else { return nil }
            return .warning(.logAfterToday, "this log entry is dated \(entry.date), after today (\(context.today)): "
                            + "it does not count yet", at: entry.name.range,
                            hint: "it counts from \(entry.date) on; to replay an earlier day, use --today")
        }
    }

    /// Whether the plan kept a log by `today`: entries dated later have not
    /// been written yet, as far as that day knows.
    package static func keptBy(_ today: Day, _ plan: Plan) -> Bool {
        plan.logs.contains { $0.date <= today }
    }

    /// A goal being worked on with nothing logged for it in 30 days, once
    /// the plan keeps a log at all and the goal's declared start has come.
    static func drift(_ context: CheckContext) -> [Diagnostic] {
        let plan = context.plan
        guard keptBy(context.today, plan) else { return [] }
        let totals = totals(context.links)
        let logs = plan.logs
        let today = context.today
        return plan.goals.indices.compactMap { index in
            let goal = plan.goals[index]
            // Before its declared start a goal has nothing to drift from.
            guard goal.status == .doing, goal.start.map({ $0 <= today }) ?? true else { return nil }
            let last = totals.goalLogs[index].last.map { logs[$0].date }
            if let last, isRecent(last, today: today) { return nil }
            let since = last.map { "for \(today.ordinal - $0.ordinal) days" } ?? "yet"
            return .warning(.drift, "no progress logged on goal \(Literal.string(goal.name.text)) \(since)",
                            at: goal.name.range,
                            hint: "when you work on it: log \(today) \"what you did\" for \(Checks.spelled(goal.name))")
        }
    }

    static func emptyEntries(_ context: CheckContext) -> [Diagnostic] {
        context.plan.logs.compactMap { entry in
            guard entry.note == nil, entry.worked == nil, entry.met.isEmpty, entry.skill == nil, entry.done == nil,
                  entry.gained == nil, entry.hours == nil, !entry.reviewed else { return nil }
            return .error(.syntax, "this log entry says nothing happened", at: entry.name.range,
                          hint: "say what: log \(entry.name.text) \"what you did\" for \"Goal\" hours 2; "
                              + "or met, skill ... level, done, gained, reviewed")
        }
    }
}
