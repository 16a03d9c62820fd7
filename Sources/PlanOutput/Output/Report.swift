import PlanCore
import PlanSyntax
import PlanKit

/// `plan report`: the plan as a person reads it at a terminal, wrapped to
/// `width` columns, with ANSI color only when asked for.
public struct Report: Sendable {
    public var plan: Plan
    public var today: Day
    public var color: Bool
    public var width: Int

    public init(plan: Plan, today: Day, color: Bool = false, width: Int = 80) {
        self.plan = plan
        self.today = today
        self.color = color
        self.width = width
    }

    public func render() -> String {
        let content = ReportContent(plan, today: today)
        var out = TextLayout(width: max(40, width), color: color)

        out.line(out.style("Career plan", .bold) + " as of \(content.today)")

        out.heading("Vision")
        if let vision = content.vision {
            out.wrapped(vision, indent: 2)
        } else {
            out.line("  " + out.style("no vision yet: add `vision \"...\"`", .dim))
        }

        out.heading("Values")
        if content.values.isEmpty { out.line("  " + out.style("no values declared", .dim)) }
        let rankWidth = content.values.map { $0.priority.map { String($0).count + 1 } ?? 1 }.max() ?? 1
        for value in content.values {
            let rank = value.priority.map { "\($0)." } ?? "-"
            let rankText = rank + String(repeating: " ", count: rankWidth - rank.count)
            let hang = 2 + rankWidth + 1
            out.wrapped(value.name, prefix: "  " + rankText + " ", prefixWidth: hang, hang: hang,
                        suffix: value.nonNegotiable ? ("(non-negotiable)", .yellow) : nil)
            if let note = value.note { out.wrapped(note, indent: hang) }
            if value.goals.isEmpty && value.habits.isEmpty {
                out.line(String(repeating: " ", count: hang) + out.style("no goal serves it", .dim))
            }
            if !value.goals.isEmpty {
                out.wrapped("goals: " + value.goals.joined(separator: ", "), indent: hang, hang: hang + 7)
            }
            if !value.habits.isEmpty {
                out.wrapped("habits: " + value.habits.joined(separator: ", "), indent: hang, hang: hang + 8)
            }
        }

        out.heading("Timeline", key: "[x] done  [~] doing  [!] overdue")
        if content.quarters.isEmpty && content.undated.isEmpty { out.line("  " + out.style("no goals yet", .dim)) }
        for quarter in content.quarters {
            out.line("  " + out.style(quarter.label, .bold))
            for item in quarter.items { timelineLine(item, into: &out) }
        }
        if !content.undated.isEmpty {
            out.line("  " + out.style("no date", .bold))
            for item in content.undated { timelineLine(item, into: &out) }
        }

        out.heading("Skill gaps")
        if content.gaps.isEmpty { out.line("  " + out.style("no skill gaps", .dim)) }
        let nameWidth = min(30, content.gaps.map { DisplayWidth.of(Literal.printable($0.name)) }.max() ?? 0)
        for gap in content.gaps {
            let level = "level \(gap.level) of \(gap.target), gap \(gap.gap)"
            if DisplayWidth.of(Literal.printable(gap.name)) <= nameWidth {
                let name = "  " + Literal.printable(gap.name).padding(to: nameWidth) + "  "
                out.wrapped(level, prefix: name, prefixWidth: name.count, hang: 4)
            } else {
                out.wrapped(gap.name, indent: 2, hang: 4)
                out.wrapped(level, indent: 4)
            }
            let needs = gap.neededBy.map { "\($0.goal) (at \($0.level))" }
            out.wrapped("needed by: " + (needs.isEmpty ? "no goal" : needs.joined(separator: ", ")), indent: 4, hang: 15)
            // Everyone who helps with the skill, contacts as well as mentors.
            out.wrapped("help from: " + (gap.mentors.isEmpty ? "no one yet" : gap.mentors.joined(separator: ", ")), indent: 4, hang: 15)
        }

        out.heading("Overdue")
        if content.overdue.isEmpty { out.line("  " + out.style("nothing is overdue", .dim)) }
        for item in content.overdue {
            guard let due = item.due else { continue }
            let late = content.today.ordinal - due.ordinal
            let kind = item.kind.rawValue.padding(to: 9)
            let prefix = "  " + out.style(due.description, .red) + "  " + kind + "  "
            out.wrapped("\(item.name) (\(late) day\(late == 1 ? "" : "s") late)", prefix: prefix, prefixWidth: 25, hang: 25)
        }

        out.heading("Next steps")
        if content.nextSteps.isEmpty { out.line("  " + out.style("nothing left to do", .dim)) }
        for (position, step) in content.nextSteps.enumerated() {
            let number = out.style("\(position + 1).", step.overdue ? .red : .bold)
            out.wrapped(step.text, prefix: "  \(number) ", prefixWidth: 5, hang: 5, suffix: step.overdue ? ("(overdue)", .red) : nil)
        }
        if !content.mentors.isEmpty {
            out.heading("Mentors")
            for mentor in content.mentors {
                out.wrapped(mentor.name + (mentor.helps.isEmpty ? "" : ": helps with " + mentor.helps.joined(separator: ", ")),
                            indent: 2, hang: 4)
                if let note = mentor.note { out.wrapped(note, indent: 4) }
            }
        }
        activity(ReportActivity(plan, today: today), into: &out)
        capacity(into: &out)
        return out.text
    }

