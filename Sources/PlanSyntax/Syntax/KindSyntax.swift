import PlanCore

/// How each kind of entity is written, and nothing else: what follows its
/// keyword, the clauses it takes and their shapes, what picks one entity
/// for `update`, its other collections and the fields a query may name by
/// a keyword. The parser reads this table; the model's kind descriptions
/// (Sources/PlanKit/Model/Kinds) say what the clauses mean, and a test
/// holds them to this table (docs/architecture.md).
/// A class, so that reading a kind's row copies nothing.
public final class KindSyntax: Sendable {
    public let kind: EntityKind
    /// What follows the keyword: a name (`goal "Lead"`), or a date and an
    /// optional text (`log 2026-11-03 "Ran the retro"`).
    public let head: Head
    /// In canonical order: the formatter writes clauses in this order.
    public let clauses: [ClauseSyntax]
    /// Whether a name holds one entity (a second declaration is an error);
    /// log entries are not: two on one day are two entries.
    public let unique: Bool
    /// What `update`, `remove` and `rename` pick an entity by: its name,
    /// unless names are shared.
    public let identity: Identity
    /// Worked out from the rest of the plan, never declared (quarters).
    public let derived: Bool
    /// The collections the kind has besides its own (`logs_ahead`).
    public let otherCollections: [Keyword]
    /// The kind's fields spelled as a keyword (`done`, `goals`), which a
    /// query reads as a field of the current item (`goals where done`).
    public let fieldKeywords: [Keyword]
    /// The first words of the kind's two-word clauses (`needs` of `needs
    /// experience`): the parser looks at the word after these only.
    public let leads: [Keyword]
    /// The place among `clauses` of the one-word clause each keyword
    /// starts, by `Keyword.ordinal`, or -1: the parser finds a clause at
    /// every clause word of a plan, where looking through the kind's
    /// clauses copied each one it passed.
    private let placeByKeyword: [Int8]
    /// The place of each two-word clause, by its first and second word.
    private let placeByLead: [(lead: Keyword, keyword: Keyword, place: Int)]
    /// For each clause, the place of the clause that owns its slot (`done`
    /// for `doing`): the same place for two clauses that set the same thing.
    public let slotPlaces: [Int]
    /// The clauses a declaration must have, most often none, looked for
    /// at the end of every declaration.
    public let required: [ClauseSyntax]

    init(_ kind: EntityKind, head: Head = .name, unique: Bool = true, identity: Identity = .name, derived: Bool = false,
         otherCollections: [Keyword] = [], fieldKeywords: [Keyword], clauses: [ClauseSyntax]) {
        self.kind = kind
        self.head = head
        self.clauses = clauses
        self.unique = unique
        self.identity = identity
        self.derived = derived
        self.otherCollections = otherCollections
        self.fieldKeywords = fieldKeywords
        leads = clauses.compactMap(\.lead)
        var places = [Int8](repeating: -1, count: Keyword.allCases.count)
        var byLead: [(lead: Keyword, keyword: Keyword, place: Int)] = []
        for (place, clause) in clauses.enumerated() {
            if let lead = clause.lead {
                byLead.append((lead, clause.keyword, place))
            } else if places[clause.keyword.ordinal] < 0 {
                places[clause.keyword.ordinal] = Int8(place)
            }
        }
        placeByKeyword = places
        placeByLead = byLead
        slotPlaces = clauses.map { clause in clauses.firstIndex { $0.keyword == clause.slot } ?? -1 }
        required = clauses.filter(\.required)
    }

    public func clause(_ keyword: Keyword) -> ClauseSyntax? {
        clauses.first { $0.keyword == keyword }
    }

    /// The place among `clauses` of the one-word clause `keyword` starts.
    @inline(__always)
    public func place(ofClause keyword: Keyword) -> Int? {
        let place = Int(placeByKeyword[keyword.ordinal])
        return place < 0 ? nil : place
    }

    /// The place among `clauses` of the two-word clause `lead second`.
    public func place(ofClause second: Keyword, after lead: Keyword) -> Int? {
        placeByLead.first { $0.lead == lead && $0.keyword == second }?.place
    }

