import Foundation
import PlanCLI
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Every diagnostic code has an input that raises it (docs/checks.md): a
/// code no input reaches is a check nobody can see, and one that a change
/// silently stops raising fails here with its own name.
@Suite struct EveryCodeTests {
    /// An input for each code, as a person would write it, run on `testToday`
    /// (2026-06-30) and then checked.
    static let inputs: [DiagnosticCode: String] = [
        .syntax: "goal \"Lead\" by\n",
        .unterminatedString: "vision \"Lead teams\n",
        .invalidEscape: "vision \"C:\\path\"\n",
        .invalidDate: "goal \"A\" by 2027-02-30\n",
        .invalidNumber: "1.5 months\n",
        .nestingTooDeep: String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300) + "\n",
        .unexpectedCharacter: "goal \"A\" by 2027-06 !\n",
        .clauseNotAllowed: "skill writing by 2027-06\n",
        .unknownName: "count(golas)\n",
        .unknownGoal: "goal \"A\" after \"Lead a lanch\" by 2027-01\n",
        .unknownSkill: "goal \"A\" needs skill \"strategic planing\"\n",
        .unknownValue: "goal \"A\" serves impakt\n",
        .unknownMilestone: "(milestone \"Draft\").due\n",
        .unknownContact: "(mentor \"Jordan\").helps\n",
        .unknownField: "goal \"A\"\nfirst(goals).dew\n",
        .unknownFunction: "cnt(goals)\n",
        .unknownObjective: "goal \"A\" aligns \"Ship the platfrom\"\n",
        .unknownExperience: "goal \"A\" needs experience \"led a tem\"\n",
        .duplicate: "skill writing\nskill writing\n",
        .levelOutOfRange: "skill writing level 7\n",
        .afterCycle: "goal \"A\" after \"A\"\n",
        .updateOfUndeclared: "update goal \"Nope\" done\n",
        .startAfterDue: "goal \"Lead\" start 2027-07-01 by 2027-06-30\n",
        .capacityOutOfRange: "capacity 200 hours per week\n",
        .emptyName: "goal \"\"\n",
        .removeOfReferenced: "skill rust\ngoal \"A\" needs skill rust\nremove skill rust\n",
        .cannotDrop: "goal \"G\" by 2027-01\nmilestone \"Draft\" for \"G\" by 2026-12-01\nupdate milestone \"Draft\" drop by\n",
        .unknownStatement: "projekt \"Write a book\"\n",
        .typeMismatch: "today + 3\n",
        .badArguments: "len()\n",
        .indexOutOfRange: "[1, 2][5]\n",
        .divisionByZero: "1 / 0\n",
        .ambiguousEntry: "log 2026-06-03 \"a\"\nlog 2026-06-03 \"b\"\nupdate log 2026-06-03 hours 2\n",
        .includeFailed: "include \"/nonexistent/missing.plan\"\n",
        .assertionFailed: "assert 1 == 2 \"never\"\n",
        .goalWithoutDate: "value impact\ngoal \"Lead\" serves impact\n",
        .goalOverdue: "goal \"Lead\" by 2026-05-31\n",
        .milestoneAfterGoal: "goal \"Lead\" by 2027-06-30\nmilestone \"Demo\" for \"Lead\" by 2027-08-01\n",
        .goalBeforePrerequisite: "goal \"Lead\" by 2027-06-30\ngoal \"Head\" after \"Lead\" by 2027-03\n",
        .goalServesNothing: "goal \"Lead\" by 2027-06\n",
        .needAboveTarget: "skill writing level 2 target 3\ngoal \"Book\" needs skill writing at 5\n",
        .noVision: "value family\n",
        .valueUnserved: "value family\n",
        .milestoneOverdue: "goal \"G\" by 2027-01\nmilestone \"M\" for \"G\" by 2026-05-01\n",
        .contactOverdue: "contact \"Ana\" every 1 month met 2026-01-01\n",
        .logAfterToday: "log 2026-12-01 \"not yet\"\n",
        .drift: "goal \"G\" by 2027-06 doing\nlog 2026-01-05 \"began\" for \"G\"\n",
        .objectiveUnaligned: "objective \"Grow the platform\"\n",
        .overCapacity: "capacity 1 hours per week\ngoal \"G\" by 2026-09-30 effort 100 hours\n",
        .reviewPastDue: "review every 1 month\n",
        .targetBelowLevel: "skill writing level 2 target 1\n",
        .updateOverriddenByLog: "skill writing level 1 target 4\nlog 2026-06-01 skill writing level 3\nupdate skill writing level 4\n",
        .habitLetGo: "habit \"Read\" every 1 week\nlog 2026-06-01 did \"Read\"\n",
        .unknownHabit: "log 2026-06-01 did \"Rnu\"\n",
    ]

    /// Codes whose input is not plain text: bytes, or files on disk.
    static let elsewhere: Set<DiagnosticCode> = [.invalidUTF8, .includeCycle]

    @Test func everyCodeHasAnInput() {
        let covered = Set(Self.inputs.keys).union(Self.elsewhere)
        let missing = DiagnosticCode.allCases.filter { !covered.contains($0) }.map(\.rawValue)
        #expect(missing == [], "codes with no input that raises them")
    }

    @Test(arguments: DiagnosticCode.allCases.filter { EveryCodeTests.inputs[$0] != nil })
    func theInputRaisesItsCode(_ code: DiagnosticCode) throws {
        let text = try #require(Self.inputs[code])
        let raised = Self.codes(Source(name: "test.plan", text: text))
        #expect(raised.contains(code), "\(code.rawValue) not raised; raised \(raised.map(\.rawValue))")
    }

    @Test func bytesThatAreNotUTF8() {
        let raised = Self.codes(Source(name: "latin1.plan", bytes: Array("vision \"caf".utf8) + [0xE9] + Array("\"\n".utf8)))
        #expect(raised.contains(.invalidUTF8))
    }

    @Test func filesThatIncludeEachOther() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("every-code-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "include \"b.plan\"\n".write(to: folder.appendingPathComponent("a.plan"), atomically: true, encoding: .utf8)
        try "include \"a.plan\"\n".write(to: folder.appendingPathComponent("b.plan"), atomically: true, encoding: .utf8)
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        let outcomes = interpreter.load(path: folder.appendingPathComponent("a.plan").path)
        let raised = Self.diagnostics(outcomes).map(\.code) + interpreter.check().map(\.code)
        #expect(raised.contains(.includeCycle))
    }

    private static func codes(_ source: Source) -> [DiagnosticCode] {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        let outcomes = interpreter.run(source)
        return diagnostics(outcomes).map(\.code) + interpreter.check().map(\.code)
    }

    private static func diagnostics(_ outcomes: [Outcome]) -> [Diagnostic] {
        outcomes.compactMap { if case .diagnostic(let diagnostic) = $0 { return diagnostic } else { return nil } }
    }
}
