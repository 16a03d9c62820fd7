import PlanCore
import PlanSyntax

/// Everything about one kind of entity, said once, in the kind's own file:
/// its clauses, its fields, its table columns, how it is written back as
/// source and as JSON, the references it holds and the checks it asks for.
/// The parser, `update`, field lookup, answers, the formatter, `:save`, the
/// exports, completion and the checks read these descriptions instead of
/// switching over kinds (as swift-syntax builds every pass from one table
/// of node kinds), so a new kind is one new file.
protocol EntityDescription: SendableMetatype {
    associatedtype Entity: PlanEntity
    static var kind: EntityKind { get }
    /// In canonical order: the formatter writes clauses in this order.
    static var clauses: [ClauseRule<Entity>] { get }
    static var fields: [FieldRule] { get }
    /// The columns of a table of these entities, as field names.
    static var columns: [Column] { get }
    /// The members of the entity's object in the JSON export, in order.
    static var exportMembers: [String] { get }
    /// Clause per line (a goal) or all on one line (a value).
    static var layout: Layout { get }
    /// The warnings and errors about entities of this kind, in the order
    /// they are reported when two fall on the same place.
    static var checks: [Check] { get }
    static var unknownCode: DiagnosticCode { get }
    /// What follows the keyword: a name (`goal "Lead"`), or a date and an
    /// optional text (`log 2026-11-03 "Ran the retro"`).
    static var head: Head { get }
    /// Whether a name holds one entity (a second declaration is an error);
    /// log entries are not: two on one day are two entries.
    static var unique: Bool { get }
    /// What `update`, `remove` and `rename` pick an entity by: its name,
    /// unless names are shared.
    static var identity: Identity { get }
    /// The declaration to suggest for a name that is referred to but not
    /// declared (`skill "rust" level 0 target 3`); `level` is the level a
    /// reference asked for, if any.
    static func stub(_ spelled: String, level: Int?) -> String
    /// The order the collection lists the entities in; declaration order
    /// unless the kind says otherwise (log entries go by date).
    static func order(_ plan: Plan) -> [Int]
    /// What the kind's collection (`logs`) lists as of `today`, in order:
    /// every entity, unless the kind leaves some out until a later day.
    static func listed(_ plan: Plan, today: Day) -> [Int]
    /// The collections the kind has besides its own (`logs_ahead`).
    static var otherCollections: [CollectionRule] { get }
    /// Worked out from the rest of the plan, never declared (quarters).
    static var derived: Bool { get }
    /// What the kind does to the plan as it stands on `today`: the log
    /// applies its entries, quarters are worked out. Kinds are applied in
    /// `EntityKind.applyOrder`.
    static func asOf(_ plan: Plan, today: Day) -> Plan
    /// The log clauses that speak of this kind's entities (`met` names a
    /// contact; `reviewed`, a flag, speaks of the review): the counting
    /// entries with such a clause are the entity's (`LogKind.entries`).
    static var takesFromLog: [Keyword] { get }
    /// What the counting entries make of the kind's entities as of today
    /// (a skill at the level last logged, a goal done); the log calls it
    /// once it has read its entries, so what it declared stays as it was.
    static func applyLog(_ plan: inout Plan, _ log: LogEntries)
}

extension EntityDescription {
    static var head: Head { .name }
    static var unique: Bool { true }
    static var identity: Identity { .name }
    static var derived: Bool { false }
    static func asOf(_ plan: Plan, today: Day) -> Plan { plan }
    static var takesFromLog: [Keyword] { [] }
    static func applyLog(_ plan: inout Plan, _ log: LogEntries) {}
    static func order(_ plan: Plan) -> [Int] { Array(0..<plan.count(of: kind)) }
    static func listed(_ plan: Plan, today: Day) -> [Int] { order(plan) }
    static var otherCollections: [CollectionRule] { [] }
    static var exportMembers: [String] { fields.map(\.name) }
    static var layout: Layout { .oneLine }
    static var checks: [Check] { [] }
}

