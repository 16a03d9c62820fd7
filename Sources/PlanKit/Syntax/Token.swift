/// Reserved words. The raw value is the spelling in source.
public enum Keyword: String, CaseIterable, Sendable {
    // declarations and statements
    case vision, value, skill, goal, milestone, mentor
    case update, `let`, include, assert
    // clauses
    case priority, nonNegotiable = "non-negotiable", note, level, target
    case role, needs, at, serves, after, by, impact, done, doing, `for`, helps
    // collections
    case values, skills, goals, milestones, mentors
    // query clauses
    case `where`, sort, group, limit, select, asc, desc
    // operators and literals
    case and, or, not, `in`, `true`, `false`, none, today
}

public enum TokenKind: Equatable, Hashable, Sendable {
    case identifier
    case keyword(Keyword)
    case string        // text includes the quotes; `Lexer.stringValue` decodes it
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
