import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format html`: the plan as one page to look at and to send
/// (docs/exports.md, "html"). Self-contained: no script, nothing fetched,
/// one style sheet allowed by its hash in a Content-Security-Policy. Stable
/// class names and no `style=` attribute, so a reader may restyle it; one
/// element a line, so two exports diff well. Every name and note escaped.
public enum HTMLExport {
    public static func render(_ plan: Plan, today: Day) -> String {
        var page = HTMLWriter()
        let title = plan.owner.map { "Career plan of \($0)" } ?? "Career plan"
        page.open(title: title, subtitle: "as of \(Agenda.weekday(today)) \(today)")
        let content = ReportContent(plan, today: today)
        let warnings = Checks.run(plan, today: today).filter { $0.severity == .warning }
        vision(content, into: &page)
        let driftRanges = Set(warnings.filter { $0.code == .drift }.map(\.range))
        let drifting = Set(plan.goals.filter { goal in driftRanges.contains(goal.name.range) }.map(\.name.text))
        timeline(plan, content, today: today, drifting: drifting, into: &page)
        capacity(plan, into: &page)
        let agenda = Agenda(plan, today: today)
        people(agenda, into: &page)
        self.agenda(agenda, into: &page)
        gaps(content, into: &page)
        drift(warnings, into: &page)
        checks(warnings, into: &page)
        activity(plan, today: today, into: &page)
        page.close()
        return page.out
    }

    /// The lower-case code as a class: `w012`.
    static func codeClass(_ code: DiagnosticCode) -> String { code.rawValue.lowercased() }

    private static func vision(_ content: ReportContent, into page: inout HTMLWriter) {
        page.section("vision", "Vision and values")
        page.element("p", class: content.vision == nil ? "vision missing" : "vision", content.vision ?? "No vision yet.")
        if !content.values.isEmpty {
            page.raw("<ol class=\"values\">")
            for value in content.values {
                var text = value.name
                if let note = value.note { text += ": " + note }
                if !value.goals.isEmpty { text += " (" + value.goals.joined(separator: ", ") + ")" }
                page.element("li", class: value.nonNegotiable ? "value non-negotiable" : "value", text)
            }
            page.raw("</ol>")
        }
        page.endSection()
    }

    /// `drifting`: the names of the goals W012 warns of.
    private static func timeline(_ plan: Plan, _ content: ReportContent, today: Day, drifting: Set<String>,
                                 into page: inout HTMLWriter) {
        page.section("timeline", "Timeline")
        page.raw("<figure class=\"chart timeline\">")
        page.svg(SVGTimeline.render(plan, today: today),
                 title: "Timeline of the dated goals and milestones" + (plan.capacities.isEmpty ? "" : ", with hours a week by quarter against capacity"))
        page.raw("</figure>")
        for quarter in content.quarters {
            page.element("h3", class: "quarter", quarter.label)
            page.raw("<ul class=\"items\">")
            for item in quarter.items { timelineItem(item, drifting: drifting, into: &page) }
            page.raw("</ul>")
        }
        if !content.undated.isEmpty {
            page.element("h3", class: "quarter undated", "Without a date")
            page.raw("<ul class=\"items\">")
            for item in content.undated { timelineItem(item, drifting: drifting, into: &page) }
            page.raw("</ul>")
        }
        page.endSection()
    }

    private static func timelineItem(_ item: ReportContent.TimelineItem, drifting: Set<String>, into page: inout HTMLWriter) {
        var classes = [item.kind.rawValue, item.status.rawValue]
        if item.overdue { classes.append("overdue") }
        if item.kind == .goal, drifting.contains(item.name) { classes.append("drifting") }
        var text = (item.due.map { "\($0) " } ?? "") + item.name
        if let goal = item.goal { text += " (for " + goal + ")" }
        if let role = item.role { text += "; role: " + role }
        if let impact = item.impact { text += "; impact: " + impact }
        page.element("li", class: classes.joined(separator: " "), text)
    }

    private static func capacity(_ plan: Plan, into page: inout HTMLWriter) {
        guard !plan.capacities.isEmpty, !plan.quarters.isEmpty else { return }
        page.section("capacity", "Capacity")
        page.raw("<table class=\"capacity\">")
        page.raw("<thead><tr><th>Quarter</th><th>Hours a week asked</th><th>Capacity</th></tr></thead>")
        page.raw("<tbody>")
        for quarter in plan.quarters {
            page.raw("<tr class=\"\(quarter.over ? "quarter over" : "quarter")\"><td>\(HTMLWriter.escape(quarter.name.text))</td>"
                     + "<td>\(Literal.rounded(quarter.load))</td><td>\(quarter.capacity.map(Literal.rounded) ?? "")</td></tr>")
        }
        page.raw("</tbody>")
        page.raw("</table>")
        page.endSection()
    }

    private static func agendaItem(_ item: Agenda.Item, into page: inout HTMLWriter) {
        var classes = [item.kind.rawValue]
        if item.overdue { classes.append("overdue") }
        page.element("li", class: classes.joined(separator: " "), "\(item.date) \(item.kind.rawValue) \(item.name): \(item.why)")
    }

    private static func people(_ agenda: Agenda, into page: inout HTMLWriter) {
        page.section("people", "People to reach")
        let people = (agenda.overdue + agenda.upcoming).filter { $0.kind == .contact || $0.kind == .mentor }
        if people.isEmpty { page.element("p", class: "empty", "No one to reach in the next \(agenda.days) days.") }
        page.raw("<ul class=\"people\">")
        for item in people { agendaItem(item, into: &page) }
        page.raw("</ul>")
        page.endSection()
    }

    private static func agenda(_ agenda: Agenda, into page: inout HTMLWriter) {
        page.section("agenda", "Agenda")
        let items = agenda.overdue + agenda.upcoming
        if items.isEmpty { page.element("p", class: "empty", "Nothing due in the next \(agenda.days) days.") }
        page.raw("<ul class=\"agenda\">")
        for item in items { agendaItem(item, into: &page) }
        page.raw("</ul>")
        page.endSection()
    }

    private static func gaps(_ content: ReportContent, into page: inout HTMLWriter) {
        page.section("gaps", "Skill gaps")
        if content.gaps.isEmpty { page.element("p", class: "empty", "No skill is below its target.") }
        page.raw("<ul class=\"gaps\">")
        for gap in content.gaps {
            var text = "\(gap.name): level \(gap.level) of \(gap.target)"
            if !gap.neededBy.isEmpty { text += "; needed by " + gap.neededBy.map { "\($0.goal) (\($0.level))" }.joined(separator: ", ") }
            if !gap.mentors.isEmpty { text += "; ask " + gap.mentors.joined(separator: ", ") }
            page.element("li", class: "skill gap", text)
        }
        page.raw("</ul>")
        page.endSection()
    }

    private static func drift(_ warnings: [Diagnostic], into page: inout HTMLWriter) {
        page.section("drift", "Drift")
        let drifting = warnings.filter { $0.code == .drift }
        if drifting.isEmpty { page.element("p", class: "empty", "Every goal in progress has progress logged this month.") }
        page.raw("<ul class=\"drift\">")
        for warning in drifting {
            page.element("li", class: "goal drifting " + codeClass(warning.code), warning.message)
        }
        page.raw("</ul>")
        page.endSection()
    }

    private static func checks(_ warnings: [Diagnostic], into page: inout HTMLWriter) {
        page.section("warnings", "Warnings")
        if warnings.isEmpty { page.element("p", class: "empty", "No warnings.") }
        page.raw("<ul class=\"warnings\">")
        for warning in warnings {
            page.element("li", class: "warning " + codeClass(warning.code), warning.code.rawValue + " " + warning.message)
        }
        page.raw("</ul>")
        page.endSection()
    }

    /// The last 365 days to today, one cell a day in a column a week, as
    /// org-habit and GitHub draw activity; the hours in each cell's title.
    private static func activity(_ plan: Plan, today: Day, into page: inout HTMLWriter) {
        page.section("activity", "A year of logged hours")
        let first = today.ordinal - 364
        var hours = [Double](repeating: 0, count: 365)
        var logged = [Bool](repeating: false, count: 365)
        for entry in plan.logs where entry.date.ordinal >= first && entry.date <= today {
            let offset = entry.date.ordinal - first
            logged[offset] = true
            hours[offset] += entry.hours ?? 0
        }
        let total = hours.reduce(0, +)
        page.element("p", class: "summary", "\(Literal.rounded(total)) hours logged on \(logged.count { $0 }) days since \(Day(ordinal: first)).")
        // Monday is row 1: the first cell starts on its weekday's row.
        let startRow = ((first % 7) + 7 + 3) % 7
        page.raw("<div class=\"heatmap start-\(startRow)\" role=\"img\" aria-label=\"Hours logged each day of the last year\">")
        for offset in 0..<365 {
            let day = Day(ordinal: first + offset)
            let level: Int
            let title: String
            switch (logged[offset], hours[offset]) {
            case (false, _): (level, title) = (0, "nothing logged")
            case (true, 0): (level, title) = (1, "logged, no hours")
            case (true, let spent):
                level = spent < 2 ? 1 : spent < 4 ? 2 : spent < 7 ? 3 : 4
                title = "\(Literal.rounded(spent)) \(spent == 1 ? "hour" : "hours")"
            }
            page.raw("<span class=\"day l\(level)\" title=\"\(day): \(title)\"></span>")
        }
        page.raw("</div>")
        page.endSection()
    }
}

/// The page as it is written, a line at a time.
struct HTMLWriter {
    private(set) var out = ""

    /// Light and dark, the print sheet, and a class for each warning code.
    static let styleSheet: String = {
        var css = """

            :root { color-scheme: light dark; --ink: #1d2125; --muted: #5f6670; --paper: #ffffff; --line: #d5d8dd;
              --late: #c62828; --drift: #b26a00; --l1: #c6e48b; --l2: #7bc96f; --l3: #239a3b; --l4: #196127; --l0: #ebedf0; }
            @media (prefers-color-scheme: dark) {
              :root { --ink: #e6e8eb; --muted: #9aa3ad; --paper: #16181b; --line: #3a3f45;
                --late: #ff7b72; --drift: #e3b341; --l0: #2d333b; --l1: #0e4429; --l2: #006d32; --l3: #26a641; --l4: #39d353; }
              figure.chart svg { background: #ffffff; border-radius: 4px; }
            }
            body { font-family: system-ui, sans-serif; color: var(--ink); background: var(--paper); margin: 2rem auto; max-width: 72rem; padding: 0 1rem; line-height: 1.45; }
            header p, .empty, .summary { color: var(--muted); }
            section { border-top: 1px solid var(--line); margin-top: 1.5rem; }
            figure.chart { margin: 1rem 0; overflow-x: auto; }
            figure.chart svg { max-width: 100%; height: auto; }
            .overdue { color: var(--late); font-weight: 600; }
            .drifting { color: var(--drift); }
            .done { color: var(--muted); text-decoration: line-through; }
            .non-negotiable { font-weight: 600; }
            .milestone { list-style-type: "\\25C6  "; }
            .warning { color: var(--drift); }
            table { border-collapse: collapse; }
            th, td { border-bottom: 1px solid var(--line); padding: 0.2rem 0.8rem; text-align: left; }
            tr.over td { color: var(--late); font-weight: 600; }
            .client.failed td { color: var(--late); }
            .heatmap { display: grid; grid-template-rows: repeat(7, 0.7rem); grid-auto-flow: column; grid-auto-columns: 0.7rem; gap: 2px; }
            .heatmap .day { background: var(--l0); border-radius: 2px; }
            .heatmap .l1 { background: var(--l1); } .heatmap .l2 { background: var(--l2); }
            .heatmap .l3 { background: var(--l3); } .heatmap .l4 { background: var(--l4); }
            @media print {
              :root { --ink: #000000; --paper: #ffffff; --muted: #333333; }
              body { margin: 0; max-width: none; font-size: 10pt; }
              section { break-inside: avoid; }
              figure.chart { overflow: visible; }
              a { color: inherit; text-decoration: none; }
              .heatmap .day { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
            }

            """
        for row in 1...7 {
            css += ".heatmap.start-\(row - 1) .day:first-child { grid-row-start: \(row); }\n"
        }
        for code in DiagnosticCode.allCases where code.rawValue.hasPrefix("W") {
            css += ".\(HTMLExport.codeClass(code)) { border-left: 3px solid var(--drift); padding-left: 0.4rem; }\n"
        }
        return css
    }()

    /// What the Content-Security-Policy allows: nothing but this style sheet.
    static let policy = "default-src 'none'; style-src 'sha256-\(SHA256.base64(SHA256.digest(Array(styleSheet.utf8))))'; "
        + "img-src 'none'; base-uri 'none'; form-action 'none'"

    mutating func raw(_ line: String) {
        out += line + "\n"
    }

    mutating func open(title: String, subtitle: String) {
        raw("<!DOCTYPE html>")
        raw("<html lang=\"en\">")
        raw("<head>")
        raw("<meta charset=\"utf-8\">")
        raw("<meta http-equiv=\"Content-Security-Policy\" content=\"\(Self.policy)\">")
        raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        raw("<meta name=\"color-scheme\" content=\"light dark\">")
        raw("<meta name=\"generator\" content=\"plan\">")
        raw("<title>\(Self.escape(title))</title>")
        out += "<style>" + Self.styleSheet + "</style>\n"
        raw("</head>")
        raw("<body>")
        raw("<header>")
        element("h1", class: "title", title)
        element("p", class: "today", subtitle)
        raw("</header>")
    }

    mutating func close() {
        raw("</body>")
        raw("</html>")
    }

    mutating func section(_ id: String, _ heading: String) {
        raw("<section id=\"\(id)\">")
        raw("<h2>\(Self.escape(heading))</h2>")
    }

    mutating func endSection() {
        raw("</section>")
    }

    mutating func element(_ name: String, class className: String, _ text: String) {
        raw("<\(name) class=\"\(className)\">\(Self.escape(text))</\(name)>")
    }

    /// An SVG export inline: without its XML declaration, and with a
    /// `<title>` that screen readers read for the picture.
    mutating func svg(_ document: String, title: String) {
        var lines = document.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.first?.hasPrefix("<?xml") ?? false { lines.removeFirst() }
        guard let first = lines.first, first.hasPrefix("<svg ") else {
            out += lines.joined(separator: "\n")
            return
        }
        raw("<svg role=\"img\" aria-labelledby=\"timeline-title\" " + first.dropFirst(5))
        raw("<title id=\"timeline-title\">\(Self.escape(title))</title>")
        out += lines.dropFirst().joined(separator: "\n")
        if !out.hasSuffix("\n") { out += "\n" }
    }

    /// Text and attribute values: the five characters HTML gives meaning to,
    /// and no control character, as the SVG export escapes them.
    static func escape(_ text: String) -> String {
        SVGWriter.escape(text)
    }
}