/// What every entity has: the name it is found by, and its kind.
public protocol PlanEntity: Sendable {
    static var kind: EntityKind { get }
    /// Settable for `rename`, through the plan, which keeps its name table in step.
    var name: Name { get set }
    init(name: Name)
}

public enum Layout: Sendable {
    case oneLine
    /// Two or more clauses go one a line, indented under the name.
    case clausePerLine
}

/// One clause a kind takes: how it reads, what it changes, and how the
/// entity gives it back to be written out.
struct ClauseRule<Entity>: Sendable {
    let syntax: ClauseSyntax
    let apply: @Sendable (inout Entity, ClauseValue, SourceRange) -> Void
    /// nil when the entity does not have the clause (nothing to write).
    let read: @Sendable (borrowing Entity) -> ClauseValue?
    /// `read` of the entity a pointer lends: a pass over a large plan then
    /// copies no entity, only the clause it reads.
    let readInPlace: @Sendable (UnsafePointer<Entity>) -> ClauseValue?
    /// Each name the clause of the entity a pointer lends gives, with the
    /// level a need asks for: read and let go here, where the value's type
    /// is known, not through the runtime's witness of an optional value in
    /// the pass over every reference.
    let forEachNameInPlace: @Sendable (UnsafePointer<Entity>, (Name, Int?) -> Void) -> Void
    /// Takes the clause away (`update ... drop CLAUSE`), leaving the entity
    /// as if it had never been given; nil when the clause cannot go. Taking
    /// names out of a list, and renaming them, are built on it: read, clear,
    /// apply what remains.
    let clear: (@Sendable (inout Entity) -> Void)?
    /// The clause of a log entry that, naming the entity, decides this one
    /// as of today (a skill's `level` follows `log ... skill ... level`), so
    /// that an `update` the log overrides can say so.
    let loggedBy: Keyword?

    init(_ keyword: Keyword, _ shape: ClauseShape, required: Bool = false, excludes: Keyword? = nil, lead: Keyword? = nil,
         loggedBy: Keyword? = nil,
         apply: @escaping @Sendable (inout Entity, ClauseValue, SourceRange) -> Void,
         read: @escaping @Sendable (borrowing Entity) -> ClauseValue?,
         clear: (@Sendable (inout Entity) -> Void)? = nil) {
        syntax = ClauseSyntax(keyword, shape, required: required, excludes: excludes, lead: lead)
        self.loggedBy = loggedBy
        self.apply = apply
        self.read = read
        self.clear = clear
        readInPlace = { read($0.pointee) }
        forEachNameInPlace = { entity, body in read(entity.pointee)?.forEachName(body) }
    }
}

/// One constructor per shape of clause: each applies, reads and clears
/// through the same pair of accessors, so no clause can set a property it
/// then forgets to clear. Accessors are closures rather than key paths,
/// which are projected at run time: inlined here, the optimizer folds each
/// accessor into the rule's own closures, as if they were written out.
extension ClauseRule {
    /// A text clause (`note "..."`).
    @inline(__always)
    static func text(_ keyword: Keyword, _ what: StaticString,
                     get: @escaping @Sendable (borrowing Entity) -> String?,
                     set: @escaping @Sendable (inout Entity, String?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .text(what),
                   apply: { entity, clause, _ in if case .text(let text) = clause { set(&entity, text) } },
                   read: { get($0).map(ClauseValue.text) },
                   clear: { set(&$0, nil) })
    }

    /// One name, of one of `refers` (a free word when empty).
    @inline(__always)
    static func name(_ keyword: Keyword, _ what: StaticString, refers: KindSet, required: Bool = false,
                     get: @escaping @Sendable (borrowing Entity) -> Name?,
                     set: @escaping @Sendable (inout Entity, Name?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .name(what, refers: refers), required: required,
                   apply: { entity, clause, _ in if case .name(let name) = clause { set(&entity, name) } },
                   read: { get($0).map(ClauseValue.name) },
                   clear: { set(&$0, nil) })
    }

