import PlanCore
import PlanSyntax
import PlanKit

/// The two sections of the report that come from the log and the people
/// (docs/exports.md, "`plan report`"): who to reach, and what was done lately.
/// Decided here once for the text report and the Markdown export. A plan
/// with no person to keep in touch with, or no log, has nothing to say in
/// that section, and its report leaves it out.
struct ReportActivity {
    /// How far ahead "soon" looks for a next touch, and how far back
    /// "recent" looks for progress: the drift check's window.
    static let window = LogKind.recentDays

    struct Person {
        var name: String
        var mentor: Bool
        var nextTouch: Day
        var lastMet: Day?
        var every: Duration
        var overdue: Bool
    }

    struct Progress {
        var date: Day
        /// What the entry says, written as the `log` line says it after its
        /// date: `"Ran the retro" for "Lead a launch" hours 3`.
        var text: String
    }

    struct HabitRecord {
        var name: String
        var every: Duration
        var streak: Int
        var kept: Double
        var lastDone: Day?
        var nextDue: Day?
        var overdue: Bool
    }

    /// nil when no person has an `every`: then the section is left out.
    var people: [Person]?
    /// nil when the plan has no habit: then the section is left out.
    var habits: [HabitRecord]?
    /// nil when the plan has no log by today: then the section is left out.
    var progress: [Progress]?

    /// `plan` is the plan as of `today`.
    init(_ plan: Plan, today: Day) {
        people = Self.people(plan, today: today)
        progress = Self.progress(plan, today: today)
        habits = Self.habits(plan, today: today)
    }

    /// Each habit in the order declared, with its streak.
    private static func habits(_ plan: Plan, today: Day) -> [HabitRecord]? {
        guard plan.count(of: .habit) > 0 else { return nil }
        let links = Links(plan: plan, today: today)
        return plan.habits.indices.compactMap { index in
            guard let every = plan.habits[index].every else { return nil }
            let record = HabitKind.record(index, links)
            return HabitRecord(name: plan.habits[index].name.text, every: every, streak: record.streak, kept: record.kept,
                               lastDone: HabitKind.lastDone(index, links), nextDue: HabitKind.nextDue(index, links),
                               overdue: HabitKind.isOverdue(index, links))
        }
    }

    /// `streak 5, kept 42% of the last 12 periods; last done 2026-11-24, every 1 day`.
    static func record(_ habit: HabitRecord) -> String {
        "streak \(habit.streak), kept \(Int((habit.kept * 100).rounded()))% of the last \(HabitKind.keptPeriods); "
            + (habit.lastDone.map { "last done \($0)" } ?? "never done") + ", every " + Literal.duration(habit.every)
    }

    /// Overdue people and the next touches within the window, soonest first.
    private static func people(_ plan: Plan, today: Day) -> [Person]? {
        let contacts = plan.contacts
        guard contacts.contains(where: { $0.every != nil }) else { return nil }
        let soon = Day(ordinal: today.ordinal + window)
        let people: [Person] = contacts.compactMap { contact in
            guard let every = contact.every, let next = contact.nextTouch(today: today), next <= soon else { return nil }
            return Person(name: contact.name.text, mentor: contact.isMentor, nextTouch: next, lastMet: contact.lastMet,
                          every: every, overdue: ContactKind.isOverdue(contact, today: today))
        }
        return people.enumerated().sorted { left, right in
            left.element.nextTouch != right.element.nextTouch
                ? left.element.nextTouch < right.element.nextTouch : left.offset < right.offset
        }.map(\.element)
    }

    /// The counting entries of the last `window` days, as drift counts
    /// them, newest first (one day's entries in the order written).
    private static func progress(_ plan: Plan, today: Day) -> [Progress]? {
        guard LogKind.keptBy(today, plan) else { return nil }
        let logs = plan.logs
        return LogKind.order(plan).reversed().compactMap { index -> (Int, Progress)? in
            guard LogKind.isRecent(logs[index].date, today: today) else { return nil }
            return (index, describe(plan, index))
        }
        // Reversing the date order reverses one day's entries too; put them
        // back in the order written.
        .sorted { left, right in left.1.date != right.1.date ? left.1.date > right.1.date : left.0 < right.0 }
        .map(\.1)
    }

    /// Log entry `index` as its `log` line says it after the date.
    static func describe(_ plan: Plan, _ index: Int) -> Progress {
        let entry = plan.logs[index]
        var words: [String] = entry.note.map { [Literal.string($0)] } ?? []
        words += EntityKind.log.info.written(plan, index).filter { $0.0 != .note }.map { Formatter.clause($0.0, $0.1, of: .log, indent: "") }
        return Progress(date: entry.date, text: words.joined(separator: " "))
    }

    /// `65 days late`, `in 3 days`, `today`: when a person's next touch is.
    static func when(_ person: Person, today: Day) -> String {
        let days = person.nextTouch.ordinal - today.ordinal
        switch days {
        case 0: return "today"
        case 1: return "tomorrow"
        case let days where days < 0: return "\(-days) day\(days == -1 ? "" : "s") late"
        default: return "in \(days) days"
        }
    }

    /// `last met 2026-08-10, every 6 weeks`.
    static func cadence(_ person: Person) -> String {
        (person.lastMet.map { "last met \($0)" } ?? "never met") + ", every " + Literal.duration(person.every)
    }
}
