import Foundation
import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput
import Testing

/// The samples double as the language's tour: together they must parse
/// cleanly and use every statement kind, clause, date form, query clause and
/// function of docs/language.md and docs/expressions.md, so that the golden files cover all of it.
@Suite struct SampleCoverageTests {
    static let samples = ["balance", "coaching", "drifted", "intersection", "product-launch", "realigned", "rhythm",
                          "shared/foundations", "practice/nadia-okafor"]

    static func parsed() throws -> [(name: String, source: Source, file: ParsedSource)] {
        try samples.enumerated().map { id, name in
            let url = PlanProcess.samplesFolder.appendingPathComponent("\(name).plan")
            let source = Source(name: url.path, bytes: Array(try Data(contentsOf: url)))
            return (name, source, Parser.parse(source, id: id))
        }
    }

    /// Everything the samples use, as words like `statement:let` or `function:join`.
    static func features() throws -> Set<String> {
        var found: Set<String> = []
        for sample in try parsed() {
            for statement in sample.file.statements {
                collect(statement, in: sample.source, into: &found)
            }
        }
        return found
    }

    static func collect(_ statement: Statement, in source: Source, into found: inout Set<String>) {
        switch statement.kind {
        case .vision:
            found.insert("statement:vision")
        case .owner:
            found.insert("statement:owner")
        case .declaration(let declaration):
            found.insert(declaration.isUpdate ? "update:\(declaration.kind.rawValue)" : "statement:\(declaration.kind.rawValue)")
            for clause in declaration.clauses {
                collect(clause, in: source, into: &found)
            }
        case .let(_, _, let value):
            found.insert("statement:let")
            collect(value, into: &found)
        case .include:
            found.insert("statement:include")
        case .assert(let condition, let message):
            found.insert(message == nil ? "statement:assert" : "statement:assert with message")
            collect(condition, into: &found)
        case .expression(let expression):
            found.insert("statement:question")
            collect(expression, into: &found)
        case .updateVision:
            found.insert("update:vision")
        case .updateOwner:
            found.insert("update:owner")
        case .remove(let kind, _, _):
            found.insert("remove:\(kind.rawValue)")
        case .rename(let kind, _, _, _):
            found.insert("rename:\(kind.rawValue)")
        }
    }

    static func collect(_ clause: Clause, in source: Source, into found: inout Set<String>) {
        found.insert("clause:\(clause.keyword.rawValue)")
        switch clause.value {
        case .needs(let needs):
            if needs.contains(where: { $0.level != nil }) { found.insert("clause:needs at") }
        case .date:
            // The written form, not the day it means: `2027-Q2`, `2027-06` or `2027-06-30`.
            let written = source.text(clause.range).split(separator: " ").last.map(String.init) ?? ""
            if written.contains("Q") {
                found.insert("date:quarter")
            } else if written.count == 7 {
                found.insert("date:month")
            } else {
                found.insert("date:day")
            }
        default:
            break
        }
    }

    static func collect(_ expression: Expr, into found: inout Set<String>) {
        switch expression.kind {
        case .number, .string, .bool, .none, .today, .date, .duration, .collection, .vision, .owner, .entity:
            break
        case .identifier(let name):
            found.insert("name:\(name)")
        case .list(let items):
            items.forEach { collect($0, into: &found) }
        case .unary(_, let operand):
            collect(operand, into: &found)
        case .binary(_, let left, let right, _), .logical(_, let left, let right, _):
            collect(left, into: &found)
            collect(right, into: &found)
        case .field(let base, let name, _):
            found.insert("name:\(name)")
            collect(base, into: &found)
        case .call(let name, _, let arguments):
            found.insert("function:\(name)")
            arguments.forEach { collect($0, into: &found) }
        case .index(let base, let index):
            found.insert("index")
            collect(base, into: &found)
            collect(index, into: &found)
        case .query(let base, let clauses):
            collect(base, into: &found)
            for clause in clauses {
                switch clause.kind {
                case .where(let condition):
                    found.insert("query:where")
                    collect(condition, into: &found)
                case .sort(let key, let descending):
                    found.insert(descending ? "query:sort desc" : "query:sort")
                    collect(key, into: &found)
                case .group(let key):
                    found.insert("query:group")
                    collect(key, into: &found)
                case .limit(let count):
                    found.insert("query:limit")
                    collect(count, into: &found)
                case .select(let projection):
                    found.insert("query:select")
                    collect(projection, into: &found)
                }
            }
        }
    }

    @Test func theSamplesParseWithoutDiagnostics() throws {
        for sample in try SampleCoverageTests.parsed() {
            #expect(sample.file.diagnostics.map(\.message) == [], "\(sample.name)")
            #expect(!sample.file.statements.isEmpty, "\(sample.name)")
        }
    }

    @Test func theSamplesUseEveryStatementAndClause() throws {
        // Every kind declared and updated, with every clause it takes, from the kinds' own descriptions.
        var expected: Set<String> = [
            "statement:vision", "statement:owner", "statement:let", "statement:include", "statement:assert with message", "statement:question",
            "clause:needs at", "date:day", "date:month", "date:quarter",
        ]
        for kind in EntityKind.allCases where !kind.info.derived {
            expected.insert("statement:\(kind.rawValue)")
            // An entry of a kind whose names are not unique (the log) is written, never updated.
            if kind.info.unique { expected.insert("update:\(kind.rawValue)") }
            for clause in kind.info.clauses { expected.insert("clause:\(clause.keyword.rawValue)") }
        }
        let missing = expected.subtracting(try SampleCoverageTests.features())
        #expect(missing.isEmpty)
    }

    @Test func theSamplesAskWithEveryQueryClauseAndFunction() throws {
        let expected: Set<String> = [
            "query:where", "query:sort", "query:sort desc", "query:group", "query:limit", "query:select", "index",
            "function:count", "function:sum", "function:min", "function:max", "function:avg",
            "function:any", "function:all", "function:first", "function:len", "function:join", "function:days",
            "name:gap", "name:ready", "name:days_left", "name:overdue", "name:it", "name:mentors",
        ]
        let missing = expected.subtracting(try SampleCoverageTests.features())
        #expect(missing.isEmpty)
    }
}