    /// Names separated by commas, each of one of `refers` (free words,
    /// like tags, when empty); giving the clause again adds to the list.
    @inline(__always)
    static func names(_ keyword: Keyword, _ what: StaticString, refers: KindSet, lead: Keyword? = nil,
                      get: @escaping @Sendable (borrowing Entity) -> NameList<Name>,
                      set: @escaping @Sendable (inout Entity, NameList<Name>) -> Void) -> ClauseRule {
        ClauseRule(keyword, .names(what, refers: refers), lead: lead,
                   apply: { entity, clause, _ in
                       guard case .names(let names) = clause else { return }
                       // Taken out of the entity first, so that the list is
                       // merged into in place rather than copied.
                       var list = get(entity)
                       set(&entity, [])
                       list.merge(names)
                       set(&entity, list)
                   },
                   read: { entity in
                       let list = get(entity)
                       return list.isEmpty ? nil : .names(list.items)
                   },
                   clear: { set(&$0, []) })
    }

    /// A duration (`every 2 weeks`).
    @inline(__always)
    static func duration(_ keyword: Keyword, required: Bool = false,
                         get: @escaping @Sendable (borrowing Entity) -> Duration?,
                         set: @escaping @Sendable (inout Entity, Duration?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .duration, required: required,
                   apply: { entity, clause, _ in if case .duration(let duration) = clause { set(&entity, duration) } },
                   read: { get($0).map(ClauseValue.duration) },
                   clear: { set(&$0, nil) })
    }

    /// A number of hours, with the unit it is written with, if any (`effort 40h`).
    @inline(__always)
    static func amount(_ keyword: Keyword, _ what: StaticString, unit: Keyword?,
                       get: @escaping @Sendable (borrowing Entity) -> Double?,
                       set: @escaping @Sendable (inout Entity, Double?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .amount(what, unit: unit),
                   apply: { entity, clause, _ in if case .amount(let amount) = clause { set(&entity, amount) } },
                   read: { get($0).map(ClauseValue.amount) },
                   clear: { set(&$0, nil) })
    }

    /// A whole number, within `bounds` when given (`priority 1`).
    @inline(__always)
    static func whole(_ keyword: Keyword, _ what: StaticString, _ bounds: ClosedRange<Int>?,
                      get: @escaping @Sendable (borrowing Entity) -> Int?,
                      set: @escaping @Sendable (inout Entity, Int?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .whole(what, bounds),
                   apply: { entity, clause, _ in if case .whole(let whole) = clause { set(&entity, whole) } },
                   read: { get($0).map(ClauseValue.whole) },
                   clear: { set(&$0, nil) })
    }

    /// A date, kept with where it was written, so that a diagnostic about
    /// the day can point at it (`by 2027-06-30`).
    @inline(__always)
    static func date(_ keyword: Keyword, required: Bool = false, loggedBy: Keyword? = nil,
                     get: @escaping @Sendable (borrowing Entity) -> Day?,
                     set: @escaping @Sendable (inout Entity, Day?, SourceRange?) -> Void) -> ClauseRule {
        ClauseRule(keyword, .date, required: required, loggedBy: loggedBy,
                   apply: { entity, clause, range in if case .date(let day) = clause { set(&entity, day, range) } },
                   read: { get($0).map(ClauseValue.date) },
                   clear: { set(&$0, nil, nil) })
    }

    /// A word that is there or not (`done`); clearing it sets it false.
    @inline(__always)
    static func flag(_ keyword: Keyword, excludes: Keyword? = nil, loggedBy: Keyword? = nil,
                     get: @escaping @Sendable (borrowing Entity) -> Bool,
                     set: @escaping @Sendable (inout Entity, Bool) -> Void) -> ClauseRule {
        ClauseRule(keyword, .flag, excludes: excludes, loggedBy: loggedBy,
                   apply: { entity, _, _ in set(&entity, true) },
                   read: { get($0) ? .flag : nil },
                   clear: { set(&$0, false) })
    }
}

/// A field an expression can read.
public struct FieldRule: Sendable {
    public let name: String
    public let type: FieldType
    package let value: @Sendable (FieldContext, Int) -> Value
    /// The JSON form, when it differs from the value's own (a goal's needs
    /// keep their levels; a number of days stays one number).
    package let json: (@Sendable (FieldContext, Int) -> JSON)?
    /// Given by the counting log entries that name the entity (a goal's
    /// `spent`, a person's `last_met`): empty until one does, and never
    /// empty once one does.
    public let fromLog: Bool

