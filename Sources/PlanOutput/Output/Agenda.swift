import PlanCore
import PlanSyntax
import PlanKit

/// `plan agenda` and the REPL's `:agenda` (docs/cli.md, "The agenda"): what needs the
/// person now and in the next days, read from the plan as it stands today.
/// What is on it is decided here once; `render` and `jsonLines` only lay it
/// out, so the two forms cannot disagree.
public struct Agenda: Sendable {
    /// The longest window asked for: ten years of days is already more than
    /// a person plans week by week, and keeps every date inside year 9999
    /// for any plan that could be loaded before then.
    public static let maximumDays = 3660
    public static let defaultDays = 14

    public enum Kind: String, Sendable {
        case goal, milestone, contact, mentor, review, habit
    }

    public struct Item: Sendable, Equatable {
        /// When it was or is due: a goal's or milestone's date, a person's
        /// next touch.
        public var date: Day
        public var kind: Kind
        public var name: String
        /// Why it is on the agenda, for people.
        public var why: String
        public var overdue: Bool
        /// A milestone's goal; on the line the milestone's name has to say
        /// enough, so that an item stays one line on 80 columns.
        public var goal: String? = nil
    }

    public let today: Day
    public let days: Int
    /// Oldest first.
    public let overdue: [Item]
    /// From today to `last`, day by day.
    public let upcoming: [Item]

    /// The last day of the window, `days` after today, or 9999-12-31, after
    /// which nothing can be due.
    public var last: Day { Agenda.last(today, days) }

    private static func last(_ today: Day, _ days: Int) -> Day {
        today.addingWithinCalendar(Duration(days: days)) ?? Day.latest
    }

    /// `plan` is the plan as of `today` (`Interpreter.asOfToday`), so that
    /// what the log says done is not due and a meeting logged resets the cadence.
    public init(_ plan: Plan, today: Day, days: Int = Agenda.defaultDays) {
        self.today = today
        self.days = days
        let last = Agenda.last(today, days)
        var overdue: [Item] = []
        var upcoming: [Item] = []
        func add(_ item: Item) {
            if item.overdue {
                overdue.append(item)
            } else if item.date <= last {
                upcoming.append(item)
            }
        }

        for goal in plan.goals where !goal.done {
            guard let due = goal.due else { continue }
            let state = goal.status == .doing ? "in progress" : "not started"
            let why = Self.due(due, today: today) + ", " + state
            add(Item(date: due, kind: .goal, name: goal.name.text, why: why, overdue: due < today))
        }
        for milestone in plan.milestones where !milestone.done {
            guard let due = milestone.due else { continue }
            let why = Self.due(due, today: today)
            add(Item(date: due, kind: .milestone, name: milestone.name.text, why: why, overdue: due < today,
                     goal: milestone.goal?.text))
        }
        for contact in plan.contacts {
            guard let every = contact.every, let next = contact.nextTouch(today: today) else { continue }
            let why = (contact.lastMet.map { "met \($0)" } ?? "never met") + ", every " + Literal.duration(every)
            add(Item(date: next, kind: contact.isMentor ? .mentor : .contact, name: contact.name.text, why: why,
                     overdue: ContactKind.isOverdue(contact, today: today)))
        }
        // Past due exactly when W015 says so: never reviewed counts as past
        // due, dated today.
        if let review = plan.review, let every = review.every {
            let links = Links(plan: plan, today: today)
            let last = ReviewKind.lastReview(links)
            if let next = ReviewKind.next(review, links) {
                let why = (last.map { "last reviewed \($0)" } ?? "never reviewed") + ", every " + Literal.duration(every)
                add(Item(date: next, kind: .review, name: "the plan", why: why, overdue: last == nil || next < today))
            }
        }

        let links = Links(plan: plan, today: today)
        for index in plan.habits.indices {
            let habit = plan.habits[index]
            guard let every = habit.every, let next = HabitKind.nextDue(index, links) else { continue }
            let why = (HabitKind.lastDone(index, links).map { "last done \($0)" } ?? "never done") + ", every " + Literal.duration(every)
            add(Item(date: next, kind: .habit, name: habit.name.text, why: why, overdue: next < today))
        }

        self.overdue = Self.byDate(overdue)
        self.upcoming = Self.byDate(upcoming)
    }

    /// Stable: one day's items keep the order they were added in (goals,
    /// milestones, people, the review, habits), each kind in declaration order.
    private static func byDate(_ items: [Item]) -> [Item] {
        items.enumerated().sorted { left, right in
            left.element.date != right.element.date ? left.element.date < right.element.date : left.offset < right.offset
        }.map(\.element)
    }

    /// `12 days late`, `due today`, `due tomorrow`, `due in 3 days`.
    private static func due(_ day: Day, today: Day) -> String {
        let count = day.ordinal - today.ordinal
        switch count {
        case ..<0: return "\(-count) \(count == -1 ? "day" : "days") late"
        case 0: return "due today"
        case 1: return "due tomorrow"
        default: return "due in \(count) days"
        }
    }

    /// `the next 14 days`, `the next day`.
    private var window: String {
        days == 1 ? "the next day" : "the next \(days) days"
    }

    /// For a terminal: one line an item (wrapped under its name when
    /// long), names quoted as the language writes them so that no control
    /// character reaches the terminal raw.
    public func render(color: Bool, width: Int = 80) -> String {
        var out = TextLayout(width: max(40, width), color: color)
        guard !overdue.isEmpty || !upcoming.isEmpty else {
            out.line("nothing due in \(window)")
            return out.text
        }
        out.line(out.style("Agenda", .bold) + " for \(Self.weekday(today)) \(today), \(window) to \(Self.weekday(last)) \(last)")
        if !overdue.isEmpty {
            out.heading("Overdue")
            for item in overdue { line(item, into: &out) }
        }
        out.heading("Next \(days == 1 ? "day" : "\(days) days")")
        if upcoming.isEmpty { out.line("  " + out.style("nothing due in \(window)", .dim)) }
        for item in upcoming { line(item, into: &out) }
        return out.text
    }

    private func line(_ item: Item, into out: inout TextLayout) {
        let date = Self.weekday(item.date) + " " + item.date.description
        let styled = item.overdue ? out.style(date, .red) : item.date == today ? out.style(date, .bold) : date
        let kind = item.kind.rawValue + String(repeating: " ", count: 9 - item.kind.rawValue.count)
        // The review's name is no name the plan declares, so it is not quoted.
        let name = item.kind == .review ? item.name : Literal.string(item.name)
        out.wrapped(name + ": " + item.why,
                    prefix: "  " + styled + "  " + out.style(kind, .dim) + "  ", prefixWidth: 29, hang: 29)
    }

    /// One JSON object a line, overdue items first; nothing at all when the
    /// agenda is empty, so a script reads no item.
    public func jsonLines() -> String {
        (overdue + upcoming).map { item in
            JSON.object([
                ("date", .string(item.date.description)),
                ("overdue", .bool(item.overdue)),
                ("kind", .string(item.kind.rawValue)),
                ("name", .string(item.name)),
                ("why", .string(item.why)),
                ("goal", item.goal.map(JSON.string) ?? .null),
            ]).serialized() + "\n"
        }.joined()
    }

    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// 1970-01-01, ordinal 0, was a Thursday.
    static func weekday(_ day: Day) -> String {
        weekdays[((day.ordinal % 7) + 7 + 3) % 7]
    }
}
