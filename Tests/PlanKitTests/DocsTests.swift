import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The examples in docs/language.md are real: each ```plan block parses
/// with no diagnostic.
@Suite struct DocsTests {
    private struct Block {
        var line: Int
        var text: String
    }

    private static func languageReference() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("docs/language.md"), encoding: .utf8)
    }

    /// The ```plan fenced blocks of a markdown text, with the line each starts on.
    private static func planBlocks(in markdown: String) -> [Block] {
        var blocks: [Block] = []
        var open: Block?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var block = open {
                if line.hasPrefix("```") {
                    blocks.append(block)
                    open = nil
                } else {
                    block.text += line + "\n"
                    open = block
                }
            } else if line == "```plan" {
                open = Block(line: index + 2, text: "")
            }
        }
        return blocks
    }

    @Test func blockExtractionFindsOnlyPlanFences() {
        let markdown = "intro\n```plan\nvalue health\n\ngoals\n```\n```\nnot plan\n```\n```plan\nskills\n```\n"
        let blocks = Self.planBlocks(in: markdown)
        #expect(blocks.map(\.line) == [3, 11])
        #expect(blocks.map(\.text) == ["value health\n\ngoals\n", "skills\n"])
    }

    @Test func everyPlanExampleInTheLanguageReferenceParses() throws {
        let blocks = Self.planBlocks(in: try Self.languageReference())
        #expect(blocks.count >= 15)
        for block in blocks {
            let source = Source(name: "docs/language.md:\(block.line)", text: block.text)
            let file = Parser.parse(source, id: 0)
            let messages = file.diagnostics.map { diagnostic -> String in
                let (line, column) = source.location(of: diagnostic.range.start)
                return "\(block.line + line - 1):\(column): \(diagnostic.message)"
            }
            #expect(messages.isEmpty, "docs/language.md block at line \(block.line)")
            #expect(!file.statements.isEmpty, "docs/language.md block at line \(block.line) is empty")
            #expect(!file.isIncomplete, "docs/language.md block at line \(block.line) is incomplete")
        }
    }

    /// Each statement kind the reference describes has an example.
    @Test func theLanguageReferenceShowsEveryKindOfStatement() throws {
        let blocks = Self.planBlocks(in: try Self.languageReference())
        var seen: Set<String> = []
        for block in blocks {
            for statement in Parser.parse(Source(name: "docs", text: block.text), id: 0).statements {
                switch statement.kind {
                case .vision: seen.insert("vision")
                case .owner: seen.insert("owner")
                case .declaration(let declaration): seen.insert(declaration.isUpdate ? "update" : declaration.kind.rawValue)
                case .let: seen.insert("let")
                case .include: seen.insert("include")
                case .assert: seen.insert("assert")
                case .expression: seen.insert("question")
                case .updateVision: seen.insert("update vision")
                case .updateOwner: seen.insert("update owner")
                case .remove: seen.insert("remove")
                case .rename: seen.insert("rename")
                }
            }
        }
        let kinds = Set(EntityKind.allCases.filter { !$0.info.derived }.map(\.rawValue))
        #expect(seen == kinds.union(["vision", "owner", "update", "update vision", "update owner", "remove", "rename", "let", "include", "assert", "question"]))
    }

    private static func doc(_ path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The rows of the first table after the line `heading`, each as its
    /// cells, the header and the rule under it left out.
    static func table(after heading: String, in markdown: String) -> [[String]] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: heading) else { return [] }
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        return rows.dropFirst(2).map { row in
            row.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }

    /// The names in backquotes in a cell: `` `start`, `end` `` is two.
    static func quoted(_ cell: String) -> [String] {
        cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The field tables of docs/language.md and docs/expressions.md list
    /// every field of every kind, and of a goal's gap and a group, as the
    /// descriptions give them, in their order; and no row names anything else.
    @Test func theDocsListEveryFieldOfEveryKind() throws {
        let described = EntityKind.allCases.map { ($0.rawValue, $0.info.fieldNames) } + [("gap", Fields.gapNames), ("group", Fields.groupNames)]
        for path in ["docs/language.md", "docs/expressions.md"] {
            let text = try Self.doc(path)
            let documented = Self.table(after: path == "docs/language.md" ? "### Fields" : "## Fields", in: text)
            for (name, fields) in described where name != "group" || path == "docs/expressions.md" {
                #expect(documented.contains([name, "`" + fields.joined(separator: " ") + "`"]), "\(path) lacks the fields of \(name)")
            }
            for row in documented {
                let fields = Self.quoted(row.dropFirst().first ?? "").first?.split(separator: " ").map(String.init)
                #expect(described.contains { $0.0 == row.first && $0.1 == fields }, "\(path) has \(row), which no description gives")
            }
            #expect(documented.count >= EntityKind.allCases.count)
        }
    }

    /// The clause tables of docs/language.md (under `### goal`, `### contact
    /// and mentor`, `### log`) have a row for every clause of the kind and
    /// no other: the text after a log entry's date is no clause to write,
    /// nor is `mentor`, which is declared as a word of its own.
    @Test func theClauseTablesListEveryClauseOfTheirKind() throws {
        let text = try Self.doc("docs/language.md")
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### ") }.map(String.init)
        var tables = 0
        for kind in EntityKind.allCases {
            guard let heading = headings.first(where: { $0 == "### \(kind.rawValue)" || $0.hasPrefix("### \(kind.rawValue) ") }),
                  let section = text.range(of: heading + "\n") else { continue }
            let rest = text[section.upperBound...]
            let end = rest.range(of: "\n#")?.lowerBound ?? rest.endIndex
            let rows = Self.table(after: heading, in: heading + "\n" + rest[..<end])
            guard !rows.isEmpty else { continue }
            tables += 1
            let spellings = rows.flatMap { Self.quoted($0.first ?? "") }
            let documented = spellings.map { $0.split(separator: " ").map(String.init) }
            var headText: Keyword?
            if case .date(let keyword) = kind.info.head { headText = keyword }
            let clauses = kind.info.clauses.filter { $0.keyword != headText && $0.keyword != kind.alias?.declares }
            let spelled = clauses.map { clause in (clause.lead.map { [$0.rawValue] } ?? []) + [clause.keyword.rawValue] }
            for words in spelled {
                #expect(documented.contains { $0.starts(with: words) }, "docs/language.md, \(heading), lacks `\(words.joined(separator: " "))`")
            }
            for words in documented {
                #expect(spelled.contains { words.starts(with: $0) }, "docs/language.md, \(heading): `\(words.joined(separator: " "))` is no clause")
            }
        }
        #expect(tables >= 3)
    }

    /// docs/json-schema.md lists, for every kind, the members of its object in
    /// the JSON export in the order the export writes them, no other, each
    /// with the type its field has; and the top level lists every kind's
    /// array in the order a plan is written (`EntityKind.writtenOrder`).
    @Test func theJSONSchemaListsEveryMemberOfEveryKindWithItsType() throws {
        let text = try Self.doc("docs/json-schema.md")
        let top = Self.table(after: "## Top level", in: text)
        let arrays = top.filter { $0.dropFirst().first?.hasPrefix("array of ") == true }
        #expect(arrays.map { Self.quoted($0.first ?? "") } == EntityKind.writtenOrder.map { [$0.plural] })
        for kind in EntityKind.allCases {
            let row = arrays.first { Self.quoted($0.first ?? "") == [kind.plural] }
            let object = String(row?.dropFirst().first?.dropFirst("array of ".count) ?? "")
            let members = Self.table(after: "## \(object)", in: text)
            let documented = members.flatMap { Self.quoted($0.first ?? "") }
            #expect(documented == kind.info.exportMembers, "docs/json-schema.md, \(object)")
            for member in members {
                for name in Self.quoted(member.first ?? "") {
                    // A member whose JSON is its own (a goal's needs with their levels) says so in its row.
                    guard let field = kind.info.field(named: name), field.json == nil else { continue }
                    let type = member.dropFirst().first ?? ""
                    #expect(Self.documents(type, field.type), "docs/json-schema.md, \(object): `\(name)` is \(field.type), not \(type)")
                }
            }
        }
    }

    /// Whether the type column of docs/json-schema.md says `type` as the
    /// export writes it: an entity by its name (a log entry by its date), a
    /// gap by its skill's name, a duration as months and days.
    static func documents(_ text: String, _ type: FieldType) -> Bool {
        switch type {
        case .optional(let inner):
            for ending in [", or null", " or null"] where text.hasSuffix(ending) {
                return documents(String(text.dropLast(ending.count)), inner)
            }
            return false
        case .number: return text == "number" || text == "integer"
        case .string: return text == "string" || text.hasPrefix("`\"")
        case .bool: return text == "bool"
        case .date: return text == "date"
        case .duration: return text.hasPrefix("`{\"months\": m, \"days\": d}`")
        case .entity(let kind): return text.hasPrefix(kind.rawValue + " ") && text.hasSuffix(kind.info.head == .name ? "name" : "date")
        case .oneOf(let kinds): return text == kinds.map(\.rawValue).joined(separator: " or ") + " name"
        case .gap: return text == "skill name"
        case .list(let item):
            guard text.hasPrefix("array of "), text.hasSuffix("s") else { return false }
            return documents(String(text.dropFirst("array of ".count).dropLast()), item)
        }
    }
}
