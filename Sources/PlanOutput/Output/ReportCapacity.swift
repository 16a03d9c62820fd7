import PlanCore
import PlanSyntax
import PlanKit

/// The load against capacity as bars of characters (docs/exports.md, "`plan report`"), for
/// the report and the review: people would rather see it than read it. One
/// line a quarter, 80 columns at most:
///
///     2027-Q1  ##############!!!!!|            14.5 of 10  over
///
/// `#` the hours a week asked within the capacity, `!` those beyond it, `|`
/// the capacity itself. Every quarter shares one scale. Where the capacity
/// steps inside a quarter, a line under its bar says where, since the
/// figure is their average:
///
///              capacity 8 from 2027-07-01, 4 from 2027-07-15, 8 from 2027-09-01
struct CapacityChart {
    struct Bar {
        var name: String
        var capacity: Double?
        var load: Double
        var over: Bool
        var steps: [CapacityStep] = []
    }

    let bars: [Bar]

    init(_ quarters: [Quarter]) {
        bars = quarters.map { Bar(name: $0.name.text, capacity: $0.capacity, load: $0.load, over: $0.over, steps: $0.capacitySteps) }
    }

    init(bars: [Bar]) { self.bars = bars }

    /// The key under the section heading.
    static let key = "# asked  ! over capacity  | capacity, hours a week"

    /// The bar lines; none when no quarter is worked out.
    func render(into out: inout TextLayout) {
        // The name, the bar and the figures after it fit in the width.
        let cells = max(10, out.width - 2 - 7 - 2 - 2 - 22)
        let largest = bars.map { max($0.load, $0.capacity ?? 0) }.max() ?? 0
        let scale = largest > 0 ? Double(cells) / largest : 0
        for bar in bars {
            let filled = Int((bar.load * scale).rounded())
            let mark = bar.capacity.map { Int(($0 * scale).rounded()) }
            var within = ""
            var beyond = ""
            var rest = ""
            for cell in 0...cells {
                if cell < filled {
                    if let mark, cell >= mark { beyond += "!" } else { within += "#" }
                } else {
                    rest += cell == mark ? "|" : " "
                }
            }
            let figures = bar.capacity.map { capacity in
                let (load, of) = Literal.rounded(bar.load, apartFrom: capacity)
                return load + " of " + of
            } ?? Literal.rounded(bar.load)
            let tail = bar.over ? out.style(beyond, .red) + rest + "  " + figures + "  " + out.style("over", .red)
                : beyond + rest + "  " + figures
            out.line("  " + bar.name + "  " + within + tail)
            if bar.steps.count > 1 {
                let steps = bar.steps.map { "\(Literal.rounded($0.hours)) from \($0.from)" }
                out.line("  " + String(repeating: " ", count: DisplayWidth.of(bar.name) + 2) + out.style("capacity " + steps.joined(separator: ", "), .dim))
            }
        }
    }
}

extension Report {
    /// The report's capacity section, only for a plan that states its
    /// capacity: without it there is nothing to draw the load against.
    func capacity(into out: inout TextLayout) {
        guard !plan.capacities.isEmpty, !plan.quarters.isEmpty else { return }
        out.heading("Capacity", key: CapacityChart.key)
        CapacityChart(plan.quarters).render(into: &out)
    }
}
