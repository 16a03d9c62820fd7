import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format ics`: an RFC 5545 calendar with one VTODO per dated
/// goal and milestone and per person's next touch, and one VEVENT per log
/// entry with hours, for calendar and task apps. The output depends only on
/// the plan and `today` (UIDs are hashes of names, DTSTAMP is today at
/// midnight UTC), so exporting twice gives the same file and an app that
/// imports it again updates its tasks instead of duplicating them.
public enum ICalendar {
    public static func render(_ plan: Plan, today: Day) -> String {
        let facts = PlanFacts(plan, today: today)
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//plan//plan career plan//EN",
            "CALSCALE:GREGORIAN",
        ]
        let stamp = "DTSTAMP:" + basic(today) + "T000000Z"
        for goal in plan.goals {
            guard let due = goal.due else { continue }
            lines += ["BEGIN:VTODO", "UID:" + uid(.goal, goal.name.text), stamp]
            // A to-do may not start after it is due (RFC 5545 3.8.2.3), so a start past the date is left out.
            if let start = goal.start, start <= due { lines.append("DTSTART;VALUE=DATE:" + basic(start)) }
            lines += ["DUE;VALUE=DATE:" + basic(due), "SUMMARY:" + escape(goal.name.text)]
            var about: [String] = []
            if let role = goal.role { about.append("Role: \(role)") }
            if !goal.needs.isEmpty {
                let needs = goal.needs.map { need in facts.requiredLevel(need).map { "\(need.skill.text) at \($0)" } ?? need.skill.text }
                about.append("Needs: " + needs.joined(separator: ", "))
            }
            if !goal.after.isEmpty { about.append("After: " + goal.after.map(\.text).joined(separator: ", ")) }
            if let impact = goal.impact { about.append("Impact: \(impact)") }
            if let note = goal.note { about.append(note) }
            if !about.isEmpty { lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n"))) }
            switch goal.status {
            case .done: lines.append("STATUS:COMPLETED")
            case .doing: lines.append("STATUS:IN-PROCESS")
            case .open: lines.append("STATUS:NEEDS-ACTION")
            }
            lines += categories(goal.serves.map(\.text))
            lines.append("END:VTODO")
        }
        for milestone in plan.milestones {
            guard let due = milestone.due else { continue }
            lines += ["BEGIN:VTODO", "UID:" + uid(.milestone, milestone.name.text), stamp, "DUE;VALUE=DATE:" + basic(due),
                      "SUMMARY:" + escape(milestone.name.text)]
            let goal = milestone.goal.flatMap { facts.goal(named: $0.text) }
            if let goalName = milestone.goal?.text {
                lines.append("DESCRIPTION:" + escape("Milestone for \(goalName)"))
                if goal != nil { lines.append("RELATED-TO:" + uid(.goal, goalName)) }
            }
            lines.append(milestone.done ? "STATUS:COMPLETED" : "STATUS:NEEDS-ACTION")
            lines += categories(goal?.serves.map(\.text) ?? [])
            lines.append("END:VTODO")
        }
        lines += contacts(plan, today: today, stamp: stamp)
        lines += habits(plan, today: today, stamp: stamp)
        lines += loggedHours(plan, stamp: stamp)
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// A VTODO for each person with `every`, due on their next touch, which
    /// `plan` is as of today.
    private static func contacts(_ plan: Plan, today: Day, stamp: String) -> [String] {
        var lines: [String] = []
        for contact in plan.contacts {
            guard let every = contact.every, let next = contact.nextTouch(today: today) else { continue }
            lines += ["BEGIN:VTODO", "UID:" + uid(.contact, contact.name.text), stamp, "DUE;VALUE=DATE:" + basic(next),
                      "SUMMARY:" + escape("Be in touch with \(contact.name.text)")]
            var about = [(contact.lastMet.map { "Last met \($0)" } ?? "Never met") + ", every " + Literal.duration(every)]
            if contact.isMentor { about.append("Mentor") }
            if let role = contact.role { about.append("Role: \(role)") }
            if let org = contact.org { about.append("At: \(org)") }
            if !contact.helps.isEmpty { about.append("Helps with: " + contact.helps.map(\.text).joined(separator: ", ")) }
            if let note = contact.note { about.append(note) }
            lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n")))
            lines.append("STATUS:NEEDS-ACTION")
            lines += categories(contact.tags.map(\.text))
            lines.append("END:VTODO")
        }
        return lines
    }

    /// A VTODO for each habit, due on its next due day and repeating every
    /// period from there (RRULE, RFC 5545 3.3.10).
    private static func habits(_ plan: Plan, today: Day, stamp: String) -> [String] {
        let links = Links(plan: plan, today: today)
        var lines: [String] = []
        for (index, habit) in plan.habits.enumerated() {
            guard let every = habit.every, let next = HabitKind.nextDue(index, links) else { continue }
            lines += ["BEGIN:VTODO", "UID:" + uid(.habit, habit.name.text), stamp, "DUE;VALUE=DATE:" + basic(next),
                      "RRULE:" + recurrence(every), "SUMMARY:" + escape(habit.name.text)]
            let record = HabitKind.record(index, links)
            var about = [(HabitKind.lastDone(index, links).map { "Last done \($0)" } ?? "Never done") + ", every " + Literal.duration(every)
                         + ", streak \(record.streak)"]
            if let goal = habit.goal { about.append("For: \(goal.text)") }
            if let note = habit.note { about.append(note) }
            lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n")))
            lines.append("STATUS:NEEDS-ACTION")
            lines += categories(habit.serves.map(\.text))
            lines.append("END:VTODO")
        }
        return lines
    }

    /// `FREQ=WEEKLY;INTERVAL=2` for `every 2 weeks`: whole years, months,
    /// weeks or days; a cadence of months and days, in days.
    private static func recurrence(_ every: Duration) -> String {
        let (frequency, interval): (String, Int)
        if every.days == 0 {
            (frequency, interval) = every.months % 12 == 0 ? ("YEARLY", every.months / 12) : ("MONTHLY", every.months)
        } else if every.months == 0 {
            (frequency, interval) = every.days % 7 == 0 ? ("WEEKLY", every.days / 7) : ("DAILY", every.days)
        } else {
            (frequency, interval) = ("DAILY", Int(every.approximateDays.rounded()))
        }
        return "FREQ=\(frequency);INTERVAL=\(max(1, interval))"
    }

    /// A VEVENT for each log entry with hours, lasting those hours. The log
    /// gives no time of day, so each starts at 09:00 in floating (local)
    /// time: a DATE start could only last whole days (RFC 5545 3.8.2.5).
    private static func loggedHours(_ plan: Plan, stamp: String) -> [String] {
        let logs = plan.logs
        var lines: [String] = []
        var previous: Day?
        var sameDay = 0
        for index in LogKind.order(plan) {
            let entry = logs[index]
            sameDay = entry.date == previous ? sameDay + 1 : 0
            previous = entry.date
            guard let hours = entry.hours else { continue }
            // The UID is the day and the entry's place among that day's entries.
            lines += ["BEGIN:VEVENT", "UID:" + uid(.log, "\(entry.date)#\(sameDay)"), stamp,
                      "DTSTART:" + basic(entry.date) + "T090000", "DURATION:" + duration(hours: hours)]
            let worked = entry.worked?.text
            let reached = entry.done?.text
            lines.append("SUMMARY:" + escape(entry.note ?? worked.map { "Worked on \($0)" } ?? reached.map { "Reached \($0)" } ?? "Logged hours"))
            var about: [String] = []
            if let worked { about.append("For: \(worked)") }
            if let reached { about.append("Done: \(reached)") }
            // The hours count for every goal the entry is among the logs of
            // (a milestone's for its goal), so the event relates to each.
            var related: [String] = []
            for name in [entry.worked, entry.done] {
                let (goal, milestone) = LogKind.goal(of: name, plan)
                if let milestone, let milestoneName = plan.name(of: .milestone, at: milestone) {
                    related.append(uid(.milestone, milestoneName.text))
                }
                if let goal, let goalName = plan.name(of: .goal, at: goal) { related.append(uid(.goal, goalName.text)) }
            }
            var seen: Set<String> = []
            for uid in related where seen.insert(uid).inserted { lines.append("RELATED-TO:" + uid) }
            if !entry.met.isEmpty { about.append("Met: " + entry.met.map(\.text).joined(separator: ", ")) }
            about.append("Hours: " + Literal.rounded(hours))
            lines.append("DESCRIPTION:" + escape(about.joined(separator: "\n")))
            lines.append("END:VEVENT")
        }
        return lines
    }

    /// `PT3H`, `PT1H30M`, `PT45M`: hours to the nearest minute, at least one.
    static func duration(hours: Double) -> String {
        // To the second, at least one: a few seconds logged are not a minute.
        // The bound keeps the count of seconds inside an Int.
        let seconds = max(1, Int(min(hours * 3600, 1e15).rounded()))
        let (whole, minutes, rest) = (seconds / 3600, seconds % 3600 / 60, seconds % 60)
        return "PT" + (whole > 0 ? "\(whole)H" : "") + (minutes > 0 ? "\(minutes)M" : "") + (rest > 0 ? "\(rest)S" : "")
    }

    /// `goal-<16 hex digits>@plan`: FNV-1a over the kind and the name, so a
    /// task keeps its UID across exports and edits to its other fields.
    static func uid(_ kind: EntityKind, _ name: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(kind.rawValue.utf8) + [0] + Array(name.utf8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "\(kind.rawValue)-\(String(repeating: "0", count: 16 - hex.count))\(hex)@plan"
    }

    private static func categories(_ values: [String]) -> [String] {
        values.isEmpty ? [] : ["CATEGORIES:" + values.map(escape).joined(separator: ",")]
    }

    /// `20270630`, the DATE form.
    private static func basic(_ day: Day) -> String {
        String(day.description.filter { $0 != "-" })
    }

    /// TEXT escaping (RFC 5545 3.3.11). Other control characters are not
    /// allowed in TEXT at all, so they are dropped, and so are DEL and the
    /// C1 controls, which a terminal showing the export may obey, and the
    /// invisible characters that reorder or break a line (`Literal.isHidden`).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\t": out.unicodeScalars.append(scalar)
            case _ where Literal.isHidden(scalar): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Content lines longer than 75 octets are folded (RFC 5545 3.1): a CRLF
    /// and a space, never inside a UTF-8 sequence. Continuation lines carry
    /// 74 octets after their leading space.
    static func fold(_ line: String) -> String {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else { return line }
        var pieces: [String] = []
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(bytes.count, start + limit)
            // Back off continuation bytes (10xxxxxx) so a sequence stays whole.
            while end < bytes.count, end > start + 1, bytes[end] & 0xC0 == 0x80 { end -= 1 }
            pieces.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end
            limit = 74
        }
        return pieces.joined(separator: "\r\n ")
    }
}
