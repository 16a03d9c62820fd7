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

    /// Every field of every kind, and of a goal's gap, as its description
    /// gives it, is in the field tables of docs/language.md and docs/expressions.md.
    @Test func theDocsListEveryFieldOfEveryKind() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for doc in ["docs/language.md", "docs/expressions.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(doc), encoding: .utf8)
            let rows = EntityKind.allCases.map { ($0.rawValue, $0.info.fieldNames) } + [("gap", Fields.gapNames)]
            for (name, fields) in rows {
                let row = "| \(name) | `\(fields.joined(separator: " "))` |"
                #expect(text.contains(row), "\(doc) lacks \(row)")
            }
        }
    }
}
