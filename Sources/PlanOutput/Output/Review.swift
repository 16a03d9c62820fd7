import PlanCore
import PlanSyntax
import PlanKit

/// `plan review` and the REPL's `:review` (docs/cli.md, "The review"): the article's
/// four strategy questions, each answered from the plan as it stands today,
/// with what the plan leaves open said as plainly as what it answers. Then
/// the vision, the non-negotiables, the load against capacity and the
/// review cadence, and the `log` line that records the review. What is said
/// is decided here once; `render` and `json` only lay it out, so the two
/// cannot disagree. (`Review` is the plan's `review every` statement.)
public struct StrategyReview: Sendable {
    public struct Gap: Sendable, Equatable {
        public var skill: String
        public var level: Int
        public var needed: Int
        /// The contacts and mentors who help with the skill.
        public var people: [String]
    }

    /// One goal not done, with what the four questions ask of it.
    public struct GoalRow: Sendable, Equatable {
        public var name: String
        public var due: Day?
        public var role: String?
        public var gaps: [Gap]
        public var missing: [String]
        public var impact: String?
        public var aligns: [String]
    }

    public struct ObjectiveRow: Sendable, Equatable {
        public var name: String
        public var org: String?
        /// Every goal that aligns with it, done ones included: they are
        /// what the plan has already given the organisation.
        public var goals: [String]
    }

    public struct NonNegotiable: Sendable, Equatable {
        public var name: String
        public var note: String?
    }

    public struct QuarterRow: Sendable, Equatable {
        public var name: String
        public var capacity: Double?
        public var load: Double
        public var over: Bool
        /// Where the capacity steps inside the quarter.
        public var capacitySteps: [CapacityStep] = []
    }

    public let today: Day
    /// The goals not done, by date (undated last, as declared).
    public let goals: [GoalRow]
    public let objectives: [ObjectiveRow]
    public let vision: String?
    public let nonNegotiables: [NonNegotiable]
    public let quarters: [QuarterRow]
    public let every: Duration?
    public let lastReview: Day?
    public let nextReview: Day?

    /// The line that records this review in the plan's log.
    public var record: String { "log \(today) reviewed" }

    /// `plan` is the plan as of `today` (`Interpreter.asOfToday`), with its
    /// quarters worked out.
    public init(_ plan: Plan, today: Day) {
        self.today = today
        let links = Links(plan: plan, today: today)
        let facts = PlanFacts(plan, today: today)
        let contacts = plan.contacts
        let experiences = plan.experiences
        let skills = plan.skills
        let open = plan.goals.indices.filter { !plan.goals[$0].done }
            .sorted { left, right in
                let l = plan.goals[left].due?.ordinal ?? Int.max
                let r = plan.goals[right].due?.ordinal ?? Int.max
                return l != r ? l < r : left < right
            }
        goals = open.map { index in
            let goal = plan.goals[index]
            let gaps = GoalKind.gaps(of: goal, in: plan).map { gap in
                let skill = skills[gap.skill]
                let people = contacts.filter { contact in contact.helps.contains { $0.text == skill.name.text } }
                return Gap(skill: skill.name.text, level: skill.level, needed: gap.needed, people: people.map(\.name.text))
            }
            return GoalRow(name: goal.name.text, due: goal.due, role: goal.role, gaps: gaps,
                           missing: GoalKind.missing(goal, in: plan).map { experiences[$0].name.text },
                           impact: goal.impact, aligns: goal.aligns.map(\.text))
        }
        objectives = plan.objectives.indices.map { index in
            let objective = plan.objectives[index]
            return ObjectiveRow(name: objective.name.text, org: objective.org,
                                goals: links.referrers(.goal, via: .aligns, to: index).map { plan.goals[$0].name.text })
        }
        vision = plan.vision
        nonNegotiables = facts.valuesByPriority.compactMap { index in
            let value = plan.values[index]
            return value.nonNegotiable ? NonNegotiable(name: value.name.text, note: value.note) : nil
        }
        quarters = plan.quarters.map {
            QuarterRow(name: $0.name.text, capacity: $0.capacity, load: $0.load, over: $0.over, capacitySteps: $0.capacitySteps)
        }
        every = plan.review?.every
        lastReview = ReviewKind.lastReview(links)
        nextReview = plan.review.flatMap { ReviewKind.next($0, links) }
    }

