/// `plan help COMMAND` and `plan COMMAND --help`: one command's usage, its
/// options and an example. `plan --help` (helpText) gives every command.
enum CommandHelp {
    static func page(for command: String) -> String? {
        pages[command].map { $0 + footer }
    }

    private static let footer = """

        plan --help lists every command and the options they share (--today, --color).

        """

    /// One page for each word in `Arguments.commands` but `help`, whose
    /// help is the whole of helpText.
    static let pages: [String: String] = [
        "run": """
            Usage: plan run FILE... [-e EXPR]... [--strict] [-q] [--json]
                   plan FILE...

            Loads the files in order, printing the answer to each question as it
            comes, then runs each -e statement, then the checks. A FILE of - is stdin.
            Exit status 1 when the plan has errors (warnings too with --strict).

            Options:
              -e EXPR        run the statement EXPR after the files (repeatable)
              --strict       warnings fail too
              -q, --quiet    hide warnings (errors always show; --strict shows them)
              --json         each answer as one JSON value per line

            Example:
              plan run career.plan -e 'goals where due < today + 6 months sort by due'

            """,
        "check": """
            Usage: plan check FILE... [--strict] [-q] [--json]

            Loads the files and reports their problems only; a clean plan prints
            nothing. Exit status 1 on errors (on warnings too with --strict).

            Options:
              --strict       warnings fail too
              -q, --quiet    hide warnings (errors always show; --strict shows them)
              --json         each diagnostic as one JSON object per line on stdout

            Example:
              plan check --strict --json career.plan

            """,
        "fmt": """
            Usage: plan fmt [-w | --check] FILE...

            Prints the files in canonical form, comments kept. Nothing is written
            when a file has syntax errors.

            Options:
              -w, --write    rewrite the files in place, atomically
              --check        print nothing; exit 1 when a file is not formatted

            Example:
              plan fmt -w career.plan

            """,
        "report": """
            Usage: plan report FILE [-q] [--json]

            Prints the vision, values, timeline (each goal's role and impact),
            skill gaps, next steps and mentors of one plan. Nothing is printed
            when the plan has errors; a failed assert is listed on stderr and
            the report still printed.

            Options:
              -q, --quiet    hide warnings (errors always show)
              --json         the plan's facts as the JSON export gives them

            Example:
              plan report --today 2027-01-01 career.plan

            """,
        "agenda": """
            Usage: plan agenda FILE... [--days N] [-q] [--json]

            What needs you: first what is overdue (goals, milestones, people
            past their next touch), then, day by day, the goals and milestones
            due and the people to be in touch with in the next N days. One line
            an item: date, kind, name, why. Nothing is printed but the plan's
            errors when it has any.

            Options:
              --days N       how many days ahead to look, 1 to 3660 (default 14)
              -q, --quiet    hide warnings (errors always show)
              --json         each item as one JSON object per line (date,
                             overdue, kind, name, why); nothing when none is due

            Example:
              plan agenda --days 7 career.plan

            """,
        "review": """
            Usage: plan review FILE... [-q] [--json]

            A coaching session with the plan: the four strategy questions
            (what role, what skills or experiences, what impact, how the goals
            align with the organisation's objectives) answered from the goals
            not done, with what the plan leaves open said plainly; then the
            vision, the non-negotiables, the hours a week asked by quarter
            against the capacity, and the last and next review. It ends with
            the log line that records the review. Nothing is printed but the
            plan's errors when it has any.

            Options:
              -q, --quiet    hide warnings (errors always show)
              --json         the same answers as one JSON object

            Example:
              plan review career.plan

            """,
        "export": """
            Usage: plan export --format F FILE [-o OUT] [-q]

            Writes one plan in another format: json, md, ics (a calendar of
            due dates), dot (Graphviz), svg (a timeline) or html (one page
            to look at or send, needing no network and no script). Nothing is written
            when the plan has errors; a failed assert is listed on stderr and
            the export still written.

            Options:
              --format F         the format: json, md, ics, dot, svg or html
              -o, --output OUT   write OUT, atomically, instead of stdout
              -q, --quiet        hide warnings (errors always show)

            Example:
              plan export --format ics career.plan -o career.ics

            """,
        "practice": """
            Usage: plan practice FILE|DIR... [--json] [--details] [--jobs N] [-q]
                   plan practice FILE|DIR... --html -o DIR

            For a coach who keeps one plan per client: each plan loaded on its
            own with its includes (in a folder, each .plan file that no other
            plan of the folder includes), one row a client, most urgent first:
            plans with errors, then the most warnings that ask for action, then
            the longest since the last log. A plan with errors shows its first
            error under its row, and makes the exit status 1.

            Options:
              --json         one JSON object a client, a line each
              --details      each client's agenda too, every line led by the client
              --jobs N       load the plans on N threads (default: one a processor)
              --html -o DIR  write DIR/index.html and a page a client instead
              -q, --quiet    accepted as elsewhere: practice prints no warnings, it counts them

            Example:
              plan practice clients/

            """,
        "repl": """
            Usage: plan repl [FILE...] [--json] [-q]
                   plan                (on a terminal)

            Starts the REPL with the files loaded: type statements and
            questions, and :help for the REPL's commands. On a pipe it reads
            the script and ends like plan run, with a note on stderr when it
            made changes it never saved.

            Options:
              --json         each answer as one JSON value per line
              -q, --quiet    hide warnings, and the note on changes not saved

            Example:
              plan repl career.plan

            """,
        "lsp": """
            Usage: plan lsp [--today YYYY-MM-DD]

            The language server (LSP 3.17) for editors, over stdin and stdout:
            the diagnostics of plan check as you type, formatting as plan fmt,
            completion, hover, go to definition, references, rename, quick
            fixes, symbols, folding and inlay hints. Started by the editor;
            docs/editors.md says how to set up Neovim, Helix, Emacs and VS Code.
            Exit status 0 after shutdown then exit; 1 when exit comes alone or
            stdin closes first.

            Example:
              nvim career.plan   (with docs/editors.md's setup, which runs plan lsp)

            """,
        "version": """
            Usage: plan version
                   plan --version

            Prints the version of plan.

            Example:
              plan version

            """,
    ]
}
