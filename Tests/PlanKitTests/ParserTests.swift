import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Writes an expression as an S-expression, so a test can state a tree's
/// shape in one line.
private func sexp(_ expr: Expr) -> String {
    switch expr.kind {
    case .number(let value): return value == value.rounded() ? String(Int(value)) : String(value)
    case .string(let text): return "\"\(text)\""
    case .bool(let flag): return String(flag)
    case .none: return "none"
    case .today: return "today"
    case .date(let day): return day.description
    case .duration(let duration): return "<\(duration)>"
    case .identifier(let name): return name
    case .list(let items): return "[" + items.map(sexp).joined(separator: " ") + "]"
    case .entity(_, let name, let spelled): return "(\(spelled.rawValue) \(name.text))"
    case .collection(_, let spelled): return spelled.rawValue
    case .vision: return "vision"
    case .owner: return "owner"
    case .unary(let op, let operand): return "(\(op.rawValue) \(sexp(operand)))"
    case .binary(let op, let left, let right, _): return "(\(op.rawValue) \(sexp(left)) \(sexp(right)))"
    case .logical(let op, let left, let right, _): return "(\(op.rawValue) \(sexp(left)) \(sexp(right)))"
    case .field(let base, let name, _): return "(. \(sexp(base)) \(name))"
    case .call(let name, _, let arguments): return "(\(name)" + arguments.map { " " + sexp($0) }.joined() + ")"
    case .index(let base, let index): return "(idx \(sexp(base)) \(sexp(index)))"
    case .query(let base, let clauses):
        let parts = clauses.map { clause -> String in
            switch clause.kind {
            case .where(let condition): return "where \(sexp(condition))"
            case .sort(let key, let descending): return "sort \(sexp(key))\(descending ? " desc" : "")"
            case .group(let key): return "group \(sexp(key))"
            case .limit(let count): return "limit \(sexp(count))"
            case .select(let projection): return "select \(sexp(projection))"
            }
        }
        return "(query \(sexp(base)) " + parts.joined(separator: " ") + ")"
    }
}

private func parse(_ text: String) -> (file: ParsedSource, source: Source) {
    let source = Source(name: "test.plan", text: text)
    return (Parser.parse(source, id: 0), source)
}

/// The single expression statement of `text`, as an S-expression.
private func expression(_ text: String) -> String {
    let (file, _) = parse(text)
    guard file.diagnostics.isEmpty, file.statements.count == 1,
          case .expression(let expr) = file.statements[0].kind else {
        return "not one expression: \(file.diagnostics.map(\.message))"
    }
    return sexp(expr)
}

/// Each diagnostic as `line:column: message`.
private func errors(_ text: String) -> [String] {
    let (file, source) = parse(text)
    return file.diagnostics.map {
        let (line, column) = source.location(of: $0.range.start)
        return "\(line):\(column): \($0.code.rawValue) \($0.message)"
    }
}

@Suite struct ParserTests {
    @Test func precedenceFollowsTheSpec() {
        #expect(expression("1 + 2 * 3") == "(+ 1 (* 2 3))")
        #expect(expression("(1 + 2) * 3") == "(* (+ 1 2) 3)")
        #expect(expression("1 - 2 - 3") == "(- (- 1 2) 3)")
        #expect(expression("a or b and c") == "(or a (and b c))")
        #expect(expression("not a == b") == "(not (== a b))")
        #expect(expression("not not a") == "(not (not a))")
        #expect(expression("-x.y") == "(- (. x y))")
        #expect(expression("--3") == "(- (- 3))")
        #expect(expression("a < b + 1 and c in d") == "(and (< a (+ b 1)) (in c d))")
        #expect(expression("x[0].name") == "(. (idx x 0) name)")
    }

