import Foundation
@testable import PlanCLI
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
import Testing

/// Every example `:help` shows runs without an error, typed in order into a
/// session whose plan declares what the examples refer to; and the overview
/// lists every collection and every function the evaluator knows.
@Suite struct HelpExampleTests {
    /// The names the examples use: the statements' own examples and the
    /// kinds' (`for "Goal"`, `helps "Skill"`, ...).
    static let plan = """
        value learning priority 1
        value impact priority 2
        value family priority 3
        value "Value" priority 4
        skill "project management" level 2 target 4
        skill "strategic planning" level 1 target 3
        skill rust level 1 target 3
        skill "Skill" level 1 target 2
        experience "Experience"
        objective "Objective" at "Acme"
        contact "Contact" at "Acme"
        goal "Goal" serves "Value" by 2027-12
        goal "Lead a launch" needs skill "project management", "strategic planning" serves learning, impact, family by 2027-Q3
        log 2026-11-03 "Ran the retro" for "Lead a launch"
        log 2026-11-10 "Planned the launch" for "Lead a launch"
        capacity 8 hours per week from 2027-01-01

        """

    /// The lines of the last paragraph (the overview: the first one after
    /// its opening line), without the note a few blanks after an example.
    static func examples(_ text: String, paragraph: Int? = nil) -> [String] {
        let paragraphs = text.components(separatedBy: "\n\n")
        let chosen = paragraph.map { paragraphs.indices.contains($0) ? paragraphs[$0] : "" } ?? paragraphs.last ?? ""
        return chosen.split(separator: "\n").map { line in
            var example = line.trimmingCharacters(in: .whitespaces)
            if let note = example.range(of: #" {3,}\(.*\)$"#, options: .regularExpression) { example.removeSubrange(note) }
            return example
        }
    }

    /// A piped session over the plan (or, for the overview, which declares
    /// what it uses, an empty one).
    static func runs(_ examples: [String], overThePlan: Bool = true) throws -> PlanProcess.Result {
        let home = try PlanProcess()
        try home.write("setup.plan", plan)
        try home.write("career.plan", "skill \"public speaking\" level 1 target 2\n")
        try home.write("skills.plan", "skill writing level 1 target 2\n")
        return try home.run(["repl"] + (overThePlan ? ["setup.plan"] : []), environment: ["PLAN_TODAY": "2026-12-01"],
                            stdin: examples.joined(separator: "\n") + "\n")
    }

    /// `:undo` keeps no history on a pipe, so its examples are typed.
    static let typedTopics: Set<String> = [":undo"]

    @Test(arguments: Help.topics.filter { !typedTopics.contains($0) })
    func everyExampleOfATopicRuns(_ topic: String) throws {
        let text = try #require(Help.text(topic))
        let examples = Self.examples(text)
        #expect(!examples.isEmpty, "\(topic) shows no example")
        let result = try Self.runs(examples)
        #expect(!result.stderr.contains("error"), "\(topic):\n\(examples.joined(separator: "\n"))\n\(result.stderr)")
        #expect(result.status == 0, "\(topic): \(result.stderr)")
    }

    @Test func theOverviewsExamplesRun() throws {
        let examples = Self.examples(REPLCommand.helpText, paragraph: 1)
        #expect(examples.count > 10)
        let result = try Self.runs(examples, overThePlan: false)
        #expect(!result.stderr.contains("error"), "\(result.stderr)")
        #expect(result.status == 0)
    }

    @Test func theUndoExamplesRunTyped() throws {
        let home = try PlanProcess()
        try home.write("setup.plan", Self.plan)
        let terminal = try Terminal(["repl", home.folder.appendingPathComponent("setup.plan").path], home: home.folder.path)
        try terminal.expect("plan> ")
        for topic in Self.typedTopics.sorted() {
            for example in Self.examples(try #require(Help.text(topic))) {
                // A declaration or update waits at ...> for clause lines: the second Return runs it.
                terminal.type(example + (example.hasPrefix(":") ? "\r" : "\r\r"))
                try terminal.expect("plan> ")
            }
        }
        terminal.type(":quit\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screen.contains("error"), "\(terminal.screen)")
        #expect(terminal.screen.contains("undid"), "\(terminal.screen)")
    }

    @Test func everyCommandOfTheOverviewHasItsHelp() {
        #expect(Help.text(":review")?.hasPrefix(":review: the four strategy questions") == true)
        #expect(Help.text("review")?.hasPrefix("review {clause}: declares a review") == true)
        #expect(Help.text(":agenda")?.hasPrefix(":agenda [N]:") == true)
        let commands = REPLCommand.helpText.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /^  (:[a-z!]+)/).map { String($0.1) }
        }
        #expect(commands.count > 10)
        for command in commands { #expect(Help.text(command) != nil, "no :help \(command)") }
    }

    @Test func theOverviewListsEveryCollectionAndFunction() {
        let listed = Set(REPLCommand.helpText.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
        for collection in EntityKind.collections.map(\.keyword.rawValue) + ["mentors", "logs_ahead"] {
            #expect(listed.contains(collection), "\(collection) is not in :help")
        }
        for function in BuiltinFunction.allCases.map(\.rawValue) + ["quarter_start", "months_between"] {
            #expect(listed.contains(function), "\(function) is not in :help")
        }
    }
}
