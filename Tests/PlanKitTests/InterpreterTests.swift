import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

@Suite struct InterpreterTests {
    // MARK: Declarations

    @Test func declarationsBuildThePlan() throws {
        let session = Session(samplePlan)
        #expect(session.lines.isEmpty)
        let plan = session.interpreter.plan
        #expect(plan.vision == "Ship and be home")
        #expect(plan.names(of: .goal) == ["Launch", "Head", "Old", "Late"])
        let launch = try #require(plan.goals.first)
        #expect(launch.role == "Product Lead")
        #expect(launch.needs.map(\.skill.text) == ["pm", "comms", "strategy"])
        #expect(launch.needs.map(\.level) == [nil, 3, nil])
        #expect(launch.serves.map(\.text) == ["impact", "family"])
        #expect(launch.due?.description == "2026-09-30")
        #expect(plan.goals.map(\.status) == [.open, .open, .done, .doing])
        let family = try #require(plan.values.first)
        #expect(family.priority == 1 && family.nonNegotiable && family.note == "Home by 6")
        #expect(plan.milestones.map(\.done) == [true, false])
        #expect(plan.mentors.first?.helps.map(\.text) == ["strategy", "pm"])
    }

    @Test func aSkillsLevelDefaultsToZeroAndItsTargetToItsLevel() {
        let plan = Session("skill a\nskill b level 3\nskill c target 2").interpreter.plan
        #expect(plan.skills.map(\.level) == [0, 3, 0])
        #expect(plan.skills.map(\.explicitTarget) == [nil, nil, 2])
        #expect(plan.skills.map(\.target) == [0, 3, 2])
    }