    /// Every kind's syntax, by `EntityKind.ordinal`.
    public static let all: [KindSyntax] = [
        KindSyntax(.value, fieldKeywords: [.priority, .note, .goals], clauses: [
            ClauseSyntax(.priority, .whole("a priority", nil)),
            ClauseSyntax(.nonNegotiable, .flag),
            ClauseSyntax(.note, .text("a note")),
        ]),
        KindSyntax(.skill, fieldKeywords: [.level, .target, .mentors], clauses: [
            ClauseSyntax(.level, .whole("a level", 0...5)),
            ClauseSyntax(.target, .whole("a target level", 0...5)),
        ]),
        KindSyntax(.goal, fieldKeywords: [.role, .done, .needs, .serves, .after, .milestones, .impact, .note, .doing, .logs,
                                          .aligns, .experiences, .effort, .start, .tags], clauses: [
            ClauseSyntax(.role, .text("a role")),
            ClauseSyntax(.after, .names("a goal", refers: [.goal])),
            ClauseSyntax(.needs, .skillNeeds),
            ClauseSyntax(.experience, .names("an experience", refers: [.experience]), lead: .needs),
            ClauseSyntax(.serves, .names("a value", refers: [.value])),
            ClauseSyntax(.aligns, .names("an objective", refers: [.objective])),
            ClauseSyntax(.start, .date),
            ClauseSyntax(.by, .date),
            ClauseSyntax(.effort, .amount("the effort", unit: .hours)),
            ClauseSyntax(.impact, .text("the impact")),
            ClauseSyntax(.tags, .names("a tag", refers: [])),
            ClauseSyntax(.note, .text("a note")),
            ClauseSyntax(.done, .flag),
            ClauseSyntax(.doing, .flag, excludes: .done),
        ]),
        KindSyntax(.milestone, fieldKeywords: [.goal, .done], clauses: [
            ClauseSyntax(.for, .name("the goal this milestone is for", refers: [.goal]), required: true),
            ClauseSyntax(.by, .date, required: true),
            ClauseSyntax(.done, .flag),
        ]),
        KindSyntax(.contact, fieldKeywords: [.role, .helps, .every, .mentor, .tags, .note, .logs], clauses: [
            ClauseSyntax(.at, .text("an organisation")),
            ClauseSyntax(.role, .text("a role")),
            ClauseSyntax(.helps, .names("a skill", refers: [.skill])),
            ClauseSyntax(.every, .duration),
            ClauseSyntax(.met, .date),
            ClauseSyntax(.tags, .names("a tag", refers: [])),
            ClauseSyntax(.note, .text("a note")),
            ClauseSyntax(.mentor, .flag),
        ]),
        KindSyntax(.log, head: .date(text: .note), unique: false, identity: .dayAndText, otherCollections: [.logsAhead],
                   fieldKeywords: [.note, .goal, .milestone, .skill, .level, .done, .gained, .hours, .reviewed, .habits], clauses: [
            ClauseSyntax(.note, .text("a note")),
            ClauseSyntax(.for, .name("the goal or milestone worked on", refers: [.goal, .milestone])),
            ClauseSyntax(.met, .names("a person", refers: [.contact])),
            ClauseSyntax(.skill, .skillLevel),
            ClauseSyntax(.done, .name("the goal or milestone reached", refers: [.goal, .milestone])),
            ClauseSyntax(.gained, .name("the experience gained", refers: [.experience])),
            ClauseSyntax(.did, .names("a habit", refers: [.habit])),
            ClauseSyntax(.hours, .amount("the hours spent", unit: nil)),
            ClauseSyntax(.reviewed, .flag),
        ]),
        KindSyntax(.objective, fieldKeywords: [.note, .goals], clauses: [
            ClauseSyntax(.at, .text("an organisation")),
            ClauseSyntax(.note, .text("a note")),
        ]),
        KindSyntax(.experience, fieldKeywords: [.have, .note], clauses: [
            ClauseSyntax(.have, .flag),
            ClauseSyntax(.note, .text("a note")),
        ]),
        KindSyntax(.capacity, head: .amount(words: ["hours", "per", "week"]), unique: false, identity: .dayClause(.from),
                   fieldKeywords: [.hours, .from], clauses: [
            ClauseSyntax(.from, .date),
        ]),
        KindSyntax(.review, head: .none, fieldKeywords: [.every], clauses: [
            ClauseSyntax(.every, .duration, required: true),
        ]),
        KindSyntax(.quarter, derived: true, fieldKeywords: [.start, .capacity, .goals], clauses: []),
        KindSyntax(.habit, fieldKeywords: [.every, .goal, .serves, .note, .logs], clauses: [
            ClauseSyntax(.every, .duration, required: true),
            ClauseSyntax(.for, .name("the goal it is for", refers: [.goal])),
            ClauseSyntax(.serves, .names("a value", refers: [.value])),
            ClauseSyntax(.note, .text("a note")),
        ]),
    ]
}

extension EntityKind {
    /// How this kind is written.
    public var syntax: KindSyntax { KindSyntax.all[ordinal] }
}

public enum Head: Sendable, Equatable {
    case name
    /// Nothing: the kind is said once in a plan (`review every 2 weeks`).
    case none
    /// A number, then these words (`capacity 10 hours per week`).
    case amount(words: [String])
    /// A date, written back as it was written, then the text of the clause
    /// `text` (`note`) without its keyword, when it has one.
    case date(text: Keyword)
}

/// How a statement that changes an entity (docs/language.md) says which.
public enum Identity: Sendable, Equatable {
    case name
    /// The date after the keyword, and the text after it to tell apart the
    /// entries of one day (`remove log 2026-11-03 "Ran the retro"`); moved
    /// to another day by `rename`.
    case dayAndText
    /// The day this clause gives, its absence standing for "from the
    /// beginning" (`remove capacity from 2027-01-01`); moved by `rename`,
    /// while `update` changes what the head says (the hours).
    case dayClause(Keyword)
}