    /// The goals not done that align with no objective.
    public var unaligned: [GoalRow] { goals.filter { $0.aligns.isEmpty } }

    // MARK: - For a terminal

    /// A coaching session on a terminal: each question, then its answers,
    /// names written as in the plan (bare when they read back bare, else
    /// quoted and escaped, so that no control character reaches the
    /// terminal raw).
    public func render(color: Bool, width: Int = 80) -> String {
        var out = TextLayout(width: max(40, width), color: color)
        out.line(out.style("Strategy review", .bold) + " as of \(Agenda.weekday(today)) \(today)")
        out.wrapped("Four questions turn the vision into a strategy. The plan answers what it can; what it leaves open is for you.",
                    indent: 0)

        question(1, "What role do you want to pursue?", into: &out)
        if goals.isEmpty { open("no goal is left to do: what comes next?", into: &out) }
        for goal in goals {
            let role = goal.role.map { "role " + Literal.string($0) } ?? "no role stated"
            out.wrapped(Literal.name(goal.name) + ": " + role, prefix: "  " + date(goal.due) + "  ",
                        prefixWidth: 14, hang: 14)
        }

        question(2, "What skills or experiences do you need?", into: &out)
        if goals.isEmpty { open("no goal is left to do", into: &out) }
        for goal in goals {
            out.wrapped(Literal.name(goal.name), indent: 2, hang: 4)
            if goal.gaps.isEmpty && goal.missing.isEmpty {
                out.line("    " + out.style("no skill gap, no experience missing", .dim))
            }
            for gap in goal.gaps {
                let who = gap.people.isEmpty ? "no one who helps yet" : "help: " + gap.people.map(Literal.name).joined(separator: ", ")
                out.wrapped("skill \(Literal.name(gap.skill)) at level \(gap.level) of \(gap.needed); \(who)", indent: 4, hang: 6)
            }
            for experience in goal.missing {
                out.wrapped("experience \(Literal.name(experience)) not had yet", indent: 4, hang: 6)
            }
        }

        question(3, "What impact would you like to make?", into: &out)
        if goals.isEmpty { open("no goal is left to do", into: &out) }
        for goal in goals {
            out.wrapped(Literal.name(goal.name) + ":", indent: 2, hang: 4)
            if let impact = goal.impact {
                out.wrapped(impact, indent: 4)
            } else {
                out.line("    " + out.style("no impact stated", .yellow))
            }
        }

        question(4, "How do your goals align with your organisation's objectives?", into: &out)
        if objectives.isEmpty { open("no objective stated: add objective \"...\" at \"...\"", into: &out) }
        for objective in objectives {
            out.wrapped(Literal.name(objective.name) + (objective.org.map { " at " + Literal.string($0) } ?? ""), indent: 2, hang: 4)
            if objective.goals.isEmpty {
                out.line("    " + out.style("no goal aligns with it", .yellow))
            } else {
                out.wrapped("goals: " + objective.goals.map(Literal.name).joined(separator: ", "), indent: 4, hang: 11)
            }
        }
        let unaligned = self.unaligned
        if !objectives.isEmpty && !unaligned.isEmpty {
            out.line("  " + out.style("aligned with no objective:", .yellow))
            for goal in unaligned { out.wrapped(Literal.name(goal.name), indent: 4, hang: 6) }
        }

        out.heading("Vision")
        if let vision {
            out.wrapped(vision, indent: 2)
        } else {
            open("no vision yet: add vision \"...\"", into: &out)
        }

        out.heading("Non-negotiables")
        if nonNegotiables.isEmpty { open("none declared: what must stay true in your life?", into: &out) }
        for value in nonNegotiables {
            out.wrapped(Literal.name(value.name) + (value.note.map { ": " + $0 } ?? ""), indent: 2, hang: 4)
        }

        out.heading("Load against capacity", key: CapacityChart.key)
        capacity(into: &out)

        out.heading("Reviews")
        let every = self.every.map { "every " + Literal.duration($0) } ?? "no cadence set: add review every 4 weeks"
        out.line("  last  " + (lastReview.map { "\(Agenda.weekday($0)) \($0)" } ?? "none logged"))
        if let nextReview {
            let next = "\(Agenda.weekday(nextReview)) \(nextReview)"
            out.line("  next  " + (nextReview < today ? out.style(next + " (past due)", .red) : next) + ", " + every)
        } else {
            out.line("  next  " + out.style(every, .dim))
        }

        out.heading("Record this review")
        out.line("  " + out.style(record, .bold))
        return out.text
    }