    @Test func queryClausesBindLoosest() {
        #expect(expression("goals where due < today + 6 months and not done sort by due")
            == "(query goals where (and (< due (+ today <6 months>)) (not done)) sort due)")
        #expect(expression("skills where gap > 0 sort by gap desc limit 3 select name")
            == "(query skills where (> gap 0) sort gap desc limit 3 select name)")
        #expect(expression("goals group by status") == "(query goals group status)")
        #expect(expression("count(goals where serves == [])") == "(count (query goals where (== serves [])))")
        #expect(expression("values where non_negotiable") == "(query values where non_negotiable)")
    }

    @Test func primariesAndEntityReferences() {
        #expect(expression("(goal \"Lead\").due") == "(. (goal Lead) due)")
        #expect(expression("value family") == "not one expression: []")
        #expect(expression("(value family).priority") == "(. (value family) priority)")
        #expect(expression("milestones where goal == goal \"Lead\"") == "(query milestones where (== goal (goal Lead)))")
        #expect(expression("[1, 2, 3,]") == "[1 2 3]")
        #expect(expression("[]") == "[]")
        #expect(expression("join(skills select name, \"; \")") == "(join (query skills select name) \"; \")")
        #expect(expression("today + 2 weeks") == "(+ today <14 days>)")
        #expect(expression("2027-Q2 - 2027-01-15") == "(- 2027-06-30 2027-01-15)")
        #expect(expression("vision") == "vision")
        #expect(expression("true and none == none") == "(and true (== none none))")
    }

    @Test func declarationsKeepTheirClauses() throws {
        let (file, _) = parse("""
        value family priority 1 non-negotiable note "Home by 6pm"
        skill "strategic planning" level 1 target 3
        goal "Lead a product launch"
            role "Product Lead"
            needs skill "project management", "stakeholder communication" at 4,
                        "strategic planning"
            serves impact, learning
            by 2027-Q2
        milestone "Shadow a launch" for "Lead a product launch" by 2027-01-15 done
        mentor "Jordan Lee" helps "strategic planning"
        update goal "Lead a product launch" doing
        """)
        #expect(file.diagnostics.isEmpty)
        #expect(file.statements.count == 6)
        guard case .declaration(let goal) = file.statements[2].kind else {
            Issue.record("not a declaration")
            return
        }
        #expect(goal.kind == .goal)
        #expect(goal.name.text == "Lead a product launch")
        #expect(goal.clauses.count == 4)
        guard goal.clauses[1].keyword == .needs, case .needs(let needs) = goal.clauses[1].value else {
            Issue.record("second clause is not needs")
            return
        }
        #expect(needs.map(\.skill.text) == ["project management", "stakeholder communication", "strategic planning"])
        #expect(needs.map(\.level) == [nil, 4, nil])
        guard goal.clauses[2].keyword == .serves, case .names(let values) = goal.clauses[2].value else {
            Issue.record("third clause is not serves")
            return
        }
        #expect(values.map(\.text) == ["impact", "learning"])
        guard case .declaration(let update) = file.statements[5].kind else {
            Issue.record("not an update")
            return
        }
        #expect(update.isUpdate)
    }

    @Test func otherStatements() {
        let (file, _) = parse("""
        #!/usr/bin/env plan
        vision "Ship tools people love"
        let soon = today + 90 days; include "shared/values.plan"
        assert count(goals) > 0 "write a goal"
        vision
        """)
        #expect(file.diagnostics.isEmpty)
        #expect(file.statements.count == 5)
        #expect(file.comments.count == 1)
        guard case .vision(let text) = file.statements[0].kind,
              case .let(let name, _, _) = file.statements[1].kind,
              case .include(let path, _) = file.statements[2].kind,
              case .assert(_, let message) = file.statements[3].kind,
              case .expression(let question) = file.statements[4].kind else {
            Issue.record("unexpected statements")
            return
        }
        #expect(text == "Ship tools people love")
        #expect(name == "soon")
        #expect(path == "shared/values.plan")
        #expect(message == "write a goal")
        #expect(sexp(question) == "vision")
    }

    @Test func reportsEveryBrokenStatement() {
        #expect(errors("""
        goal "A" by
        skill x level 9
        goal "B" level 2
        1 +* 2
        count(goals
        goal "C" by 2027-06
        """) == [
            "1:12: E001 expected a date after `by`, found the end of the line",
            "2:15: E021 a level must be between 0 and 5, not 9",
            "3:10: E009 `level` is not a clause of a goal",
            "4:4: E001 expected an expression, found `*`",
            "6:1: E001 expected `)` to close the call to count, found the keyword `goal`",
        ])
    }

    @Test func syntaxErrorsSayWhatWasExpected() {
        #expect(errors("update thing \"x\"") == [
            "1:8: E001 expected value, skill, goal, milestone, contact, mentor, habit, objective, experience or review after `update`, found `thing`",
        ])
        #expect(errors("let = 3") == ["1:5: E001 expected a name after `let`, found `=`"])
        #expect(errors("let x 3") == ["1:7: E001 expected `=` after `let x`, found the number 3"])
        #expect(errors("include notes") == [
            "1:9: E001 expected a file name in quotes after `include`, found `notes`",
        ])
        #expect(errors("goal \"A\" needs \"x\"") == ["1:16: E001 expected `skill` or `experience` after `needs`, found the string \"x\""])
        #expect(errors("goals sort due") == ["1:12: E001 expected `by` after `sort`, found `due`"])
        #expect(errors("goal \"A\" by 2027-06 by 2027-07") == ["1:21: E009 `by` is given twice for goal \"A\""])
        #expect(errors("goal \"A\" done doing") == ["1:15: E009 `doing` is given twice for goal \"A\""])
        #expect(errors("milestone \"M\" by 2027-01") == ["1:11: E001 milestone \"M\" needs `for`"])
        #expect(errors("value v priority 1.5") == ["1:18: E006 a priority must be a whole number, not 1.5"])
        #expect(errors("skill s level high") == ["1:15: E001 expected a level (a whole number), found `high`"])
        #expect(errors("(goal \"A\").") == ["1:12: E001 expected a field name after `.`, found the end of the input"])
        #expect(errors("1 2") == ["1:3: E001 expected the end of the statement, found the number 2"])
        #expect(errors("mentor m helps") == ["1:15: E001 expected a skill, found the end of the input"])
        #expect(errors("value and") == ["1:7: E001 expected a name for the value, found the keyword `and`"])
        #expect(errors("x[1") == ["1:4: E001 expected `]` to close the index, found the end of the input"])
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        #expect(errors(deep) == ["1:101: E007 expression nests deeper than 100 levels"])
        let long = (0..<300).map(String.init).joined(separator: " + ")
        #expect(errors(long).count == 1)
        let negations = String(repeating: "not ", count: 5_000) + "true"
        #expect(errors(negations).first?.contains("E007") == true)
        let fine = String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(errors(fine).isEmpty)
    }

    @Test func unfinishedInputIsIncomplete() {
        #expect(parse("(1 +").file.isIncomplete)
        #expect(parse("[1,").file.isIncomplete)
        #expect(parse("goal \"X\" needs skill").file.isIncomplete)
        #expect(parse("vision \"half").file.isIncomplete)
        #expect(!parse("1 + 2").file.isIncomplete)
        #expect(!parse("1 +* 2").file.isIncomplete)
    }
}
