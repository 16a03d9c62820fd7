import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// `parse(fmt(x))` builds the same plan as `parse(x)` (docs/formatter.md, "Guarantees"): the
/// same entities with the same fields, the same answers to the questions and
/// the same problems found, on generated plans and on every sample.
@Suite struct FormatterRoundTripTests {
    private static let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples")

    @Test func generatedPlansBuildTheSamePlan() throws {
        var generator = PlanGenerator(random: SplitMix64(seed: 4))
        for _ in 0..<200 {
            let text = generator.plan()
            let formatted = try #require(Formatter.format(Source(name: "generated.plan", text: text)).text,
                                         "generated plan does not parse:\n\(text)")
            var original = Interpreter(today: Self.today, reader: FileReader())
            var reformatted = Interpreter(today: Self.today, reader: FileReader())
            let before = Self.outline(original.run(Source(name: "generated.plan", text: text)), of: original)
            let after = Self.outline(reformatted.run(Source(name: "generated.plan", text: formatted)), of: reformatted)
            #expect(after.serialized() == before.serialized(), "fmt changed the plan of:\n\(text)\n--- into:\n\(formatted)")
        }
    }

    /// Each sample against a copy of the samples folder in which every file
    /// (the included ones too) has been formatted.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: samples.path), "no Samples folder"))
    func samplesBuildTheSamePlan() throws {
        let manager = FileManager.default
        let samples = Self.samples
        let copy = manager.temporaryDirectory.appendingPathComponent("plan-roundtrip-\(UUID().uuidString)")
        try manager.copyItem(at: samples, to: copy)
        defer { try? manager.removeItem(at: copy) }

        let files = try manager.subpathsOfDirectory(atPath: copy.path).filter { $0.hasSuffix(".plan") }.sorted()
        for file in files {
            let url = copy.appendingPathComponent(file)
            let source = Source(name: file, bytes: [UInt8](try Data(contentsOf: url)))
            let formatted = try #require(Formatter.format(source).text, "\(file) does not parse")
            try Data(formatted.utf8).write(to: url)
        }
        for file in files where !file.contains("/") {
            var original = Interpreter(today: Self.today, reader: FileReader())
            var reformatted = Interpreter(today: Self.today, reader: FileReader())
            let before = Self.outline(original.load(path: samples.appendingPathComponent(file).path), of: original)
            let after = Self.outline(reformatted.load(path: copy.appendingPathComponent(file).path), of: reformatted)
            #expect(after.serialized() == before.serialized(), "fmt changed the plan of \(file)")
            #expect(original.plan.goals.count > 0, "\(file) declares no goal")
        }
    }

    @Test func theOutlineSeesAChangedClause() {
        var first = Interpreter(today: Self.today, reader: FileReader())
        var second = Interpreter(today: Self.today, reader: FileReader())
        let a = Self.outline(first.run(Source(name: "a.plan", text: "goal G by 2027-06 doing\n")), of: first)
        let b = Self.outline(second.run(Source(name: "a.plan", text: "goal G by 2027-06\n")), of: second)
        #expect(a.serialized() != b.serialized())
    }

    /// Everything a plan is, in declaration order, with the answers and
    /// problems of loading and checking it. Positions are left out and the
    /// problems sorted, since formatting moves clauses and problems come in
    /// source order.
    static func outline(_ outcomes: [Outcome], of interpreter: Interpreter) -> JSON {
        let plan = interpreter.plan
        var answers: [JSON] = []
        var problems: [JSON] = []
        for outcome in outcomes {
            switch outcome {
            case .answer(let value, _, _): answers.append(.string(Answers.text(value, plan: plan, today: interpreter.today)))
            case .diagnostic(let diagnostic): problems.append(problem(diagnostic))
            }
        }
        problems += interpreter.check().map(problem)
        return .object([
            ("vision", optional(plan.vision)),
            ("values", .array(plan.values.map { value in
                .object([("name", .string(value.name.text)), ("priority", optional(value.priority)),
                         ("non_negotiable", .bool(value.nonNegotiable)), ("note", optional(value.note))])
            })),
            ("skills", .array(plan.skills.map { skill in
                .object([("name", .string(skill.name.text)), ("level", number(skill.level)),
                         ("target", optional(skill.explicitTarget))])
            })),
            ("goals", .array(plan.goals.map { goal in
                .object([
                    ("name", .string(goal.name.text)), ("role", optional(goal.role)),
                    ("needs", .array(goal.needs.map { .object([("skill", .string($0.skill.text)), ("at", optional($0.level))]) })),
                    ("serves", names(goal.serves.items)), ("after", names(goal.after.items)),
                    ("due", optional(goal.due?.description)), ("impact", optional(goal.impact)),
                    ("note", optional(goal.note)), ("status", .string(goal.status.rawValue)),
                ])
            })),
            ("milestones", .array(plan.milestones.map { milestone in
                .object([("name", .string(milestone.name.text)), ("goal", optional(milestone.goal?.text)),
                         ("due", optional(milestone.due?.description)), ("done", .bool(milestone.done))])
            })),
            ("mentors", .array(plan.mentors.map { mentor in
                .object([("name", .string(mentor.name.text)), ("helps", names(mentor.helps.items)), ("note", optional(mentor.note))])
            })),
            ("asserts", .array(plan.assertions.map { optional($0.message) })),
            ("answers", .array(answers)),
            ("problems", .array(problems.sorted { $0.serialized() < $1.serialized() })),
        ])
    }

    private static func problem(_ diagnostic: Diagnostic) -> JSON {
        .array([.string(diagnostic.code.rawValue), .string(diagnostic.message)])
    }

    private static func names(_ names: [Name]) -> JSON { .array(names.map { .string($0.text) }) }

    private static func number(_ value: Int) -> JSON { .number(Double(value)) }

    private static func optional(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }

    private static func optional(_ value: Int?) -> JSON { value.map(number) ?? .null }
}
