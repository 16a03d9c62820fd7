import PlanCore
import PlanKit
import PlanOutput
import Testing

/// Sample inputs shared by the end-to-end suites.
enum Plans {
    static let career = """
        vision "Ship tools people love"
        value family priority 1 non-negotiable
        value impact priority 2
        skill "project management" level 2 target 4
        goal "Lead a product launch"
            needs skill "project management"
            serves impact, family
            by 2027-06-30

        """

    static let table = """
        name                   due         status  serves          gap
        ─────────────────────  ──────────  ──────  ──────────────  ──────────────────
        Lead a product launch  2027-06-30  open    impact, family  project management

        """

    /// One unknown value on line 3, column 12.
    static let broken = """
        vision "v"
        value health
        goal "A" serves helth by 2027-06-30

        """
}

/// `plan run` and `plan FILE`: answers on stdout, problems on stderr, the
/// exit status from the problems.
@Suite struct RunTests {
    let plan: PlanProcess
    init() throws {
        plan = try PlanProcess()
        try plan.write("career.plan", Plans.career)
        try plan.write("questions.plan", "goals where due < today + 1 year\ncount(goals)\ngoals where done\n")
        try plan.write("broken.plan", Plans.broken)
    }

    @Test func answersEachQuestionInOrder() throws {
        let result = try plan.run(["run", "career.plan", "questions.plan", "--today", "2027-01-01"])
        // A blank line parts a table from the next answer; one-line answers stay compact.
        #expect(result.stdout == Plans.table + "\n1\n(no goals)\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try plan.run(["--today", "2027-01-01", "career.plan", "questions.plan"]).stdout == result.stdout)
    }

    @Test func expressionsRunAfterTheFiles() throws {
        let result = try plan.run(["career.plan", "-e", "count(skills where gap > 0)", "-e", "today + 90 days", "--today=2027-01-01"])
        #expect(result.stdout == "1\n2027-04-01\n")
        #expect(result.status == 0)
    }

