import PlanCore
import PlanSyntax

/// Something done again and again, every so often (`habit "Run" every 2
/// days`), as org-mode keeps habits: `log DATE did HABIT` records a time
/// it was done, and the habit's streak and share kept are read off those
/// entries (docs/language.md, Habits).
public struct Habit: PlanEntity {
    public static let kind = EntityKind.habit
    public var name: Name
    public var every: Duration?
    /// The goal it is for: the hours of its entries count for that goal.
    public var goal: Name?
    public var serves: NameList<Name> = []
    public var note: String?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var habits: [Habit] { entities(Habit.self) }
}

package enum HabitKind: EntityDescription {
    static let kind = EntityKind.habit
    static let unknownCode = DiagnosticCode.unknownHabit

    static let clauses: [ClauseRule<Habit>] = [
        .duration(.every, required: true, get: { $0.every }, set: { $0.every = $1 }),
        .name(.for, "the goal it is for", refers: [.goal], get: { $0.goal }, set: { $0.goal = $1 }),
        .names(.serves, "a value", refers: [.value], get: { $0.serves }, set: { $0.serves = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
    ]

    static let takesFromLog: [Keyword] = [.did]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.habits[index].name.text) },
        FieldRule("every", .optional(.duration)) { context, index in context.plan.habits[index].every.map(Value.duration) ?? .none },
        FieldRule("goal", .optional(.entity(.goal))) { context, index in
            guard let goal = context.plan.habits[index].goal, let target = context.plan.index(of: .goal, named: goal.text) else { return .none }
            return .entity(.goal, target)
        },
        FieldRule("serves", .list(.entity(.value))) { context, index in
            context.links.entities(.value, context.plan.habits[index].serves.items)
        },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.habits[index].note) },
        // The counting `did` entries, oldest first.
        FieldRule("logs", .list(.entity(.log)), fromLog: true) { context, index in .list(entries(index, context.links).map { .entity(.log, $0) }) },
        FieldRule("last_done", .optional(.date), fromLog: true) { context, index in .optional(lastDone(index, context.links)) },
        FieldRule("next_due", .optional(.date)) { context, index in .optional(nextDue(index, context.links)) },
        FieldRule("overdue", .bool) { context, index in .bool(isOverdue(index, context.links)) },
        FieldRule("streak", .number, fromLog: true) { context, index in .number(Double(record(index, context.links).streak)) },
        FieldRule("kept", .number, fromLog: true) { context, index in .number(record(index, context.links).kept) },
    ]

    static let columns = [Column("name"), Column("every"), Column("last_done", optional: true), Column("next_due", optional: true),
                          Column("streak", rightAligned: true)]

    static let checks = [Check(letGo)]

    static func stub(_ spelled: String, level: Int?) -> String { "habit \(spelled) every 1 week" }

    /// The periods `kept` looks back over.
    package static let keptPeriods = 12

    /// The counting entries that did habit `index`, oldest first.
    static func entries(_ index: Int, _ links: Links) -> [Int] {
        let all = LogKind.entries(links).of(.habit, via: .did)
        return all.indices.contains(index) ? all[index] : []
    }

    /// The latest day it was done, as of today.
    package static func lastDone(_ index: Int, _ links: Links) -> Day? {
        entries(index, links).last.map { links.plan.logs[$0].date }
    }

    /// `every` after the last time it was done; today when never done;
    /// none past 9999-12-31.
    package static func nextDue(_ index: Int, _ links: Links) -> Day? {
        guard let every = links.plan.habits[index].every else { return nil }
        guard let last = lastDone(index, links) else { return links.today }
        return last.addingWithinCalendar(every)
    }

    package static func isOverdue(_ index: Int, _ links: Links) -> Bool {
        nextDue(index, links).map { $0 < links.today } ?? false
    }

    /// The streak and the share kept, from the days it was done: periods
    /// run back from today in steps of `every`, today's period being the
    /// `every` that ends today. The streak counts the periods in a row,
    /// from the latest, that hold an entry; today's, until it holds one,
    /// neither counts nor breaks it. `kept` is the share of the last
    /// `keptPeriods` periods that hold one, to two decimals.
    package static func record(_ index: Int, _ links: Links) -> (streak: Int, kept: Double) {
        guard let every = links.plan.habits[index].every else { return (0, 0) }
        let logs = links.plan.logs
        return record(days: entries(index, links).map { logs[$0].date }, every: every, today: links.today)
    }

    /// `days` oldest first, none after `today`.
    static func record(days: [Day], every: Duration, today: Day) -> (streak: Int, kept: Double) {
        guard every.months > 0 || every.days > 0 else { return (0, 0) }
        // The day period `count` periods back from today ends on; nil
        // before the calendar's first day.
        func end(_ count: Int) -> Day? {
            count == 0 ? today : today.addingWithinCalendar(Duration(months: -every.months * count, days: -every.days * count))
        }
        var latest = days.count - 1
        /// Whether period `count` (0 today's, counted back) holds a day;
        /// asked for `count` 0, 1, 2 ... in turn, so `latest` only moves back.
        func held(_ count: Int) -> Bool {
            guard let upper = end(count) else { return false }
            while latest >= 0 && days[latest] > upper { latest -= 1 }
            guard latest >= 0 else { return false }
            guard let lower = end(count + 1) else { return true }
            return days[latest] > lower
        }
        var heldPeriods: [Bool] = []
        var streak = 0
        var count = 0
        var streaking = true
        // Past the oldest day no period holds one: the loop ends there.
        while count < keptPeriods || (streaking && latest >= 0) {
            let holds = held(count)
            if count < keptPeriods { heldPeriods.append(holds) }
            if streaking {
                if holds { streak += 1 } else if count > 0 { streaking = false }
            }
            if latest < 0 && count >= keptPeriods { break }
            count += 1
        }
        let kept = Double(heldPeriods.filter { $0 }.count) / Double(keptPeriods)
        return (streak, (kept * 100).rounded() / 100)
    }

    /// A habit past its next due day by more than a period has been let go.
    static func letGo(_ context: CheckContext) -> [Diagnostic] {
        let today = context.today
        return context.plan.habits.indices.compactMap { index in
            let habit = context.plan.habits[index]
            guard let every = habit.every, let last = lastDone(index, context.links),
                  let next = last.addingWithinCalendar(every), let lapsed = next.addingWithinCalendar(every), lapsed < today else { return nil }
            let line = "log \(today) did \(Checks.spelled(habit.name))"
            return .warning(.habitLetGo, "habit \(Literal.string(habit.name.text)) was last done \(last), \(Checks.daysAgo(last, today)); "
                            + "you meant to do it every \(Literal.duration(every))",
                            at: habit.name.range, hint: "when you have done it: " + line, fix: .adding(line, after: habit.name.range))
        }
    }
}
