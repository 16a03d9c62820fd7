import Foundation
@testable import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput
import Testing

/// Every kind of entity, taken from the list of kinds and never from a list
/// written here, through every path a kind must reach: declared with every
/// clause and every field read, updated clause by clause, through `fmt`,
/// through `:save` to a new file and back, through the JSON export,
/// completed in the REPL, and its unknown references answered with "did you
/// mean". What a description leaves out fails here too: a column that is no
/// field, a clause of names that refers to no kind, a field the log gives
/// that stays empty. Each kind is walked on a plan of its own (its entity,
/// what it refers to and what refers to it), so a broken kind fails under
/// its own name.
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
            return load(fixture(kind)).0.asOfToday.name(of: kind, at: 0)?.text ?? "?"
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
    /// A name is the target of `naming`, else of the first kind the clause
    /// may name.
    static func sample(_ shape: ClauseShape, alternate: Bool = false, misspelt: Bool = false,
                       naming: EntityKind? = nil) -> String {
        switch shape {
        case .flag: return ""
        case .whole(_, let range): return String((range?.lowerBound ?? 0) + (alternate ? 2 : 1))
        case .text: return alternate ? "\"changed\"" : "\"a sample\""
        case .date: return alternate ? "2028-01-31" : "2027-06-30"
        case .duration: return alternate ? "3 months" : "6 weeks"
        case .amount(_, let unit): return (alternate ? "1.5" : "2") + (unit.map { " " + $0.rawValue } ?? "")
        case .name(_, let kinds), .names(_, let kinds):
            guard let kind = naming ?? kinds.first else { return alternate ? "gamma" : "alpha, beta" }
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

    static func clauseText(_ clause: ClauseSyntax, alternate: Bool = false, misspelt: Bool = false,
                           naming: EntityKind? = nil) -> String {
        let value = sample(clause.shape, alternate: alternate, misspelt: misspelt, naming: naming)
        let word = (clause.lead.map { $0.rawValue + " " } ?? "") + clause.keyword.rawValue
        return value.isEmpty ? word : word + " " + value
    }

    /// The kind whose target a clause's sample names.
    static func named(_ clause: ClauseSyntax, naming: EntityKind? = nil) -> EntityKind? {
        naming ?? clause.shape.refers.first
    }

    /// The plan `kind` is walked on: its subject with every clause, a target
    /// of its kind, the targets the subject names, one entity of every other
    /// kind naming the target in each clause that may refer to the kind, and
    /// the targets those name, each with only the clauses it must have. A
    /// kind worked out from the others (quarters) is walked on the plan of
    /// every kind. `without` leaves out the entity of that kind naming the target.
    static func fixture(_ kind: EntityKind, without: EntityKind? = nil) -> String {
        guard !kind.info.derived else { return everyKind() }
        var targetKinds: [EntityKind] = kind.info.head == .none ? [] : [kind]
        func naming(_ clauses: [(ClauseSyntax, EntityKind?)]) -> String {
            for (clause, kind) in clauses {
                if let target = named(clause, naming: kind), !targetKinds.contains(target) { targetKinds.append(target) }
            }
            return clauses.map { clauseText($0.0, naming: $0.1) }.joined(separator: " ")
        }
        let subject = declared(kind) + " " + naming(allClauses(kind).map { ($0, nil) })
        var referrers: [String] = []
        for other in declaredKinds where other != kind && other != without {
            let referring = other.info.clauses.filter { $0.shape.refers.contains(kind) }
            guard !referring.isEmpty else { continue }
            let required = other.info.clauses.filter { $0.required && !referring.map(\.keyword).contains($0.keyword) }
            referrers.append(declared(other) + " " + naming(required.map { ($0, nil) } + referring.map { ($0, kind) }))
        }
        // The targets, and what they must name in turn.
        var targets: [String] = []
        var position = 0
        while position < targetKinds.count {
            let target = targetKinds[position]
            position += 1
            let required = target.info.clauses.filter(\.required).map { ($0, nil as EntityKind?) }
            targets.append(([declared(target, subject: false), naming(required)].filter { !$0.isEmpty }).joined(separator: " "))
        }
        return (["vision \"Walk \(kind.rawValue)\""] + targets + [subject] + referrers).joined(separator: "\n") + "\n"
    }

    /// One subject of every kind with every clause, and the targets they
    /// refer to with only the clauses they must have.
    static func everyKind() -> String {
        var lines = ["vision \"Walk every kind\""]
        for kind in declaredKinds {
            let required = kind.info.clauses.filter(\.required).map { clauseText($0) }
            // A kind said once in a plan (the review) has no second entity to refer to.
            if kind.info.head != .none { lines.append(([declared(kind, subject: false)] + required).joined(separator: " ")) }
            lines.append(([declared(kind)] + allClauses(kind).map { clauseText($0) }).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Clauses whose names are free words (labels), not entities; any other
    /// clause of names must refer to a kind, or a misspelt name checks clean
    /// and `rename` leaves it behind.
    static let freeTextClauses: Set<Keyword> = [.tags]

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

    @Test(arguments: EntityKind.allCases)
    func theKindsPlanDeclaresItWithoutErrors(kind: EntityKind) {
        let (interpreter, outcomes) = Self.load(Self.fixture(kind))
        #expect(Self.errors(outcomes) == [])
        #expect(interpreter.check().filter { $0.severity == .error }.map(\.message) == [])
        if kind.info.derived {
            #expect(interpreter.asOfToday.count(of: kind) > 0)
        } else {
            #expect(interpreter.plan.count(of: kind) == (kind.info.head == .none ? 1 : 2))
        }
    }

    @Test func thePlanOfEveryKindDeclaresThemAllWithoutErrors() {
        let (interpreter, outcomes) = Self.load(Self.everyKind())
        #expect(Self.errors(outcomes) == [])
        #expect(interpreter.check().filter { $0.severity == .error }.map(\.message) == [])
        for kind in Self.declaredKinds {
            #expect(interpreter.plan.count(of: kind) == (kind.info.head == .none ? 1 : 2), "\(kind)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyColumnIsAFieldOfTheKind(kind: EntityKind) {
        #expect(!kind.info.columns.isEmpty)
        for column in kind.info.columns {
            #expect(kind.info.field(named: column.field) != nil, "the column \(column.field) is no field of a \(kind.rawValue)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseOfNamesRefersToAKindUnlessItTakesFreeWords(kind: EntityKind) {
        for clause in kind.info.clauses {
            switch clause.shape {
            case .name, .names:
                if Self.freeTextClauses.contains(clause.keyword) {
                    #expect(clause.shape.refers.isEmpty, "`\(clause.keyword.rawValue)` of a \(kind.rawValue) takes free words")
                } else {
                    #expect(!clause.shape.refers.isEmpty, "`\(clause.keyword.rawValue)` of a \(kind.rawValue) refers to no kind")
                }
            case .flag, .whole, .text, .date, .duration, .amount, .skillNeeds, .skillLevel:
                #expect(!Self.freeTextClauses.contains(clause.keyword), "`\(clause.keyword.rawValue)` of a \(kind.rawValue)")
            }
        }
    }

    /// A field the log gives the entity is empty until an entry names it,
    /// and has a value once one does: the entry names it in every clause
    /// that may, with every clause that names nothing (its hours, `reviewed`).
    @Test(arguments: EntityKind.allCases)
    func everyFieldTheLogGivesHasAValueOnceAnEntryNamesTheEntity(kind: EntityKind) throws {
        let logged = kind.info.fields.filter(\.fromLog)
        // A field that lists log entries can only be given by the log.
        for field in kind.info.fields where field.type == .list(.entity(.log)) {
            #expect(field.fromLog, "\(kind).\(field.name) lists log entries but is not marked fromLog")
        }
        guard !logged.isEmpty else { return }
        let clauses = Self.allClauses(.log).filter { $0.shape.refers.isEmpty || $0.shape.refers.contains(kind) }
        let entry = "log 2026-11-04 \"names it\" " + clauses.map { Self.clauseText($0, naming: kind) }.joined(separator: " ") + "\n"
        let without = Self.fixture(kind, without: .log)
        for (text, named) in [(without, false), (without + entry, true)] {
            let (interpreter, outcomes) = Self.load(text)
            #expect(Self.errors(outcomes) == [], "\(entry)")
            let current = interpreter.asOfToday
            let index = try #require(current.index(of: kind, named: Self.key(kind, subject: false)))
            let evaluator = Evaluator(plan: current, today: Self.today, bindings: [:])
            for field in logged {
                let value = evaluator.fieldValue(field.name, of: .entity(kind, index))
                let empty = value.map(Self.isEmpty) ?? true
                #expect(empty != named, "\(kind).\(field.name) is \(String(describing: value)) \(named ? "after" : "before") \(entry)")
            }
        }
    }

    /// Nothing to show: none, no items, zero, false.
    static func isEmpty(_ value: Value) -> Bool {
        switch value {
        case .none: return true
        case .list(let items): return items.isEmpty
        case .number(let number): return number == 0
        case .bool(let flag): return !flag
        case .string, .date, .duration, .entity, .group, .gap: return false
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyFieldReadsAsItsTypeSays(kind: EntityKind) {
        let (interpreter, _) = Self.load(Self.fixture(kind))
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
        case (.gap, .gap): return true
        case (.list(let items), .list(let inner)): return items.allSatisfy { matches($0, inner) }
        default: return false
        }
    }

    @Test(arguments: EntityKind.allCases)
    func everyClauseCanBeUpdated(kind: EntityKind) {
        guard !kind.info.derived else { return }
        for clause in Self.changeable(kind) {
            let update = "\(Self.updating(kind)) \(Self.clauseText(clause, alternate: true))\n"
            let (interpreter, outcomes) = Self.load(Self.fixture(kind) + update)
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
        let (_, outcomes) = Self.load(Self.fixture(kind) + "\(Self.updating(kind)) drop \(keyword.rawValue)\n")
        #expect(Self.errors(outcomes) == ["`\(keyword.rawValue)` says which \(kind.rawValue) this is: it cannot be dropped"])
    }

    @Test(arguments: EntityKind.allCases)
    func fmtKeepsTheKind(kind: EntityKind) throws {
        let source = Source(name: "walk.plan", text: Self.fixture(kind))
        let formatted = try #require(Formatter.format(source).text)
        let (before, _) = Self.load(Self.fixture(kind))
        let (after, outcomes) = Self.load(formatted)
        #expect(Self.errors(outcomes) == [])
        #expect(JSONExport.render(after.plan, today: Self.today) == JSONExport.render(before.plan, today: Self.today))
        for declared in Self.declaredKinds where Self.fixture(kind).contains("\n" + Self.declared(declared)) {
            #expect(formatted.contains(Self.declared(declared)), "\(declared)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func saveToANewFileAndBackKeepsTheKind(kind: EntityKind) throws {
        let process = try PlanProcess()
        try process.write("walk.plan", Self.fixture(kind))
        let saved = try process.run(["repl", "walk.plan"], stdin: ":save saved.plan\n")
        #expect(saved.status == 0, "\(saved.stderr)")
        let original = try process.run(["export", "--format", "json", "--today", "2026-11-25", "walk.plan"])
        let reread = try process.run(["export", "--format", "json", "--today", "2026-11-25", "saved.plan"])
        #expect(reread.status == 0, "\(reread.stderr)")
        #expect(reread.stdout == original.stdout)
        let text = try String(contentsOf: process.folder.appendingPathComponent("saved.plan"), encoding: .utf8)
        for declared in Self.declaredKinds where Self.fixture(kind).contains("\n" + Self.declared(declared)) {
            let words = [declared.rawValue] + (declared.alias.map { [$0.declares.rawValue] } ?? [])
            #expect(words.contains { text.contains($0 + Self.declared(declared).dropFirst(declared.rawValue.count)) }, "\(declared)")
        }
    }

    @Test(arguments: EntityKind.allCases)
    func theJSONExportHoldsEveryKindWithEveryMember(kind: EntityKind) throws {
        let (interpreter, _) = Self.load(Self.fixture(kind))
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
        let (interpreter, _) = Self.load(Self.fixture(kind))
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
        let (interpreter, _) = Self.load(Self.fixture(kind))
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
            let (interpreter, _) = Self.load(Self.fixture(kind) + line + "\n")
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
            let (interpreter, outcomes) = Self.load(Self.fixture(kind) + update)
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
            let (interpreter, outcomes) = Self.load(Self.fixture(kind) + update)
            #expect(Self.errors(outcomes) == [], "\(update)")
            let index = interpreter.plan.index(of: kind, named: Self.key(kind)) ?? -1
            var left: [String] = []
            kind.info.written(interpreter.plan, index).first { $0.0 == clause.keyword }?.1.forEachName { name, _ in left.append(name.text) }
            #expect(!left.contains(name), "\(update) leaves \(left)")
            // A name the clause does not hold is an error, with what it holds.
            let (_, wrong) = Self.load(Self.fixture(kind) + "\(Self.updating(kind)) drop \(clause.keyword.rawValue) nothere\n")
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
            let (interpreter, outcomes) = Self.load(Self.fixture(kind) + moved)
            #expect(Self.errors(outcomes) == [], "\(moved)")
            #expect(interpreter.plan.count(of: kind) == 2)
            var found = interpreter
            let removed = found.run(Source(name: "again", text: "remove \(kind.rawValue) \(Self.picking(kind, subject: false, day: "2027-02-27"))\n"))
            #expect(Self.errors(removed) == [], "\(moved)")
            #expect(found.plan.count(of: kind) == 1)
            return
        }
        let (before, _) = Self.load(Self.fixture(kind))
        let (interpreter, outcomes) = Self.load(Self.fixture(kind) + "rename \(kind.rawValue) \(Self.target(kind)) to \"renamed one\"\n")
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
        // The plan holds a reference in every clause that may name the kind.
        let referred = Self.declaredKinds.contains { other in other.info.clauses.contains { $0.shape.refers.contains(kind) } }
        #expect((old > 0) == referred, "\(old) references")
    }

    @Test(arguments: EntityKind.allCases)
    func everyKindCanBeRemovedOnceNothingRefersToIt(kind: EntityKind) {
        guard !kind.info.derived else { return }
        let (before, _) = Self.load(Self.fixture(kind))
        let (interpreter, outcomes) = Self.load(Self.fixture(kind) + "remove \(kind.rawValue) \(Self.picking(kind))\n")
        #expect(Self.errors(outcomes) == [], "\(kind)")
        #expect(interpreter.plan.index(of: kind, named: Self.key(kind)) == nil, "\(kind)")
        #expect(interpreter.plan.count(of: kind) == before.plan.count(of: kind) - 1, "\(kind)")
        guard kind.info.identity == .name, kind.info.head == .name else { return }
        // The target is referred to by a subject whenever any kind's clause refers to its kind.
        let referred = EntityKind.allCases.contains { other in other.info.clauses.contains { $0.shape.refers.contains(kind) } }
        let (kept, refused) = Self.load(Self.fixture(kind) + "remove \(kind.rawValue) \(Self.target(kind))\n")
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
        let text = "# every kind\n" + Self.fixture(kind)
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
