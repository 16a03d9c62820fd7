import PlanCore

/// A name as written: an identifier or a string. `quoted` lets the formatter
/// write it back the way a person would.
public struct Name: Equatable, Sendable {
    public var text: String
    public var range: SourceRange
    public var quoted: Bool

    public init(text: String, range: SourceRange, quoted: Bool) {
        self.text = text
        self.range = range
        self.quoted = quoted
    }
}

public struct Expr: Sendable {
    public var kind: ExprKind
    public var range: SourceRange

    public init(_ kind: ExprKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

extension Expr {
    /// The expression with each entity it names (`(value family)`, `goal
    /// "X"`) given the name `renamed` returns, where it returns one: a
    /// rename reaches expressions as it reaches clauses.
    public func renamingEntities(_ renamed: (EntityKind, Name) -> Name?) -> Expr {
        func again(_ expr: Expr) -> Expr { expr.renamingEntities(renamed) }
        var copy = self
        switch kind {
        case .number, .string, .bool, .none, .today, .date, .duration, .identifier, .collection, .vision, .owner:
            return self
        case .entity(let entityKind, let name, let spelled):
            guard let new = renamed(entityKind, name) else { return self }
            copy.kind = .entity(entityKind, new, spelled: spelled)
        case .list(let items): copy.kind = .list(items.map(again))
        case .unary(let op, let operand): copy.kind = .unary(op, again(operand))
        case .logical(let op, let left, let right, let at): copy.kind = .logical(op, again(left), again(right), operatorRange: at)
        case .binary(let op, let left, let right, let at): copy.kind = .binary(op, again(left), again(right), operatorRange: at)
        case .field(let base, let name, let at): copy.kind = .field(again(base), name: name, nameRange: at)
        case .call(let name, let at, let arguments): copy.kind = .call(name: name, nameRange: at, arguments: arguments.map(again))
        case .index(let base, let position): copy.kind = .index(again(base), again(position))
        case .query(let base, let clauses):
            copy.kind = .query(again(base), clauses.map { clause in
                var clause = clause
                switch clause.kind {
                case .where(let expr): clause.kind = .where(again(expr))
                case .sort(let expr, let descending): clause.kind = .sort(again(expr), descending: descending)
                case .group(let expr): clause.kind = .group(again(expr))
                case .limit(let expr): clause.kind = .limit(again(expr))
                case .select(let expr): clause.kind = .select(again(expr))
                }
                return clause
            })
        }
        return copy
    }

    /// Each entity the expression names, in no set order.
    public func forEachEntity(_ body: (EntityKind, Name) -> Void) {
        _ = renamingEntities { kind, name in
            body(kind, name)
            return nil
        }
    }

    /// The collection a question lists when it starts with one (`goals
    /// where ...`, `(goals)`) and selects nothing anywhere, so that an empty
    /// answer can say `(no goals)` instead of `[]`.
    public var listing: Keyword? {
        selects ? nil : leftmostCollection
    }

    /// The collection keyword as written (`mentors`, not `contacts`).
    private var leftmostCollection: Keyword? {
        switch kind {
        case .collection(_, let spelled): return spelled
        case .query(let base, _), .field(let base, _, _), .index(let base, _), .binary(_, let base, _, _),
             .logical(_, let base, _, _):
            return base.leftmostCollection
        default: return nil
        }
    }

    private var selects: Bool {
        switch kind {
        case .number, .string, .bool, .none, .today, .date, .duration, .identifier, .entity, .collection, .vision, .owner:
            return false
        case .list(let items): return items.contains { $0.selects }
        case .call(_, _, let arguments): return arguments.contains { $0.selects }
        case .unary(_, let operand): return operand.selects
        case .binary(_, let left, let right, _), .logical(_, let left, let right, _): return left.selects || right.selects
        case .field(let base, _, _): return base.selects
        case .index(let base, let position): return base.selects || position.selects
        case .query(let base, let clauses):
            return base.selects || clauses.contains { clause in
                switch clause.kind {
                case .select: return true
                case .where(let expr), .sort(let expr, _), .group(let expr), .limit(let expr): return expr.selects
                }
            }
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not
}

/// `and` and `or`, which look at their right side only when the left one
/// leaves the answer open.
public enum LogicalOperator: String, Sendable {
    case or, and
}

public enum BinaryOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<="
    case greater = ">", greaterEqual = ">=", `in`
    case add = "+", subtract = "-", multiply = "*", divide = "/"
}

public indirect enum ExprKind: Sendable {
    case number(Double)
    case string(String)
    case bool(Bool)
    case none
    case today
    case date(Day)
    case duration(Duration)
    /// A `let` name, or inside a query clause a field of the current item, or `it`.
    case identifier(String)
    case list([Expr])
    /// `goal "Lead"`, `value family`.
    /// `mentor "X"` is a contact spelled `mentor`: the spelling is kept, so
    /// that the formatter writes back what was written.
    case entity(EntityKind, Name, spelled: Keyword)
    /// `goals`, `skills`, ...; `mentors` is the contacts spelled `mentors`,
    /// which lists only the mentors.
    case collection(EntityKind, spelled: Keyword)
    case vision
    /// The client the plan is for, as `plan practice` names it.
    case owner
    case unary(UnaryOperator, Expr)
    /// `operatorRange` is where a type error points.
    case logical(LogicalOperator, Expr, Expr, operatorRange: SourceRange)
    case binary(BinaryOperator, Expr, Expr, operatorRange: SourceRange)
    case field(Expr, name: String, nameRange: SourceRange)
    case call(name: String, nameRange: SourceRange, arguments: [Expr])
    case index(Expr, Expr)
    case query(Expr, [QueryClause])
}

public struct QueryClause: Sendable {
    public enum Kind: Sendable {
        case `where`(Expr)
        case sort(Expr, descending: Bool)
        case group(Expr)
        case limit(Expr)
        case select(Expr)
    }

    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// One required skill in a goal's `needs skill` clause.
public struct SkillNeed: Sendable {
    public var skill: Name
    // A large plan holds hundreds of thousands of these: 32-bit fields, and
    // the flag first, in the name's padding, make one 48 bytes instead of 64.
    // Inlinable, as the model in another module copies them by the
    // hundred thousand.
    @usableFromInline var hasLevelRange: Bool
    @usableFromInline var storedLevel: Int32
    @usableFromInline var storedLevelRange: SourceRange

    /// nil: the skill's target level is required.
    @inlinable public var level: Int? {
        get { storedLevel == .min ? nil : Int(storedLevel) }
        set { storedLevel = newValue.map { Int32(clamping: $0) } ?? .min }
    }

    @inlinable public var levelRange: SourceRange? {
        get { hasLevelRange ? storedLevelRange : nil }
        set {
            hasLevelRange = newValue != nil
            storedLevelRange = newValue ?? .none
        }
    }

    @inlinable public init(skill: Name, level: Int?, levelRange: SourceRange?) {
        self.skill = skill
        storedLevel = level.map { Int32(clamping: $0) } ?? .min
        hasLevelRange = levelRange != nil
        storedLevelRange = levelRange ?? .none
    }
}

/// One clause after a declaration's name: its keyword and what follows it.
/// Which clauses a kind of entity takes, and in what shape, its description
/// says (`ClauseSyntax`); the AST keeps them uniform so that `update` and
/// every kind share them.
public struct Clause: Sendable {
    public var keyword: Keyword
    public var value: ClauseValue
    public var range: SourceRange

    public init(_ keyword: Keyword, _ value: ClauseValue, _ range: SourceRange) {
        self.keyword = keyword
        self.value = value
        self.range = range
    }
}

/// What a clause holds after its keyword.
public enum ClauseShape: Sendable {
    case flag
    /// A whole number, `what` for messages, optionally bounded. The words
    /// for messages are static, so that reading a shape copies nothing.
    case whole(StaticString, ClosedRange<Int>?)
    case text(StaticString)
    case date
    /// A duration longer than nothing (`6 weeks`).
    case duration
    /// A number more than nothing (`hours 2.5`), followed by `unit` when
    /// there is one (`effort 40 hours`).
    case amount(StaticString, unit: Keyword?)
    /// One name, of an entity of one of the `refers` kinds (the first that
    /// declares it), or a free word when `refers` is empty.
    case name(StaticString, refers: KindSet)
    /// Names separated by commas; `refers` as for `name`.
    case names(StaticString, refers: KindSet)
    /// `skill NAME [at LEVEL] {, NAME [at LEVEL]}` after `needs`.
    case skillNeeds
    /// `NAME level LEVEL`: a skill and the level it reached.
    case skillLevel

    /// The kinds of entity the clause's names may refer to, in the order
    /// a name is looked for; empty when it names none.
    public var refers: [EntityKind] { referred.kinds }

    /// `refers` as bits: a shape is copied often, and holds no array.
    @inlinable public var referred: KindSet {
        switch self {
        case .name(_, let kinds), .names(_, let kinds): return kinds
        case .skillNeeds, .skillLevel: return [.skill]
        case .flag, .whole, .text, .date, .duration, .amount: return []
        }
    }

    /// What a person might write for it, for hints.
    public var example: String {
        switch self {
        case .flag: return ""
        case .whole: return "1"
        case .text: return "\"...\""
        case .date: return "2027-06-30"
        case .duration: return "6 weeks"
        case .amount(_, let unit): return "2" + (unit.map { " " + $0.rawValue } ?? "")
        case .name(_, let kinds), .names(_, let kinds):
            guard let word = kinds.first?.rawValue else { return "name" }
            return "\"" + word.prefix(1).uppercased() + word.dropFirst() + "\""
        case .skillNeeds: return "skill \"project management\" at 4"
        case .skillLevel: return "\"project management\" level 3"
        }
    }

    /// A list clause adds to what is there; giving it twice is no repeat.
    public var isList: Bool {
        switch self {
        case .names, .skillNeeds: return true
        case .flag, .whole, .text, .date, .duration, .amount, .name, .skillLevel: return false
        }
    }
}

/// Some kinds of entity, in `EntityKind.nameResolutionOrder` (so a name
/// that may be a goal or a milestone is looked for as a goal first).
public struct KindSet: Sendable, Equatable, ExpressibleByArrayLiteral {
    // Inlinable with `first`, `isEmpty` and `ClauseShape.referred`: the
    // model reads them for every reference of every entity.
    @usableFromInline var bits: UInt32 = 0

    public init(arrayLiteral kinds: EntityKind...) {
        for kind in kinds { bits |= 1 << UInt32(kind.ordinal) }
    }

    @inlinable public var isEmpty: Bool { bits == 0 }

    @inlinable public var first: EntityKind? { EntityKind.nameResolutionOrder.first { bits & (1 << UInt32($0.ordinal)) != 0 } }

    public var kinds: [EntityKind] { EntityKind.nameResolutionOrder.filter { bits & (1 << UInt32($0.ordinal)) != 0 } }
}

/// The value of one clause as written.
public enum ClauseValue: Sendable {
    case flag
    case whole(Int)
    case text(String)
    case date(Day)
    case duration(Duration)
    case amount(Double)
    case name(Name)
    case names([Name])
    case needs([SkillNeed])
    /// A skill and the level it reached (`skill rust level 3` in a log).
    case skillLevel(Name, Int)
    /// `update ... drop CLAUSE [NAMES]`: the clause cleared, or with names,
    /// those names taken out of it. Only an `update` holds it.
    case dropped([Name])
    /// `update ... open`: the status clause cleared. Only an `update` holds it.
    case reopened

    /// The names it refers to, with the level a need asks for. A drop names
    /// what goes away, which refers to nothing that must stay declared.
    @inlinable public func forEachName(_ body: (Name, Int?) -> Void) {
        switch self {
        case .name(let name): body(name, nil)
        case .names(let names): for name in names { body(name, nil) }
        case .needs(let needs): for need in needs { body(need.skill, need.level) }
        case .skillLevel(let skill, _): body(skill, nil)
        case .flag, .whole, .text, .date, .duration, .amount, .dropped, .reopened: break
        }
    }

    /// Whether it says what `other` says, wherever each was written.
    public func says(sameAs other: ClauseValue) -> Bool {
        switch (self, other) {
        case (.flag, .flag), (.reopened, .reopened): return true
        case (.whole(let left), .whole(let right)): return left == right
        case (.text(let left), .text(let right)): return left == right
        case (.date(let left), .date(let right)): return left == right
        case (.duration(let left), .duration(let right)): return left == right
        case (.amount(let left), .amount(let right)): return left == right
        case (.name(let left), .name(let right)): return left.text == right.text
        case (.names(let left), .names(let right)), (.dropped(let left), .dropped(let right)):
            return left.map(\.text) == right.map(\.text)
        case (.needs(let left), .needs(let right)):
            return left.map(\.skill.text) == right.map(\.skill.text) && left.map(\.level) == right.map(\.level)
        case (.skillLevel(let left, let leftLevel), .skillLevel(let right, let rightLevel)):
            return left.text == right.text && leftLevel == rightLevel
        default: return false
        }
    }

    /// Whether it takes something away (`drop`, `open`) rather than sets it.
    public var isRemoval: Bool {
        switch self {
        case .dropped, .reopened: return true
        case .flag, .whole, .text, .date, .duration, .amount, .name, .names, .needs, .skillLevel: return false
        }
    }
}

/// The part of a clause rule the parser needs.
public struct ClauseSyntax: Sendable {
    public let keyword: Keyword
    /// The word written before the keyword, when the clause is two words
    /// (`needs experience ...`, where `needs skill ...` is another clause).
    public let lead: Keyword?
    public let shape: ClauseShape
    /// A declaration must have it (an `update` need not).
    public let required: Bool
    /// Clauses sharing a slot set the same thing (`done` and `doing` set a
    /// goal's status), so giving two of them is a repeat.
    public let slot: Keyword

    package init(_ keyword: Keyword, _ shape: ClauseShape, required: Bool = false, excludes: Keyword? = nil, lead: Keyword? = nil) {
        self.keyword = keyword
        self.lead = lead
        self.shape = shape
        self.required = required
        slot = excludes ?? keyword
    }

    /// The words the clause is written with before its value: `needs experience`.
    public var words: String { (lead.map { $0.rawValue + " " } ?? "") + keyword.rawValue }

    /// The clause as a person writes it, with a sample value, for help and
    /// hints: `effort 2 hours`, `needs experience "Experience"`.
    public var example: String { shape.example.isEmpty ? words : words + " " + shape.example }
}

public struct Declaration: Sendable {
    public var kind: EntityKind
    /// The keyword written (`mentor` for a contact declared as a mentor).
    public var spelling: Keyword
    public var name: Name
    /// With the clause the spelling implies first, where it did.
    public var clauses: [Clause]
    /// `update goal "X" ...` rather than `goal "X" ...`.
    public var isUpdate: Bool
    /// In an `update` of a kind whose entities share names, the clauses
    /// that say which entity (`from` of a capacity, the text of a log entry).
    public var key: [Clause]

    public init(kind: EntityKind, spelling: Keyword, name: Name, clauses: [Clause], isUpdate: Bool, key: [Clause] = []) {
        self.kind = kind
        self.spelling = spelling
        self.name = name
        self.clauses = clauses
        self.isUpdate = isUpdate
        self.key = key
    }
}

public struct Statement: Sendable {
    public enum Kind: Sendable {
        case vision(String)
        /// `owner "Name"`: whose plan this is.
        case owner(String)
        case declaration(Declaration)
        case `let`(name: String, nameRange: SourceRange, value: Expr)
        case include(path: String, pathRange: SourceRange)
        case assert(Expr, message: String?)
        case expression(Expr)
        /// `update vision "..."`.
        case updateVision(String)
        /// `update owner "..."`.
        case updateOwner(String)
        /// `remove goal "X"`; `key` as in `Declaration`.
        case remove(EntityKind, Name, key: [Clause])
        /// `rename goal "X" to "Y"`; `key` as in `Declaration`.
        case rename(EntityKind, Name, key: [Clause], to: Name)
    }

    public var kind: Kind
    /// From the first token to the last, without the line end.
    public var range: SourceRange

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

/// What the parser makes of one source: the statements it could read, the
/// comments (kept for the formatter), and every problem it met.
public struct ParsedSource: Sendable {
    public var statements: [Statement]
    public var comments: [SourceRange]
    public var diagnostics: [Diagnostic]
    /// The input stopped in the middle of a statement (an open bracket, a
    /// trailing operator or comma, an open string) and nothing else was wrong:
    /// the REPL reads another line instead of reporting an error.
    public var isIncomplete: Bool

    public init(statements: [Statement], comments: [SourceRange], diagnostics: [Diagnostic], isIncomplete: Bool = false) {
        self.statements = statements
        self.comments = comments
        self.diagnostics = diagnostics
        self.isIncomplete = isIncomplete
    }
}
