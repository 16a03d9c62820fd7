import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The "one answer everywhere" property (docs/language.md, "One answer
/// everywhere"): a goal's weekly hours, a quarter's load and capacity, a
/// person's next touch and a drift are the same number in the answers, their
/// JSON, the JSON export, the report, the review (text and JSON), the agenda,
/// the Markdown, the SVG chart and the calendar. Plans from the as-of-a-day generator, a
/// fixed seed; `ONE_ANSWER_CASES` (and `ONE_ANSWER_SEED`) runs more.
@Suite struct OneAnswerEverywherePropertyTests {
    /// The figures as the fields answer them, exactly.
    struct Figures {
        var weekly: [String: Double] = [:]
        var quarters: [String: (load: Double, capacity: Double?)] = [:]
        var nextTouch: [String: Day] = [:]
        var lastProgress: [String: Day] = [:]
    }

    static func number(_ value: Value?) -> Double? {
        if case .number(let number)? = value { return number }
        return nil
    }

    static func day(_ value: Value?) -> Day? {
        if case .date(let day)? = value { return day }
        return nil
    }

    static func text(_ value: Value?) -> String {
        if case .string(let text)? = value { return text }
        return ""
    }

    /// The rows of a `select [...]` answer, and the same answer as `--json` writes it.
    static func rows(_ question: String, _ interpreter: inout Interpreter) -> (rows: [[Value]], json: Any?) {
        for outcome in interpreter.run(Source(name: "q.plan", text: question + "\n")) {
            guard case .answer(let value, _, _) = outcome, case .list(let items) = value else { continue }
            let rows = items.map { item -> [Value] in if case .list(let row) = item { return row } else { return [] } }
            let json = Answers.json(value, plan: interpreter.plan, today: interpreter.today).serialized()
            return (rows, try? JSONSerialization.jsonObject(with: Data(json.utf8)))
        }
        return ([], nil)
    }

    static func parse(_ json: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any] ?? [:]
    }

    /// Lines like `  2027-Q1  ####   |  1.96 of 4.68` of a text chart: the
    /// load and the capacity as shown.
    static func chart(_ text: String) -> [String: (load: Double, capacity: Double?)] {
        var found: [String: (load: Double, capacity: Double?)] = [:]
        for line in text.split(separator: "\n") {
            let words = line.split(separator: " ")
            // A bar (`#`, `!`) or the capacity line (`|`) tells a chart's row from the timeline's quarter.
            guard let name = words.first, name.count == 7, name.contains("-Q"), line.hasPrefix("  "),
                  line.contains("#") || line.contains("|") || line.contains("!") else { continue }
            guard let match = line.firstMatch(of: /([0-9.]+)(?: of ([0-9.]+))?(?:, [0-9.]+ over)?$/) else { continue }
            found[String(name)] = (Double(match.1) ?? -1, match.2.flatMap { Double($0) })
        }
        return found
    }

    /// Equal but for the last bits Foundation's JSON reader may lose.
    static func same(_ read: Any?, _ exact: Double?) -> Bool {
        let number = read as? Double
        guard let number, let exact else { return number == nil && exact == nil }
        return abs(number - exact) <= 1e-9 * max(1, abs(exact))
    }

    static func shown(_ shown: Double?, _ exact: Double?) -> Bool {
        guard let shown, let exact else { return shown == nil && exact == nil }
        return abs(shown - exact) <= 0.0051
    }

    /// Every place a figure appears, compared with the field's answer; the
    /// first difference, said plainly, or nil.
    /// How many figures of each kind a run compared, so that a run that
    /// compares nothing fails.
    struct Tally {
        var charted = 0, touches = 0, agenda = 0, calendar = 0, drifts = 0
    }

    static func difference(_ text: String, today: Day) -> String? {
        var tally = Tally()
        return difference(text, today: today, tally: &tally)
    }

    static func difference(_ text: String, today: Day, tally: inout Tally) -> String? {
        var interpreter = Interpreter(today: today)
        _ = interpreter.run(Source(name: "p.plan", text: text))
        var figures = Figures()
        let goals = rows("goals select [name, weekly, last_progress]", &interpreter)
        for row in goals.rows {
            let name = Self.text(row.first)
            if let weekly = number(row.dropFirst().first) { figures.weekly[name] = weekly }
            if let last = day(row.dropFirst(2).first) { figures.lastProgress[name] = last }
        }
        let quarters = rows("quarters select [name, load, capacity]", &interpreter)
        for row in quarters.rows {
            figures.quarters[Self.text(row.first)] = (number(row.dropFirst().first) ?? .nan, number(row.dropFirst(2).first))
        }
        let contacts = rows("contacts select [name, next_touch]", &interpreter)
        let people = Set(contacts.rows.map { Self.text($0.first) })
        for row in contacts.rows {
            if let next = day(row.dropFirst().first) { figures.nextTouch[Self.text(row.first)] = next }
        }

        // The answers' JSON: the same numbers, unrounded.
        for row in (goals.json as? [[Any]]) ?? [] {
            guard let name = row.first as? String else { continue }
            if !same(row.dropFirst().first, figures.weekly[name]) { return "--json weekly of \(name): \(row)" }
        }
        for row in (quarters.json as? [[Any]]) ?? [] {
            guard let name = row.first as? String, let expected = figures.quarters[name] else { continue }
            if !same(row.dropFirst().first, expected.load) || !same(row.dropFirst(2).first, expected.capacity) {
                return "--json quarter \(name): \(row) against \(expected)"
            }
        }

        let plan = interpreter.asOfToday
        let export = parse(JSONExport.render(plan, today: today))
        for goal in (export["goals"] as? [[String: Any]]) ?? [] {
            let name = goal["name"] as? String ?? ""
            if !same(goal["weekly"], figures.weekly[name]) { return "JSON export weekly of \(name): \(goal["weekly"] ?? "none")" }
        }
        for quarter in (export["quarters"] as? [[String: Any]]) ?? [] {
            let name = quarter["name"] as? String ?? ""
            guard let expected = figures.quarters[name] else { return "JSON export has quarter \(name), the answers do not" }
            if !same(quarter["load"], expected.load) || !same(quarter["capacity"], expected.capacity) {
                return "JSON export quarter \(name): \(quarter) against \(expected)"
            }
        }
        for contact in (export["contacts"] as? [[String: Any]]) ?? [] {
            let name = contact["name"] as? String ?? ""
            if contact["next_touch"] as? String != figures.nextTouch[name]?.description {
                return "JSON export next_touch of \(name): \(contact["next_touch"] ?? "none")"
            }
        }

        let review = StrategyReview(plan, today: today)
        let reviewJSON = parse(review.json().serialized())
        for quarter in (reviewJSON["quarters"] as? [[String: Any]]) ?? [] {
            let name = quarter["name"] as? String ?? ""
            guard let expected = figures.quarters[name] else { return "review --json has quarter \(name), the answers do not" }
            if !same(quarter["load"], expected.load) || !same(quarter["capacity"], expected.capacity) {
                return "review --json quarter \(name): \(quarter) against \(expected)"
            }
        }

        let report = Report(plan: plan, today: today).render()
        let markdown = MarkdownExport.render(plan, today: today)
        for (place, text) in [("report", report), ("review", review.render(color: false))] {
            for (name, bar) in chart(text) {
                guard let expected = figures.quarters[name] else { return "\(place) charts \(name), the answers have no such quarter" }
                tally.charted += 1
                if !shown(bar.load, expected.load) || !shown(bar.capacity, expected.capacity) {
                    return "\(place) shows \(name) as \(bar) against \(expected)"
                }
            }
        }

        for line in markdown.split(separator: "\n") {
            guard let match = line.firstMatch(of: /^\| (\d{4}-Q\d) \| ([0-9.]+) \| ([0-9.]*) \|/) else { continue }
            let name = String(match.1)
            guard let expected = figures.quarters[name] else { return "Markdown has quarter \(name), the answers do not" }
            tally.charted += 1
            if !shown(Double(match.2), expected.load) || !shown(Double(match.3), expected.capacity) {
                return "Markdown shows \(line) against \(expected)"
            }
        }

        // The SVG chart writes each quarter's load above its bar, just before its name.
        let texts = SVGTimeline.render(plan, today: today).matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }
        for (label, name) in zip(texts, texts.dropFirst()) where name.firstMatch(of: /^\d{4}-Q\d$/) != nil {
            guard let expected = figures.quarters[name] else { return "SVG charts \(name), the answers do not" }
            let load = label.firstMatch(of: /^[0-9.]+/).flatMap { Double($0.0) }
            tally.charted += 1
            if !shown(load, expected.load) { return "SVG shows \(name) as \(label) against \(expected)" }
        }

        // A person's next touch: the report's and the Markdown's people to
        // reach, the agenda, the calendar's to-do.
        for line in report.split(separator: "\n") + markdown.split(separator: "\n") {
            guard let match = line.firstMatch(of: /^(?:  |\| )(\d{4}-\d\d-\d\d)(?:  | \| )([a-z]+)(?::| \|)/) else { continue }
            let name = String(match.2)
            guard people.contains(name) else { continue }
            tally.touches += 1
            if figures.nextTouch[name]?.description != String(match.1) {
                return "report or Markdown: \(line) against next touch \(figures.nextTouch[name]?.description ?? "none")"
            }
        }
        for line in Agenda(plan, today: today).jsonLines().split(separator: "\n") {
            let item = parse(String(line))
            guard item["kind"] as? String == "contact", let name = item["name"] as? String else { continue }
            tally.agenda += 1
            if figures.nextTouch[name]?.description != item["date"] as? String {
                return "agenda: \(line) against next touch \(figures.nextTouch[name]?.description ?? "none")"
            }
        }
        // The calendar: each contact's to-do, whatever order its lines come in.
        let calendar = ICalendar.render(plan, today: today).replacingOccurrences(of: "\r\n", with: "\n")
        for block in calendar.components(separatedBy: "BEGIN:VTODO").dropFirst() {
            guard let summary = block.firstMatch(of: /SUMMARY:Be in touch with ([a-z]+)/),
                  let due = block.firstMatch(of: /DUE;VALUE=DATE:(\d{8})/) else { continue }
            tally.calendar += 1
            let name = String(summary.1)
            if figures.nextTouch[name].map({ $0.description.replacingOccurrences(of: "-", with: "") }) != String(due.1) {
                return "calendar: \(name) due \(due.1) against next touch \(figures.nextTouch[name]?.description ?? "none")"
            }
        }

        // A drift: the days W012 counts are the days since the goal's last progress.
        for diagnostic in interpreter.check() where diagnostic.code == .drift {
            guard let match = diagnostic.message.firstMatch(of: /goal "([a-z0-9]+)" (?:for (\d+) days|yet)/) else {
                return "W012 reads: \(diagnostic.message)"
            }
            let name = String(match.1)
            tally.drifts += 1
            let days = figures.lastProgress[name].map { today.ordinal - $0.ordinal }
            if days != match.2.flatMap({ Int($0) }) {
                return "W012 \(diagnostic.message) against last progress \(figures.lastProgress[name]?.description ?? "none")"
            }
        }
        return nil
    }

    @Test func everyFigureIsTheSameNumberWhereverItIsShown() {
        let environment = ProcessInfo.processInfo.environment
        let cases = environment["ONE_ANSWER_CASES"].flatMap { Int($0) } ?? 150
        let seed = environment["ONE_ANSWER_SEED"].flatMap { UInt64($0) } ?? 15
        var generator = AsOfADayPropertyTests.LoggedPlanGenerator(random: SplitMix64(seed: seed))
        var tally = Tally()
        defer {
            #expect(tally.charted > 0 && tally.touches > 0 && tally.agenda > 0 && tally.calendar > 0 && tally.drifts > 0,
                    "compared too little: \(tally)")
        }
        for _ in 0..<cases {
            let (declarations, log) = generator.plan()
            let today = generator.day()
            let text = (declarations + log.map { "log \($0.0) \($0.1)" }).joined(separator: "\n") + "\n"
            guard let difference = Self.difference(text, today: today, tally: &tally) else { continue }
            Issue.record("seed \(seed), as of \(today): \(difference)\nthe plan:\n\(text)")
            return
        }
    }

    /// `review --json` writes the load unrounded and `every` as the JSON
    /// export does.
    @Test func theReviewsJSONWritesFiguresAsTheExportDoes() throws {
        var interpreter = Interpreter(today: Day(year: 2027, month: 1, day: 1) ?? Day(ordinal: 0))
        _ = interpreter.run(Source(name: "p.plan", text: """
            review every 1 month
            capacity 10 hours per week
            goal g effort 15 hours by 2027-02-26
            goal h effort 10.5 hours by 2027-03-01

            """))
        let review = Self.parse(StrategyReview(interpreter.asOfToday, today: interpreter.today).json().serialized())
        let quarter = try #require((review["quarters"] as? [[String: Any]])?.first)
        let load = try #require(quarter["load"] as? Double)
        // 15 hours over 8 weeks and 10.5 over 8.43: 3.1208..., which rounding would make 3.12.
        #expect(abs(load - (15.0 / 8 + 10.5 / (59.0 / 7))) < 1e-9)
        let every = try #require((review["review"] as? [String: Any])?["every"] as? [String: Any])
        #expect(every["months"] as? Double == 1 && every["days"] as? Double == 0)
        #expect(Self.difference("review every 1 month\ncapacity 10 hours per week\ngoal g effort 15 hours by 2027-02-26\n",
                                today: interpreter.today) == nil)
    }
}
