import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format md`: the report as Markdown (CommonMark with
/// GitHub tables), for a wiki page or a pull request.
public enum MarkdownExport {
    public static func render(_ plan: Plan, today: Day) -> String {
        let content = ReportContent(plan, today: today)
        var out = "# Career plan\n\n_As of \(content.today)._\n"

        out += "\n## Vision\n\n"
        if let vision = content.vision {
            out += vision.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + escapeLine(String($0)) }.joined(separator: "\n") + "\n"
        } else {
            out += "_No vision yet._\n"
        }

        out += "\n## Values\n\n"
        if content.values.isEmpty {
            out += "_No values declared._\n"
        } else {
            out += "| Priority | Value | Non-negotiable | Note | Goals |\n|---:|---|:---:|---|---|\n"
            for value in content.values {
                out += row([value.priority.map(String.init) ?? "", escape(value.name), value.nonNegotiable ? "yes" : "",
                            escape(value.note ?? ""), value.goals.isEmpty ? "_none_" : value.goals.map(escape).joined(separator: ", ")])
            }
        }

        out += "\n## Timeline\n"
        if content.quarters.isEmpty && content.undated.isEmpty { out += "\n_No goals yet._\n" }
        for quarter in content.quarters {
            out += "\n### \(quarter.label)\n\n"
            out += quarter.items.map(item).joined()
        }
        if !content.undated.isEmpty {
            out += "\n### No date\n\n"
            out += content.undated.map(item).joined()
        }

        out += "\n## Skill gaps\n\n"
        if content.gaps.isEmpty {
            out += "_No skill gaps._\n"
        } else {
            out += "| Skill | Level | Target | Gap | Needed by | Help from |\n|---|---:|---:|---:|---|---|\n"
            for gap in content.gaps {
                let needs = gap.neededBy.map { "\(escape($0.goal)) (at \($0.level))" }
                out += row([escape(gap.name), "\(gap.level)", "\(gap.target)", "\(gap.gap)",
                            needs.isEmpty ? "_no goal_" : needs.joined(separator: ", "),
                            gap.mentors.isEmpty ? "_none yet_" : gap.mentors.map(escape).joined(separator: ", ")])
            }
        }

        out += "\n## Overdue\n\n"
        if content.overdue.isEmpty {
            out += "_Nothing is overdue._\n"
        } else {
            out += "| Due | Kind | Name | Days late |\n|---|---|---|---:|\n"
            for item in content.overdue {
                guard let due = item.due else { continue }
                out += row([due.description, item.kind.rawValue, escape(item.name), "\(content.today.ordinal - due.ordinal)"])
            }
        }

        out += "\n## Next steps\n\n"
        if content.nextSteps.isEmpty { out += "_Nothing left to do._\n" }
        for (position, step) in content.nextSteps.enumerated() {
            out += "\(position + 1). \(escape(step.text))\(step.overdue ? " **(overdue)**" : "")\n"
        }
        out += activity(ReportActivity(plan, today: today), today: today)
        out += capacity(plan)
        out += contactsAndLog(plan, today: today)
        return out
    }

    /// The report's capacity section as a table, only for a plan that
    /// states its capacity; the figures as the chart shows them.
    private static func capacity(_ plan: Plan) -> String {
        guard !plan.capacities.isEmpty, !plan.quarters.isEmpty else { return "" }
        var out = "\n## Capacity\n\nHours a week: asked by the goals not done, against the capacity (averaged over the quarter's days).\n\n"
        out += "| Quarter | Asked | Capacity | Over | Capacity steps |\n|---|---:|---:|:---:|---|\n"
        for quarter in plan.quarters {
            let (load, capacity) = quarter.capacity.map { Literal.rounded(quarter.load, apartFrom: $0) } ?? (Literal.rounded(quarter.load), "")
            let steps = quarter.capacitySteps.count > 1
                ? quarter.capacitySteps.map { "\(Literal.rounded($0.hours)) from \($0.from)" }.joined(separator: ", ") : ""
            out += row([quarter.name.text, load, capacity, quarter.over ? "**over**" : "", steps])
        }
        return out
    }

    /// The report's people to reach and recent progress.
    private static func activity(_ activity: ReportActivity, today: Day) -> String {
        var out = ""
        if let people = activity.people {
            out += "\n## People to reach\n\n"
            if people.isEmpty {
                out += "_No one to reach in the next \(ReportActivity.window) days._\n"
            } else {
                out += "| Next touch | Person | When | Last met | Every |\n|---|---|---|---|---|\n"
                for person in people {
                    out += row([person.nextTouch.description, escape(person.name) + (person.mentor ? " (mentor)" : ""),
                                ReportActivity.when(person, today: today) + (person.overdue ? " **(overdue)**" : ""),
                                person.lastMet?.description ?? "_never_", Literal.duration(person.every)])
                }
            }
        }
        if let progress = activity.progress {
            out += "\n## Recent progress\n\n"
            if progress.isEmpty { out += "_Nothing logged in the last \(ReportActivity.window) days._\n" }
            for entry in progress {
                out += "- \(entry.date) \(escape(entry.text))\n"
            }
        }
        if let habits = activity.habits {
            out += "\n## Habits\n\n| Habit | Every | Streak | Kept | Last done | Next due |\n|---|---|---:|---:|---|---|\n"
            for habit in habits {
                out += row([escape(habit.name), Literal.duration(habit.every), "\(habit.streak)", "\(Int((habit.kept * 100).rounded()))%",
                            habit.lastDone?.description ?? "_never_",
                            (habit.nextDue?.description ?? "") + (habit.overdue ? " **(overdue)**" : "")])
            }
        }
        return out
    }

    /// Every person and the whole log (in date order), for the record a
    /// wiki page keeps: each only when the plan has any.
    private static func contactsAndLog(_ plan: Plan, today: Day) -> String {
        var out = ""
        let contacts = plan.contacts
        if !contacts.isEmpty {
            out += "\n## Contacts\n\n| Person | Mentor | Organisation | Role | Helps with | Every | Last met | Tags | Note |\n"
            out += "|---|:---:|---|---|---|---|---|---|---|\n"
            for contact in contacts {
                out += row([escape(contact.name.text), contact.isMentor ? "yes" : "", escape(contact.org ?? ""),
                            escape(contact.role ?? ""), contact.helps.map { escape($0.text) }.joined(separator: ", "),
                            contact.every.map(Literal.duration) ?? "", contact.lastMet?.description ?? "",
                            contact.tags.map { escape($0.text) }.joined(separator: ", "), escape(contact.note ?? "")])
            }
        }
        if plan.count(of: .log) > 0 {
            out += "\n## Log\n\n"
            for index in LogKind.order(plan) {
                let entry = ReportActivity.describe(plan, index)
                out += "- \(entry.date) \(escape(entry.text))\(entry.date > today ? " _(after today: does not count yet)_" : "")\n"
            }
        }
        return out
    }


    private static func item(_ item: ReportContent.TimelineItem) -> String {
        let box = item.status == .done ? "[x]" : "[ ]"
        var line = "- \(box) "
        if let due = item.due { line += "\(due) " }
        line += item.kind == .goal ? "**\(escape(item.name))**" : "milestone _\(escape(item.name))_"
        if let goal = item.goal { line += " for \(escape(goal))" }
        if item.status == .doing { line += " (in progress)" }
        if item.overdue { line += " **(overdue)**" }
        line += "\n"
        // Nested under the goal, so they read as its own.
        if let role = item.role { line += "  - Role: \(escape(role))\n" }
        if let impact = item.impact { line += "  - Impact: \(escape(impact))\n" }
        return line
    }

    private static func row(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// A backslash before each character that is markup inside a line, and
    /// the text on one line (as the text report shows it), since a line
    /// feed would end a table row, a list item or an emphasis. Other hidden
    /// characters (CR, VT, FF, NEL, U+2028, a bidi override) are spelt out
    /// (`\u{D}`), as in every output for people.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in Literal.printable(text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).joined(separator: " ")) {
            if "\\`*_[]<>|~&".contains(character) { out += "\\" }
            out.append(character)
        }
        return out
    }

    /// As `escape`, and a line that would start a heading, list or rule
    /// (inside the vision's block quote) keeps its first character literal.
    static func escapeLine(_ line: String) -> String {
        let escaped = escape(line)
        guard let first = escaped.first, "#-+=".contains(first) || (first.isNumber && escaped.contains(".")) else { return escaped }
        if first.isNumber {
            // `1. text` would start an ordered list; escape its dot.
            guard let dot = escaped.firstIndex(of: "."), escaped[..<dot].allSatisfy(\.isNumber) else { return escaped }
            return escaped[..<dot] + "\\" + escaped[dot...]
        }
        return "\\" + escaped
    }
}