    @Test func answersCarryTheirStatementsRange() throws {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        let outcomes = interpreter.run(Source(name: "q.plan", text: "goal \"A\"\n1 + 2  \n"))
        guard case .answer(_, let range, _) = try #require(outcomes.first) else {
            Issue.record("expected an answer")
            return
        }
        #expect(interpreter.sources[range.source]?.text(range) == "1 + 2")
    }

    @Test func questionsSeeThePlanSoFar() {
        #expect(Session("count(goals)\ngoal \"A\"\ncount(goals)").lines == ["0", "1"])
    }

    @Test func aLetValueMayNotNestTooDeep() {
        let session = Session("let x = 1\n" + String(repeating: "let x = [x]\n", count: 101) + "len(x)")
        #expect(session.lines == ["E007 the value of x nests deeper than 100 levels @[x]", "1"])
    }

    @Test func syntaxErrorsComeBetweenTheAnswersWhereTheyStand() {
        #expect(Session("1 + 1\n)\n2 + 2\ngoal\n").lines == [
            "2",
            "E001 expected an expression, found `)` @)",
            "4",
            "E001 expected a name for the goal, found the end of the line @\n",
        ])
    }

    @Test func duplicatesNameTheFirstDeclaration() throws {
        var session = Session("goal \"Lead\" by 2027-01\nvalue family\n")
        let duplicate = try #require(session.diagnostics(of: "goal \"Lead\" by 2028-01").first)
        #expect(session.describe(duplicate) == "E020 goal \"Lead\" is already declared @\"Lead\"")
        #expect(duplicate.hint == "to change it, write update goal \"Lead\" ...; to ask about it, write (goal \"Lead\")")
        let first = try #require(duplicate.notes.first)
        #expect(first.message == "first declared here")
        #expect(first.range.source == 0 && first.range.start == 5 && first.range.end == 11)
        #expect(session.interpreter.plan.goals.first?.due?.description == "2027-01-31")
        #expect(session.interpreter.plan.count(of: .goal) == 1)
        let value = try #require(session.diagnostics(of: "value family priority 2").first)
        #expect(value.message == "value \"family\" is already declared")
        #expect(session.interpreter.plan.values.first?.priority == nil)
    }

    @Test func aSecondVisionIsADuplicate() throws {
        var session = Session("vision \"one\"")
        let duplicate = try #require(session.diagnostics(of: "vision \"two\"").first)
        #expect(session.describe(duplicate) == "E020 the plan already has a vision @vision \"two\"")
        #expect(duplicate.notes.map(\.message) == ["first declared here"])
        #expect(duplicate.notes.first?.range == SourceRange(source: 0, start: 0, end: 12))
        #expect(session.interpreter.plan.vision == "one")
    }

    // MARK: Update

    @Test func updateReplacesScalarsAndAddsToLists() throws {
        let session = Session("""
            goal "G" role "A" needs skill "x" at 2, "y" serves v1 after "P" by 2027-01 note "n"
            update goal "G" role "B" needs skill "y" at 4, "z", "x" serves v1, v2 after "Q" by 2027-06 doing
            skill "s" level 1 target 3
            update skill "s" level 2
            value v priority 1
            update value v non-negotiable note "kept"
            milestone "M" for "G" by 2027-01-01
            update milestone "M" by 2027-02-01 done
            mentor "T" helps "x"
            update mentor "T" helps "x", "y" note "weekly"
            """)
        #expect(session.lines.isEmpty)
        let plan = session.interpreter.plan
        let goal = try #require(plan.goals.first)
        #expect(goal.role == "B" && goal.note == "n" && goal.status == .doing)
        #expect(goal.due?.description == "2027-06-30")
        #expect(goal.needs.map(\.skill.text) == ["x", "y", "z"])
        #expect(goal.needs.map(\.level) == [2, 4, nil])
        #expect(goal.serves.map(\.text) == ["v1", "v2"])
        #expect(goal.after.map(\.text) == ["P", "Q"])
        #expect(plan.skills.first.map { [$0.level, $0.target] } == [2, 3])
        #expect(plan.values.first.map { [$0.priority, $0.nonNegotiable ? 1 : 0] } == [1, 1])
        #expect(plan.values.first?.note == "kept")
        #expect(plan.milestones.first.map { "\($0.due?.description ?? "") \($0.done) \($0.goal?.text ?? "")" } == "2027-02-01 true G")
        #expect(plan.mentors.first.map { "\($0.helps.map(\.text)) \($0.note ?? "")" } == "[\"x\", \"y\"] weekly")
    }

    @Test func updateOfSomethingUndeclaredSuggestsANearName() throws {
        var session = Session("goal \"Lead\"")
        let typo = try #require(session.diagnostics(of: "update goal \"Laed\" done").first)
        #expect(session.describe(typo) == "E023 cannot update goal \"Laed\": it is not declared @\"Laed\"")
        #expect(typo.hint == "did you mean \"Lead\"?")
        let other = try #require(session.diagnostics(of: "update skill \"Lead\" level 2").first)
        #expect(other.message == "cannot update skill \"Lead\": it is not declared")
        #expect(other.hint == "declare it first: skill \"Lead\" ...")
        #expect(session.interpreter.plan.goals.first?.done == false)
    }

    // MARK: Assertions and checks

    @Test func assertionsRunWithTheChecks() {
        var session = Session("""
            goal "A" by 2026-01 serves v
            value v
            assert count(goals) == 1
            assert count(goals where overdue) == 0 "catch up before adding goals"
            assert len(goals) > 5
            assert count(goals)
            assert 1 + "a"
            """)
        #expect(session.lines.isEmpty)
        let problems = session.interpreter.check().filter { $0.severity == .error }.map { session.describe($0) }
        #expect(problems == [
            "E042 catch up before adding goals @assert count(goals where overdue) == 0 \"catch up before adding goals\"",
            "E042 assertion failed: len(goals) > 5 @assert len(goals) > 5",
            "E030 assert needs a bool, got number @count(goals)",
            "E030 cannot add number and string @+",
        ])
        session.run("goal \"B\" by 2027-01 serves v")
        #expect(session.interpreter.check().filter { $0.code == .assertionFailed }.count == 3)
    }

    @Test func assertionsSeeTheFinalLetBindings() {
        let session = Session("goal \"A\"\nlet cap = 1\nassert count(goals) <= cap\nlet cap = 0")
        #expect(session.interpreter.check().map(\.message).contains("assertion failed: count(goals) <= cap"))
    }

    @Test func checkOrdersBySeverityThenSourceThenPlace() {
        var session = Session("assert false \"second\"\nassert false \"first\"")
        session.run("assert false \"third\"")
        let diagnostics = session.interpreter.check()
        let errors = diagnostics.filter { $0.severity == .error }.map(\.message)
        #expect(errors == ["second", "first", "third"])
        let firstWarning = diagnostics.firstIndex { $0.severity == .warning } ?? diagnostics.endIndex
        #expect(diagnostics[..<firstWarning].allSatisfy { $0.severity == .error })
    }

    // MARK: Files

    @Test func loadReadsAFileAndRemembersIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("a.plan", "goal \"A\"\ncount(goals)\n")
        var session = Session()
        session.load(folder.path + "/a.plan")
        #expect(session.lines == ["1"])
        #expect(session.interpreter.loadedFiles == [folder.path + "/a.plan"])
        #expect(session.interpreter.sources[0]?.name == folder.path + "/a.plan")
    }

    @Test func anUnreadableFileIsAnErrorWithNoPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        let missing = interpreter.load(path: folder.path + "/missing.plan")
        let folderItself = interpreter.load(path: folder.path)
        let diagnostics = (missing + folderItself).compactMap { outcome -> Diagnostic? in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic } else { return nil }
        }
        #expect(diagnostics.map(\.message) == [
            "cannot read \(folder.path)/missing.plan: no such file or directory",
            "cannot read \(folder.path): it is a folder",
        ])
        #expect(diagnostics.allSatisfy { $0.code == .includeFailed && $0.range == .none })
    }

    @Test func includeIsRelativeToTheIncludingFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/parts", withIntermediateDirectories: true)
        try folder.write("main.plan", "include \"parts/skills.plan\"\ngoal \"G\" needs skill \"pm\"\ncount(skills)\n")
        try folder.write("parts/skills.plan", "include \"more.plan\"\nskill \"pm\" level 2\n")
        try folder.write("parts/more.plan", "skill \"comms\"\ncount(skills)\n")
        var session = Session()
        session.load(folder.path + "/main.plan")
        #expect(session.lines == ["1", "2"])
        #expect(session.interpreter.sources.sources.map(\.name) == [
            folder.path + "/main.plan", folder.path + "/parts/skills.plan", folder.path + "/parts/more.plan",
        ])
        #expect(session.interpreter.loadedFiles == [folder.path + "/main.plan"])
    }

    @Test func includeFromTypedInputIsRelativeToTheCurrentDirectory() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("x.plan", "goal \"X\"")
        var session = Session("include \"\(folder.path)/x.plan\"\ncount(goals)")
        #expect(session.lines == ["1"])
        session.run("include \"no-such-file-here.plan\"")
        #expect(session.lines.last == "E040 cannot include no-such-file-here.plan: no such file or directory "
                + "@\"no-such-file-here.plan\"")
    }

    @Test func anIncludeCycleIsAnErrorNamingTheChain() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try folder.write("a.plan", "include \"b.plan\"\ngoal \"A\"\n")
        try folder.write("b.plan", "include \"./a.plan\"\ngoal \"B\"\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/link.plan", withDestinationPath: "b.plan")
        try folder.write("c.plan", "include \"link.plan\"\n")
        var session = Session()
        session.load(folder.path + "/a.plan")
        let a = folder.path + "/a.plan", b = folder.path + "/b.plan"
        #expect(session.lines == ["E041 include cycle: \(a) -> \(b) -> \(a) @\"./a.plan\""])
        #expect(session.interpreter.plan.names(of: .goal) == ["B", "A"])
        var viaLink = Session()
        viaLink.load(folder.path + "/c.plan")
        #expect(viaLink.lines.first == "E041 include cycle: \(folder.path)/link.plan -> \(a) -> \(b) @\"b.plan\"")
    }

    @Test func onlyRegularFilesCanBeIncluded() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        try FileManager.default.createDirectory(atPath: folder.path + "/sub.plan", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/zero.plan", withDestinationPath: "/dev/zero")
        let big = folder.path + "/big.plan"
        #expect(FileManager.default.createFile(atPath: big, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: big))
        try handle.truncate(atOffset: UInt64(Source.sizeLimit + 1))
        try handle.close()
        try folder.write("main.plan", "include \"sub.plan\"\ninclude \"zero.plan\"\ninclude \"big.plan\"\n")
        var session = Session()
        session.load(folder.path + "/main.plan")
        #expect(session.lines == [
            "E040 cannot include \(folder.path)/sub.plan: it is a folder @\"sub.plan\"",
            "E040 cannot include \(folder.path)/zero.plan: it leads to /dev/zero, and only .plan files can be included "
                + "@\"zero.plan\"",
            "E040 cannot include \(folder.path)/big.plan: it is larger than 64 MiB @\"big.plan\"",
        ])
    }

    @Test func includesNestAtMostAHundredDeep() throws {
        let folder = try TemporaryFolder()
        defer { folder.cleanUp() }
        for level in 0...101 {
            try folder.write("f\(level).plan", "include \"f\(level + 1).plan\"\ngoal \"G\(level)\"\n")
        }
        var session = Session()
        session.load(folder.path + "/f0.plan")
        #expect(session.lines.count == 1)
        #expect(session.lines.first?.hasPrefix("E040 cannot include \(folder.path)/f101.plan: includes nest deeper than 100") == true)
        #expect(session.interpreter.plan.count(of: .goal) == 101)
    }
}