    init(_ name: String, _ type: FieldType, fromLog: Bool = false, json: (@Sendable (FieldContext, Int) -> JSON)? = nil,
         _ value: @escaping @Sendable (FieldContext, Int) -> Value) {
        self.name = name
        self.type = type
        self.value = value
        self.json = json
        self.fromLog = fromLog
    }
}

/// A field's type, as the docs list it; `optional` fields may be none.
public indirect enum FieldType: Sendable, Equatable {
    case number, string, bool, date, duration
    case entity(EntityKind)
    /// An entity of one of these kinds: a log entry's `done` names a goal
    /// or a milestone.
    case oneOf([EntityKind])
    /// How far a goal falls short in a skill (`SkillGap`).
    case gap
    case list(FieldType)
    case optional(FieldType)
}

/// What a field is computed from: the plan, the day, and the references
/// turned round.
package struct FieldContext {
    package let plan: Plan
    package let today: Day
    package let links: Links

    package init(plan: Plan, today: Day, links: Links) {
        self.plan = plan
        self.today = today
        self.links = links
    }
}

/// One column of a table of entities.
public struct Column: Sendable {
    public let field: String
    public let header: String
    public let rightAligned: Bool
    /// Left out of a table in which no row has a value for it (a list of
    /// mentors with no organisation shows no `org`).
    public let optional: Bool

    init(_ field: String, header: String? = nil, rightAligned: Bool = false, optional: Bool = false) {
        self.field = field
        self.header = header ?? field
        self.rightAligned = rightAligned
        self.optional = optional
    }
}

/// A collection a kind has besides its own: the keyword that names it, and
/// the entities it lists as of a day, in order.
public struct CollectionRule: Sendable {
    public let keyword: Keyword
    let members: @Sendable (Plan, Day) -> [Int]

    init(_ keyword: Keyword, _ members: @escaping @Sendable (Plan, Day) -> [Int]) {
        self.keyword = keyword
        self.members = members
    }
}

/// A check over the whole plan: the diagnostics it finds.
struct Check: Sendable {
    let run: @Sendable (CheckContext) -> [Diagnostic]
    /// The clauses whose referrers the check asks the links for (`value`
    /// asks which goals serve it): the pass that resolves every reference
    /// files those as it goes, so that they are not resolved twice.
    let asks: [Asked]

    /// A clause of `source` whose referrers a check asks for.
    struct Asked: Sendable {
        let source: EntityKind
        let clause: Keyword
    }

    init(_ run: @escaping @Sendable (CheckContext) -> [Diagnostic], asks: [Asked] = []) {
        self.run = run
        self.asks = asks
    }
}

struct CheckContext {
    let plan: Plan
    let today: Day
    let links: Links
}

/// A name one entity gives for another: which clause, the kinds it may
/// name (the first that declares it wins), and what it asks.
struct Reference {
    let clause: Keyword
    let kinds: [EntityKind]
    let name: Name
    /// The level a `needs skill ... at` asks for.
    let level: Int?
}

/// A kind's description with its entity type erased, so that code over
/// every kind needs no generics: built once per kind from its description.
public final class KindInfo: Sendable {
    public let kind: EntityKind
    public let clauses: [ClauseSyntax]
    public let fields: [FieldRule]
    public let columns: [Column]
    public let exportMembers: [String]
    public let layout: Layout
    public let head: Head
    public let unique: Bool
    public let identity: Identity
    public let derived: Bool
    let asOf: @Sendable (Plan, Day) -> Plan
    public let takesFromLog: [Keyword]
    let applyLog: @Sendable (inout Plan, LogEntries) -> Void
    let checks: [Check]
    /// The error for a reference to an entity of this kind that is not declared.
    public let unknownCode: DiagnosticCode
    let stub: @Sendable (String, Int?) -> String
    private let fieldPositions: [String: Int]
    /// The fields' names and computations alone, so that reading one
    /// copies no rule.
    private let fieldNameList: [String]
    private let fieldValues: [@Sendable (FieldContext, Int) -> Value]
    private let clauseKeywords: [Keyword]

