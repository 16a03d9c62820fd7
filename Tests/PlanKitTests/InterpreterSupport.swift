import Foundation
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The day every interpreter test runs on: 2026-06-30.
let testToday = Day(lastDayOfYear: 2026, month: 6)

/// A plan with one of everything, for tests that ask about it.
let samplePlan = """
vision "Ship and be home"
value family priority 1 non-negotiable note "Home by 6"
value health priority 2
value impact priority 3
skill "pm" level 2 target 4
skill "comms" level 3 target 4
skill "strategy" level 1 target 3
goal "Launch"
    role "Product Lead"
    needs skill "pm", "comms" at 3, "strategy"
    serves impact, family
    by 2026-09
goal "Head"
    after "Launch"
    needs skill "strategy" at 4
    serves impact
    by 2029-12
goal "Old" by 2026-01-15 done
goal "Late" by 2026-03 doing
milestone "Shadow" for "Launch" by 2026-05-15 done
milestone "Pitch" for "Launch" by 2026-06-01
mentor "Jordan" helps "strategy", "pm" note "monthly"

"""

/// An interpreter that has run `text`, with what came out, one line per outcome.
struct Session {
    var interpreter = Interpreter(today: testToday, reader: FileReader())
    var lines: [String] = []

    /// Nothing run yet: the first source loaded is source 0.
    init() {}

    init(_ text: String) {
        run(text)
    }

    mutating func run(_ text: String) {
        lines += interpreter.run(Source(name: "test.plan", text: text)).map(describe)
    }

    mutating func load(_ path: String) {
        lines += interpreter.load(path: path).map(describe)
    }

    /// The diagnostics of the outcomes, whole, for tests of hints and notes.
    mutating func diagnostics(of text: String) -> [Diagnostic] {
        interpreter.run(Source(name: "test.plan", text: text)).compactMap {
            if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil }
        }
    }

    /// An answer as its value; a diagnostic as its code, its message and the
    /// source text it points at.
    func describe(_ outcome: Outcome) -> String {
        switch outcome {
        case .answer(let value, _, _): return show(value, in: interpreter.plan)
        case .diagnostic(let diagnostic): return describe(diagnostic)
        }
    }

    func describe(_ diagnostic: Diagnostic) -> String {
        let text = interpreter.sources[diagnostic.range.source]?.text(diagnostic.range) ?? ""
        return "\(diagnostic.code.rawValue) \(diagnostic.message) @\(text)"
    }
}

/// The answers to the questions in `text`, asked after `samplePlan`.
func ask(_ text: String) -> [String] {
    var session = Session(samplePlan)
    session.lines = []
    session.run(text)
    return session.lines
}

/// A value written compactly and unambiguously: strings quoted, entities
/// with their kind, groups as `key: items`.
func show(_ value: Value, in plan: Plan) -> String {
    switch value {
    case .none: return "none"
    case .bool(let flag): return String(flag)
    case .number(let number):
        return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    case .string(let text): return "\"\(text)\""
    case .date(let day): return day.description
    case .duration(let duration): return "<\(duration)>"
    case .list(let items): return "[" + items.map { show($0, in: plan) }.joined(separator: ", ") + "]"
    case .entity(let kind, let index): return "\(kind.info.word(plan, index)) \"\(plan.name(of: kind, at: index)?.text ?? "?")\""
    case .group(let key, let items): return "{\(show(key, in: plan)): \(show(.list(items), in: plan))}"
    case .gap(let gap): return "gap \"\(plan.name(of: .skill, at: gap.skill)?.text ?? "?")\" \(gap.level) of \(gap.needed)"
    }
}

/// A fresh folder for files a test writes; removed by `cleanUp`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.path + "/plan-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path + "/" + name))
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
