import PlanCore
import PlanSyntax
import PlanKit

/// The formats `plan export --format` and the REPL's `:export` know.
public enum ExportFormat: String, CaseIterable, Sendable {
    case json, md, ics, dot, svg, html

    /// `json, md, ics, dot, svg, html`, for usage messages.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The export handed to `sink` in pieces; JSON is written as it is
    /// made, the other formats whole.
    public func write(_ plan: Plan, today: Day, to sink: (String) -> Void) {
        guard self == .json else { return sink(render(plan, today: today)) }
        JSONExport.write(plan, today: today, to: sink)
    }

    public func render(_ plan: Plan, today: Day) -> String {
        switch self {
        case .json: return JSONExport.render(plan, today: today)
        case .md: return MarkdownExport.render(plan, today: today)
        case .ics: return ICalendar.render(plan, today: today)
        case .dot: return Graphviz.render(plan, today: today)
        case .svg: return SVGTimeline.render(plan, today: today)
        case .html: return HTMLExport.render(plan, today: today)
        }
    }
}
