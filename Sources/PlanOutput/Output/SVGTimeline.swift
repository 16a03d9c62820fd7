import PlanCore
import PlanSyntax
import PlanKit

/// `plan export --format svg`: the plan as a timeline picture. One row per
/// dated goal, earliest due first: a bar from when the goal starts (its
/// `start`, else the latest due date of its `after` goals, else today) to its due date,
/// colored by the first value it serves; its milestones are diamonds on its
/// row. A quarter axis, a line for today, done goals muted, overdue goals
/// and milestones outlined in red. Coordinates are rounded to one decimal,
/// so the same plan always draws the same file.
public enum SVGTimeline {
    static let palette = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#e15759"]
    static let noValueColor = "#a0a4aa"

    private struct Row {
        var label: String
        var detail: String
        var goal: Goal?
        /// nil: from the left edge of the chart (a goal already past due
        /// that nothing else dates the start of).
        var start: Day?
        var due: Day?
        var color: String
        var milestones: [Milestone]
    }

    public static func render(_ plan: Plan, today: Day) -> String {
        let facts = PlanFacts(plan, today: today)
        let (colorOf, legend) = colors(plan, facts)
        let rows = self.rows(plan, facts, colorOf: colorOf)
        let undated = plan.goals.filter { $0.due == nil }.map(\.name.text)
        let capacity = SVGCapacity(plan)
        var chart = Chart(rows: rows, axis: axis(rows, today: today), legend: legendEntries(legend, rows),
                          undated: !undated.isEmpty, facts: facts, below: capacity == nil ? 0 : SVGCapacity.height)
        chart.header(plan.vision.map { shorten($0, to: 120) } ?? "as of \(today)")
        chart.zebra()
        chart.axisLines()
        chart.bars()
        chart.todayLine()
        if !undated.isEmpty {
            chart.svg.text(shorten("Without a date: " + undated.joined(separator: ", "), to: 130), x: 24, y: chart.chartBottom + 48,
                           attributes: "font-size=\"12\" fill=\"#777\"")
        }
        capacity?.draw(into: &chart.svg, top: chart.height - SVGCapacity.height, width: Chart.width)
        chart.svg.raw("</svg>")
        return chart.svg.out
    }

    /// Each value that colors some goal gets a color, in priority order.
    private static func colors(_ plan: Plan, _ facts: PlanFacts) -> (colorOf: [String: String], legend: [(String, String)]) {
        let ranked = facts.valuesByPriority.compactMap { plan.name(of: .value, at: $0)?.text }
        let firstValues = Set(plan.goals.compactMap { $0.due == nil ? nil : $0.serves.first?.text })
        var colorOf: [String: String] = [:]
        var legend: [(String, String)] = []
        for value in ranked where firstValues.contains(value) {
            let color = palette[legend.count % palette.count]
            colorOf[value] = color
            legend.append((value, color))
        }
        return (colorOf, legend)
    }

    /// One row per dated goal, earliest due first, then the milestones of
    /// goals without a date.
    private static func rows(_ plan: Plan, _ facts: PlanFacts, colorOf: [String: String]) -> [Row] {
        let today = facts.today
        let goals = plan.goals
        let allMilestones = plan.milestones
        let datedGoals = goals.indices
            .filter { goals[$0].due != nil }
            .sorted { left, right in
                let l = goals[left].due?.ordinal ?? 0
                let r = goals[right].due?.ordinal ?? 0
                return l != r ? l < r : left < right
            }
        var rows: [Row] = []
        var onARow = Set<Int>()
        for index in datedGoals {
            let goal = goals[index]
            guard let due = goal.due else { continue }
            let ready = goal.after.compactMap { facts.goal(named: $0.text)?.due }.max()
            let milestones = facts.milestones(of: index).filter { allMilestones[$0].due != nil }
            let firstMilestone = milestones.compactMap { allMilestones[$0].due }.min()
            var start = ready.map { min($0, due) } ?? (due < today ? nil : today)
            if let firstMilestone, ready == nil { start = min(start ?? firstMilestone, firstMilestone) }
            // A declared start says when the work begins, past or future.
            if let declared = goal.start { start = min(declared, firstMilestone ?? declared, due) }
            onARow.formUnion(milestones)
            var detail = "by \(due)"
            if let role = goal.role { detail += " · " + role }
            if goal.done {
                detail += " · done"
            } else if facts.isOverdue(goal) {
                detail += " · overdue"
            } else if goal.status == .doing {
                detail += " · in progress"
            }
            rows.append(Row(label: goal.name.text, detail: detail, goal: goal, start: start, due: due,
                            color: goal.serves.first.flatMap { colorOf[$0.text] } ?? noValueColor,
                            milestones: milestones.map { allMilestones[$0] }))
        }
        let loose = allMilestones.indices.filter { !onARow.contains($0) && allMilestones[$0].due != nil }
        if !loose.isEmpty {
            rows.append(Row(label: "Other milestones", detail: "of goals without a date", goal: nil, start: today, due: nil,
                            color: noValueColor, milestones: loose.map { allMilestones[$0] }))
        }
        return rows
    }

