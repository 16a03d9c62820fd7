import Foundation
@testable import PlanCLI
@testable import PlanKit
import Testing

/// Every kind of entity, taken from the list of kinds and never from a list
/// written here, through every path a kind must reach: declared with every
/// clause and every field read, updated clause by clause, through `fmt`,
/// through `:save` to a new file and back, through the JSON export,
/// completed in the REPL, and its unknown references answered with "did you
/// mean". A kind its description leaves out of any path fails here.
@Suite struct KindWalkTests {
    static let today = Day(ordinal: Day(year: 2026, month: 11, day: 25)?.ordinal ?? 0)

    /// The entity of `kind` the walk looks at.
    static func subject(_ kind: EntityKind) -> String { "k_\(kind.rawValue)" }

    /// The entity of `kind` the subjects refer to.
    static func target(_ kind: EntityKind) -> String { "other_\(kind.rawValue)" }

    /// What to write after a clause keyword: a sample of its shape, the
    /// second one (`alternate`) different from the first for every shape.
    static func sample(_ shape: ClauseShape, alternate: Bool = false, misspelt: Bool = false) -> String {
        switch shape {
        case .flag: return ""
        case .whole(_, let range): return String((range?.lowerBound ?? 0) + (alternate ? 2 : 1))
        case .text: return alternate ? "\"changed\"" : "\"a sample\""
        case .date: return alternate ? "2028-01-31" : "2027-06-30"
        case .duration: return alternate ? "3 months" : "6 weeks"
        case .name(_, let kind), .names(_, let kind):
            guard let kind else { return alternate ? "gamma" : "alpha, beta" }
            return target(kind) + (misspelt ? "x" : "")
        case .skillNeeds: return "skill " + target(.skill) + (misspelt ? "x" : "") + (alternate ? " at 1" : " at 2")
        }
    }

    /// Every clause of the kind, one of each group that sets the same thing.
    static func allClauses(_ kind: EntityKind, alternate: Bool = false) -> [ClauseSyntax] {
        var slots = Set<Keyword>()
        return kind.info.clauses.filter { slots.insert($0.slot).inserted }
    }

    static func clauseText(_ clause: ClauseSyntax, alternate: Bool = false, misspelt: Bool = false) -> String {
        let value = sample(clause.shape, alternate: alternate, misspelt: misspelt)
        return value.isEmpty ? clause.keyword.rawValue : clause.keyword.rawValue + " " + value
    }

