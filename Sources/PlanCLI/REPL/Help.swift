import PlanKit

/// `:help TOPIC`: a statement, a kind or a command, each with an example.
/// The kinds' part is made from their descriptions, so a new kind has its
/// help the day it is described.
enum Help {
    static func text(_ topic: String) -> String? {
        let word = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        if let kind = EntityKind.allCases.first(where: { $0.rawValue == word || $0.plural == word }) {
            return kindText(kind)
        }
        if let command = commands[word] { return command }
        return statements[word]
    }

    /// Every topic, for the message about an unknown one.
    static var topics: [String] {
        (EntityKind.allCases.map(\.rawValue) + statements.keys + commands.keys.map { ":" + $0 }).sorted()
    }

    static func kindText(_ kind: EntityKind) -> String {
        let info = kind.info
        let example = "\"An example\""
        let required = info.clauses.filter(\.required).map(\.example)
        let optional = info.clauses.filter { !$0.required }.map(\.example)
        let declaration = ([kind.rawValue, example] + required + optional.prefix(1)).joined(separator: " ")
        var lines = ["\(kind.rawValue) NAME {clause}: declares a \(kind.rawValue); \(kind.plural) lists them all", ""]
        lines.append("  clauses: " + info.clauses.map(\.example).joined(separator: "  "))
        if !required.isEmpty {
            lines.append("  needed:  " + info.clauses.filter(\.required).map(\.words).joined(separator: ", "))
        }
        lines.append("  fields:  " + info.fieldNames.joined(separator: " "))
        lines.append("")
        lines.append("  " + declaration)
        if let clause = info.clauses.first(where: { !$0.required }) {
            lines.append("  update \(kind.rawValue) \(example) drop \(clause.keyword.rawValue)")
        }
        if info.clause(.done) != nil {
            lines.append("  update \(kind.rawValue) \(example) done    (open again: update \(kind.rawValue) \(example) open)")
        }
        lines.append("  rename \(kind.rawValue) \(example) to \"A new name\"")
        lines.append("  remove \(kind.rawValue) \(example)")
        lines.append("  \(kind.plural) where \(info.fieldNames.dropFirst().first ?? "name") != none select name")
        return lines.joined(separator: "\n")
    }

    static let statements: [String: String] = [
        "vision": """
            vision STRING: what you are working toward; `vision` alone asks what it is.

              vision "Lead product teams, and be home for dinner"
              update vision "Lead product teams that ship, and be home for dinner"
            """,
        "update": """
            update KIND NAME {clause}: changes what is declared. Scalar clauses replace,
            list clauses add; `open` (or doing, done) sets the status; `drop CLAUSE`
            clears a clause and `drop CLAUSE NAME {, NAME}` takes names out of a list.

              update goal "Lead a launch" by 2027-Q4
              update goal "Lead a launch" open
              update goal "Lead a launch" drop by
              update goal "Lead a launch" drop serves learning, impact
              update log 2026-11-03 "Ran the retro" hours 4     (a log entry: its day and text)
              update capacity 8 hours per week from 2027-01-01   (a capacity: its from)
            """,
        "remove": """
            remove KIND NAME: takes an entity out of the plan; refused, naming them,
            while anything refers to it (drop those references first).

              update goal "Lead a launch" drop needs "strategic planning"
              remove skill "strategic planning"
              remove log 2026-11-03 "Ran the retro"
              remove capacity from 2027-01-01
            """,
        "rename": """
            rename KIND NAME to NAME: gives an entity a new name; every reference to it
            follows, in every file, when you :save.

              rename skill "project management" to "delivery"
              rename log 2026-11-10 to 2026-11-12            (moves the entry to that day)
              rename capacity from 2027-01-01 to 2027-02-01
            """,
        "let": """
            let IDENT = EXPR: names a value for later questions.

              let soon = today + 6 months
              goals where due < soon
            """,
        "include": """
            include STRING: reads another .plan file, relative to the including one.

              include "skills.plan"
            """,
        "assert": """
            assert EXPR [STRING]: your own check, run with the others (and at once in the REPL).

              assert count(goals where overdue) == 0 "catch up before adding goals"
            """,
    ]

    static let commands: [String: String] = [
        "save": """
            :save [FILE]: writes the session's changes back into the files the plan was
            read from, keeping everything else byte for byte; a changed entity is written
            where it was declared, a new one at the end of the main file. With FILE, the
            main file's text goes to FILE. Nothing is written while the plan has errors.

              :save
              :save career-draft.plan
            """,
        "undo": """
            :undo: takes back the last statement that changed the plan; again and again.

              update goal "Lead a launch" by 2027-Q4
              :undo
            """,
        "try": """
            :try: starts a what-if (the prompt shows plan (try)>). :diff lists what changed
            since, :keep ends it keeping the changes, :drop ends it restoring the plan.

              :try
              update goal "Lead a launch" by 2027-Q4
              :diff
              :drop
            """,
        "diff": """
            :diff: in a what-if, the entities added (+), removed (-) and changed (~, field
            by field), and the problems that appeared (+) or went away (-) since :try.

              :try
              rename skill rust to "Rust"
              :diff
            """,
        "keep": """
            :keep: ends a what-if, keeping its changes (:undo still takes them back one by one).

              :keep
            """,
        "drop": """
            :drop: ends a what-if, restoring the plan as it was at :try.

              :drop
            """,
        "load": """
            :load FILE: runs a file in this session.

              :load career.plan
            """,
        "reload": """
            :reload: starts again from the loaded files, after they changed on disk.

              :reload
            """,
        "check": """
            :check: runs every check on the plan; names not declared yet are errors here.

              :check
            """,
        "report": """
            :report: the plan as a report: vision, values, timeline, skill gaps, next steps.

              :report
            """,
        "export": """
            :export FORMAT FILE: json, md, ics, dot or svg; FILE - is the screen.

              :export md plan.md
            """,
        "reset": """
            :reset: forgets everything, loaded files included.

              :reset
            """,
        "quit": """
            :quit (or :q, or Ctrl-D): leaves the session.

              :quit
            """,
        "help": """
            :help [TOPIC]: the overview, or one statement, kind or command.

              :help goal
              :help rename
              :help :save
            """,
    ]
}