    let makeTable: @Sendable () -> EntityTableBase
    /// Adds the declared entity, unless a kind of unique names already
    /// holds the name (then nothing changes).
    let declare: @Sendable (inout Plan, Name, [Clause]) -> Plan.Declared
    let update: @Sendable (inout Plan, Int, [Clause]) -> Void
    /// The entity's clauses as they would be written, in canonical order.
    package let written: @Sendable (Plan, Int) -> [(Keyword, ClauseValue)]
    let hasClause: @Sendable (Plan, Keyword, Int) -> Bool
    /// The value entity `index` gives clause `keyword`, nil when it has none.
    let clauseValue: @Sendable (Plan, Keyword, Int) -> ClauseValue?
    /// What the kind's collection lists as of a day, in order (declaration
    /// order, or the description's own).
    let listed: @Sendable (Plan, Day) -> [Int]
    public let otherCollections: [CollectionRule]
    /// Every name each entity of the kind gives for another entity, in the
    /// clause given or in all of them, clause by clause.
    let forEachReference: @Sendable (Plan, Keyword?, (Int, Reference) -> Void) -> Void
    /// The clauses that can be dropped, by keyword.
    let clearable: Set<Keyword>
    /// The clauses the log decides as of today, and the log clause that does.
    let loggedBy: [Keyword: Keyword]
    /// Every name of `target` spelled `old` in this kind's clauses becomes
    /// `new`, in every entity; the positions of the entities changed.
    let renameReferences: @Sendable (inout Plan, EntityKind, String, Name) -> [Int]

