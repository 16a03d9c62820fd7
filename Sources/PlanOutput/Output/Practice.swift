import PlanCore
import PlanSyntax
import PlanKit

/// `plan practice`: one row per client plan, for a coach who keeps one plan
/// per client (docs/cli.md, "A coach's practice"). A row is made from one loaded
/// plan and its diagnostics and keeps only what it shows, so that a practice
/// of hundreds of plans holds hundreds of rows, not hundreds of plans.
public struct PracticeRow: Sendable, Equatable {
    /// The quarter that asks the most hours a week beyond its capacity.
    public struct OverCapacity: Sendable, Equatable {
        public var quarter: String
        public var load: Double
        public var capacity: Double
        public var excess: Double { load - capacity }
    }

    /// Where the first error is, and what it says.
    public struct Failure: Sendable, Equatable {
        /// `file:line:col`, or the file alone when the error has no place.
        public var location: String
        public var message: String
        public var code: String
    }

    /// The path given, or found in a folder.
    public var file: String
    /// The `owner` statement; nil when the plan has none.
    public var owner: String?
    public var lastLog: Day?
    public var daysSinceLog: Int?
    /// W012: goals being worked on with nothing logged for a month.
    public var drifting = 0
    /// W010: people past their cadence.
    public var peopleOverdue = 0
    /// W002 and W009: goals and milestones past their date.
    public var itemsOverdue = 0
    /// W015: the review is past due.
    public var reviewDue = false
    public var overCapacity: OverCapacity?
    /// The first agenda item not yet late, within ten years.
    public var nextDue: Agenda.Item?
    public var errors = 0
    public var firstError: Failure?
    /// The agenda of the next `Agenda.defaultDays`, for `--details`.
    public var agenda: [Agenda.Item] = []

    /// The client's name: the owner, else the file's name without its folder and `.plan`.
    public var client: String {
        if let owner { return owner }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        return base.hasSuffix(".plan") ? String(base.dropLast(5)) : base
    }

    /// What needs the coach: every warning that asks for action.
    public var alarms: Int {
        drifting + peopleOverdue + itemsOverdue + (reviewDue ? 1 : 0) + (overCapacity == nil ? 0 : 1)
    }

    /// The row of a plan that could not be loaded at all.
    public init(file: String, failure: Failure) {
        self.file = file
        errors = 1
        firstError = failure
    }

    /// `diagnostics`: everything loading and checking the plan found, in order.
    public init(file: String, interpreter: Interpreter, diagnostics: [Diagnostic]) {
        self.file = file
        let today = interpreter.today
        let plan = interpreter.asOfToday
        owner = plan.owner
        let errorList = diagnostics.filter { $0.severity == .error }
        errors = errorList.count
        if let first = errorList.first {
            let renderer = DiagnosticRenderer(sources: interpreter.sources)
            let place = renderer.place(first.range)
            firstError = Failure(location: place?.location ?? file, message: first.message, code: first.code.rawValue)
            // What a plan with errors says of itself cannot be trusted, so its row says nothing else.
            return
        }
        for diagnostic in diagnostics where diagnostic.severity == .warning {
            switch diagnostic.code {
            case .drift: drifting += 1
            case .contactOverdue: peopleOverdue += 1
            case .goalOverdue, .milestoneOverdue: itemsOverdue += 1
            case .reviewPastDue: reviewDue = true
            default: break
            }
        }
        lastLog = plan.logs.lazy.map(\.date).filter { $0 <= today }.max()
        daysSinceLog = lastLog.map { today.ordinal - $0.ordinal }
        for quarter in plan.quarters {
            guard quarter.over, let capacity = quarter.capacity else { continue }
            if overCapacity.map({ quarter.load - capacity > $0.excess }) ?? true {
                overCapacity = OverCapacity(quarter: quarter.name.text, load: quarter.load, capacity: capacity)
            }
        }
        nextDue = Agenda(plan, today: today, days: Agenda.maximumDays).upcoming.first
        let near = Agenda(plan, today: today)
        agenda = near.overdue + near.upcoming
    }

