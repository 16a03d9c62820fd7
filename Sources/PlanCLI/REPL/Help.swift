import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `:help TOPIC`: a statement, a kind or a command, each with an example.
/// The kinds' part is made from their descriptions, so a new kind has its
/// help the day it is described.
enum Help {
    static func text(_ topic: String) -> String? {
        let word = topic.hasPrefix(":") ? String(topic.dropFirst()) : topic
        // `:review` is the command; `review` the kind, as typed in a plan.
        if topic.hasPrefix(":"), let command = commands[word] { return command }
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
        let query = "  \(kind.plural) where \(info.fieldNames.dropFirst().first ?? "name") != none select \(info.fieldNames.first ?? "name")"
        if info.derived {
            return ["\(kind.plural): worked out from the plan, never declared", "",
                    "  fields:  " + info.fieldNames.joined(separator: " "), "", query].joined(separator: "\n")
        }
        // What picks the entity out: `update`, `rename` and `remove` write it
        // as the kind's identity says, and the example renames it to `renamed`.
        let day = "2027-06-30", movedDay = "2027-07-01", example = "\"An example\"", renamed = "\"A new name\""
        let head: String, reference: String, updating: String, moved: String, renaming: String?
        var identityClause: Keyword?
        // A capacity is told apart by its `from`, which its declaration gives.
        var identityGiven = ""
        switch (info.head, info.identity) {
        case (.none, _):
            (head, reference, updating, renaming, moved) = ("", kind.rawValue, kind.rawValue, nil, kind.rawValue)
        case (.amount(let words), .dayClause(let keyword)):
            identityClause = keyword
            identityGiven = "\(keyword.rawValue) \(day)"
            head = (["10"] + words).joined(separator: " ")
            reference = "\(kind.rawValue) \(keyword.rawValue) \(day)"
            updating = "\(kind.rawValue) " + (["8"] + words).joined(separator: " ") + " \(keyword.rawValue) \(day)"
            renaming = "\(reference) to \(movedDay)"
            moved = "\(kind.rawValue) \(keyword.rawValue) \(movedDay)"
        case (.date(let text), _):
            identityClause = text
            head = "\(day) \(example)"
            reference = "\(kind.rawValue) \(head)"
            updating = reference
            renaming = "\(reference) to \(movedDay)"
            moved = "\(kind.rawValue) \(movedDay) \(example)"
        case (.name, _), (.amount, _):
            head = example
            reference = "\(kind.rawValue) \(example)"
            updating = reference
            renaming = "\(reference) to \(renamed)"
            moved = "\(kind.rawValue) \(renamed)"
        }
        let required = info.clauses.filter(\.required)
        // The clause the head already gives (a log entry's text) is no optional example.
        let optional = info.clauses.filter { !$0.required && $0.keyword != identityClause }
        // The status has its own example below, so a clause with a value shows first.
        let shown = optional.first { if case .flag = $0.shape { return false } else { return true } } ?? optional.first
        let declaration = ([kind.rawValue, head, identityGiven] + (required + [shown].compactMap { $0 }).map(\.example))
            .filter { !$0.isEmpty }.joined(separator: " ")
        let form = [kind.rawValue, headForm(info.head), "{clause}"].filter { !$0.isEmpty }.joined(separator: " ")
        let article = "aeiou".contains(kind.rawValue.prefix(1)) ? "an" : "a"
        var lines = ["\(form): declares \(article) \(kind.rawValue); \(kind.plural) lists them all", ""]
        lines.append("  clauses: " + info.clauses.map(\.example).joined(separator: "  "))
        if !required.isEmpty {
            lines.append("  needed:  " + required.map(\.words).joined(separator: ", "))
        }
        lines.append("  fields:  " + info.fieldNames.joined(separator: " "))
        lines.append("")
        lines.append("  " + declaration)
        if !identityGiven.isEmpty { lines.append("  update \(updating)") }
        if let clause = shown {
            lines.append("  update \(updating) drop \(clause.words)")
        }
        let status = info.clause(.done).map { if case .flag = $0.shape { return true } else { return false } } ?? false
        if status {
            lines.append("  update \(updating) done    (open again: update \(updating) open)")
        }
        if let renaming { lines.append("  rename \(renaming)") }
        lines.append("  remove \(moved)")
        lines.append(query)
        return lines.joined(separator: "\n")
    }

    private static func headForm(_ head: Head) -> String {
        switch head {
        case .name: return "NAME"
        case .none: return ""
        case .amount(let words): return (["N"] + words).joined(separator: " ")
        case .date: return "DATE [TEXT]"
        }
    }

    static let statements: [String: String] = [
        "vision": """
            vision STRING: what you are working toward; `vision` alone asks what it is.

              vision "Lead product teams, and be home for dinner"
              update vision "Lead product teams that ship, and be home for dinner"
            """,
        "owner": """
            owner STRING: whose plan this is, the name `plan practice` shows; `owner` alone asks.

              owner "Nadia Okafor"
              update owner "Nadia Okafor-Reyes"
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
            where it was declared, a new one after the main file's last of its kind (at its
            end when it has none). With FILE, the
            main file's text goes to FILE, which may not be one of the other files the plan
            was read from. Nothing is written while the plan has errors, and when one file
            cannot be written none is. A file changed on disk since it was read (by an editor,
            another session) is not overwritten: :reload reads it again (then redo your
            changes), or :save! writes over it on purpose. Nothing is written during a
            what-if either (:keep, then :save).

              :save
              :save career-draft.plan
              :save!
            """,
        "save!": """
            :save! [FILE]: :save, even over a file that changed on disk since the session
            read it; what was added to the file there is lost.

              :save!
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

              :try
              update goal "Lead a launch" by 2027-Q4
              :keep
            """,
        "drop": """
            :drop: ends a what-if, restoring the plan as it was at :try.

              :try
              update goal "Lead a launch" by 2027-Q4
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
        "agenda": """
            :agenda [N]: what is overdue, then what is due in the next N days (14), as
            plan agenda prints it.

              :agenda
              :agenda 30
            """,
        "review": """
            :review: the four strategy questions, the load against capacity by quarter, and
            the log line that records the review, as plan review prints it (`review`
            alone asks about the review's cadence; :help review is the kind).

              :review
            """,
        "export": """
            :export FORMAT FILE: json, md, ics, dot, svg or html; FILE - is the screen.

              :export md plan.md
            """,
        "reset": """
            :reset: forgets everything, loaded files included.

              :reset
            """,
        "quit": """
            :quit (or :q, or Ctrl-D): leaves the session. With changes not saved, it
            lists them and asks: yes saves and leaves, no leaves without saving, stay
            goes back. :quit! (or :q!) leaves without saving and without asking. A piped
            session never asks; if it ends with changes not saved, it says how many.

              :quit
              :q!
            """,
        "quit!": """
            :quit! (or :q!): leaves at once, without saving and without asking.

              :quit!
            """,
        "help": """
            :help [TOPIC]: the overview, or one statement, kind or command.

              :help goal
              :help rename
              :help :save
            """,
    ]
}
