/// `plan export --format svg`: the plan as a timeline picture. One row per
/// dated goal, earliest due first: a bar from when the goal can start (the
/// latest due date of its `after` goals, else today) to its due date,
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

        // Each value that colors some goal gets a color, in priority order.
        let ranked = facts.valuesByPriority.compactMap { plan.name(of: .value, at: $0)?.text }
        let firstValues = Set(plan.goals.compactMap { $0.due == nil ? nil : $0.serves.first?.text })
        var colorOf: [String: String] = [:]
        var legend: [(String, String)] = []
        for value in ranked where firstValues.contains(value) {
            let color = palette[legend.count % palette.count]
            colorOf[value] = color
            legend.append((value, color))
        }

        let datedGoals = plan.goals.indices
            .filter { plan.goals[$0].due != nil }
            .sorted { left, right in
                let l = plan.goals[left].due?.ordinal ?? 0
                let r = plan.goals[right].due?.ordinal ?? 0
                return l != r ? l < r : left < right
            }
        var rows: [Row] = []
        var onARow = Set<Int>()
        for index in datedGoals {
            let goal = plan.goals[index]
            guard let due = goal.due else { continue }
            let ready = goal.after.compactMap { facts.goal(named: $0.text)?.due }.max()
            let milestones = (facts.milestones(of: index)).filter { plan.milestones[$0].due != nil }
            let firstMilestone = milestones.compactMap { plan.milestones[$0].due }.min()
            var start = ready.map { min($0, due) } ?? (due < today ? nil : today)
            if let firstMilestone, ready == nil { start = min(start ?? firstMilestone, firstMilestone) }
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
                            milestones: milestones.map { plan.milestones[$0] }))
        }
        let loose = plan.milestones.indices.filter { !onARow.contains($0) && plan.milestones[$0].due != nil }
        if !loose.isEmpty {
            rows.append(Row(label: "Other milestones", detail: "of goals without a date", goal: nil, start: today, due: nil,
                            color: noValueColor, milestones: loose.map { plan.milestones[$0] }))
        }
        let undated = plan.goals.filter { $0.due == nil }.map(\.name.text)

        // The axis runs over whole quarters around everything shown and today.
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
        let axisStart = quarterStart(earliest)
        var axisEnd = quarterStart(latest).adding(Duration(months: 3))
        if axisEnd.ordinal - axisStart.ordinal < 180 { axisEnd = axisStart.adding(Duration(months: 6)) }

        let width = 1000.0
        let chartLeft = 320.0
        let chartRight = width - 40
        let rowHeight = 58.0

        // Legend entries flow left to right and wrap; the chart starts below them.
        var entries = legend.map { (label: shorten($0.0, to: 24), swatch: "<rect width=\"14\" height=\"12\" rx=\"3\" fill=\"\($0.1)\"/>") }
        if rows.contains(where: { $0.goal != nil && $0.color == noValueColor }) {
            entries.append(("no value", "<rect width=\"14\" height=\"12\" rx=\"3\" fill=\"\(noValueColor)\"/>"))
        }
        entries.append(("milestone", "<path d=\"\(diamond(7, 6, 6))\" fill=\"#fff\" stroke=\"#333\" stroke-width=\"1.5\"/>"))
        entries.append(("reached", "<path d=\"\(diamond(7, 6, 6))\" fill=\"#333\"/>"))
        var placed: [(x: Double, y: Double, label: String, swatch: String)] = []
        var legendX = 24.0
        var legendY = 92.0
        for entry in entries {
            let entryWidth = 20 + Double(entry.label.count) * 7.2 + 20
            if legendX + entryWidth > width - 24 && legendX > 24 {
                legendX = 24
                legendY += 22
            }
            placed.append((legendX, legendY, entry.label, entry.swatch))
            legendX += entryWidth
        }
        let chartTop = legendY + 62
        let chartBottom = chartTop + Double(max(1, rows.count)) * rowHeight
        let height = chartBottom + (undated.isEmpty ? 40 : 64)
        let span = Double(max(1, axisEnd.ordinal - axisStart.ordinal))
        func x(_ day: Day) -> Double { chartLeft + (chartRight - chartLeft) * Double(day.ordinal - axisStart.ordinal) / span }

        var svg = SVGWriter()
        svg.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">")
        svg.raw("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        svg.text("Career plan timeline", x: 24, y: 38, attributes: "font-size=\"22\" font-weight=\"bold\" fill=\"#222\"")
        let subtitle = plan.vision.map { shorten($0, to: 120) } ?? "as of \(today)"
        svg.text(subtitle, x: 24, y: 62, attributes: "font-size=\"13\" fill=\"#666\" font-style=\"italic\"")
        for entry in placed {
            svg.raw("<g transform=\"translate(\(n(entry.x)) \(n(entry.y - 10)))\">\(entry.swatch)</g>")
            svg.text(entry.label, x: entry.x + 20, y: entry.y, attributes: "font-size=\"12\" fill=\"#333\"")
        }

        // Zebra rows behind everything else.
        for position in rows.indices where position % 2 == 1 {
            let top = chartTop + Double(position) * rowHeight
            svg.raw("<rect x=\"16\" y=\"\(n(top))\" width=\"\(n(width - 32))\" height=\"\(n(rowHeight))\" fill=\"#f6f7f9\"/>")
        }

        // Axis: month ticks, quarter lines and labels, years above them;
        // finer marks are left out when they would crowd, and over decades
        // only every second, fifth, tenth... year is labelled.
        let plotWidth = chartRight - chartLeft
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
        svg.raw("<line x1=\"\(n(chartRight))\" y1=\"\(n(chartTop - 8))\" x2=\"\(n(chartRight))\" y2=\"\(n(chartBottom))\" stroke=\"#d5d8dd\" stroke-width=\"1\"/>")

        if rows.isEmpty {
            svg.text("Nothing on the plan has a date yet.", x: chartLeft + 12, y: chartTop + 28,
                     attributes: "font-size=\"13\" fill=\"#777\"")
        }

        for (position, row) in rows.enumerated() {
            let top = chartTop + Double(position) * rowHeight
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
            // Milestone labels go above the bar, or below when that is taken,
            // or are left to the tooltip when both are.
            var laneEnds = [-Double.infinity, -Double.infinity]
            for milestone in row.milestones.sorted(by: { ($0.due?.ordinal ?? 0) < ($1.due?.ordinal ?? 0) }) {
                guard let due = milestone.due else { continue }
                let center = x(due)
                svg.raw("<g>")
                let late = facts.isOverdue(milestone)
                svg.element("title", milestone.name.text + " (" + (milestone.done ? "reached" : late ? "overdue since" : "due") + " \(due))")
                svg.raw("<path d=\"\(diamond(center, barMiddle, 7))\" fill=\"\(milestone.done ? "#333" : "#fff")\" stroke=\"\(late ? "#c0392b" : "#333")\" stroke-width=\"\(late ? "2" : "1.5")\"/>")
                let label = shorten(milestone.name.text, to: 40)
                let labelWidth = Double(label.count) * 6.2
                let endAnchored = center + 9 + labelWidth > width - 8
                let labelLeft = endAnchored ? center - 9 - labelWidth : center + 9
                if let lane = laneEnds.firstIndex(where: { labelLeft >= $0 + 8 }) {
                    laneEnds[lane] = labelLeft + labelWidth
                    svg.text(label, x: endAnchored ? center - 9 : center + 9, y: lane == 0 ? barMiddle - 10 : barMiddle + 18,
                             attributes: "font-size=\"10\" fill=\"#555\"\(endAnchored ? " text-anchor=\"end\"" : "")")
                }
                svg.raw("</g>")
            }
            svg.raw("</g>")
        }

        // Today, drawn last so that no bar hides it.
        let todayX = x(today)
        svg.raw("<line x1=\"\(n(todayX))\" y1=\"\(n(chartTop - 8))\" x2=\"\(n(todayX))\" y2=\"\(n(chartBottom + 6))\" stroke=\"#c0392b\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>")
        svg.text("today \(today)", x: todayX, y: chartBottom + 20,
                 attributes: "font-size=\"11\" fill=\"#c0392b\" text-anchor=\"middle\"")

        if !undated.isEmpty {
            svg.text(shorten("Without a date: " + undated.joined(separator: ", "), to: 130), x: 24, y: chartBottom + 48,
                     attributes: "font-size=\"12\" fill=\"#777\"")
        }
        svg.raw("</svg>")
        return svg.out
    }

    private static func quarterStart(_ day: Day) -> Day {
        let month = (day.quarter - 1) * 3 + 1
        return Day(year: day.year, month: month, day: 1) ?? day
    }

    private static func diamond(_ x: Double, _ y: Double, _ radius: Double) -> String {
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
    /// (most C0 controls) are dropped.
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
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