    init<Description: EntityDescription>(_ description: Description.Type) {
        typealias Entity = Description.Entity
        let rules = Description.clauses
        kind = Description.kind
        clauses = rules.map(\.syntax)
        fields = Description.fields
        columns = Description.columns
        exportMembers = Description.exportMembers
        layout = Description.layout
        head = Description.head
        unique = Description.unique
        identity = Description.identity
        derived = Description.derived
        asOf = { Description.asOf($0, today: $1) }
        takesFromLog = Description.takesFromLog
        applyLog = { Description.applyLog(&$0, $1) }
        checks = Description.checks
        unknownCode = Description.unknownCode
        stub = { Description.stub($0, level: $1) }
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() { positions[field.name] = position }
        fieldPositions = positions
        fieldNameList = fields.map(\.name)
        fieldValues = fields.map(\.value)

        // A kind takes a handful of clauses: looking through their keywords
        // is quicker than hashing one.
        let keywords = rules.map(\.syntax.keyword)
        clauseKeywords = keywords
        // The changes alone, so that finding one copies no other closure.
        // The clears and reads, used only for `open` and `drop`, are read
        // from their rules in place: arrays of them apart were two more
        // array types a kind, whose metadata the runtime made at every
        // start, a tenth of starting `plan`.
        let changes = rules.map(\.apply)
        @Sendable func apply(_ clauses: [Clause], to entity: inout Entity) {
            // Each clause is lent in place through a pointer and read through
            // its `pointee`: `for clause in clauses` would copy every clause
            // of every declaration, twice, and a subscript once, whole.
            clauses.withUnsafeBufferPointer { clauses in
                guard let first = clauses.baseAddress else { return }
                for offset in clauses.indices {
                    let clause = first + offset
                    // A clause the kind does not take is the parser's to report.
                    guard let position = keywords.firstIndex(of: clause.pointee.keyword) else { continue }
                    switch clause.pointee.value {
                    case .reopened, .dropped:
                        clear(clause, by: position, in: &entity)
                    default:
                        changes[position](&entity, clause.pointee.value, clause.pointee.range)
                    }
                }
            }
        }
        /// `open` and `drop`, which few declarations write: apart, so that
        /// the loop every declaration runs stays small.
        @Sendable @inline(never) func clear(_ clause: UnsafePointer<Clause>, by position: Int, in entity: inout Entity) {
            rules.withUnsafeBufferPointer { rules in
                guard case .dropped(let names) = clause.pointee.value else {
                    rules[position].clear?(&entity)
                    return
                }
                let kept = names.isEmpty ? nil : rules[position].read(entity).flatMap { $0.removing(names.map(\.text)) }
                rules[position].clear?(&entity)
                if let kept { changes[position](&entity, kept, clause.pointee.range) }
            }
        }
        let unique = Description.unique
        let pickedDay: (@Sendable (Entity) -> Day?)?
        switch Description.identity {
        case .name:
            pickedDay = nil
        case .dayAndText:
            pickedDay = { try? Day.parse($0.name.text).get() }
        case .dayClause(let keyword):
            let read = rules.first { $0.syntax.keyword == keyword }?.read
            pickedDay = { entity in
                guard case .date(let day)? = read?(entity) else { return nil }
                return day
            }
        }
        let referring = rules.filter { !$0.syntax.shape.referred.isEmpty }
        let namesReferred: @Sendable (Entity) -> [String] = { entity in
            var names: [String] = []
            for rule in referring { rule.read(entity)?.forEachName { name, _ in names.append(name.text) } }
            return names
        }
        makeTable = { EntityTable<Entity>(unique: unique, pickedDay: pickedDay, namesReferred: namesReferred) }
        declare = { plan, name, clauses in
            var entity = Entity(name: name)
            apply(clauses, to: &entity)
            guard unique else { return .added(at: plan.add(consume entity)) }
            return plan.addIfNew(consume entity)
        }
        update = { plan, index, clauses in
            plan.modify(Entity.self, at: index) { apply(clauses, to: &$0) }
        }
        written = { plan, index in
            let entities = plan.entities(Entity.self)
            guard entities.indices.contains(index) else { return [] }
            return rules.compactMap { rule in rule.read(entities[index]).map { (rule.syntax.keyword, $0) } }
        }
        hasClause = { plan, keyword, index in
            guard let position = keywords.firstIndex(of: keyword) else { return false }
            return plan.entities(Entity.self).withUnsafeBufferPointer { entities in
                guard let first = entities.baseAddress, index >= 0, index < entities.count else { return false }
                return rules[position].readInPlace(first + index) != nil
            }
        }
        clauseValue = { plan, keyword, index in
            guard let position = keywords.firstIndex(of: keyword) else { return nil }
            return plan.entities(Entity.self).withUnsafeBufferPointer { entities in
                guard let first = entities.baseAddress, index >= 0, index < entities.count else { return nil }
                return rules[position].readInPlace(first + index)
            }
        }
        listed = { plan, today in Description.listed(plan, today: today) }
        otherCollections = Description.otherCollections
        clearable = Set(rules.filter { $0.clear != nil }.map(\.syntax.keyword))
        loggedBy = Dictionary(uniqueKeysWithValues: rules.compactMap { rule in rule.loggedBy.map { (rule.syntax.keyword, $0) } })
        renameReferences = { plan, target, old, new in
            guard plan.mayRefer(Description.kind, to: old) else { return [] }
            var changed: [Int] = []
            for rule in referring where rule.syntax.shape.refers.contains(target) {
                guard let clear = rule.clear else { continue }
                // Only the entities that name `old` are edited, so that what
                // :undo keeps of a rename is those entities alone.
                let naming = plan.entities(Entity.self).withUnsafeBufferPointer { entities -> [Int] in
                    guard let first = entities.baseAddress else { return [] }
                    return entities.indices.filter { rule.readInPlace(first + $0)?.renaming(old, to: new) != nil }
                }
                for index in naming {
                    plan.modify(Entity.self, at: index) { entity in
                        guard let value = rule.read(entity), let replaced = value.renaming(old, to: new) else { return }
                        clear(&entity)
                        rule.apply(&entity, replaced, new.range)
                    }
                    if changed.last != index { changed.append(index) }
                }
            }
            return changed
        }
        forEachReference = { plan, clause, body in
            // Each entity is lent in place through a pointer: reading
            // `entities[index]` would copy each goal of a large plan.
            plan.entities(Entity.self).withUnsafeBufferPointer { entities in
                guard let first = entities.baseAddress else { return }
                for rule in referring where clause == nil || rule.syntax.keyword == clause {
                    let targets = rule.syntax.shape.refers
                    for index in entities.indices {
                        rule.forEachNameInPlace(first + index) { name, level in
                            body(index, Reference(clause: rule.syntax.keyword, kinds: targets, name: name, level: level))
                        }
                    }
                }
            }
        }
    }

