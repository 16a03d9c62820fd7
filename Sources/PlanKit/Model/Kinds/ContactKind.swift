import PlanCore
import PlanSyntax

/// A person you mean to stay in touch with (docs/language.md, "contact and mentor"); declared with
/// `mentor` instead of `contact`, one who mentors you.
public struct Contact: PlanEntity {
    public static let kind = EntityKind.contact
    public var name: Name
    public var isMentor = false
    public var org: String?
    public var role: String?
    public var helps: NameList<Name> = []
    public var every: Duration?
    /// Last met: as declared (before the log began), or, in the plan as of
    /// a day, the latest meeting the log says.
    public var met: Day?
    public var metRange: SourceRange?
    /// In the plan as of a day, a declared `met` after that day: it has not
    /// happened yet, so it does not count, and a check says so.
    public var metAfterToday: Day?
    public var tags: NameList<Name> = []
    public var note: String?

    public init(name: Name) { self.name = name }

    /// The latest meeting known.
    public var lastMet: Day? { met }

    /// When to be in touch next: `every` after the last meeting, today when
    /// never met; none without `every`, and none when it would fall past
    /// 9999-12-31 (the check `touchesPastTheCalendar` says so).
    public func nextTouch(today: Day) -> Day? {
        guard let every else { return nil }
        guard let lastMet else { return today }
        return lastMet.addingWithinCalendar(every)
    }
}

extension Plan {
    /// Every person: contacts and mentors.
    public var contacts: [Contact] { entities(Contact.self) }
    /// Only the mentors.
    public var mentors: [Contact] { contacts.filter(\.isMentor) }
}

package enum ContactKind: EntityDescription {
    static let kind = EntityKind.contact
    static let unknownCode = DiagnosticCode.unknownContact

    static let clauses: [ClauseRule<Contact>] = [
        .text(.at, "an organisation", get: { $0.org }, set: { $0.org = $1 }),
        .text(.role, "a role", get: { $0.role }, set: { $0.role = $1 }),
        .names(.helps, "a skill", refers: [.skill], get: { $0.helps }, set: { $0.helps = $1 }),
        .duration(.every, get: { $0.every }, set: { $0.every = $1 }),
        .date(.met, loggedBy: .met, get: { $0.met }, set: { $0.met = $1; $0.metRange = $2 }),
        .names(.tags, "a tag", refers: [], get: { $0.tags }, set: { $0.tags = $1 }),
        .text(.note, "a note", get: { $0.note }, set: { $0.note = $1 }),
        // Implied by declaring with `mentor`, which writes it back that way.
        .flag(.mentor, get: { $0.isMentor }, set: { $0.isMentor = $1 }),
    ]

    static let fields: [FieldRule] = [
        FieldRule("name", .string) { context, index in .string(context.plan.contacts[index].name.text) },
        FieldRule("org", .optional(.string)) { context, index in .optional(context.plan.contacts[index].org) },
        FieldRule("role", .optional(.string)) { context, index in .optional(context.plan.contacts[index].role) },
        FieldRule("helps", .list(.entity(.skill))) { context, index in
            context.links.entities(.skill, context.plan.contacts[index].helps.items)
        },
        FieldRule("every", .optional(.duration)) { context, index in
            context.plan.contacts[index].every.map(Value.duration) ?? .none
        },
        FieldRule("last_met", .optional(.date), fromLog: true) { context, index in
            .optional(context.plan.contacts[index].lastMet)
        },
        FieldRule("next_touch", .optional(.date)) { context, index in
            .optional(context.plan.contacts[index].nextTouch(today: context.today))
        },
        FieldRule("overdue", .bool) { context, index in .bool(isOverdue(context.plan.contacts[index], today: context.today)) },
        FieldRule("mentor", .bool) { context, index in .bool(context.plan.contacts[index].isMentor) },
        FieldRule("tags", .list(.string)) { context, index in .list(context.plan.contacts[index].tags.map { .string($0.text) }) },
        FieldRule("note", .optional(.string)) { context, index in .optional(context.plan.contacts[index].note) },
        FieldRule("logs", .list(.entity(.log)), fromLog: true) { context, index in
            .list(LogKind.entries(context.links).of(.contact, via: .met)[index].map { .entity(.log, $0) })
        },
    ]

    static let columns = [Column("name"), Column("org", optional: true), Column("helps"),
                          Column("every", optional: true), Column("next_touch", optional: true)]

    static let checks = [Check(metAfterToday), Check(overdueContacts), Check(touchesPastTheCalendar)]

    /// A `met` day after today has not happened: it does not count until
    /// then, as a log entry after today does not.
    static func asOf(_ plan: Plan, today: Day) -> Plan {
        let contacts = plan.contacts
        var result = plan
        for index in contacts.indices {
            guard let met = contacts[index].met, met > today else { continue }
            result.modify(Contact.self, at: index) { contact in
                contact.metAfterToday = met
                contact.met = nil
            }
        }
        return result
    }

    static func stub(_ spelled: String, level: Int?) -> String { "contact \(spelled)" }

    static let takesFromLog: [Keyword] = [.met]

    /// Each person was last met on the latest counting entry that met
    /// them, unless the plan says a later day.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {
        let logs = plan.logs
        for (contact, entries) in log.of(.contact, via: .met).enumerated() {
            guard let latest = entries.last else { continue }
            let day = logs[latest].date
            plan.modify(Contact.self, at: contact) { contact in
                if contact.met.map({ $0 < day }) ?? true { contact.met = day }
            }
        }
    }

    package static func isOverdue(_ contact: Contact, today: Day) -> Bool {
        guard let next = contact.nextTouch(today: today) else { return false }
        return next < today
    }

    static func metAfterToday(_ context: CheckContext) -> [Diagnostic] {
        context.plan.contacts.compactMap { contact in
            guard let met = contact.metAfterToday else { return nil }
            return .warning(.logAfterToday, "you met \(Literal.string(contact.name.text)) on \(met), after today "
                            + "(\(context.today)): it does not count yet", at: contact.metRange ?? contact.name.range,
                            hint: "write the day you last met; to replay an earlier day, use --today")
        }
    }

    /// A cadence that puts the next touch past the last day a plan can
    /// write: an error where it is declared, and no next touch at all.
    static func touchesPastTheCalendar(_ context: CheckContext) -> [Diagnostic] {
        context.plan.contacts.compactMap { contact in
            guard let every = contact.every, let last = contact.lastMet, last.addingWithinCalendar(every) == nil else { return nil }
            return .error(.invalidDate, "the next touch of \(Literal.string(contact.name.text)), \(last) + "
                          + "\(Literal.duration(every)), falls after \(Day.latest), the last day a plan can hold",
                          at: contact.name.range, hint: "give \(Checks.spelled(contact.name)) a shorter every")
        }
    }

    static func overdueContacts(_ context: CheckContext) -> [Diagnostic] {
        let today = context.today
        return context.plan.contacts.compactMap { contact in
            guard let every = contact.every, let last = contact.lastMet, isOverdue(contact, today: today) else { return nil }
            let days = today.ordinal - last.ordinal
            let line = "log \(today) met \(Checks.spelled(contact.name))"
            return .warning(.contactOverdue, "it is \(days) \(days == 1 ? "day" : "days") since you met "
                            + "\(Literal.string(contact.name.text)); you meant to every \(Literal.duration(every))",
                            at: contact.name.range, hint: "when you have met: " + line, fix: .adding(line, after: contact.name.range))
        }
    }
}
