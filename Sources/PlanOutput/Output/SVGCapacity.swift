import PlanCore
import PlanSyntax
import PlanKit

/// The capacity chart under the SVG timeline (docs/exports.md, "`svg`"): for each
/// quarter a bar of the hours a week its goals ask, against a step line of
/// the capacity in force (dashed at its average where it steps inside the
/// quarter); a quarter over its average capacity is drawn red and marked.
/// Drawn only for a plan that states a capacity and has quarters ahead.
struct SVGCapacity {
    static let height = 270.0
    static let plotHeight = 170.0
    static let askedColor = "#4e79a7"
    static let overColor = "#e15759"

    let quarters: [Quarter]

    init?(_ plan: Plan) {
        guard !plan.capacities.isEmpty, !plan.quarters.isEmpty else { return nil }
        quarters = plan.quarters
    }

    /// Draws the section from `top` down, `height` tall.
    func draw(into svg: inout SVGWriter, top: Double, width: Double) {
        let n = SVGTimeline.n
        svg.text("Hours a week: asked by quarter, against your capacity", x: 24, y: top + 24,
                 attributes: "font-size=\"15\" font-weight=\"bold\" fill=\"#222\"")
        let left = 80.0
        let right = width - 40
        let plotTop = top + 50
        let plotBottom = plotTop + Self.plotHeight
        let largest = quarters.map { max($0.load, $0.capacitySteps.map(\.hours).max() ?? 0) }.max() ?? 0
        let step = Self.tickStep(largest)
        let ceiling = max(step, (largest / step).rounded(.up) * step)
        func y(_ hours: Double) -> Double { plotBottom - Self.plotHeight * hours / ceiling }

        var tick = 0.0
        while tick <= ceiling + step / 2 {
            svg.raw("<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(right))\" y2=\"\(n(y(tick)))\" stroke=\"#e3e5e8\" stroke-width=\"1\"/>")
            svg.text(Literal.rounded(tick), x: left - 8, y: y(tick) + 4, attributes: "font-size=\"11\" fill=\"#777\" text-anchor=\"end\"")
            tick += step
        }
        let slot = (right - left) / Double(quarters.count)
        let barWidth = min(60, slot * 0.6)
        for (position, quarter) in quarters.enumerated() {
            let middle = left + slot * (Double(position) + 0.5)
            let color = quarter.over ? Self.overColor : Self.askedColor
            let barTop = y(quarter.load)
            svg.raw("<rect x=\"\(n(middle - barWidth / 2))\" y=\"\(n(barTop))\" width=\"\(n(barWidth))\" height=\"\(n(plotBottom - barTop))\" fill=\"\(color)\"/>")
            // Over capacity, the label says by how much: the bar already shows the load.
            let excess = quarter.capacity.map { quarter.load - $0 } ?? 0
            svg.text(Literal.rounded(quarter.load) + (quarter.over ? ", \(Literal.rounded(excess)) over" : ""), x: middle, y: barTop - 6,
                     attributes: "font-size=\"11\" fill=\"\(quarter.over ? Self.overColor : "#333")\" text-anchor=\"middle\""
                        + (quarter.over ? " font-weight=\"bold\"" : ""))
            if slot >= 40 || position % 2 == 0 {
                svg.text(quarter.name.text, x: middle, y: plotBottom + 18, attributes: "font-size=\"11\" fill=\"#333\" text-anchor=\"middle\"")
            }
            // The capacity line steps where a `capacity ... from` line
            // starts a new amount, at that day's place in the quarter's slot.
            let days = Double(quarter.end.ordinal + 1 - quarter.start.ordinal)
            func x(_ day: Int) -> Double { left + slot * (Double(position) + Double(day - quarter.start.ordinal) / days) }
            let steps = quarter.capacitySteps
            for (index, step) in steps.enumerated() {
                let end = index + 1 < steps.count ? steps[index + 1].from.ordinal : quarter.end.ordinal + 1
                // The first step from the slot's start: the past days of the current quarter keep today's capacity.
                let start = index == 0 ? quarter.start.ordinal : step.from.ordinal
                svg.raw("<line x1=\"\(n(x(start)))\" y1=\"\(n(y(step.hours)))\" x2=\"\(n(x(end)))\" y2=\"\(n(y(step.hours)))\" stroke=\"#222\" stroke-width=\"2.5\"/>")
                if index > 0 {
                    svg.raw("<line x1=\"\(n(x(step.from.ordinal)))\" y1=\"\(n(y(steps[index - 1].hours)))\" x2=\"\(n(x(step.from.ordinal)))\" y2=\"\(n(y(step.hours)))\" stroke=\"#222\" stroke-width=\"1\"/>")
                }
            }
            // Where it steps inside the quarter, the load is measured against the average, dashed.
            if steps.count > 1, let capacity = quarter.capacity {
                svg.raw("<line x1=\"\(n(x(quarter.start.ordinal)))\" y1=\"\(n(y(capacity)))\" x2=\"\(n(x(quarter.end.ordinal + 1)))\" y2=\"\(n(y(capacity)))\" stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>")
            }
        }
        let keyY = plotBottom + 44
        svg.raw("<rect x=\"24\" y=\"\(n(keyY - 10))\" width=\"14\" height=\"12\" fill=\"\(Self.askedColor)\"/>")
        svg.text("hours a week asked", x: 44, y: keyY, attributes: "font-size=\"12\" fill=\"#333\"")
        svg.raw("<rect x=\"190\" y=\"\(n(keyY - 10))\" width=\"14\" height=\"12\" fill=\"\(Self.overColor)\"/>")
        svg.text("over capacity", x: 210, y: keyY, attributes: "font-size=\"12\" fill=\"#333\"")
        svg.raw("<line x1=\"320\" y1=\"\(n(keyY - 4))\" x2=\"348\" y2=\"\(n(keyY - 4))\" stroke=\"#222\" stroke-width=\"2.5\"/>")
        svg.text("capacity after your non-negotiables", x: 354, y: keyY, attributes: "font-size=\"12\" fill=\"#333\"")
    }

    /// A round step giving four to eight gridlines.
    static func tickStep(_ largest: Double) -> Double {
        guard largest > 0 else { return 1 }
        for step in [1.0, 2, 5, 10, 20, 50, 100] where largest / step <= 8 { return step }
        return (largest / 8).rounded(.up)
    }
}