    public func field(named name: String) -> FieldRule? {
        fieldPositions[name].map { fields[$0] }
    }

    /// The field `name` of entity `index`, or nil when the kind has no such field.
    package func value(of name: String, _ context: FieldContext, _ index: Int) -> Value? {
        // Field names are short: comparing a handful costs less than hashing one.
        guard let position = fieldNameList.firstIndex(of: name) else { return nil }
        return fieldValues[position](context, index)
    }

    public var fieldNames: [String] { fieldNameList }

    /// The word entity `index` is spoken of by: `mentor` for a contact
    /// declared as one, else the kind's own.
    public func word(_ plan: Plan, _ index: Int) -> String {
        if let alias = kind.alias?.declares, has(alias, plan, index) { return alias.rawValue }
        return kind.rawValue
    }

    /// How entity `index` is spoken of in answers and in `:diff`: `goal
    /// "Lead"`, `mentor "Jo"`, `log 2026-11-03 "Ran the retro"`, `capacity
    /// 6 hours per week from 2027-04-01`, `review`.
    public func title(_ plan: Plan, _ index: Int) -> String {
        let word = self.word(plan, index)
        guard let name = plan.name(of: kind, at: index) else { return word + " ?" }
        switch head {
        case .name:
            return word + " " + Literal.string(name.text)
        case .none:
            return word
        case .date(let textKeyword):
            guard case .text(let note)? = written(plan, index).first(where: { $0.0 == textKeyword })?.1 else {
                return word + " " + name.text
            }
            return word + " " + name.text + " " + Literal.string(note)
        case .amount(let words):
            let title = ([word, name.text] + words).joined(separator: " ")
            guard case .dayClause(let keyword) = identity, case .date(let day)? = written(plan, index).first(where: { $0.0 == keyword })?.1 else {
                return title
            }
            return title + " \(keyword.rawValue) \(day)"
        }
    }

    /// What says which entity `update`, `remove` and `rename` are about,
    /// after the kind: its name, a log entry's date and text, a capacity's
    /// `from` (nothing for the one from the beginning, or for the review).
    /// `written` gives a `from` day as the person wrote it (`2027-Q1`).
    public func picking(_ name: Name, key: [Clause], written: (Clause) -> String? = { _ in nil }) -> String {
        switch identity {
        case .name:
            return head == .none ? "" : " " + Literal.name(name.text)
        case .dayAndText:
            let text = key.lazy.compactMap { clause -> String? in if case .text(let text) = clause.value { return text } else { return nil } }.first
            return " " + name.text.uppercased() + (text.map { " " + Literal.string($0) } ?? "")
        case .dayClause:
            return key.map { clause in
                guard case .date(let day) = clause.value else { return "" }
                return " \(clause.keyword.rawValue) " + (written(clause) ?? "\(day)")
            }.joined()
        }
    }

    /// Whether entity `index` has the clause `keyword` (a flag set, a value given).
    func has(_ keyword: Keyword, _ plan: Plan, _ index: Int) -> Bool {
        hasClause(plan, keyword, index)
    }

    public func clause(_ keyword: Keyword) -> ClauseSyntax? {
        clauseKeywords.firstIndex(of: keyword).map { clauses[$0] }
    }
}

extension EntityKind {
    /// This kind's description.
    public var info: KindInfo { KindInfo.all[ordinal] }
}

extension KindInfo {
    /// Every kind's description, by `EntityKind.ordinal`.
    package static let all: [KindInfo] = EntityKind.byOrdinal.map { $0.described() }
}