    /// Most urgent first: plans with errors (nothing else can be trusted
    /// until they load), then the most alarms, then the longest since the
    /// last log (never logged first), then the soonest next thing due, then
    /// by client and file so that the order never depends on load order.
    public static func urgentFirst(_ left: PracticeRow, _ right: PracticeRow) -> Bool {
        if (left.errors > 0) != (right.errors > 0) { return left.errors > 0 }
        if left.alarms != right.alarms { return left.alarms > right.alarms }
        let (leftSince, rightSince) = (left.daysSinceLog ?? Int.max, right.daysSinceLog ?? Int.max)
        if leftSince != rightSince { return leftSince > rightSince }
        let (leftNext, rightNext) = (left.nextDue?.date.ordinal ?? Int.max, right.nextDue?.date.ordinal ?? Int.max)
        if leftNext != rightNext { return leftNext < rightNext }
        if left.client != right.client { return left.client < right.client }
        return left.file < right.file
    }
}

/// The rows of a practice, laid out for a terminal or as JSON lines.
public struct Practice: Sendable {
    public let today: Day
    /// Most urgent first.
    public let rows: [PracticeRow]

    public init(rows: [PracticeRow], today: Day) {
        self.today = today
        self.rows = rows.sorted(by: PracticeRow.urgentFirst)
    }

    public var failed: Int { rows.count { $0.errors > 0 } }

    /// LATE: goals and milestones past their date.
    static let headers = ["CLIENT", "LAST LOG", "DAYS", "DRIFTING", "PEOPLE OVERDUE", "LATE", "REVIEW", "OVER CAPACITY",
                          "NEXT DUE", "ERRORS"]
    /// Columns whose figures line up on the right.
    static let rightAligned: Set<Int> = [2, 3, 4, 5, 9]

    /// `2027-Q2 +4.5` (hours a week beyond the capacity).
    static func overText(_ over: PracticeRow.OverCapacity?) -> String {
        over.map { "\($0.quarter) +\(Literal.rounded($0.excess))" } ?? "-"
    }

    /// `2027-03-15 goal "Ship it"`.
    static func nextText(_ item: Agenda.Item?) -> String {
        guard let item else { return "-" }
        let name = item.kind == .review ? item.name : Literal.string(item.name)
        return "\(item.date) \(item.kind.rawValue) \(name)"
    }

    static func cells(_ row: PracticeRow) -> [String] {
        let client = Literal.printable(row.client)
        guard row.errors == 0 else {
            return [client, "-", "-", "-", "-", "-", "-", "-", "-", String(row.errors)]
        }
        return [client, row.lastLog?.description ?? "never", row.daysSinceLog.map(String.init) ?? "-",
                String(row.drifting), String(row.peopleOverdue), String(row.itemsOverdue), row.reviewDue ? "due" : "-",
                overText(row.overCapacity), nextText(row.nextDue), String(row.errors)]
    }