    /// One subject of every kind with every clause, and the targets they
    /// refer to with only the clauses they must have.
    static func fixture() -> String {
        var lines = ["vision \"Walk every kind\""]
        for kind in EntityKind.allCases {
            let required = kind.info.clauses.filter(\.required).map { clauseText($0) }
            lines.append(([kind.rawValue, target(kind)] + required).joined(separator: " "))
            lines.append(([kind.rawValue, subject(kind)] + allClauses(kind).map { clauseText($0) }).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func load(_ text: String) -> (Interpreter, [Outcome]) {
        var interpreter = Interpreter(today: today)
        let outcomes = interpreter.run(Source(name: "walk.plan", text: text))
        return (interpreter, outcomes)
    }

    static func errors(_ outcomes: [Outcome]) -> [String] {
        outcomes.compactMap {
            if case .diagnostic(let diagnostic) = $0, diagnostic.severity == .error { return diagnostic.message }
            return nil
        }
    }

    @Test func theFixtureDeclaresEveryKindWithoutErrors() {
        let (interpreter, outcomes) = Self.load(Self.fixture())
        #expect(Self.errors(outcomes) == [])
        #expect(interpreter.check().filter { $0.severity == .error }.map(\.message) == [])
        for kind in EntityKind.allCases {
            #expect(interpreter.plan.count(of: kind) == 2, "\(kind)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyFieldReadsAsItsTypeSays(kind: EntityKind) {
        let (interpreter, _) = Self.load(Self.fixture())
        let index = interpreter.plan.index(of: kind, named: Self.subject(kind))
        #expect(index != nil)
        let evaluator = Evaluator(plan: interpreter.plan, today: Self.today, bindings: [:])
        for field in kind.info.fields {
            let value = evaluator.fieldValue(field.name, of: .entity(kind, index ?? -1))
            #expect(value.map { Self.matches($0, field.type) } == true, "\(kind).\(field.name) is \(String(describing: value))")
        }
        // And by name, as a person asks.
        for field in kind.info.fields {
            var session = interpreter
            let outcomes = session.run(Source(name: "ask", text: "(\(kind.rawValue) \(Self.subject(kind))).\(field.name)\n"))
            #expect(Self.errors(outcomes) == [], "\(kind).\(field.name)")
        }
    }

    static func matches(_ value: Value, _ type: FieldType) -> Bool {
        switch (value, type) {
        case (.none, .optional): return true
        case (_, .optional(let inner)): return matches(value, inner)
        case (.number, .number), (.string, .string), (.bool, .bool), (.date, .date), (.duration, .duration): return true
        case (.entity(let kind, _), .entity(let expected)): return kind == expected
        case (.list(let items), .list(let inner)): return items.allSatisfy { matches($0, inner) }
        default: return false
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseCanBeUpdated(kind: EntityKind) {
        for clause in kind.info.clauses {
            let update = "update \(kind.rawValue) \(Self.subject(kind)) \(Self.clauseText(clause, alternate: true))\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            #expect(Self.errors(outcomes) == [], "\(update)")
            let index = interpreter.plan.index(of: kind, named: Self.subject(kind)) ?? -1
            let written = kind.info.written(interpreter.plan, index)
                .map { Formatter.clause($0.0, $0.1, indent: "") }
            let expected = Self.clauseText(clause, alternate: true)
            if clause.shape.isList {
                #expect(written.contains { $0.hasPrefix(clause.keyword.rawValue + " ") }, "\(update)")
            } else {
                #expect(written.contains(expected), "\(update) gives \(written)")
            }
        }
    }

    @Test func fmtKeepsEveryKind() throws {
        let source = Source(name: "walk.plan", text: Self.fixture())
        let formatted = try #require(Formatter.format(source).text)
        let (before, _) = Self.load(Self.fixture())
        let (after, outcomes) = Self.load(formatted)
        #expect(Self.errors(outcomes) == [])
        #expect(JSONExport.render(after.plan, today: Self.today) == JSONExport.render(before.plan, today: Self.today))
        for kind in EntityKind.allCases {
            #expect(formatted.contains("\(kind.rawValue) \(Self.subject(kind))"), "\(kind)")
        }
    }

    @Test func saveToANewFileAndBackKeepsEveryKind() throws {
        let process = try PlanProcess()
        try process.write("walk.plan", Self.fixture())
        let saved = try process.run(["repl", "walk.plan"], stdin: ":save saved.plan\n")
        #expect(saved.status == 0, "\(saved.stderr)")
        let original = try process.run(["export", "--format", "json", "--today", "2026-11-25", "walk.plan"])
        let reread = try process.run(["export", "--format", "json", "--today", "2026-11-25", "saved.plan"])
        #expect(reread.status == 0, "\(reread.stderr)")
        #expect(reread.stdout == original.stdout)
        let text = try String(contentsOf: process.folder.appendingPathComponent("saved.plan"), encoding: .utf8)
        for kind in EntityKind.allCases {
            #expect(text.contains("\(kind.rawValue) \(Self.subject(kind))"), "\(kind)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func theJSONExportHoldsEveryKindWithEveryMember(kind: EntityKind) throws {
        let (interpreter, _) = Self.load(Self.fixture())
        let text = JSONExport.render(interpreter.plan, today: Self.today)
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let entities = try #require(document?[kind.plural] as? [[String: Any]], "no \(kind.plural) in the export")
        let subject = try #require(entities.first { $0["name"] as? String == Self.subject(kind) })
        // Every field, whatever order the export gives them in.
        #expect(Set(subject.keys) == Set(kind.info.fieldNames))
        #expect(kind.info.exportMembers.count == kind.info.fieldNames.count, "\(kind)")
    }

    @Test(arguments: EntityKind.allCases)
    func answersShowTheKindAsATableAndAsJSON(kind: EntityKind) throws {
        let (interpreter, _) = Self.load(Self.fixture())
        var session = interpreter
        let outcomes = session.run(Source(name: "ask", text: "\(kind.plural)\n(\(kind.rawValue) \(Self.subject(kind)))\n"))
        let values = outcomes.compactMap { outcome -> Value? in
            if case .answer(let value, _, _) = outcome { return value }
            return nil
        }
        #expect(values.count == 2)
        let table = Answers.text(values.first ?? .none, plan: session.plan, today: Self.today)
        let header = try #require(table.split(separator: "\n").first)
        #expect(header.split(separator: " ").map(String.init) == kind.info.columns.map(\.header), "\(kind)")
        #expect(table.contains(Self.subject(kind)))
        let json = Answers.json(values.last ?? .none, plan: session.plan, today: Self.today).serialized()
        #expect(json.hasPrefix("{\"kind\":\"\(kind.rawValue)\",\"name\":\"\(Self.subject(kind))\""), "\(json)")
    }

    @Test(arguments: EntityKind.allCases)
    func theREPLCompletesTheKeywordAndEveryField(kind: EntityKind) {
        let (interpreter, _) = Self.load(Self.fixture())
        let completer = Completer(plan: interpreter.plan)
        let keyword = completer.complete(kind.rawValue)
        #expect(keyword?.insertion.hasPrefix(kind.rawValue) == true)
        #expect(keyword.map { $0.choices.isEmpty ? [$0.insertion] : $0.choices }?.contains { $0.hasPrefix(kind.rawValue) } == true)
        for field in kind.info.fieldNames {
            let completion = completer.complete("(\(kind.rawValue) \(Self.subject(kind))).\(field)")
            let offered = completion.map { $0.choices.isEmpty ? [$0.insertion] : $0.choices } ?? []
            #expect(offered.contains(field) || offered.contains { field.hasPrefix($0) }, "\(kind).\(field)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func anUnknownReferenceGetsDidYouMean(kind: EntityKind) {
        for clause in kind.info.clauses {
            guard let target = clause.shape.refers else { continue }
            let line = "\(kind.rawValue) misspelt_\(kind.rawValue) "
                + (kind.info.clauses.filter { $0.required && $0.keyword != clause.keyword }.map { Self.clauseText($0) }
                    + [Self.clauseText(clause, misspelt: true)]).joined(separator: " ")
            let (interpreter, _) = Self.load(Self.fixture() + line + "\n")
            let problems = interpreter.check().filter { $0.code == target.info.unknownCode }
            #expect(problems.map(\.message) == ["unknown \(target.rawValue) \"\(Self.target(target))x\""], "\(line)")
            #expect(problems.map(\.hint) == ["did you mean \"\(Self.target(target))\"?"], "\(line)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseCanBeDroppedUnlessRequired(kind: EntityKind) {
        for clause in kind.info.clauses {
            let update = "update \(kind.rawValue) \(Self.subject(kind)) drop \(clause.keyword.rawValue)\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            let index = interpreter.plan.index(of: kind, named: Self.subject(kind)) ?? -1
            let written = kind.info.written(interpreter.plan, index).map { Formatter.clause($0.0, $0.1, indent: "") }
            if clause.required {
                #expect(Self.errors(outcomes) == ["a \(kind.rawValue) must have `\(clause.keyword.rawValue)`"], "\(update)")
            } else {
                #expect(Self.errors(outcomes) == [], "\(update)")
                #expect(!written.contains(Self.clauseText(clause)), "\(update) leaves \(written)")
            }
        }
    }

    @Test(arguments: EntityKind.allCases)
    func namesCanBeTakenOutOfEveryListClause(kind: EntityKind) {
        for clause in kind.info.clauses where clause.shape.isList {
            let name = clause.shape.refers.map(Self.target) ?? "alpha"
            let update = "update \(kind.rawValue) \(Self.subject(kind)) drop \(clause.keyword.rawValue) \(name)\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            #expect(Self.errors(outcomes) == [], "\(update)")
            let index = interpreter.plan.index(of: kind, named: Self.subject(kind)) ?? -1
            var left: [String] = []
            kind.info.written(interpreter.plan, index).first { $0.0 == clause.keyword }?.1.forEachName { name, _ in left.append(name.text) }
            #expect(!left.contains(name), "\(update) leaves \(left)")
            // A name the clause does not hold is an error, with what it holds.
            let (_, wrong) = Self.load(Self.fixture() + "update \(kind.rawValue) \(Self.subject(kind)) drop \(clause.keyword.rawValue) nothere\n")
            #expect(Self.errors(wrong) == ["\(kind.rawValue) \"\(Self.subject(kind))\" has no \"nothere\" in `\(clause.keyword.rawValue)`"])
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindCanBeRenamedAndEveryReferenceFollows(kind: EntityKind) {
        let (before, _) = Self.load(Self.fixture())
        let (interpreter, outcomes) = Self.load(Self.fixture() + "rename \(kind.rawValue) \(Self.target(kind)) to \"renamed one\"\n")
        #expect(Self.errors(outcomes) == [])
        #expect(interpreter.plan.index(of: kind, named: Self.target(kind)) == nil)
        #expect(interpreter.plan.index(of: kind, named: "renamed one") != nil)
        // No reference points nowhere, and every one that named the old name names the new one.
        #expect(interpreter.check().filter { $0.severity == .error }.map(\.message) == [])
        var old = 0
        var new = 0
        for other in EntityKind.allCases {
            other.info.forEachReference(before.plan, nil) { _, reference in
                if reference.kind == kind, reference.name.text == Self.target(kind) { old += 1 }
            }
            other.info.forEachReference(interpreter.plan, nil) { _, reference in
                if reference.kind == kind, reference.name.text == "renamed one" { new += 1 }
            }
        }
        #expect(new == old)
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindCanBeRemovedOnceNothingRefersToIt(kind: EntityKind) {
        let (interpreter, outcomes) = Self.load(Self.fixture() + "remove \(kind.rawValue) \(Self.subject(kind))\n")
        #expect(Self.errors(outcomes) == [])
        #expect(interpreter.plan.index(of: kind, named: Self.subject(kind)) == nil)
        #expect(interpreter.plan.count(of: kind) == 1)
        // The target is referred to by a subject whenever any kind's clause refers to its kind.
        let referred = EntityKind.allCases.contains { other in other.info.clauses.contains { $0.shape.refers == kind } }
        let (kept, refused) = Self.load(Self.fixture() + "remove \(kind.rawValue) \(Self.target(kind))\n")
        if referred {
            #expect(Self.errors(refused).first?.hasPrefix("cannot remove \(kind.rawValue) \"\(Self.target(kind))\": ") == true)
            #expect(kept.plan.index(of: kind, named: Self.target(kind)) != nil)
        } else {
            #expect(Self.errors(refused) == [])
        }
    }

    @Test(arguments: EntityKind.allCases)
    func saveEditsOnlyTheChangedEntityOfEveryKind(kind: EntityKind) throws {
        let process = try PlanProcess()
        let text = "# every kind\n" + Self.fixture()
        try process.write("walk.plan", text)
        // A clause whose alternate sample differs from the fixture's: not a flag, not a list.
        guard let clause = kind.info.clauses.first(where: { clause in
            !clause.shape.isList && Self.sample(clause.shape) != Self.sample(clause.shape, alternate: true)
        }) else { return }
        let script = "update \(kind.rawValue) \(Self.subject(kind)) \(Self.clauseText(clause, alternate: true))\n:save\n"
        let run = try process.run(["repl", "walk.plan"], stdin: script)
        #expect(run.status == 0, "\(run.stderr)")
        let saved = try String(contentsOf: process.folder.appendingPathComponent("walk.plan"), encoding: .utf8)
        let changed = zip(text.split(separator: "\n"), saved.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1, "\(changed)")
        #expect(changed.first?.1.contains(Self.clauseText(clause, alternate: true)) == true)
        #expect(saved.split(separator: "\n").count == text.split(separator: "\n").count)
    }
}
