import PlanCore
import PlanSyntax

/// One entry of the log (docs/language.md, "log"): what happened on a day. Entries
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
    /// The habits kept this day.
    public var did: NameList<Name> = []

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
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
        .name(.for, "the goal or milestone worked on", refers: [.goal, .milestone], get: { $0.worked }, set: { $0.worked = $1 }),
        .names(.met, "a person", refers: [.contact], get: { $0.met }, set: { $0.met = $1 }),
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
        .name(.done, "the goal or milestone reached", refers: [.goal, .milestone], get: { $0.done }, set: { $0.done = $1 }),
        .name(.gained, "the experience gained", refers: [.experience], get: { $0.gained }, set: { $0.gained = $1 }),
        .names(.did, "a habit", refers: [.habit], get: { $0.did }, set: { $0.did = $1 }),
        .amount(.hours, "the hours spent", unit: nil, get: { $0.hours }, set: { $0.hours = $1 }),
        .flag(.reviewed, get: { $0.reviewed }, set: { $0.reviewed = $1 }),
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
        FieldRule("done", .optional(.oneOf([.goal, .milestone]))) { context, index in
            entity(context.plan.logs[index].done, among: [.goal, .milestone], context.plan)
        },
        FieldRule("gained", .optional(.entity(.experience))) { context, index in
            entity(context.plan.logs[index].gained, among: [.experience], context.plan)
        },
        FieldRule("hours", .optional(.number)) { context, index in context.plan.logs[index].hours.map(Value.number) ?? .none },
        FieldRule("reviewed", .bool) { context, index in .bool(context.plan.logs[index].reviewed) },
        FieldRule("habits", .list(.entity(.habit))) { context, index in
            context.links.entities(.habit, context.plan.logs[index].did.items)
        },
    ]

    static let columns = [Column("date"), Column("note", optional: true), Column("goal", optional: true),
                          Column("milestone", optional: true),
                          Column("people", optional: true), Column("skill", optional: true), Column("level", optional: true),
                          Column("done", optional: true), Column("gained", optional: true),
                          Column("hours", rightAligned: true, optional: true), Column("habits", optional: true)]

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

    /// The counting entries (dated today or before) sorted out once for the
    /// whole plan, by the kinds that take them (`takesFromLog`).
    static func entries(_ links: Links) -> LogEntries {
        links.memo(\.logEntries) { links in LogEntries(links.plan, today: links.today) }
    }

    /// The plan as it stands on `today`: each kind given what the counting
    /// entries make of it (`applyLog`), read off the plan as declared.
    static func asOf(_ plan: Plan, today: Day) -> Plan {
        guard plan.count(of: .log) > 0 else { return plan }
        let log = entries(Links(plan: plan, today: today))
        var result = plan
        for kind in EntityKind.applyOrder where !kind.info.takesFromLog.isEmpty {
            kind.info.applyLog(&result, log)
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
        let goalLogs = GoalKind.logs(context.links)
        let logs = plan.logs
        let today = context.today
        return plan.goals.indices.compactMap { index in
            let goal = plan.goals[index]
            // Before its declared start a goal has nothing to drift from.
            guard goal.status == .doing, goal.start.map({ $0 <= today }) ?? true else { return nil }
            let last = goalLogs[index].last.map { logs[$0].date }
            if let last, isRecent(last, today: today) { return nil }
            let since = last.map { "for \(today.ordinal - $0.ordinal) days" } ?? "yet"
            let line = "log \(today) \"what you did\" for \(Checks.spelled(goal.name))"
            return .warning(.drift, "no progress logged on goal \(Literal.string(goal.name.text)) \(since)",
                            at: goal.name.range, hint: "when you work on it: " + line, fix: .adding(line, after: goal.name.range))
        }
    }

    static func emptyEntries(_ context: CheckContext) -> [Diagnostic] {
        context.plan.logs.compactMap { entry in
            guard entry.note == nil, entry.worked == nil, entry.met.isEmpty, entry.skill == nil, entry.done == nil,
                  entry.gained == nil, entry.hours == nil, !entry.reviewed, entry.did.isEmpty else { return nil }
            return .error(.syntax, "this log entry says nothing happened", at: entry.name.range,
                          hint: "say what: log \(entry.name.text) \"what you did\" for \"Goal\" hours 2; "
                              + "or met, skill ... level, done, gained, reviewed")
        }
    }
}

/// The counting log entries, by the entity each names through the clauses
/// the kinds take from the log, oldest first: what each skill, goal, person
/// or habit gets from the log, read in one pass over it.
struct LogEntries {
    /// By kind ordinal, then by the clause's position in the kind's
    /// `takesFromLog`, then by entity.
    private var named: [[[[Int]]]]
    /// For a flag clause (`reviewed`): the entries that set it.
    private var flagged: [Keyword: [Int]] = [:]

    init(_ plan: Plan, today: Day) {
        let infos = KindInfo.all
        named = infos.map { info in info.takesFromLog.map { _ in Array(repeating: [], count: plan.count(of: info.kind)) } }
        // Each log clause some kind takes, read once an entry, with the
        // kinds it may name and the slots of the kinds that take it.
        var reads: [LogRead] = []
        for rule in LogKind.clauses {
            let takers = infos.flatMap { info in
                info.takesFromLog.enumerated().filter { $0.element == rule.syntax.keyword }.map { (kind: info.kind, position: $0.offset) }
            }
            if !takers.isEmpty { reads.append(LogRead(rule: rule, kinds: rule.syntax.shape.referred.kinds, takers: takers)) }
        }
        let order = LogKind.listed(plan, today: today)
        // One clause at a time over every entry, not every clause an entry:
        // each list filled belongs to one clause, so the order is the same,
        // and a clause's rule is taken out of `reads` once, not once an entry.
        plan.logs.withUnsafeBufferPointer { logs in
            guard let first = logs.baseAddress else { return }
            for read in reads {
                let readInPlace = read.rule.readInPlace
                let keyword = read.rule.syntax.keyword
                for index in order {
                    guard let value = readInPlace(first + index) else { continue }
                    if case .flag = value {
                        flagged[keyword, default: []].append(index)
                        continue
                    }
                    value.forEachName { name, _ in
                        guard let (kind, entity) = plan.resolve(name.text, among: read.kinds) else { return }
                        for taker in read.takers where taker.kind == kind && named[kind.ordinal][taker.position][entity].last != index {
                            named[kind.ordinal][taker.position][entity].append(index)
                        }
                    }
                }
            }
        }
    }

    /// A log clause some kind takes: the kinds it may name, and each taker's
    /// kind with the clause's place among what that kind takes from the log.
    private struct LogRead {
        let rule: ClauseRule<LogEntry>
        let kinds: [EntityKind]
        let takers: [(kind: EntityKind, position: Int)]
    }

    /// For each entity of `kind`, the counting entries whose `clause` names
    /// it, oldest first; empty lists when the kind does not take the clause.
    func of(_ kind: EntityKind, via clause: Keyword) -> [[Int]] {
        guard let position = kind.info.takesFromLog.firstIndex(of: clause) else { return [] }
        return named[kind.ordinal][position]
    }

    /// The counting entries that set the flag `clause`, oldest first.
    func with(_ clause: Keyword) -> [Int] { flagged[clause] ?? [] }
}