    @Test func todayComesFromTheOptionThenTheEnvironment() throws {
        #expect(try plan.run(["career.plan", "-e", "today"], environment: ["PLAN_TODAY": "2027-03-04"]).stdout == "2027-03-04\n")
        #expect(try plan.run(["career.plan", "-e", "today", "--today", "2027-05-06"],
                             environment: ["PLAN_TODAY": "2027-03-04"]).stdout == "2027-05-06\n")
        let quarter = try plan.run(["career.plan", "-e", "today", "--today", "2027-Q1"])
        #expect(quarter.stdout == "")
        #expect(quarter.status == 2)
    }

    /// The answer to `question` on `text` as of `today`, as the library
    /// gives it in JSON: the members of an entity are its description's, and
    /// Tests/Golden holds them once (AnswersTests), not typed out here.
    static func answerJSON(_ question: String, on text: String, today: Day) -> String {
        var interpreter = Interpreter(today: today)
        let outcomes = interpreter.run(Source(name: "plan", text: text + question + "\n"))
        let answer = outcomes.compactMap { outcome -> Value? in
            if case .answer(let value, _, _) = outcome { return value }
            return nil
        }.last
        return Answers.json(answer ?? .none, plan: interpreter.asOfToday, today: today).serialized()
    }

    @Test func jsonAnswersOnePerLine() throws {
        let result = try plan.run(["career.plan", "--json", "--today", "2027-01-01",
                                   "-e", "count(goals)", "-e", "goals", "-e", "(skill \"project management\").gap", "-e", "6 months"])
        let today = try #require(Day(year: 2027, month: 1, day: 1))
        let goals = Self.answerJSON("goals", on: Plans.career, today: today)
        #expect(goals.hasPrefix("[{\"kind\":\"goal\",\"name\":\"Lead a product launch\","))
        #expect(result.stdout == "1\n" + goals + "\n2\n{\"months\":6,\"days\":0}\n")
        #expect(result.status == 0)
    }

    /// A goal's `days_left` reads the same in an answer as in the export: a
    /// whole number of days, negative once the date is past, null without a
    /// date. The duration itself, asked for outside an entity, keeps its form.
    @Test func jsonDaysLeftIsTheExportsNumberOfDays() throws {
        let late = "vision \"v\"\nvalue impact\ngoal \"A\" serves impact by 2027-06-30\ngoal \"B\" serves impact\n"
        try plan.write("late.plan", late)
        let answers = try plan.run(["late.plan", "--json", "--today", "2027-07-05", "-e", "goals", "-e", "goals select days_left"])
        let goals = Self.answerJSON("goals", on: late, today: try #require(Day(year: 2027, month: 7, day: 5)))
        #expect(goals.contains("\"name\":\"A\",") && goals.contains("\"days_left\":-5,"))
        #expect(goals.contains("\"name\":\"B\",") && goals.contains("\"days_left\":null,"))
        #expect(answers.stdout == goals + "\n[{\"months\":0,\"days\":-5},null]\n")
        let export = try plan.run(["export", "--format", "json", "late.plan", "--today", "2027-07-05"])
        #expect(export.stdout.contains("\"days_left\": -5,\n"))
        #expect(export.stdout.contains("\"days_left\": null,\n"))
    }

    @Test func stdinIsAScriptWhenNotATerminal() throws {
        let result = try plan.run(["--today", "2027-01-01"], stdin: Plans.career + "count(values where non_negotiable)\n")
        #expect(result.stdout == "1\n")
        #expect(result.stderr == "")
        #expect(result.status == 0)

        let mixed = try plan.run(["run", "career.plan", "-", "--today", "2027-01-01"], stdin: "skills where gap > 0\n")
        #expect(mixed.stdout == """
            name                level  target  gap
            ──────────────────  ─────  ──────  ───
            project management      2       4    2

            """)
    }

    @Test func errorsExitOne() throws {
        let result = try plan.run(["broken.plan", "--today", "2027-01-01", "-e", "1 + 1"])
        #expect(result.stdout == "2\n")
        #expect(result.stderr.hasPrefix("broken.plan:3:17: error[E013]: "))
        #expect(result.stderr.contains("""
              |
            3 | goal "A" serves helth by 2027-06-30
              |                 ^^^^^
            """))
        #expect(result.status == 1)
    }

    @Test func jsonDiagnosticsStayOnStderr() throws {
        let result = try plan.run(["broken.plan", "--json", "--today", "2027-01-01", "-e", "1 + 1"])
        #expect(result.stdout == "2\n")
        let first = try #require(result.stderr.split(separator: "\n").first)
        #expect(first.hasPrefix("{\"file\":\"broken.plan\",\"line\":3,\"column\":17,\"end_line\":3,\"end_column\":22,\"severity\":\"error\",\"code\":\"E013\","))
        #expect(result.status == 1)
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        let late = try plan.run(["career.plan", "--today", "2028-01-01"])
        #expect(late.stderr.contains("warning[W002]"))
        #expect(late.status == 0)
        let strict = try plan.run(["run", "--strict", "career.plan", "--today", "2028-01-01"])
        #expect(strict.stderr == late.stderr)
        #expect(strict.status == 1)
    }

    @Test func quietHidesWarningsButNeverErrors() throws {
        let loud = try plan.run(["career.plan", "--today", "2028-01-01", "-e", "count(goals)"])
        #expect(loud.stderr.contains("warning[W002]"))
        for flag in ["-q", "--quiet"] {
            let quiet = try plan.run(["career.plan", flag, "--today", "2028-01-01", "-e", "count(goals)"])
            #expect(quiet.stdout == "1\n")
            #expect(quiet.stderr == "")
            #expect(quiet.status == 0)
        }
        // With --strict the warnings fail the run, so they still show.
        let strict = try plan.run(["run", "-q", "--strict", "career.plan", "--today", "2028-01-01", "-e", "count(goals)"])
        #expect(strict.stderr == loud.stderr)
        #expect(strict.status == 1)
        let broken = try plan.run(["-q", "broken.plan", "--today", "2028-01-01", "-e", "1 +"])
        #expect(broken.stderr.contains("broken.plan:3:17: error[E013]: "))
        #expect(broken.stderr.contains("<expression>:1:4: error[E001]: "))
        #expect(!broken.stderr.contains("warning"))
        #expect(try plan.run(["broken.plan", "--today", "2028-01-01"]).stderr.contains("warning[W008]"))
        #expect(broken.status == 1)
    }

    @Test func aQuestionThatFailsIsADiagnosticAndTheRunGoesOn() throws {
        let result = try plan.run(["career.plan", "--today", "2027-01-01", "-e", "(goal \"Lead a product launch\").deu", "-e", "2 * 3"])
        #expect(result.stdout == "6\n")
        #expect(result.stderr.hasPrefix("<expression>:1:"))
        #expect(result.stderr.contains("error[E016]"))
        #expect(result.status == 1)
    }
}

/// `plan check`: problems only, as text on stderr or JSON lines on stdout.
@Suite struct CheckTests {
    let plan: PlanProcess
    init() throws {
        plan = try PlanProcess()
        try plan.write("career.plan", Plans.career + "count(goals)\n")
        try plan.write("broken.plan", Plans.broken)
    }

    @Test func cleanPlanPrintsNothing() throws {
        let result = try plan.run(["check", "career.plan", "--today", "2027-01-01"])
        #expect(result.stdout == "")
        #expect(result.stderr == "")
        #expect(result.status == 0)
        #expect(try plan.run(["check", "--strict", "--json", "career.plan", "--today", "2027-01-01"]).stdout == "")
    }

    @Test func problemsGoToStderr() throws {
        let result = try plan.run(["check", "broken.plan", "--today", "2027-01-01"])
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("broken.plan:3:17: error[E013]: "))
        #expect(result.status == 1)
    }

    @Test func jsonLinesOnStdout() throws {
        let result = try plan.run(["check", "broken.plan", "career.plan", "--json", "--today", "2028-01-01"])
        #expect(result.stderr == "")
        #expect(result.status == 1)
        // Problems found while loading come first, then those of the checks.
        #expect(result.stdout == #"""
            {"file":"career.plan","line":1,"column":1,"end_line":1,"end_column":32,"severity":"error","code":"E020","message":"the plan already has a vision","hint":null}
            {"file":"broken.plan","line":3,"column":17,"end_line":3,"end_column":22,"severity":"error","code":"E013","message":"unknown value \"helth\"","hint":"did you mean \"health\"?"}
            {"file":"broken.plan","line":2,"column":7,"end_line":2,"end_column":13,"severity":"warning","code":"W008","message":"no goal serves value \"health\"","hint":"add serves health to the goals that honour it"}
            {"file":"broken.plan","line":3,"column":23,"end_line":3,"end_column":36,"severity":"warning","code":"W002","message":"goal \"A\" was due 2027-06-30, 185 days ago","hint":"mark it done, or move its date: update goal \"A\" by 2028-04"}
            {"file":"career.plan","line":8,"column":5,"end_line":8,"end_column":18,"severity":"warning","code":"W002","message":"goal \"Lead a product launch\" was due 2027-06-30, 185 days ago","hint":"mark it done, or move its date: update goal \"Lead a product launch\" by 2028-04"}

            """#)
    }

    @Test func quietLeavesTheErrorsOnly() throws {
        let result = try plan.run(["check", "-q", "broken.plan", "career.plan", "--json", "--today", "2028-01-01"])
        #expect(result.stdout == #"""
            {"file":"career.plan","line":1,"column":1,"end_line":1,"end_column":32,"severity":"error","code":"E020","message":"the plan already has a vision","hint":null}
            {"file":"broken.plan","line":3,"column":17,"end_line":3,"end_column":22,"severity":"error","code":"E013","message":"unknown value \"helth\"","hint":"did you mean \"health\"?"}

            """#)
        #expect(result.status == 1)
        let late = try plan.run(["check", "--quiet", "career.plan", "--today", "2028-01-01"])
        #expect(late.stderr == "")
        #expect(late.status == 0)
    }

    @Test func strictCountsWarnings() throws {
        #expect(try plan.run(["check", "career.plan", "--today", "2028-01-01"]).status == 0)
        #expect(try plan.run(["check", "career.plan", "--today", "2028-01-01", "--strict"]).status == 1)
    }
}
