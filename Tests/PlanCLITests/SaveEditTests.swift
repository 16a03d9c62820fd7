import Foundation
@testable import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// `:save` of one file, edit by edit, with the exact text it writes: the
/// cases the round trip (SaveRoundTripTests) once found, and the ones a
/// person met first. Each runs in process over files held in memory.
@Suite struct SaveEditTests {
    /// The main file after `lines` are typed over `text` and saved; every
    /// line must be accepted, and the saved file must hold every promise.
    static func saved(_ text: String, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let files = ["main.plan": Array(text.utf8)]
        var session = EditingSession(files: MemoryFiles(files: files))
        let loads = session.loadsCleanly()
        #expect(loads, sourceLocation: sourceLocation)
        for line in lines { session.type(line) }
        #expect(session.accepted == lines.filter { !$0.hasPrefix(":") }.count, "a line was refused", sourceLocation: sourceLocation)
        #expect(session.saveHolds(originals: files) == nil, sourceLocation: sourceLocation)
        return SourceEditor.edit(session.interpreter, additions: []).first?.text ?? ""
    }

    static let shipIt = """
        value a
        goal "Ship it"
            serves a
            by 2027-12
            doing

        """

    @Test(arguments: ["done", "open"])
    func aStatusOnTheLastClauseLineIsReplaced(status: String) {
        let expected = status == "done" ? "    by 2027-12\n    done\n" : "    by 2027-12\n"
        #expect(Self.saved(Self.shipIt, ["update goal \"Ship it\" \(status)"]) == "value a\ngoal \"Ship it\"\n    serves a\n" + expected)
    }

    @Test func aClauseAddedWhenTheLastLineIsDroppedIsKept() {
        let text = "goal g\n    by 2027-12\n    note \"later\"\n"
        #expect(Self.saved(text, ["update goal g drop note role \"Lead\""]) == "goal g\n    by 2027-12\n    role \"Lead\"\n")
        // On one line too.
        #expect(Self.saved("goal g by 2027-12 doing\n", ["update goal g done role \"Lead\""]) == "goal g by 2027-12 role \"Lead\" done\n")
        #expect(Self.saved("goal g by 2027-12 note \"x\"\n", ["update goal g drop note role \"Lead\""]) == "goal g by 2027-12 role \"Lead\"\n")
    }

