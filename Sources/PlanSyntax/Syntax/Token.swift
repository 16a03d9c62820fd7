import PlanCore

/// Reserved words. The raw value is the spelling in source.
public enum Keyword: String, CaseIterable, Sendable {
    // declarations and statements
    case vision, owner, value, skill, goal, milestone, mentor, contact, log
    case objective, experience, capacity, review, habit
    case update, `let`, include, assert
    // clauses
    case priority, nonNegotiable = "non-negotiable", note, level, target
    case role, needs, at, serves, after, by, impact, done, doing, `for`, helps
    case every, met, tags, hours, reviewed, gained, have, aligns, effort, start, from, did
    // collections
    case values, skills, goals, milestones, mentors, contacts, logs, logsAhead = "logs_ahead"
    case objectives, experiences, capacities, reviews, quarters, habits
    // query clauses
    case `where`, sort, group, limit, select, asc, desc
    // operators and literals
    case and, or, not, `in`, `true`, `false`, none, today

    /// The keyword's place among `allCases`, for tables indexed by keyword.
    /// An enum without payloads is stored as that place, so reading it is
    /// free, where hashing a keyword into a Set or a Dictionary ran the
    /// standard hasher on every statement and clause of a plan.
    /// `KeywordTests.theOrdinalIsThePlaceAmongAllCases` holds it to that.
    @inlinable
    public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }
}

/// A set of keywords as one bit each, by `Keyword.ordinal`: asked on every
/// statement and clause, so looking one up is a shift, with nothing to hash
/// or allocate.
public struct KeywordSet: Sendable, Equatable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0

    public init() {}

    /// An array, not any sequence: a generic initializer called from another
    /// module is not specialized, and went through the runtime for each keyword.
    public init(_ keywords: [Keyword]) {
        for keyword in keywords { insert(keyword) }
    }

    /// Inlinable, as the checks ask it of every name a plan gives.
    @inlinable
    public func contains(_ keyword: Keyword) -> Bool {
        let ordinal = keyword.ordinal
        return ordinal < 64 ? low >> ordinal & 1 != 0 : high >> (ordinal - 64) & 1 != 0
    }

    public mutating func insert(_ keyword: Keyword) {
        let ordinal = keyword.ordinal
        if ordinal < 64 { low |= 1 << ordinal } else { high |= 1 << (ordinal - 64) }
    }

    public var isEmpty: Bool { low == 0 && high == 0 }
}

/// The kinds of entity a plan declares. A kind's keyword is its raw value
/// and its collection keyword the plural; how it is written lies in
/// `KindSyntax`, what it is in its description in the model
/// (`EntityKind.described`). The order of the cases means nothing: each
/// order that matters is one of the lists below.
public enum EntityKind: String, CaseIterable, Sendable {
    case value, skill, goal, milestone, contact, log, objective, experience, capacity, review
    /// Worked out from the plan, never declared: `quarters`.
    case quarter
    case habit

    /// The order a plan is written out in (`:save` of a new plan, `fmt`
    /// of new entities, the JSON export's members, `:diff`), and the order
    /// the checks of each kind run in.
    public static let writtenOrder: [EntityKind] = [
        .value, .skill, .goal, .milestone, .contact, .habit, .log, .objective, .experience, .capacity, .review, .quarter,
    ]

    /// The order kinds are applied to a plan as of a day: a `met` after the
    /// day is set aside before the log says who was met last, and quarters
    /// are worked out from goals the log may have marked done.
    public static let applyOrder: [EntityKind] = [
        .value, .skill, .goal, .milestone, .contact, .habit, .log, .objective, .experience, .capacity, .review, .quarter,
    ]

    /// Which kind a name means when it could be several (`for` names a goal
    /// or a milestone, and an unknown name's hint names a kind): the first
    /// of these that declares it.
    public static let nameResolutionOrder: [EntityKind] = [
        .value, .skill, .goal, .milestone, .contact, .habit, .log, .objective, .experience, .capacity, .review, .quarter,
    ]

    /// Every kind, each at its `ordinal`: the order of per-kind tables.
    public static let byOrdinal: [EntityKind] = allCases.sorted { $0.ordinal < $1.ordinal }

    /// The position of the kind in per-kind tables (`byOrdinal`).
    public var ordinal: Int {
        switch self {
        case .value: return 0
        case .skill: return 1
        case .goal: return 2
        case .milestone: return 3
        case .contact: return 4
        case .log: return 5
        case .objective: return 6
        case .experience: return 7
        case .capacity: return 8
        case .review: return 9
        case .quarter: return 10
        case .habit: return 11
        }
    }

    /// Another keyword that declares the kind with the clause of the same
    /// word implied, and the collection that lists only those entities:
    /// `mentor "X"` is a contact who mentors you, `mentors` lists them.
    public var alias: (declares: Keyword, lists: Keyword)? {
        self == .contact ? (.mentor, .mentors) : nil
    }

    /// The collection keyword: `goals`, `skills`, ...
    public var plural: String {
        self == .capacity ? "capacities" : rawValue + "s"
    }

    /// The keyword that declares the kind under its own name (`contact`).
    public var keyword: Keyword? { Keyword(rawValue: rawValue) }

    /// The kind a keyword declares (`goal`) or, with `collection`, lists (`goals`).
    public init?(_ keyword: Keyword, collection: Bool = false) {
        guard let kind = (collection ? EntityKind.byCollection : EntityKind.byKeyword)[keyword.ordinal] else { return nil }
        self = kind
    }

    /// The kind each keyword declares, at the keyword's ordinal.
    private static let byKeyword: [EntityKind?] = tableByKeyword(allCases.flatMap { kind in
        [Keyword(rawValue: kind.rawValue), kind.alias?.declares].compactMap { $0 }.map { ($0, kind) }
    })
    /// Every collection keyword with the kind it lists, in the kinds' order
    /// (`goals`, `contacts`, `mentors`, `logs`, `logs_ahead`, ...).
    public static let collections: [(keyword: Keyword, kind: EntityKind)] = allCases.flatMap { kind in
        ([Keyword(rawValue: kind.plural), kind.alias?.lists].compactMap { $0 } + kind.syntax.otherCollections)
            .map { ($0, kind) }
    }
    private static let byCollection: [EntityKind?] = tableByKeyword(collections.map { ($0.keyword, $0.kind) })

    private static func tableByKeyword(_ pairs: [(Keyword, EntityKind)]) -> [EntityKind?] {
        var table = [EntityKind?](repeating: nil, count: Keyword.allCases.count)
        for (keyword, kind) in pairs { table[keyword.ordinal] = kind }
        return table
    }
}

public enum TokenKind: Equatable, Hashable, Sendable {
    case identifier
    case keyword(Keyword)
    case string        // text includes the quotes; `Lexeme.stringValue` decodes it
    case number
    case date          // `2027-06-30`, `2027-06` or `2027-Q2`, already validated
    case duration      // `90 days`: number, blanks, unit word, as one token
    case leftParen, rightParen, leftBracket, rightBracket
    case comma, dot, semicolon
    case plus, minus, star, slash
    case equal, equalEqual, bangEqual, less, lessEqual, greater, greaterEqual
    case newline       // a statement end the lexer decided on (see Lexer)
    case eof
    case invalid       // the lexer already reported a diagnostic for it
}

/// A token is its kind and where it stands; its text is a slice of the source.
public struct Token: Equatable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange

    public init(kind: TokenKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}