    /// A header line, one line a client, a plan with errors followed by its
    /// first error; with `details`, each client's agenda after the table,
    /// every line led by the client's name as org's agenda leads with a category.
    public func render(color: Bool, details: Bool) -> String {
        var out = TextLayout(width: 80, color: color)
        let noun = rows.count == 1 ? "client" : "clients"
        let failures = failed == 0 ? "" : ", " + out.style("\(failed) with errors", .red)
        out.line(out.style("Practice", .bold) + " on \(Agenda.weekday(today)) \(today): \(rows.count) \(noun)" + failures)
        guard !rows.isEmpty else { return out.text }
        out.line("")
        let table = rows.map(Self.cells)
        var widths = Self.headers.map(DisplayWidth.of)
        for cells in table {
            for (column, cell) in cells.enumerated() { widths[column] = max(widths[column], DisplayWidth.of(cell)) }
        }
        func laidOut(_ cells: [String], styles: [TextLayout.Style?]) -> String {
            var line = ""
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
                let styled = styles[column].map { out.style(cell, $0) } ?? cell
                let isLast = column == cells.count - 1
                line += Self.rightAligned.contains(column) ? padding + styled : styled + (isLast ? "" : padding)
                if !isLast { line += "  " }
            }
            return line
        }
        out.line(laidOut(Self.headers, styles: Self.headers.map { _ in .dim }))
        for (row, cells) in zip(rows, table) {
            var styles: [TextLayout.Style?] = cells.map { _ in nil }
            styles[0] = .bold
            if row.errors > 0 { styles[9] = .red }
            if row.drifting > 0 { styles[3] = .yellow }
            if row.peopleOverdue > 0 { styles[4] = .red }
            if row.itemsOverdue > 0 { styles[5] = .red }
            if row.reviewDue { styles[6] = .yellow }
            if row.overCapacity != nil { styles[7] = .red }
            out.line(laidOut(cells, styles: styles))
            if let failure = row.firstError {
                out.line("  " + out.style(Literal.printable(failure.location) + ":", .bold) + " "
                         + out.style("error[\(failure.code)]", .red) + ": " + Literal.printable(failure.message))
            }
        }
        guard details else { return out.text }
        out.heading("Agenda", key: "overdue, then the next \(Agenda.defaultDays) days")
        let clients = rows.map { Literal.printable($0.client) }
        let clientWidth = clients.map(DisplayWidth.of).max() ?? 0
        for (row, client) in zip(rows, clients) {
            for item in row.agenda {
                let name = item.kind == .review ? item.name : Literal.string(item.name)
                let date = item.overdue ? out.style(item.date.description, .red) : item.date.description
                let kind = item.kind.rawValue + String(repeating: " ", count: 9 - item.kind.rawValue.count)
                let padding = String(repeating: " ", count: clientWidth - DisplayWidth.of(client))
                out.line("  " + out.style(client, .bold) + padding + "  \(date)  " + out.style(kind, .dim) + "  \(name): \(item.why)")
            }
        }
        return out.text
    }

    /// One object a client, most urgent first, each on its line
    /// (docs/json-schema.md, "plan practice --json").
    public func jsonLines(details: Bool) -> String {
        rows.map { Self.json($0, details: details).serialized() + "\n" }.joined()
    }

    static func json(_ row: PracticeRow, details: Bool) -> JSON {
        func item(_ item: Agenda.Item) -> JSON {
            .object([("date", .string(item.date.description)), ("overdue", .bool(item.overdue)),
                     ("kind", .string(item.kind.rawValue)), ("name", .string(item.name)), ("why", .string(item.why)),
                     ("goal", item.goal.map(JSON.string) ?? .null)])
        }
        var members: [(String, JSON)] = [
            ("file", .string(row.file)),
            ("client", .string(row.client)),
            ("owner", row.owner.map(JSON.string) ?? .null),
            ("last_log", row.lastLog.map { .string($0.description) } ?? .null),
            ("days_since_log", row.daysSinceLog.map { .number(Double($0)) } ?? .null),
            ("drifting", .number(Double(row.drifting))),
            ("people_overdue", .number(Double(row.peopleOverdue))),
            ("items_overdue", .number(Double(row.itemsOverdue))),
            ("review_due", .bool(row.reviewDue)),
            ("over_capacity", row.overCapacity.map { over in
                .object([("quarter", .string(over.quarter)), ("load", hours(over.load)),
                         ("capacity", hours(over.capacity)), ("excess", hours(over.excess))])
            } ?? .null),
            ("next_due", row.nextDue.map(item) ?? .null),
            ("errors", .number(Double(row.errors))),
            ("first_error", row.firstError.map { failure in
                .object([("location", .string(failure.location)), ("code", .string(failure.code)),
                         ("message", .string(failure.message))])
            } ?? .null),
        ]
        if details { members.append(("agenda", .array(row.agenda.map(item)))) }
        return .object(members)
    }

    /// Hours to the hundredth, as the warnings print them, so that no
    /// floating-point tail reaches a script or a golden file.
    private static func hours(_ value: Double) -> JSON {
        .number((value * 100).rounded() / 100)
    }
}