    /// The axis runs over whole quarters around everything shown and today,
    /// half a year at least.
    private static func axis(_ rows: [Row], today: Day) -> (start: Day, end: Day, today: Day) {
        var earliest = today
        var latest = today
        for row in rows {
            for day in [row.start, row.due].compactMap({ $0 }) {
                earliest = min(earliest, day)
                latest = max(latest, day)
            }
            for milestone in row.milestones {
                if let due = milestone.due { earliest = min(earliest, due); latest = max(latest, due) }
            }
        }
        var start = earliest.quarterStart
        var end = latest.quarterStart.adding(Duration(months: 3))
        if end.ordinal - start.ordinal < 180 { end = start.adding(Duration(months: 6)) }
        // The axis stops where the calendar does, after 9999-12-31: no year
        // 10000 on it; one too short is widened backwards instead.
        let afterCalendar = Day(ordinal: Day.latest.ordinal + 1)
        if end > afterCalendar {
            end = afterCalendar
            start = min(start, end.adding(Duration(months: -6)))
        }
        return (start, end, today)
    }

    private static func legendEntries(_ legend: [(String, String)], _ rows: [Row]) -> [(label: String, swatch: String)] {
        var entries = legend.map { (label: shorten($0.0, to: 24), swatch: "<rect width=\"14\" height=\"12\" rx=\"3\" fill=\"\($0.1)\"/>") }
        if rows.contains(where: { $0.goal != nil && $0.color == noValueColor }) {
            entries.append(("no value", "<rect width=\"14\" height=\"12\" rx=\"3\" fill=\"\(noValueColor)\"/>"))
        }
        entries.append(("milestone", "<path d=\"\(diamond(7, 6, 6))\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.5\"/>"))
        entries.append(("reached", "<path d=\"\(diamond(7, 6, 6))\" fill=\"#333\"/>"))
        return entries
    }

    /// The picture as it is drawn: its measures, decided once, and a
    /// method for each layer, back to front.
    private struct Chart {
        static let width = 1000.0
        static let chartLeft = 320.0
        static let chartRight = width - 40
        static let rowHeight = 58.0

        let rows: [Row]
        let axisStart: Day
        let axisEnd: Day
        let today: Day
        let facts: PlanFacts
        /// Legend entries flow left to right and wrap; the chart starts below them.
        let placed: [(x: Double, y: Double, label: String, swatch: String)]
        let chartTop: Double
        let chartBottom: Double
        let height: Double
        let span: Double
        var svg = SVGWriter()

        init(rows: [Row], axis: (start: Day, end: Day, today: Day), legend entries: [(label: String, swatch: String)],
             undated: Bool, facts: PlanFacts, below: Double) {
            self.rows = rows
            (axisStart, axisEnd, today) = axis
            self.facts = facts
            var placed: [(x: Double, y: Double, label: String, swatch: String)] = []
            var legendX = 24.0
            var legendY = 92.0
            for entry in entries {
                let entryWidth = 20 + Double(entry.label.count) * 7.2 + 20
                if legendX + entryWidth > Chart.width - 24 && legendX > 24 {
                    legendX = 24
                    legendY += 22
                }
                placed.append((legendX, legendY, entry.label, entry.swatch))
                legendX += entryWidth
            }
            self.placed = placed
            chartTop = legendY + 62
            chartBottom = chartTop + Double(max(1, rows.count)) * Chart.rowHeight
            height = chartBottom + (undated ? 64 : 40) + below
            span = Double(max(1, axisEnd.ordinal - axisStart.ordinal))
        }

        func x(_ day: Day) -> Double {
            Chart.chartLeft + (Chart.chartRight - Chart.chartLeft) * Double(day.ordinal - axisStart.ordinal) / span
        }

