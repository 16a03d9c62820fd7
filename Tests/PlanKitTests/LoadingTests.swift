import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The pieces that make loading a large plan fast and small: statements
/// parsed one at a time, dates read from bytes, the name tables, and the
/// compact model types. Each must behave exactly like what it replaced.
@Suite struct LoadingTests {
    // MARK: Statements one at a time

    @Test func statementsOneAtATimeAreTheWholeFilesStatements() {
        let text = "goal \"A\" by 2027-06\nskill x level 9\n1 +\n2 * )\nvalue v\n"
        let source = Source(name: "s.plan", text: text)
        let whole = Parser.parse(source, id: 0)
        var parser = Parser(source, id: 0)
        var ranges: [SourceRange] = []
        while let statement = parser.nextStatement() { ranges.append(statement.range) }
        #expect(ranges == whole.statements.map(\.range))
        #expect(parser.nextStatement() == nil)
        #expect(parser.takeDiagnostics().map(\.message) == whole.diagnostics.map(\.message))
        #expect(parser.takeDiagnostics().isEmpty)
    }

    @Test func diagnosticsAreHandedOverAsTheyAreFound() {
        var parser = Parser(Source(name: "s.plan", text: "skill x level 9\nskill y level 2\n2 * )\n"), id: 0)
        _ = parser.nextStatement()
        #expect(parser.takeDiagnostics().map(\.message) == ["a level must be between 0 and 5, not 9"])
        _ = parser.nextStatement()
        #expect(parser.takeDiagnostics().isEmpty)
        #expect(parser.nextStatement() == nil)
        #expect(parser.takeDiagnostics().map(\.message) == ["expected an expression, found `)`"])
    }

    @Test func diagnosticsToTakeAreKnownWithoutTakingThem() {
        var parser = Parser(Source(name: "s.plan", text: "value a\nskill x level 9\nvalue b\n\"open\nvalue c\n"), id: 0)
        var seen: [Bool] = []
        while parser.nextStatement() != nil {
            seen.append(parser.hasDiagnosticsToTake)
            _ = parser.takeDiagnostics()
            seen.append(parser.hasDiagnosticsToTake)
        }
        // The broken line is no statement: its error is found on the way to `value c`.
        #expect(seen == [false, false, true, false, false, false, true, false])
    }