    /// People to reach and recent progress, each only when the plan keeps
    /// people with a cadence or a log.
    private func activity(_ activity: ReportActivity, into out: inout TextLayout) {
        if let people = activity.people {
            out.heading("People to reach", key: "overdue and the next \(ReportActivity.window) days")
            if people.isEmpty { out.line("  " + out.style("no one to reach in the next \(ReportActivity.window) days", .dim)) }
            for person in people {
                let date = out.style(person.nextTouch.description, person.overdue ? .red : .bold)
                let name = person.name + (person.mentor ? " (mentor)" : "")
                out.wrapped("\(name): \(ReportActivity.when(person, today: today)); \(ReportActivity.cadence(person))",
                            prefix: "  \(date)  ", prefixWidth: 14, hang: 14)
            }
        }
        if let progress = activity.progress {
            out.heading("Recent progress", key: "the last \(ReportActivity.window) days, newest first")
            if progress.isEmpty { out.line("  " + out.style("nothing logged in the last \(ReportActivity.window) days", .dim)) }
            for entry in progress {
                out.wrapped(entry.text, prefix: "  \(entry.date)  ", prefixWidth: 14, hang: 14)
            }
        }
        if let habits = activity.habits {
            out.heading("Habits", key: "streak in periods of each habit's every")
            for habit in habits {
                let due = habit.nextDue.map { out.style($0.description, habit.overdue ? .red : .bold) } ?? "          "
                out.wrapped("\(habit.name): \(ReportActivity.record(habit))", prefix: "  \(due)  ", prefixWidth: 14, hang: 14)
            }
        }
    }

    private func timelineLine(_ item: ReportContent.TimelineItem, into out: inout TextLayout) {
        let mark: String
        switch item.status {
        case .done: mark = out.style("[x]", .green)
        // Overdue says more than doing, as the legend reads.
        case _ where item.overdue: mark = out.style("[!]", .red)
        case .doing: mark = out.style("[~]", .yellow)
        case .open: mark = "[ ]"
        }
        let date = item.due?.description ?? "          "
        let kind = item.kind.rawValue.padding(to: 9)
        var text = item.name
        if let goal = item.goal { text += " -> \(goal)" }
        out.wrapped(text, prefix: "    \(mark) \(date)  \(kind)  ", prefixWidth: 31, hang: 31)
        // Under the name, each wrapped line under the text after its label.
        if let role = item.role { out.wrapped("role: " + role, indent: 31, hang: 37) }
        if let impact = item.impact { out.wrapped("impact: " + impact, indent: 31, hang: 39) }
    }
}

/// Lines of text at most `width` terminal columns wide (a wide character
/// takes two, see DisplayWidth). Styles
/// go only on prefixes and whole short lines, never inside wrapped text, so
/// that their escapes never count as columns.
struct TextLayout {
    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", cyan = "36"
    }

    let width: Int
    let color: Bool
    private(set) var text = ""

    init(width: Int, color: Bool) {
        self.width = width
        self.color = color
    }

    func style(_ text: String, _ style: Style) -> String {
        color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    mutating func line(_ line: String) {
        text += line + "\n"
    }

    mutating func heading(_ title: String, key: String? = nil) {
        text += "\n"
        line(style(title.uppercased(), .cyan) + (key.map { "  " + style($0, .dim) } ?? ""))
    }

    mutating func wrapped(_ body: String, indent: Int, hang: Int? = nil) {
        wrapped(body, prefix: String(repeating: " ", count: indent), prefixWidth: indent, hang: hang ?? indent)
    }

    /// `prefix` (which may hold escapes, hence its width given apart) starts
    /// the first line; the following ones are indented by `hang`.
    /// `suffix`, one word, ends the text in its own style.
    mutating func wrapped(_ body: String, prefix: String, prefixWidth: Int, hang: Int, suffix: (String, Style)? = nil) {
        var lines = TextLayout.wrap(body + (suffix.map { " " + $0.0 } ?? ""), first: width - prefixWidth, rest: width - hang)
        if let (word, wordStyle) = suffix, let last = lines.last, last.hasSuffix(word) {
            lines[lines.count - 1] = String(last.dropLast(word.count)) + style(word, wordStyle)
        }
        for (position, piece) in lines.enumerated() {
            line((position == 0 ? prefix : String(repeating: " ", count: hang)) + piece)
        }
    }

    /// Greedy word wrap; a word longer than a whole line is cut. Line breaks
    /// and tabs part words; any other hidden character (a carriage return,
    /// a form feed, U+2028 too) is spelt out (`\u{D}`), so that a plan
    /// cannot drive the terminal and no name reads as another.
    static func wrap(_ body: String, first: Int, rest: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var limit = max(10, first)
        for word in body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }) {
            var word = Substring(Literal.printable(String(word)))
            var wordWidth = DisplayWidth.of(String(word))
            if currentWidth > 0 && currentWidth + 1 + wordWidth <= limit {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth > 0 {
                lines.append(current)
                limit = max(10, rest)
            }
            current = ""
            currentWidth = 0
            while wordWidth > limit {
                let (head, headWidth) = prefix(of: word, fitting: limit)
                lines.append(String(head))
                word = word.dropFirst(head.count)
                wordWidth -= headWidth
                limit = max(10, rest)
            }
            current = String(word)
            currentWidth = wordWidth
        }
        if currentWidth > 0 || lines.isEmpty { lines.append(current) }
        return lines
    }

    /// The longest start of `word` that fits in `limit` columns (at least
    /// one character, so that cutting always moves on).
    private static func prefix(of word: Substring, fitting limit: Int) -> (Substring, Int) {
        var width = 0
        var end = word.startIndex
        while end < word.endIndex {
            let next = DisplayWidth.of(String(word[end]))
            if width + next > limit && end > word.startIndex { break }
            width += next
            end = word.index(after: end)
        }
        return (word[..<end], width)
    }
}

private extension String {
    /// Left-aligned in `width` columns (never cut).
    func padding(to width: Int) -> String {
        let used = DisplayWidth.of(self)
        return used >= width ? self : self + String(repeating: " ", count: width - used)
    }
}