    private func question(_ number: Int, _ text: String, into out: inout TextLayout) {
        out.line("")
        out.line(out.style("\(number). \(text)", .cyan))
    }

    private func open(_ text: String, into out: inout TextLayout) {
        out.wrapped(text, prefix: "  " + out.style("open:", .yellow) + " ", prefixWidth: 8, hang: 8)
    }

    private func date(_ day: Day?) -> String { day?.description ?? "no date   " }

    /// The quarters' load as bars against the capacity line, when the plan
    /// states a capacity.
    private func capacity(into out: inout TextLayout) {
        guard !quarters.isEmpty else {
            open("no goal not done has a date from today on", into: &out)
            return
        }
        // Without a capacity there is nothing to draw the load against, as in the report.
        if quarters.allSatisfy({ $0.capacity == nil }) {
            open("no capacity stated: add capacity 10 hours per week", into: &out)
            return
        }
        CapacityChart(bars: quarters.map { .init(name: $0.name, capacity: $0.capacity, load: $0.load, over: $0.over, steps: $0.capacitySteps) })
            .render(into: &out)
    }

    // MARK: - For a program

    /// One object: the same answers, without the words around them, each
    /// figure as the JSON export writes it (the load unrounded, `every` as
    /// months and days).
    public func json() -> JSON {
        func day(_ day: Day?) -> JSON { day.map { .string($0.description) } ?? .null }
        func text(_ text: String?) -> JSON { text.map(JSON.string) ?? .null }
        func names(_ names: [String]) -> JSON { .array(names.map(JSON.string)) }
        return .object([
            ("today", .string(today.description)),
            ("goals", .array(goals.map { goal in
                .object([
                    ("name", .string(goal.name)),
                    ("due", day(goal.due)),
                    ("role", text(goal.role)),
                    ("gaps", .array(goal.gaps.map { gap in
                        .object([("skill", .string(gap.skill)), ("level", .number(Double(gap.level))),
                                 ("needed", .number(Double(gap.needed))), ("people", names(gap.people))])
                    })),
                    ("missing", names(goal.missing)),
                    ("impact", text(goal.impact)),
                    ("aligns", names(goal.aligns)),
                ])
            })),
            ("objectives", .array(objectives.map { objective in
                .object([("name", .string(objective.name)), ("org", text(objective.org)), ("goals", names(objective.goals))])
            })),
            ("unaligned", names(unaligned.map(\.name))),
            ("vision", text(vision)),
            ("non_negotiables", .array(nonNegotiables.map { .object([("name", .string($0.name)), ("note", text($0.note))]) })),
            ("quarters", .array(quarters.map { quarter in
                .object([("name", .string(quarter.name)), ("capacity", quarter.capacity.map(JSON.number) ?? .null),
                         ("load", .number(quarter.load)), ("over", .bool(quarter.over))])
            })),
            ("review", .object([
                ("every", every.map(EntityJSON.duration) ?? .null),
                ("last", day(lastReview)),
                ("next", day(nextReview)),
            ])),
            ("record", .string(record)),
        ])
    }
}
