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

    /// What an entity is found by: its name, or for a kind headed by a
    /// date (a log entry) the date, the subject's before the target's.
    static func key(_ kind: EntityKind, subject: Bool = true) -> String {
        if kind.info.derived {
            return load(fixture()).0.asOfToday.name(of: kind, at: 0)?.text ?? "?"
        }
        switch kind.info.head {
        case .name: return subject ? self.subject(kind) : target(kind)
        case .none: return kind.rawValue
        case .amount: return subject ? "12" : "8"
        case .date: return subject ? "2026-11-03" : "2026-11-04"
        }
    }

    /// The start of a declaration: keyword and name, or keyword, date and text.
    static func declared(_ kind: EntityKind, subject: Bool = true) -> String {
        switch kind.info.head {
        case .name: return "\(kind.rawValue) \(key(kind, subject: subject))"
        case .none: return kind.rawValue
        case .amount(let words): return "\(kind.rawValue) \(key(kind, subject: subject)) " + words.joined(separator: " ")
        case .date: return "\(kind.rawValue) \(key(kind, subject: subject)) \"walk\""
        }
    }

    /// What says which entity an `update`, `remove` or `rename` is about,
    /// after the kind: the name, a log entry's date and text, a capacity's
    /// `from` (none for the target, which starts at the beginning). With
    /// `day`, the entity moved to that day.
    static func picking(_ kind: EntityKind, subject: Bool = true, day: String? = nil) -> String {
        switch kind.info.identity {
        case .name: return kind.info.head == .none ? "" : key(kind, subject: subject)
        case .dayAndText: return "\(day ?? key(kind, subject: subject)) \"walk\""
        case .dayClause(let keyword):
            guard let clause = kind.info.clause(keyword) else { return "" }
            if let day { return "\(keyword.rawValue) \(day)" }
            return subject ? clauseText(clause) : ""
        }
    }

    /// An `update` of the subject, up to its clauses: for a capacity, the
    /// hours it is to have and the `from` that says which.
    static func updating(_ kind: EntityKind) -> String {
        guard case .dayClause = kind.info.identity else { return "update \(declared(kind))" }
        return "update \(declared(kind)) \(picking(kind))"
    }

    /// The clauses an `update` can change: not the one that says which entity.
    static func changeable(_ kind: EntityKind) -> [ClauseSyntax] {
        kind.info.clauses.filter { clause in
            if case .dayClause(clause.keyword) = kind.info.identity { return false }
            return true
        }
    }

    /// An expression for the subject: `(goal k_goal)`, or the first of a
    /// collection ordered by date.
    static func reference(_ kind: EntityKind) -> String {
        switch kind.info.head {
        case .name where !kind.info.derived: return "(\(kind.rawValue) \(subject(kind)))"
        case .none: return "first(\(kind.plural))"
        case .name, .amount, .date:
            // The one whose first field is the subject's key.
            let first = kind.info.fieldNames.first ?? "name"
            let bare = Double(key(kind)) != nil || kind.info.fields.first?.type == .date
            let literal = bare ? key(kind) : Literal.string(key(kind))
            return "first(\(kind.plural) where \(first) == \(literal))"
        }
    }

    /// The first field's value as JSON gives it, as text.
    static func text(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// What to write after a clause keyword: a sample of its shape, the
    /// second one (`alternate`) different from the first for every shape.
    static func sample(_ shape: ClauseShape, alternate: Bool = false, misspelt: Bool = false) -> String {
        switch shape {
        case .flag: return ""
        case .whole(_, let range): return String((range?.lowerBound ?? 0) + (alternate ? 2 : 1))
        case .text: return alternate ? "\"changed\"" : "\"a sample\""
        case .date: return alternate ? "2028-01-31" : "2027-06-30"
        case .duration: return alternate ? "3 months" : "6 weeks"
        case .amount(_, let unit): return (alternate ? "1.5" : "2") + (unit.map { " " + $0.rawValue } ?? "")
        case .name(_, let kinds), .names(_, let kinds):
            guard let kind = kinds.first else { return alternate ? "gamma" : "alpha, beta" }
            return target(kind) + (misspelt ? "x" : "")
        case .skillNeeds: return "skill " + target(.skill) + (misspelt ? "x" : "") + (alternate ? " at 1" : " at 2")
        case .skillLevel: return target(.skill) + (misspelt ? "x" : "") + (alternate ? " level 1" : " level 2")
        }
    }

    /// Every clause of the kind, one of each group that sets the same thing.
    static func allClauses(_ kind: EntityKind, alternate: Bool = false) -> [ClauseSyntax] {
        var slots = Set<Keyword>()
        // The text after a date head is that clause already.
        if case .date(let text) = kind.info.head { slots.insert(text) }
        // The last of each group that sets one thing: a goal `doing`, not `done`, so that it asks for hours.
        return kind.info.clauses.reversed().filter { slots.insert($0.slot).inserted }.reversed()
    }

    static func clauseText(_ clause: ClauseSyntax, alternate: Bool = false, misspelt: Bool = false) -> String {
        let value = sample(clause.shape, alternate: alternate, misspelt: misspelt)
        let word = (clause.lead.map { $0.rawValue + " " } ?? "") + clause.keyword.rawValue
        return value.isEmpty ? word : word + " " + value
    }

    /// One subject of every kind with every clause, and the targets they
    /// refer to with only the clauses they must have.
    static func fixture() -> String {
        var lines = ["vision \"Walk every kind\""]
        for kind in declaredKinds {
            let required = kind.info.clauses.filter(\.required).map { clauseText($0) }
            // A kind said once in a plan (the review) has no second entity to refer to.
            if kind.info.head != .none { lines.append(([declared(kind, subject: false)] + required).joined(separator: " ")) }
            lines.append(([declared(kind)] + allClauses(kind).map { clauseText($0) }).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The kinds a plan declares; the others (quarters) are worked out from them.
    static let declaredKinds = EntityKind.allCases.filter { !$0.info.derived }

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
        for kind in Self.declaredKinds {
            #expect(interpreter.plan.count(of: kind) == (kind.info.head == .none ? 1 : 2), "\(kind)")
        }
        for kind in EntityKind.allCases where kind.info.derived {
            #expect(interpreter.asOfToday.count(of: kind) > 0, "\(kind)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyFieldReadsAsItsTypeSays(kind: EntityKind) {
        let (interpreter, _) = Self.load(Self.fixture())
        let current = interpreter.asOfToday
        let index = current.index(of: kind, named: Self.key(kind))
        #expect(index != nil)
        let evaluator = Evaluator(plan: current, today: Self.today, bindings: [:])
        for field in kind.info.fields {
            let value = evaluator.fieldValue(field.name, of: .entity(kind, index ?? -1))
            #expect(value.map { Self.matches($0, field.type) } == true, "\(kind).\(field.name) is \(String(describing: value))")
        }
        // And by name, as a person asks.
        for field in kind.info.fields {
            var session = interpreter
            let outcomes = session.run(Source(name: "ask", text: "\(Self.reference(kind)).\(field.name)\n"))
            #expect(Self.errors(outcomes) == [], "\(kind).\(field.name)")
        }
    }

    static func matches(_ value: Value, _ type: FieldType) -> Bool {
        switch (value, type) {
        case (.none, .optional): return true
        case (_, .optional(let inner)): return matches(value, inner)
        case (.number, .number), (.string, .string), (.bool, .bool), (.date, .date), (.duration, .duration): return true
        case (.entity(let kind, _), .entity(let expected)): return kind == expected
        case (.entity(let kind, _), .oneOf(let expected)): return expected.contains(kind)
        case (.list(let items), .list(let inner)): return items.allSatisfy { matches($0, inner) }
        default: return false
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseCanBeUpdated(kind: EntityKind) {
        guard !kind.info.derived else { return }
        for clause in Self.changeable(kind) {
            let update = "\(Self.updating(kind)) \(Self.clauseText(clause, alternate: true))\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            #expect(Self.errors(outcomes) == [], "\(update)")
            let index = interpreter.plan.index(of: kind, named: Self.key(kind)) ?? -1
            let written = kind.info.written(interpreter.plan, index)
                .map { Formatter.clause($0.0, $0.1, of: kind, indent: "") }
            let expected = Self.clauseText(clause, alternate: true)
            if clause.shape.isList {
                #expect(written.contains { $0.hasPrefix(expected.prefix { $0 != " " } + " ") }, "\(update)")
            } else {
                #expect(written.contains(expected), "\(update) gives \(written)")
            }
        }
    }

    /// What picks an entity out of others of its name is no clause to change.
    @Test(arguments: EntityKind.allCases)
    func theClauseThatSaysWhichEntityCannotBeDropped(kind: EntityKind) {
        guard case .dayClause(let keyword) = kind.info.identity else { return }
        let (_, outcomes) = Self.load(Self.fixture() + "\(Self.updating(kind)) drop \(keyword.rawValue)\n")
        #expect(Self.errors(outcomes) == ["`\(keyword.rawValue)` says which \(kind.rawValue) this is: it cannot be dropped"])
    }

    @Test func fmtKeepsEveryKind() throws {
        let source = Source(name: "walk.plan", text: Self.fixture())
        let formatted = try #require(Formatter.format(source).text)
        let (before, _) = Self.load(Self.fixture())
        let (after, outcomes) = Self.load(formatted)
        #expect(Self.errors(outcomes) == [])
        #expect(JSONExport.render(after.plan, today: Self.today) == JSONExport.render(before.plan, today: Self.today))
        for kind in Self.declaredKinds {
            #expect(formatted.contains(Self.declared(kind)), "\(kind)")
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
        for kind in Self.declaredKinds {
            let words = [kind.rawValue] + (kind.alias.map { [$0.declares.rawValue] } ?? [])
            #expect(words.contains { text.contains($0 + Self.declared(kind).dropFirst(kind.rawValue.count)) }, "\(kind)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func theJSONExportHoldsEveryKindWithEveryMember(kind: EntityKind) throws {
        let (interpreter, _) = Self.load(Self.fixture())
        let text = JSONExport.render(interpreter.asOfToday, today: Self.today)
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let entities = try #require(document?[kind.plural] as? [[String: Any]], "no \(kind.plural) in the export")
        let first = try #require(kind.info.fieldNames.first)
        let subject = try #require(entities.first { kind.info.head == .none || Self.text($0[first]) == Self.key(kind) })
        // Every field, whatever order the export gives them in.
        #expect(Set(subject.keys) == Set(kind.info.fieldNames))
        #expect(kind.info.exportMembers.count == kind.info.fieldNames.count, "\(kind)")
    }

    @Test(arguments: EntityKind.allCases)
    func answersShowTheKindAsATableAndAsJSON(kind: EntityKind) throws {
        let (interpreter, _) = Self.load(Self.fixture())
        var session = interpreter
        let outcomes = session.run(Source(name: "ask", text: "\(kind.plural)\n\(Self.reference(kind))\n"))
        let values = outcomes.compactMap { outcome -> Value? in
            if case .answer(let value, _, _) = outcome { return value }
            return nil
        }
        #expect(values.count == 2)
        let table = Answers.text(values.first ?? .none, plan: session.asOfToday, today: Self.today)
        let header = try #require(table.split(separator: "\n").first)
        // Every column but those left out when no row has a value for them.
        let shown = header.split(separator: " ").map(String.init)
        #expect(shown == kind.info.columns.filter { !$0.optional || shown.contains($0.header) }.map(\.header), "\(kind)")
        if kind.info.head != .none { #expect(table.contains(Self.key(kind))) }
        let json = Answers.json(values.last ?? .none, plan: session.asOfToday, today: Self.today).serialized()
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["kind"] as? String == kind.rawValue, "\(json)")
        let first = kind.info.fieldNames.first ?? "name"
        #expect(json.hasPrefix("{\"kind\":\"\(kind.rawValue)\",\"\(first)\":"), "\(json)")
        if kind.info.head != .none { #expect(Self.text(object?[first]) == Self.key(kind), "\(json)") }
    }

    @Test(arguments: EntityKind.allCases)
    func theREPLCompletesTheKeywordAndEveryField(kind: EntityKind) {
        let (interpreter, _) = Self.load(Self.fixture())
        let completer = Completer(plan: interpreter.plan)
        let keyword = completer.complete(kind.rawValue)
        #expect(keyword?.insertion.hasPrefix(kind.rawValue) == true)
        #expect(keyword.map { $0.choices.isEmpty ? [$0.insertion] : $0.choices }?.contains { $0.hasPrefix(kind.rawValue) } == true)
        for field in kind.info.fieldNames {
            let completion = completer.complete("\(Self.reference(kind)).\(field)")
            let offered = completion.map { $0.choices.isEmpty ? [$0.insertion] : $0.choices } ?? []
            #expect(offered.contains(field) || offered.contains { field.hasPrefix($0) }, "\(kind).\(field)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func anUnknownReferenceGetsDidYouMean(kind: EntityKind) {
        for clause in kind.info.clauses {
            let kinds = clause.shape.refers
            guard let target = kinds.first else { continue }
            let head: String
            switch kind.info.head {
            case .name: head = "\(kind.rawValue) misspelt_\(kind.rawValue)"
            case .none: head = kind.rawValue
            case .amount(let words): head = "\(kind.rawValue) 3 " + words.joined(separator: " ")
            case .date: head = "\(kind.rawValue) 2026-11-05"
            }
            let line = head + " "
                + (kind.info.clauses.filter { $0.required && $0.keyword != clause.keyword }.map { Self.clauseText($0) }
                    + [Self.clauseText(clause, misspelt: true)]).joined(separator: " ")
            let (interpreter, _) = Self.load(Self.fixture() + line + "\n")
            let problems = interpreter.check().filter { $0.code == target.info.unknownCode }
            // A name that may be of several kinds is unknown as each of them.
            let words = kinds.map(\.rawValue)
            let what = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
            #expect(problems.map(\.message) == ["unknown \(what) \"\(Self.target(target))x\""], "\(line)")
            #expect(problems.map(\.hint) == ["did you mean \"\(Self.target(target))\"?"], "\(line)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseCanBeDroppedUnlessRequired(kind: EntityKind) {
        guard !kind.info.derived else { return }
        for clause in Self.changeable(kind) {
            let update = "\(Self.updating(kind)) drop \(clause.keyword.rawValue)\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            let index = interpreter.plan.index(of: kind, named: Self.key(kind)) ?? -1
            let written = kind.info.written(interpreter.plan, index).map {
                Formatter.clause($0.0, $0.1, of: kind, indent: "")
            }
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
        guard !kind.info.derived else { return }
        for clause in kind.info.clauses where clause.shape.isList {
            let name = clause.shape.refers.first.map(Self.target) ?? "alpha"
            let update = "\(Self.updating(kind)) drop \(clause.keyword.rawValue) \(name)\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + update)
            #expect(Self.errors(outcomes) == [], "\(update)")
            let index = interpreter.plan.index(of: kind, named: Self.key(kind)) ?? -1
            var left: [String] = []
            kind.info.written(interpreter.plan, index).first { $0.0 == clause.keyword }?.1.forEachName { name, _ in left.append(name.text) }
            #expect(!left.contains(name), "\(update) leaves \(left)")
            // A name the clause does not hold is an error, with what it holds.
            let (_, wrong) = Self.load(Self.fixture() + "\(Self.updating(kind)) drop \(clause.keyword.rawValue) nothere\n")
            let subject = kind.info.identity == .name ? "\(kind.rawValue) \"\(Self.subject(kind))\"" : "\(kind.rawValue) \(Self.picking(kind))"
            #expect(Self.errors(wrong) == ["\(subject) has no \"nothere\" in `\(clause.keyword.rawValue)`"])
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindCanBeRenamedAndEveryReferenceFollows(kind: EntityKind) {
        guard !kind.info.derived, kind.info.head != .none else { return }
        guard kind.info.identity == .name else {
            // Without a name of its own, an entity moves to another day.
            let moved = "rename \(kind.rawValue) \(Self.picking(kind, subject: false)) to 2027-02-27\n"
            let (interpreter, outcomes) = Self.load(Self.fixture() + moved)
            #expect(Self.errors(outcomes) == [], "\(moved)")
            #expect(interpreter.plan.count(of: kind) == 2)
            var found = interpreter
            let removed = found.run(Source(name: "again", text: "remove \(kind.rawValue) \(Self.picking(kind, subject: false, day: "2027-02-27"))\n"))
            #expect(Self.errors(removed) == [], "\(moved)")
            #expect(found.plan.count(of: kind) == 1)
            return
        }
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
                if before.plan.resolve(reference.name.text, among: reference.kinds)?.kind == kind,
                   reference.name.text == Self.target(kind) { old += 1 }
            }
            other.info.forEachReference(interpreter.plan, nil) { _, reference in
                if interpreter.plan.resolve(reference.name.text, among: reference.kinds)?.kind == kind,
                   reference.name.text == "renamed one" { new += 1 }
            }
        }
        #expect(new == old)
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindCanBeRemovedOnceNothingRefersToIt(kind: EntityKind) {
        guard !kind.info.derived else { return }
        let (before, _) = Self.load(Self.fixture())
        let (interpreter, outcomes) = Self.load(Self.fixture() + "remove \(kind.rawValue) \(Self.picking(kind))\n")
        #expect(Self.errors(outcomes) == [], "\(kind)")
        #expect(interpreter.plan.index(of: kind, named: Self.key(kind)) == nil, "\(kind)")
        #expect(interpreter.plan.count(of: kind) == before.plan.count(of: kind) - 1, "\(kind)")
        guard kind.info.identity == .name, kind.info.head == .name else { return }
        // The target is referred to by a subject whenever any kind's clause refers to its kind.
        let referred = EntityKind.allCases.contains { other in other.info.clauses.contains { $0.shape.refers.first == kind } }
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
        guard !kind.info.derived else { return }
        let process = try PlanProcess()
        let text = "# every kind\n" + Self.fixture()
        try process.write("walk.plan", text)
        // A clause whose alternate sample differs from the fixture's: not a
        // flag, not a list, not the text a date head writes without its keyword.
        var headText: Keyword?
        if case .date(let keyword) = kind.info.head { headText = keyword }
        guard let clause = Self.changeable(kind).first(where: { clause in
            !clause.shape.isList && clause.keyword != headText && Self.sample(clause.shape) != Self.sample(clause.shape, alternate: true)
        }) else { return }
        let script = "\(Self.updating(kind)) \(Self.clauseText(clause, alternate: true))\n:save\n"
        let run = try process.run(["repl", "walk.plan"], stdin: script)
        #expect(run.status == 0, "\(run.stderr)")
        let saved = try String(contentsOf: process.folder.appendingPathComponent("walk.plan"), encoding: .utf8)
        let changed = zip(text.split(separator: "\n"), saved.split(separator: "\n")).filter { $0 != $1 }
        #expect(changed.count == 1, "\(changed)")
        #expect(changed.first?.1.contains(Self.clauseText(clause, alternate: true)) == true)
        #expect(saved.split(separator: "\n").count == text.split(separator: "\n").count)
    }
}