    @Test func aNewEntityFollowsTheLastOfItsKindSoQuestionsStayLast() {
        let text = """
            goal g by 2027-12
            log 2027-01-05 for g hours 2
            log 2027-01-06 for g hours 1
            # what have I done
            sum(logs select hours)

            """
        #expect(Self.saved(text, ["log 2027-01-07 for g hours 3", "goal h by 2027-11"]) == """
            goal g by 2027-12
            goal h by 2027-11
            log 2027-01-05 for g hours 2
            log 2027-01-06 for g hours 1
            log 2027-01-07 for g hours 3
            # what have I done
            sum(logs select hours)

            """)
        // A kind the main file declares none of goes at its end.
        #expect(Self.saved(text, ["value craft"]) == text + "\nvalue craft\n")
        // Its line ends are the anchor's.
        #expect(Self.saved("log 2027-01-05 \"a\"\r\nsum(logs select hours)\r\n", ["log 2027-01-07 \"b\""])
            == "log 2027-01-05 \"a\"\r\nlog 2027-01-07 \"b\"\r\nsum(logs select hours)\r\n")
    }

    @Test func aRenameLaysItsAlignedBlockOutAsFmtDoes() {
        let aligned = """
            skill go      level 2 target 3
            skill writing level 1 target 2
            # later
            skill rust level 1

            """
        #expect(Self.saved(aligned, ["rename skill go to golang_systems"]) == """
            skill golang_systems level 2 target 3
            skill writing        level 1 target 2
            # later
            skill rust level 1

            """)
        #expect(Self.saved(aligned, ["rename skill writing to w"]) == """
            skill go level 2 target 3
            skill w  level 1 target 2
            # later
            skill rust level 1

            """)
        // A block laid out by hand keeps its other lines byte for byte.
        let byHand = "skill go    level 2 target 3\nskill writing level 1 target 2\n"
        #expect(Self.saved(byHand, ["rename skill go to golang"]) == "skill golang    level 2 target 3\nskill writing level 1 target 2\n")
    }

    @Test func effortKeepsItsHours() {
        #expect(Self.saved("goal g by 2027-12\n", ["update goal g effort 60 hours"]) == "goal g by 2027-12 effort 60 hours\n")
        #expect(Self.saved("goal g\n    by 2027-12\n    effort 2 hours\n", ["update goal g effort 60 hours"])
            == "goal g\n    by 2027-12\n    effort 60 hours\n")
    }

    @Test func needsExperienceKeepsItsFirstWord() {
        let text = "experience \"led a team\"\nexperience \"spoke at a conference\"\ngoal g\n    needs experience \"led a team\"\n    by 2027-12\n"
        #expect(Self.saved(text, ["update goal g needs experience \"spoke at a conference\""])
            == text.replacingOccurrences(of: "\"led a team\"\n    by", with: "\"led a team\", \"spoke at a conference\"\n    by"))
        #expect(Self.saved(text, ["rename experience \"led a team\" to \"ran a team\""])
            == text.replacingOccurrences(of: "led a team", with: "ran a team"))
        #expect(Self.saved("goal g by 2027-12\nexperience x\n", ["update goal g needs experience x"])
            == "goal g by 2027-12 needs experience x\nexperience x\n")
    }

    @Test func aCapacityFromTheBeginningMovedGetsItsFromAfterTheHours() {
        #expect(Self.saved("capacity 10 hours per week\n", ["rename capacity to 2027-01-01"]) == "capacity 10 hours per week from 2027-01-01\n")
    }

    @Test func helpAndHintsSpellTwoWordClausesAndUnits() {
        let help = Help.kindText(.goal)
        #expect(help.contains("  needs experience \"Experience\"  "))
        #expect(help.contains("  effort 2 hours  "))
        var interpreter = Interpreter(today: SaveRoundTripTests.today)
        let hints = interpreter.run(Source(name: "t.plan", text: "goal g by 2027-01 level 3\n")).compactMap { outcome -> String? in
            if case .diagnostic(let diagnostic) = outcome { return diagnostic.hint } else { return nil }
        }
        #expect(hints == ["a goal takes `role`, `after`, `needs`, `needs experience`, `serves`, `aligns`, `start`, `by`, `effort`, "
                          + "`impact`, `tags`, `note`, `done`, `doing`"])
    }

    @Test func renameReachesEntitiesNamedInExpressions() {
        let text = """
            value family
            skill "storage engines" level 2
            goal "Ship it" serves family needs skill "storage engines" by 2027-12
            let family_goals = (value family).goals
            (skill "storage engines").level
            assert (goal "Ship it").name != ""

            """
        let saved = Self.saved(text, ["rename value family to kin", "rename skill \"storage engines\" to storage",
                                      "rename goal \"Ship it\" to \"Shipped\""])
        #expect(saved == """
            value kin
            skill storage level 2
            goal Shipped serves kin needs skill storage by 2027-12
            let family_goals = (value kin).goals
            (skill storage).level
            assert (goal Shipped).name != ""

            """)
    }

    @Test func removeRefusesAnEntityAFilesExpressionNames() {
        var session = EditingSession(files: MemoryFiles(files: ["main.plan": Array("value family\nlet v = (value family).goals\n".utf8)]))
        let loads = session.loadsCleanly()
        #expect(loads)
        let outcomes = session.interpreter.run(Source(name: "<repl>", text: "remove value family\n"))
        let messages = outcomes.compactMap { outcome -> String? in
            if case .diagnostic(let diagnostic) = outcome { return "\(diagnostic.code.rawValue) \(diagnostic.message)" } else { return nil }
        }
        #expect(messages == ["E027 cannot remove value \"family\": an expression at main.plan:2 names it"])
        #expect(session.interpreter.plan.count(of: .value) == 1)
    }

    /// The samples, each goal marked done, each value and skill renamed:
    /// the saved files load and hold the session's plan.
    @Test(arguments: ["balance", "intersection", "drifted", "coaching", "product-launch", "realigned", "rhythm"])
    func theSamplesSurviveADoneAndARename(sample: String) throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Samples")
        var files: [String: [UInt8]] = [:]
        let text = try String(contentsOf: folder.appendingPathComponent(sample + ".plan"), encoding: .utf8)
        files["main.plan"] = Array(text.utf8)
        for line in text.split(separator: "\n") where line.hasPrefix("include \"") {
            let path = String(line.dropFirst(9).prefix { $0 != "\"" })
            files[path] = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
        }
        var loaded = EditingSession(files: MemoryFiles(files: files))
        _ = loaded.interpreter.load(path: "main.plan")
        var edits: [String] = []
        for index in 0..<loaded.interpreter.plan.count(of: .goal) {
            guard let name = loaded.interpreter.plan.name(of: .goal, at: index) else { continue }
            edits.append("update goal \(Literal.name(name.text)) done")
        }
        for kind in [EntityKind.value, .skill] {
            for index in 0..<loaded.interpreter.plan.count(of: kind) {
                guard let name = loaded.interpreter.plan.name(of: kind, at: index) else { continue }
                edits.append("rename \(kind.rawValue) \(Literal.name(name.text)) to \(Literal.string(name.text + " renamed"))")
            }
        }
        for edit in edits {
            var session = EditingSession(files: MemoryFiles(files: files))
            _ = session.interpreter.load(path: "main.plan")
            session.type(edit)
            #expect(session.accepted == 1, "\(sample): \(edit) refused")
            #expect(session.saveHolds(originals: files) == nil, "\(sample): \(edit)")
        }
    }

    /// `value x` typed, then a file loaded that declares it too (refused,
    /// E020): saved, the file's line says what the session holds, and the
    /// main file gets no second `value x`.
    @Test func aTypedEntityAFileLoadedLaterDeclaresIsSavedInThatFile() {
        let files = ["main.plan": Array("value a\n".utf8), "other.plan": Array("value x priority 3  # kept\nvalue y\n".utf8)]
        var session = EditingSession(files: MemoryFiles(files: files))
        _ = session.interpreter.load(path: "main.plan")
        session.type("value x priority 1")
        _ = session.interpreter.load(path: "other.plan")
        let saved = SourceEditor.edit(session.interpreter, additions: [])
        #expect(saved.map(\.path) == ["main.plan", "other.plan"])
        #expect(saved.map(\.text) == ["value a\n", "value x priority 1  # kept\nvalue y\n"])
    }

    /// A value typed before the file was loaded comes first in the plan:
    /// written before the file's first value, it comes first read back too.
    /// Found by the REPL fuzz target's :save oracle.
    @Test func anEntityTypedBeforeTheFileWasLoadedGoesBeforeItsKind() {
        let files = ["main.plan": Array("vision \"v\"\n# values\nvalue a\nvalue b\n\na + 1\n".utf8)]
        var session = EditingSession(files: MemoryFiles(files: files))
        session.type("value x priority 1")
        _ = session.interpreter.load(path: "main.plan")
        #expect(SourceEditor.edit(session.interpreter, additions: []).map(\.text)
                == ["vision \"v\"\n# values\nvalue x priority 1\nvalue a\nvalue b\n\na + 1\n"])
    }

    @Test func aTypedVisionAFileLoadedLaterHasTooIsSavedInThatFile() {
        let files = ["main.plan": Array("value a\n".utf8), "other.plan": Array("vision \"old\"\nvalue y\n".utf8)]
        var session = EditingSession(files: MemoryFiles(files: files))
        _ = session.interpreter.load(path: "main.plan")
        session.type("vision \"new\"")
        _ = session.interpreter.load(path: "other.plan")
        #expect(SourceEditor.edit(session.interpreter, additions: []).map(\.text) == ["value a\n", "vision \"new\"\nvalue y\n"])
    }

    @Test func removingOneOfTwoStatementsOnALineTakesItsSemicolon() {
        #expect(Self.saved("value a; value b\n", ["remove value a"]) == "value b\n")
        #expect(Self.saved("value a; value b\n", ["remove value b"]) == "value a\n")
        #expect(Self.saved("value a; value b; value c\n", ["remove value b"]) == "value a; value c\n")
    }

    @Test func aCRLFFileKeepsItsLineEnds() {
        let text = "goal g\r\n    by 2027-12\r\n    doing\r\n"
        #expect(Self.saved(text, ["update goal g role \"Lead\""]) == "goal g\r\n    by 2027-12\r\n    doing\r\n    role \"Lead\"\r\n")
        #expect(Self.saved(text, ["update goal g done"]) == "goal g\r\n    by 2027-12\r\n    done\r\n")
    }

    @Test func newClauseLinesTakeTheGoalsIndentation() {
        #expect(Self.saved("goal g\n\tby 2027-12\n\tdoing\n", ["update goal g role \"Lead\""]) == "goal g\n\tby 2027-12\n\tdoing\n\trole \"Lead\"\n")
    }

    @Test func aByteOrderMarkStaysWhenTheFirstStatementGoes() {
        #expect(Self.saved("\u{FEFF}value a\nvalue b\n", ["remove value a"]) == "\u{FEFF}value b\n")
    }

    @Test func aCommentAfterAClauseOrAnUpdateStays() {
        #expect(Self.saved("goal g\n    by 2027-12\n    note \"x\"  # why\n", ["update goal g drop note"]) == "goal g\n    by 2027-12\n    # why\n")
        #expect(Self.saved("value a priority 1\nupdate value a priority 2  # raised\n", ["update value a priority 3"])
            == "value a priority 3\n# raised\n")
    }
}