        mutating func header(_ subtitle: String) {
            let width = Chart.width
            svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">")
            svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
            svg.text("Career plan timeline", x: 24, y: 38, attributes: "font-size=\"22\" font-weight=\"bold\" fill=\"#222\"")
            svg.text(subtitle, x: 24, y: 62, attributes: "font-size=\"13\" fill=\"#666\" font-style=\"italic\"")
            for entry in placed {
                svg.raw("<g transform=\"translate(\(n(entry.x)) \(n(entry.y - 10)))\">\(entry.swatch)</g>")
                svg.text(entry.label, x: entry.x + 20, y: entry.y, attributes: "font-size=\"12\" fill=\"#333\"")
            }
        }

        /// Zebra rows behind everything else.
        mutating func zebra() {
            for position in rows.indices where position % 2 == 1 {
                let top = chartTop + Double(position) * Chart.rowHeight
                svg.raw("<rect x=\"16\" y=\"\(n(top))\" width=\"\(n(Chart.width - 32))\" height=\"\(n(Chart.rowHeight))\" fill=\"#f6f7f9\"/>")
            }
        }

        /// Month ticks, quarter lines and labels, years above them; finer
        /// marks are left out when they would crowd, and over decades only
        /// every second, fifth, tenth... year is labelled.
        mutating func axisLines() {
            let plotWidth = Chart.chartRight - Chart.chartLeft
            let quarterWidth = plotWidth * 91.31 / span
            let yearWidth = plotWidth * 365.25 / span
            let yearStep = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].first { yearWidth * Double($0) >= 44 } ?? 10000
            var month = axisStart
            while month < axisEnd {
                let left = x(month)
                let (year, monthNumber, _) = month.components
                let isQuarter = (monthNumber - 1) % 3 == 0
                let isLabelledYear = monthNumber == 1 && year % yearStep == 0
                let drawn = isLabelledYear || (isQuarter ? quarterWidth >= 6 : plotWidth * 30.44 / span >= 12)
                if drawn {
                    let stroke = isQuarter ? "#d5d8dd" : "#eceef1"
                    svg.raw("<line x1=\"\(n(left))\" y1=\"\(n(chartTop - 8))\" x2=\"\(n(left))\" y2=\"\(n(chartBottom))\" stroke=\"\(stroke)\" stroke-width=\"1\"/>")
                }
                if isQuarter && quarterWidth >= 26 {
                    svg.text("Q\(month.quarter)", x: left + quarterWidth / 2, y: chartTop - 14,
                             attributes: "font-size=\"11\" fill=\"#777\" text-anchor=\"middle\"")
                }
                let yearAttributes = "font-size=\"13\" font-weight=\"bold\" fill=\"#444\" text-anchor=\"middle\""
                if yearStep == 1 && (monthNumber == 1 || month == axisStart) {
                    let yearEnd = min(axisEnd, Day(lastDayOfYear: year, month: 12).adding(Duration(days: 1)))
                    svg.text(String(year), x: (left + x(yearEnd)) / 2, y: chartTop - 32, attributes: yearAttributes)
                } else if yearStep > 1 && isLabelledYear {
                    svg.text(String(year), x: left, y: chartTop - 32, attributes: yearAttributes)
                }
                month = month.adding(Duration(months: 1))
            }
            svg.raw("<line x1=\"\(n(Chart.chartRight))\" y1=\"\(n(chartTop - 8))\" x2=\"\(n(Chart.chartRight))\" y2=\"\(n(chartBottom))\" stroke=\"#d5d8dd\" stroke-width=\"1\"/>")
            if rows.isEmpty {
                svg.text("Nothing on the plan has a date yet.", x: Chart.chartLeft + 12, y: chartTop + 28,
                         attributes: "font-size=\"13\" fill=\"#777\"")
            }
        }

        mutating func bars() {
            for (position, row) in rows.enumerated() {
                bar(row, top: chartTop + Double(position) * Chart.rowHeight)
            }
        }

        private mutating func bar(_ row: Row, top: Double) {
            let barMiddle = top + 29
            let done = row.goal?.done ?? false
            let overdue = row.goal.map { facts.isOverdue($0) } ?? false
            svg.raw("<g>")
            svg.element("title", row.label + " (" + row.detail + ")")
            svg.text(shorten(row.label, to: 38), x: 24, y: top + 26,
                     attributes: "font-size=\"13\" font-weight=\"bold\" fill=\"\(done ? "#999" : "#222")\"")
            svg.text(shorten(row.detail, to: 46), x: 24, y: top + 42,
                     attributes: "font-size=\"11\" fill=\"\(overdue ? "#c0392b" : "#888")\"")
            if let due = row.due {
                let left = x(row.start ?? axisStart)
                let right = x(due)
                if overdue {
                    // How late it is: a thin red line from the due date to today.
                    svg.raw("<line x1=\"\(n(right))\" y1=\"\(n(barMiddle))\" x2=\"\(n(x(today)))\" y2=\"\(n(barMiddle))\" stroke=\"#c0392b\" stroke-width=\"2\" stroke-dasharray=\"2 2\"/>")
                }
                var style = "fill=\"\(row.color)\""
                if done { style += " fill-opacity=\"0.3\"" }
                if overdue { style += " stroke=\"#c0392b\" stroke-width=\"2\"" }
                svg.raw("<rect x=\"\(n(left))\" y=\"\(n(barMiddle - 7))\" width=\"\(n(max(6, right - left)))\" height=\"14\" rx=\"4\" \(style)/>")
            }
            milestones(row.milestones, barMiddle: barMiddle)
            svg.raw("</g>")
        }

        /// Milestone labels go above the bar, or below when that is taken,
        /// or are left to the tooltip when both are.
        private mutating func milestones(_ milestones: [Milestone], barMiddle: Double) {
            var laneEnds = [-Double.infinity, -Double.infinity]
            for milestone in milestones.sorted(by: { ($0.due?.ordinal ?? 0) < ($1.due?.ordinal ?? 0) }) {
                guard let due = milestone.due else { continue }
                let center = x(due)
                svg.raw("<g>")
                let late = facts.isOverdue(milestone)
                svg.element("title", milestone.name.text + " (" + (milestone.done ? "reached" : late ? "overdue since" : "due") + " \(due))")
                svg.raw("<path d=\"\(diamond(center, barMiddle, 7))\" fill=\"\(milestone.done ? "#333" : "#fff")\" stroke=\"\(late ? "#c0392b" : "#333")\" stroke-width=\"\(late ? "2" : "1.5")\"/>")
                let label = shorten(milestone.name.text, to: 40)
                let labelWidth = Double(label.count) * 6.2
                let endAnchored = center + 9 + labelWidth > Chart.width - 8
                let labelLeft = endAnchored ? center - 9 - labelWidth : center + 9
                if let lane = laneEnds.firstIndex(where: { labelLeft >= $0 + 8 }) {
                    laneEnds[lane] = labelLeft + labelWidth
                    svg.text(label, x: endAnchored ? center - 9 : center + 9, y: lane == 0 ? barMiddle - 10 : barMiddle + 18,
                             attributes: "font-size=\"10\" fill=\"#555\"\(endAnchored ? " text-anchor=\"end\"" : "")")
                }
                svg.raw("</g>")
            }
        }

        /// Today, drawn last so that no bar hides it.
        mutating func todayLine() {
            let todayX = x(today)
            svg.raw("<line x1=\"\(n(todayX))\" y1=\"\(n(chartTop - 8))\" x2=\"\(n(todayX))\" y2=\"\(n(chartBottom + 6))\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>")
            svg.text("today \(today)", x: todayX, y: chartBottom + 20,
                     attributes: "font-size=\"11\" fill=\"#c0392b\" text-anchor=\"middle\"")
        }
    }

    static func diamond(_ x: Double, _ y: Double, _ radius: Double) -> String {
        "M\(n(x)) \(n(y - radius))L\(n(x + radius)) \(n(y))L\(n(x)) \(n(y + radius))L\(n(x - radius)) \(n(y))Z"
    }

    /// At most `limit` characters, with an ellipsis when cut.
    static func shorten(_ text: String, to limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }

    /// One decimal at most: stable text for the same picture.
    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

/// Lines of SVG; every piece of text from the plan goes through `escape`.
struct SVGWriter {
    private(set) var out = ""

    mutating func raw(_ line: String) {
        out += line + "\n"
    }

    mutating func text(_ content: String, x: Double, y: Double, attributes: String) {
        raw("<text x=\"\(SVGTimeline.n(x))\" y=\"\(SVGTimeline.n(y))\" \(attributes)>\(SVGWriter.escape(content))</text>")
    }

    mutating func element(_ name: String, _ content: String) {
        raw("<\(name)>\(SVGWriter.escape(content))</\(name)>")
    }

    /// XML character data and attribute values; characters XML 1.0 forbids
    /// (most C0 controls) are dropped, and so are DEL and the C1 controls,
    /// which it discourages and a terminal showing the SVG may obey, and the
    /// invisible characters that reorder or break a line (`Literal.isHidden`).
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where Literal.isHidden(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