    @Test func syntaxErrorsStillGoBetweenAnswersInSourceOrder() {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        let outcomes = interpreter.run(Source(name: "q.plan", text: "1 + 1\n2 * )\n3 + 3\n'\n4\n"))
        let lines = outcomes.map { outcome -> String in
            switch outcome {
            case .answer(let value, _, _): return "answer \(value)"
            case .diagnostic(let diagnostic): return "error \(diagnostic.message)"
            }
        }
        #expect(lines == ["answer number(2.0)", "error expected an expression, found `)`", "answer number(6.0)",
                          "error unexpected character '''", "answer number(4.0)"])
    }

    @Test func commentsAreKeptOnlyForTheWholeFileParse() {
        let source = Source(name: "c.plan", text: "# one\ngoal \"A\" # two\n")
        #expect(Parser.parse(source, id: 0).comments.count == 2)
        #expect(Lexer.tokenize(source, id: 0).comments.count == 2)
    }

    @Test func linesStartAfterEachLineFeed() {
        #expect(Source(name: "a", text: "a\nbb\r\n\nc").lineStarts == [0, 2, 6, 7])
        #expect(Source(name: "b", text: "").lineStarts == [0])
        #expect(Source(name: "c", text: "\n").lineStarts == [0, 1])
        #expect(Source(name: "d", text: "no line feed").lineStarts == [0])
    }

    // MARK: Dates from bytes

    @Test func eachDateIsTheDayWrittenWhereverTheLexerHasGotTo() {
        // The lexer keeps the day of the date it made last; a parser a token
        // ahead, or a list of dates, must still get each its own day.
        let text = "milestone m for g by 2027-03\n[2027-01-31, 2027-Q2, 2027-02-28]\nupdate capacity 8 hours per week from 2027-05-01\n"
        var parser = Parser(Source(name: "s.plan", text: text), id: 0)
        var days: [String] = []
        while let statement = parser.nextStatement() {
            switch statement.kind {
            case .declaration(let declaration):
                for clause in declaration.clauses + declaration.key {
                    if case .date(let day) = clause.value { days.append(day.description) }
                }
            case .expression(let expr):
                if case .list(let items) = expr.kind {
                    for item in items { if case .date(let day) = item.kind { days.append(day.description) } }
                }
            default: continue
            }
        }
        #expect(days == ["2027-03-31", "2027-01-31", "2027-06-30", "2027-02-28", "2027-05-01"])
    }

    @Test func datesFromBytesAgreeWithDayParse() {
        let literals = ["2027-06-30", "2027-06", "2027-Q2", "2027-q4", "2028-02-29", "2027-02-29", "2027-13",
                        "2027-00", "2027-Q5", "2027-Q0", "2027-6-30", "2027-06-3", "2027-06-31", "0000-01-01"]
        for literal in literals {
            let bytes = Array(literal.utf8)
            let fast = Lexeme.day(in: bytes, 0, bytes.count)
            #expect(fast == Day.parse(literal), "\(literal)")
        }
    }

    // MARK: Name tables

    @Test func everyNameIsFoundAfterTheTablesGrow() {
        var plan = Plan()
        let names = (0..<5000).map { "goal number \($0)" }
        for (position, name) in names.enumerated() {
            #expect(plan.addIfNew(Goal(name: Name(text: name, range: .none, quoted: true))) == .added(at: position))
        }
        #expect(names.indices.allSatisfy { plan.index(of: .goal, named: names[$0]) == $0 })
        #expect(plan.index(of: .goal, named: "goal number 5000") == nil)
        #expect(plan.index(of: .skill, named: "goal number 1") == nil)
        #expect(plan.addIfNew(Goal(name: Name(text: "goal number 17", range: .none, quoted: true))) == .taken(by: 17))
        #expect(plan.goals.count == 5000)
    }

    @Test func addingATakenNameFindsTheNewerEntity() {
        var plan = Plan()
        plan.add(Skill(name: Name(text: "swift", range: .none, quoted: false)))
        plan.add(Skill(name: Name(text: "rust", range: .none, quoted: false)))
        plan.add(Skill(name: Name(text: "swift", range: .none, quoted: false)))
        #expect(plan.index(of: .skill, named: "swift") == 2)
        #expect(plan.index(of: .skill, named: "rust") == 1)
    }

    @Test func canonicallyEqualNamesAreOneName() {
        // `==` calls each pair equal, so the name tables must too.
        let pairs = [("caf\u{E9}", "cafe\u{301}"), ("\u{212A}elvin", "Kelvin"), ("a\u{37E}", "a;"), ("plain", "plain")]
        for (declared, mentioned) in pairs {
            #expect(declared == mentioned)
            #expect(NameTable.hash(declared) == NameTable.hash(mentioned), "\(declared)")
            var plan = Plan()
            plan.add(CoreValue(name: Name(text: declared, range: .none, quoted: true)))
            #expect(plan.index(of: .value, named: mentioned) == 0, "\(declared)")
        }
        #expect(NameTable.hash("plain") != NameTable.hash("plane"))
    }

    /// Room made for more names part way through filling a table (a file
    /// whose goals are counted before they are read, after others), and
    /// asked for less than it holds: every name is found where it was put.
    @Test func aNameTableGivenRoomPartWayKeepsEveryName() {
        var table = NameTable()
        let names = (0..<3000).map { "a name \($0)" }
        for (position, name) in names.enumerated() {
            if position == 1000 { table.reserve(10_000) }
            if position == 2000 { table.reserve(5) }
            table.set(NameTable.hash(name), position, replacing: nil)
        }
        for (position, name) in names.enumerated() {
            #expect(table.find(NameTable.hash(name)) { names[$0] == name } == position, "\(name)")
        }
        #expect(table.find(NameTable.hash("a name 3000")) { names[$0] == "a name 3000" } == nil)
    }

    @Test func canonicallyEqualNamesAreOneNameWhereverTheCharacterStands() {
        // The bytes are read eight at a time, so each place in a word, in
        // the tail after the last whole word, and past a word boundary.
        let stand = [("K", "\u{212A}"), (";", "\u{37E}"), ("`", "\u{1FEF}"), ("e\u{301}", "\u{E9}")]
        for (ascii, other) in stand {
            for place in 0..<20 {
                let before = String(repeating: "a", count: place)
                let (plain, canonical) = (before + ascii + "bc", before + other + "bc")
                #expect(plain == canonical)
                #expect(NameTable.hash(plain) == NameTable.hash(canonical), "\(plain)")
            }
        }
        for length in 0..<20 {
            let name = String(repeating: "q", count: length)
            #expect(NameTable.hash(name) != NameTable.hash(name + "q"), "\(length)")
            #expect(NameTable.hash(name + "a") != NameTable.hash(name + "b"), "\(length)")
        }
    }

    @Test func aMentionSharesTheDeclaredName() {
        let plan = Session("goal \"a goal with a long name\" by 2027-06\nmilestone m for \"a goal with a long name\" by 2027-01\n")
            .interpreter.plan
        let declared = plan.goals.first?.name.text
        let mentioned = plan.milestones.first?.goal?.text
        #expect(mentioned == declared)
        #expect(plan.milestones.first?.goal?.range.start == 58)
    }

    /// Where a name's text is stored: the same for two Strings made once.
    private func storage(of text: String?) -> UnsafeRawPointer? {
        guard var text else { return nil }
        return text.withUTF8 { $0.baseAddress.map(UnsafeRawPointer.init) }
    }

    @Test func aLongNameReadTwiceIsOneString() {
        let text = "goal g needs skill \"project management\", project_management_2027\n"
            + "goal h needs skill project_management_2027, \"project management\", \"project \\\"management\\\"\"\n"
        var parser = Parser(Source(name: "s.plan", text: text), id: 0)
        var needs: [[Name]] = []
        while let statement = parser.nextStatement() {
            guard case .declaration(let declaration) = statement.kind, case .needs(let list)? = declaration.clauses.first?.value
            else { continue }
            needs.append(list.map(\.skill))
        }
        let first = needs.first ?? []
        let second = needs.last ?? []
        #expect(first.map(\.text) == ["project management", "project_management_2027"])
        #expect(second.map(\.text) == ["project_management_2027", "project management", "project \"management\""])
        #expect(first.map(\.quoted) == [true, false])
        #expect(second.map(\.quoted) == [false, true, true])
        #expect(second.map(\.range.start) == [84, 109, 131])
        #expect(second.map(\.range.end) == [107, 129, 155])
        #expect(storage(of: first.first?.text) == storage(of: second.dropFirst().first?.text))
        #expect(storage(of: first.last?.text) == storage(of: second.first?.text))
    }

    @Test func aListClauseIsMadeAtItsSizeFromItsOwnNames() {
        // Lists are read into room kept from clause to clause, then made at
        // their size: a broken list leaves nothing for the next one.
        let text = "goal g needs skill a, b at 2, c serves v1, v2, v3, v4, v5 after p\n"
            + "goal h serves w1, w2, 3\ngoal i serves x needs skill s\ngoal j serves y1, y2 needs skill t, u\n"
        var parser = Parser(Source(name: "s.plan", text: text), id: 0)
        var lists: [[String]] = []
        var fitted = true
        while let statement = parser.nextStatement() {
            guard case .declaration(let declaration) = statement.kind else { continue }
            for clause in declaration.clauses {
                switch clause.value {
                case .names(let names):
                    lists.append(names.map(\.text))
                    fitted = fitted && names.capacity == names.count
                case .needs(let needs):
                    lists.append(needs.map { $0.skill.text + ($0.level.map { " at \($0)" } ?? "") })
                    fitted = fitted && needs.capacity == needs.count
                default: continue
                }
            }
        }
        #expect(lists == [["a", "b at 2", "c"], ["v1", "v2", "v3", "v4", "v5"], ["p"], ["x"], ["s"], ["y1", "y2"], ["t", "u"]])
        #expect(fitted)
    }

    @Test func aDeclarationIsReadIntoTheClauseListGivenBack() {
        var parser = Parser(Source(name: "s.plan", text: "goal g needs skill a serves v after p by 2027-01\ngoal h by 2027-02\ngoal i\n"), id: 0)
        guard case .declaration(let first)? = parser.nextStatement()?.kind else { Issue.record("no declaration"); return }
        #expect(first.clauses.map(\.keyword) == [.needs, .serves, .after, .by])
        var given = first.clauses
        given.reserveCapacity(100)
        let room = given.capacity
        parser.reuse(given)
        guard case .declaration(let second)? = parser.nextStatement()?.kind else { Issue.record("no declaration"); return }
        // Its own clause only, in the room of the list given back.
        #expect(second.clauses.map(\.keyword) == [.by])
        #expect(second.clauses.capacity == room)
        // Nothing given back: a list of its own.
        guard case .declaration(let third)? = parser.nextStatement()?.kind else { Issue.record("no declaration"); return }
        #expect(third.clauses.isEmpty && third.name.text == "i")
    }

    @Test func aLongNameIsOneStringAcrossSources() {
        // Mentioned before it is declared, and again in another source.
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "a", text: "milestone m for \"a goal with a long name\" by 2027-01\n"))
        _ = interpreter.run(Source(name: "b", text: "goal \"a goal with a long name\" by 2027-06\n"
                                   + "milestone n for \"a goal with a long name\" by 2027-02\n"))
        let plan = interpreter.plan
        #expect(plan.milestones.map { $0.goal?.text } == ["a goal with a long name", "a goal with a long name"])
        #expect(plan.goals.first?.name.text == "a goal with a long name")
        // Every mention shares one String; the declaration keeps its own, as
        // most names declared are never mentioned and are not looked up
        // among the names read (`Parser.declaration`).
        #expect(storage(of: plan.milestones.first?.goal?.text) == storage(of: plan.milestones.last?.goal?.text))
        #expect(storage(of: plan.milestones.first?.goal?.text) != storage(of: plan.goals.first?.name.text))
    }

    @Test func roomIsMadeForTheDeclarationsOfEachSource() {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "a", text: "goal a\ngoal b\n# goal c\ngoal d\ngoal e\ngoal f\n"))
        // Five goals one by one would have grown the array to room for eight.
        #expect(interpreter.plan.goals.count == 5 && interpreter.plan.goals.capacity < 8)
        var capacities: Set<Int> = []
        for index in 0..<1000 {
            _ = interpreter.run(Source(name: "line", text: "goal g\(index)"))
            capacities.insert(interpreter.plan.goals.capacity)
        }
        // One goal at a time, the array still grows by doubling, not by one.
        #expect(capacities.count < 12)
        #expect(interpreter.plan.goals.count == 1005)
    }

    // MARK: Compact model types

    @Test func aSkillNeedKeepsWhatItWasGiven() {
        let skill = Name(text: "swift", range: SourceRange(source: 0, start: 3, end: 8), quoted: false)
        let level = SourceRange(source: 0, start: 12, end: 13)
        var need = SkillNeed(skill: skill, level: 4, levelRange: level)
        #expect(need.level == 4 && need.levelRange == level)
        need.level = nil
        need.levelRange = nil
        #expect(need.level == nil && need.levelRange == nil)
        need.level = 0
        #expect(need.level == 0)
        #expect(MemoryLayout<SkillNeed>.stride == 48)
    }

    @Test func aGoalKeepsItsRarerClausesApartAndCopiesThemOnChange() {
        let name = Name(text: "ship", range: SourceRange(source: 0, start: 5, end: 9), quoted: false)
        let objective = Name(text: "growth", range: SourceRange(source: 0, start: 20, end: 26), quoted: false)
        var goal = Goal(name: name)
        #expect(goal.role == nil && goal.impact == nil && goal.note == nil && goal.effort == nil)
        #expect(goal.aligns.isEmpty && goal.experiences.isEmpty && goal.tags.isEmpty)
        #expect(goal.start == nil && goal.startRange == nil)
        goal.role = "lead"
        goal.aligns.merge([objective])
        goal.effort = 12
        goal.start = Day(ordinal: 20_000)
        var copy = goal
        copy.role = "staff"
        copy.aligns = []
        copy.note = "moved"
        // The copy changed its own fields; the goal it was copied from kept its.
        #expect(goal.role == "lead" && goal.note == nil && goal.aligns.map(\.text) == ["growth"])
        #expect(copy.role == "staff" && copy.note == "moved" && copy.aligns.isEmpty)
        #expect(copy.effort == 12 && copy.start == Day(ordinal: 20_000))
        goal.role = nil
        goal.effort = nil
        #expect(goal.role == nil && goal.effort == nil && goal.aligns.count == 1)
        #expect(MemoryLayout<Goal>.stride == 96)
    }

    @Test func aSourceRangeKeepsItsOffsets() {
        var range = SourceRange(source: 2, start: 40_000_000, end: 64 << 20)
        #expect(range.source == 2 && range.start == 40_000_000 && range.end == 64 << 20)
        range.end += 1
        #expect(range.end == (64 << 20) + 1)
        #expect(SourceRange.none.source == -1)
        #expect(MemoryLayout<SourceRange>.stride == 12)
    }
}
