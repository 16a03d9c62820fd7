import PlanCore
import PlanSyntax

/// An `assert` statement, kept to be evaluated with the checks once the
/// whole input is loaded.
public struct Assertion: Sendable {
    public var condition: Expr
    public var message: String?
    public var range: SourceRange

    public init(condition: Expr, message: String?, range: SourceRange) {
        self.condition = condition
        self.message = message
        self.range = range
    }
}

/// The plan model: what the interpreter builds and everything else reads.
/// Entities keep declaration order; references between them are names,
/// resolved when asked, so that a goal may name a skill declared later.
/// Each kind's entities sit in a table of their own, made from the kind's
/// description, so the plan itself knows no kind by name.
public struct Plan: Sendable {
    public var vision: String?
    public var visionRange: SourceRange?
    /// Whose plan it is: the name a coach's `plan practice` shows.
    public var owner: String?
    public var ownerRange: SourceRange?
    public var assertions: [Assertion] = []
    /// By `EntityKind.ordinal`. Tables are objects, copied before a change
    /// when shared, so that a Plan is still a value.
    private var tables: [EntityTableBase]
    /// The identity the next entity gets: it stays with the entity through
    /// updates and renames, so that `:diff` and `:save` know it again.
    private var nextIdentity = 0
    /// While a change is being recorded (`beginJournal`), what each edit
    /// of an entity replaced, oldest first; nil otherwise, and in every
    /// copy made to read (`withoutJournal`).
    private var journal: Journal?
    /// Whether a remove may have left a table to pack: every statement asks
    /// `compact`, and most plans never remove, so that asks no table.
    private(set) var mayHaveRemoved = false

    public init() {
        tables = KindInfo.all.map { $0.makeTable() }
    }

    /// The entities of one kind, in declaration order.
    public func entities<Entity: PlanEntity>(_ type: Entity.Type) -> [Entity] {
        table(Entity.self)?.items ?? []
    }

    private func table<Entity: PlanEntity>(_ type: Entity.Type) -> EntityTable<Entity>? {
        tables[Entity.kind.ordinal] as? EntityTable<Entity>
    }

    /// The table of `Entity`, not shared with any other plan.
    private mutating func uniqueTable<Entity: PlanEntity>(_ type: Entity.Type) -> EntityTable<Entity>? {
        let ordinal = Entity.kind.ordinal
        if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
        return tables[ordinal] as? EntityTable<Entity>
    }

    /// The position of the entity of `kind` called `name`, if declared.
    public func index(of kind: EntityKind, named name: String) -> Int? {
        tables[kind.ordinal].find(name, hash: NameTable.hash(name))
    }

    /// The entity `name` refers to among `kinds`: the first kind that
    /// declares it.
    public func resolve(_ name: String, among kinds: [EntityKind]) -> (kind: EntityKind, index: Int)? {
        let hash = NameTable.hash(name)
        for kind in kinds {
            if let index = tables[kind.ordinal].find(name, hash: hash) { return (kind, index) }
        }
        return nil
    }

    public func count(of kind: EntityKind) -> Int {
        tables[kind.ordinal].count
    }

    /// The entities of a kind picked by a day (log entries by their date, a
    /// capacity by its `from`, none standing for "from the beginning"), in
    /// order; empty for a kind picked by name.
    func positions(of kind: EntityKind, pickedBy day: Day?) -> [Int] {
        tables[kind.ordinal].positions(pickedBy: day)
    }

    /// Whether an entity of `kind` may name `name` in one of its clauses:
    /// false only when `countReferences` has counted them and none does.
    func mayRefer(_ kind: EntityKind, to name: String) -> Bool {
        tables[kind.ordinal].mayRefer(to: name)
    }

    /// Counts the names each kind's entities refer to, where they are not
    /// counted yet, so that `rename` and `remove` look only at the kinds
    /// that name the entity.
    mutating func countReferences() {
        for ordinal in tables.indices where !tables[ordinal].referencesCounted {
            if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
            tables[ordinal].countReferences()
        }
    }

    /// The declared name of entity `index` of `kind`.
    public func name(of kind: EntityKind, at index: Int) -> Name? {
        tables[kind.ordinal].name(at: index)
    }

    /// All declared names of `kind`, in declaration order (for "did you mean").
    public func names(of kind: EntityKind) -> [String] {
        tables[kind.ordinal].names
    }

    /// Room for `count` more entities of `kind`, so that a large plan does
    /// not hold its old and new arrays at once while one grows.
    public mutating func reserveCapacity(_ count: Int, more kind: EntityKind) {
        let ordinal = kind.ordinal
        if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
        tables[ordinal].reserve(count)
    }

    /// What declaring an entity did: where it was added, or which entity
    /// already holds its name.
    enum Declared: Equatable {
        case added(at: Int)
        case taken(by: Int)
    }

    /// Adds `entity`, returning its index; the caller has checked the name is
    /// free (if not, the name finds the newer entity from then on).
    @discardableResult public mutating func add<Entity: PlanEntity>(_ entity: Entity) -> Int {
        guard let table = uniqueTable(Entity.self) else { return -1 }
        table.insert(entity, identity: nextIdentity, unlessTaken: false)
        nextIdentity += 1
        journal?.entries.append(.added(Entity.kind))
        return table.count - 1
    }

    /// Adds `entity` unless the name is taken (then nothing changes).
    mutating func addIfNew<Entity: PlanEntity>(_ entity: consuming Entity) -> Declared {
        guard let table = uniqueTable(Entity.self) else { return .added(at: -1) }
        if let existing = table.insert(consume entity, identity: nextIdentity, unlessTaken: true) {
            return .taken(by: existing)
        }
        nextIdentity += 1
        journal?.entries.append(.added(Entity.kind))
        // Counted here, where the table's type is known: through the plan's
        // type-erased tables, the count is the unspecialized generic one.
        return .added(at: table.count - 1)
    }

    /// The identity of entity `index` of `kind` (see `nextIdentity`).
    public func identity(of kind: EntityKind, at index: Int) -> Int? {
        tables[kind.ordinal].identity(at: index)
    }

    /// Every entity of `kind` by identity: its position.
    public func positions(of kind: EntityKind) -> [Int: Int] {
        var positions: [Int: Int] = [:]
        for index in 0..<count(of: kind) {
            if let identity = identity(of: kind, at: index) { positions[identity] = index }
        }
        return positions
    }

    /// Takes entity `index` of `kind` out; later entities move up one. The
    /// table only marks it removed, so that a run of removes costs each
    /// its own, not a move of every later entity: `compact` packs it.
    mutating func remove(_ kind: EntityKind, at index: Int) {
        let ordinal = kind.ordinal
        if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
        if journal != nil, let record = tables[ordinal].record(at: index) { journal?.entries.append(.removed(kind, index, record)) }
        tables[ordinal].remove(at: index)
        mayHaveRemoved = true
    }

    /// Gives entity `index` of `kind` the name `name`, which the caller has checked is free.
    mutating func rename(_ kind: EntityKind, at index: Int, to name: Name) {
        let ordinal = kind.ordinal
        if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
        if journal != nil, let record = tables[ordinal].record(at: index) { journal?.entries.append(.replaced(kind, index, record)) }
        tables[ordinal].rename(at: index, to: name)
    }

    /// Changes entity `index` in place for `update`; names never change, so
    /// the name table holds.
    public mutating func modify<Entity: PlanEntity>(_ type: Entity.Type, at index: Int, _ change: (inout Entity) -> Void) {
        guard let table = uniqueTable(Entity.self) else { return }
        if journal != nil, let record = table.record(at: index) { journal?.entries.append(.replaced(Entity.kind, index, record)) }
        table.modify(at: index, change)
    }

    /// One edit of an entity, with what it replaced.
    fileprivate enum JournalEntry: Sendable {
        case added(EntityKind)
        case removed(EntityKind, Int, EntityRecord)
        case replaced(EntityKind, Int, EntityRecord)
    }

    /// What a change replaced, to take it back with `takeBack`: the
    /// entities it edited, each as it was, and the few values of the plan
    /// itself. It holds what the change touched, never a copy of the plan.
    public struct Journal: Sendable {
        fileprivate var entries: [JournalEntry] = []
        fileprivate var vision: String?
        fileprivate var visionRange: SourceRange?
        fileprivate var assertions: [Assertion]
        fileprivate var nextIdentity: Int

        /// Whether the change left `plan` other than it found it.
        func changed(_ plan: Plan) -> Bool {
            !entries.isEmpty || vision != plan.vision || visionRange != plan.visionRange
                || assertions.count != plan.assertions.count || nextIdentity != plan.nextIdentity
        }
    }

    /// Starts recording what each edit replaces, until `endJournal`.
    public mutating func beginJournal() {
        journal = Journal(vision: vision, visionRange: visionRange, assertions: assertions, nextIdentity: nextIdentity)
    }

    /// What was recorded since `beginJournal`; recording stops.
    public mutating func endJournal() -> Journal {
        defer { journal = nil }
        return journal ?? Journal(vision: vision, visionRange: visionRange, assertions: assertions, nextIdentity: nextIdentity)
    }

    /// Undoes what `journal` recorded, latest edit first; the plan must be
    /// as the change left it.
    public mutating func takeBack(_ journal: Journal) {
        for entry in journal.entries.reversed() {
            let kind: EntityKind
            switch entry {
            case .added(let added): kind = added
            case .removed(let removed, _, _): kind = removed
            case .replaced(let replaced, _, _): kind = replaced
            }
            let ordinal = kind.ordinal
            if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
            switch entry {
            case .added: tables[ordinal].remove(at: tables[ordinal].count - 1)
            case .removed(_, let index, let record): tables[ordinal].restore(record, at: index, inserting: true)
            case .replaced(_, let index, let record): tables[ordinal].restore(record, at: index, inserting: false)
            }
        }
        mayHaveRemoved = true
        compact()
        vision = journal.vision
        visionRange = journal.visionRange
        assertions = journal.assertions
        nextIdentity = journal.nextIdentity
    }

    /// Packs together the entities that removes left in place, in every
    /// table that has some. Reading by position is cheap only in a packed
    /// table, so whoever removes packs before the plan is read again.
    mutating func compact() {
        guard mayHaveRemoved else { return }
        mayHaveRemoved = false
        for ordinal in tables.indices where tables[ordinal].hasRemoved {
            if !isKnownUniquelyReferenced(&tables[ordinal]) { tables[ordinal] = tables[ordinal].copy() }
            tables[ordinal].compact()
        }
    }

    /// How many entities of `kind` removes have made move, over the plan's
    /// life: linear in the entities removed, however many are left.
    func entitiesMoved(of kind: EntityKind) -> Int {
        tables[kind.ordinal].entitiesMoved
    }

    /// This plan to read or to derive another from: its edits are nobody's to take back.
    func withoutJournal() -> Plan {
        var copy = self
        copy.journal = nil
        return copy
    }
}

/// One entity as it stood, with its name and identity, kept by a journal.
struct EntityRecord: Sendable {
    let entity: any PlanEntity
    let name: Name
    let identity: Int
}

/// The entities of one kind and the positions of their names; the
/// type-erased face the plan keeps them behind.
class EntityTableBase: @unchecked Sendable {
    var count: Int { 0 }
    var names: [String] { [] }
    func name(at index: Int) -> Name? { nil }
    func find(_ name: String, hash: UInt32) -> Int? { nil }
    func positions(pickedBy day: Day?) -> [Int] { [] }
    var referencesCounted: Bool { true }
    func countReferences() {}
    func mayRefer(to name: String) -> Bool { true }
    func reserve(_ count: Int) {}
    func copy() -> EntityTableBase { self }
    func identity(at index: Int) -> Int? { nil }
    func remove(at index: Int) {}
    func rename(at index: Int, to name: Name) {}
    func record(at index: Int) -> EntityRecord? { nil }
    func restore(_ record: EntityRecord, at index: Int, inserting: Bool) {}
    var hasRemoved: Bool { false }
    func compact() {}
    var entitiesMoved: Int { 0 }
}

// Only ever changed through a Plan that has made sure it holds the sole
// reference, and never while it is being read: so the run-time exclusivity
// checks a class property costs on every access are left out.
final class EntityTable<Entity: PlanEntity>: EntityTableBase, @unchecked Sendable {
    /// The entities by slot. A slot is the entity's position, except while
    /// `removed` marks some: then a position counts the slots left.
    @exclusivity(unchecked) private var stored: [Entity] = []
    /// Each entity's name beside it (its text sharing the entity's storage),
    /// so that looking a name up, or reading one, never reaches into (and
    /// copies) an entity from this generic code.
    @exclusivity(unchecked) private var entityNames: [Name] = []
    /// Slots by name.
    @exclusivity(unchecked) private var index = NameTable()
    @exclusivity(unchecked) private var identities: [Int] = []
    /// The slots removed since the table was last packed (`compact`), nil
    /// when none is: a remove marks its slot instead of moving every later
    /// entity, so that N removes cost N, and one packing after them.
    @exclusivity(unchecked) private var removed: RemovedSlots?
    /// How many entities packing has moved to another slot, over the
    /// table's life: what keeps removes linear, so tests hold it to that.
    @exclusivity(unchecked) private var moved = 0
    /// Whether a name holds one entity; where it does not, the name table
    /// finds the latest entity of that name.
    private let unique: Bool
    /// The day that picks an entity for `update`, `remove` and `rename`,
    /// for a kind picked by a day (`Identity`); nil for one picked by name.
    private let pickedDay: (@Sendable (Entity) -> Day?)?
    /// The slots of the entities each day picks, in order, so that an
    /// `update` finds its entity without reading every other one.
    @exclusivity(unchecked) private var byDay: [Day?: [Int]] = [:]
    /// The names an entity's clauses refer to, each as often as it does.
    private let namesReferred: @Sendable (Entity) -> [String]
    /// `namesReferred` of every entity, counted by name: nil until a rename
    /// or remove first asks, and again once an entity changes in place (an
    /// `update` may add names a thousand times before anyone asks).
    @exclusivity(unchecked) private var referenced: [String: Int]?

    init(unique: Bool, pickedDay: (@Sendable (Entity) -> Day?)?, namesReferred: @escaping @Sendable (Entity) -> [String]) {
        self.unique = unique
        self.pickedDay = pickedDay
        self.namesReferred = namesReferred
    }

    /// The entities in order. Unpacked (between removes and `compact`),
    /// a copy without the removed ones.
    var items: [Entity] {
        guard let removed else { return stored }
        return stored.indices.filter { !removed.isRemoved($0) }.map { stored[$0] }
    }

    override var count: Int { stored.count - (removed?.count ?? 0) }
    override var names: [String] {
        guard let removed else { return entityNames.map(\.text) }
        return entityNames.indices.filter { !removed.isRemoved($0) }.map { entityNames[$0].text }
    }

    /// The slot of the entity at `position`, if there is one.
    private func slot(_ position: Int) -> Int? {
        guard position >= 0, position < count else { return nil }
        return removed?.slot(at: position) ?? position
    }

    private func position(ofSlot slot: Int) -> Int {
        removed?.position(of: slot) ?? slot
    }

    override func name(at position: Int) -> Name? {
        slot(position).map { entityNames[$0] }
    }

    override func find(_ name: String, hash: UInt32) -> Int? {
        let names = entityNames
        return index.find(hash) { names[$0].text == name }.map(position(ofSlot:))
    }

    override func positions(pickedBy day: Day?) -> [Int] {
        let slots = byDay[day] ?? []
        return removed == nil ? slots : slots.map(position(ofSlot:))
    }

    override var referencesCounted: Bool { referenced != nil }

    override func countReferences() {
        var counts: [String: Int] = [:]
        for slot in stored.indices where removed?.isRemoved(slot) != true {
            for name in namesReferred(stored[slot]) { counts[name, default: 0] += 1 }
        }
        referenced = counts
    }

    override func mayRefer(to name: String) -> Bool {
        referenced.map { $0[name] != nil } ?? true
    }

    /// `reserveCapacity` gives exactly what is asked; asked for a little more
    /// at a time (a REPL line, a small include), it would copy the array each
    /// time. Never growing by less than double keeps that linear.
    override func reserve(_ count: Int) {
        compact()
        let needed = stored.count + count
        guard needed > stored.capacity else { return }
        stored.reserveCapacity(max(needed, 2 * stored.capacity))
        entityNames.reserveCapacity(stored.capacity)
        identities.reserveCapacity(stored.capacity)
        // What is needed, not the array's doubled room: the table is filled
        // with empty slots as it is made, so room it never uses is memory.
        index.reserve(needed)
    }

    override func copy() -> EntityTableBase {
        let copy = EntityTable<Entity>(unique: unique, pickedDay: pickedDay, namesReferred: namesReferred)
        copy.stored = stored
        copy.entityNames = entityNames
        copy.index = index
        copy.identities = identities
        copy.removed = removed
        copy.moved = moved
        copy.byDay = byDay
        copy.referenced = referenced
        return copy
    }

    override func identity(at position: Int) -> Int? {
        slot(position).map { identities[$0] }
    }

    /// Marks the entity's slot removed and takes it out of the name table
    /// and the day index; nothing moves until `compact`, or until half the
    /// slots are removed, which keeps the memory held for them bounded.
    override func remove(at position: Int) {
        guard let slot = slot(position) else { return }
        let name = entityNames[slot].text
        let hash = NameTable.hash(name)
        let held = index.remove(hash, slot)
        if referenced != nil {
            for referred in namesReferred(stored[slot]) {
                referenced?[referred]? -= 1
                if referenced?[referred] == 0 { referenced?[referred] = nil }
            }
        }
        if let pickedDay { unfileDay(slot, from: pickedDay(stored[slot])) }
        if removed == nil {
            removed = RemovedSlots(slot, of: stored.count)
        } else {
            removed?.remove(slot)
        }
        if held { fileLatest(named: name, hash: hash, before: slot) }
        if let removed, removed.count * 2 > stored.count { compact() }
    }

    override var hasRemoved: Bool { removed != nil }
    override var entitiesMoved: Int { moved }

    /// Moves every entity left down over the removed slots, keeping their
    /// order, and renumbers the name table and the day index once.
    override func compact() {
        guard let removed else { return }
        if let single = removed.single {
            // One slot: the array's own move of the later entities, no map of every slot.
            stored.remove(at: single)
            entityNames.remove(at: single)
            identities.remove(at: single)
            moved += stored.count - single
            index.renumber { $0 > single ? $0 - 1 : $0 }
            if pickedDay != nil { byDay = byDay.mapValues { $0.map { $0 > single ? $0 - 1 : $0 } } }
            self.removed = nil
            return
        }
        var newSlot = [Int](repeating: -1, count: stored.count)
        var kept = 0
        for slot in stored.indices where !removed.isRemoved(slot) {
            newSlot[slot] = kept
            if kept != slot {
                stored.swapAt(kept, slot)
                entityNames.swapAt(kept, slot)
                identities.swapAt(kept, slot)
                moved += 1
            }
            kept += 1
        }
        stored.removeLast(stored.count - kept)
        entityNames.removeLast(entityNames.count - kept)
        identities.removeLast(identities.count - kept)
        index.renumber { newSlot[$0] }
        if pickedDay != nil { byDay = byDay.mapValues { $0.map { newSlot[$0] } } }
        self.removed = nil
    }

    override func rename(at position: Int, to name: Name) {
        compact()
        guard position >= 0, position < stored.count else { return }
        let old = entityNames[position].text
        let dayBefore = pickedDay?(stored[position])
        stored[position].name = name
        entityNames[position] = name
        refileDay(of: position, from: dayBefore)
        guard old != name.text else { return }
        let oldHash = NameTable.hash(old)
        if index.remove(oldHash, position) { fileLatest(named: old, hash: oldHash, before: position) }
        let newHash = NameTable.hash(name.text)
        let holder = find(name.text, hash: newHash)
        // The latest entity of a name holds it.
        if holder.map({ $0 < position }) ?? true { index.set(newHash, position, replacing: holder) }
    }

    /// Where names are shared, the name `slot` held passes to the latest
    /// entity before it of that name, if there is one.
    private func fileLatest(named name: String, hash: UInt32, before slot: Int) {
        guard !unique, let earlier = entityNames[..<slot].indices.last(where: {
            entityNames[$0].text == name && removed?.isRemoved($0) != true
        }) else { return }
        index.set(hash, earlier, replacing: nil)
    }

    /// Files `slot` under the day that now picks it, if that changed.
    private func refileDay(of slot: Int, from before: Day?) {
        guard let pickedDay else { return }
        let after = pickedDay(stored[slot])
        guard after != before else { return }
        unfileDay(slot, from: before)
        fileDay(slot, under: after)
    }

    private func unfileDay(_ slot: Int, from day: Day?) {
        guard let at = byDay[day]?.firstIndex(of: slot) else { return }
        byDay[day]?.remove(at: at)
        if byDay[day]?.isEmpty == true { byDay[day] = nil }
    }

    private func fileDay(_ slot: Int, under day: Day?) {
        var slots = byDay[day] ?? []
        slots.insert(slot, at: slots.lastIndex { $0 < slot }.map { $0 + 1 } ?? 0)
        byDay[day] = slots
    }

    override func record(at position: Int) -> EntityRecord? {
        guard let slot = slot(position) else { return nil }
        return EntityRecord(entity: stored[slot], name: entityNames[slot], identity: identities[slot])
    }

    /// Puts back an entity a journal kept: in its old place, moving later
    /// ones down (`inserting`), or over what stands there now.
    override func restore(_ record: EntityRecord, at position: Int, inserting: Bool) {
        compact()
        guard let entity = record.entity as? Entity, position >= 0,
              inserting ? position <= stored.count : position < stored.count else { return }
        referenced = nil
        if inserting {
            stored.insert(entity, at: position)
            entityNames.insert(record.name, at: position)
            identities.insert(record.identity, at: position)
        } else {
            let renamed = entityNames[position].text != record.name.text
            let dayBefore = pickedDay?(stored[position])
            stored[position] = entity
            entityNames[position] = record.name
            identities[position] = record.identity
            refileDay(of: position, from: dayBefore)
            guard renamed else { return }
        }
        reindex()
    }

    /// The name table built again: an insert moves every later position.
    /// Undo puts back one change at a time, so rebuilding costs less than
    /// a second structure would.
    private func reindex() {
        index = NameTable()
        for (position, name) in entityNames.enumerated() {
            let hash = NameTable.hash(name.text)
            index.set(hash, position, replacing: find(name.text, hash: hash))
        }
        guard let pickedDay else { return }
        byDay = [:]
        for (position, item) in stored.enumerated() { byDay[pickedDay(item), default: []].append(position) }
    }

    /// Changes entity `position` in place; its name stays as it is.
    func modify(at position: Int, _ change: (inout Entity) -> Void) {
        compact()
        guard position >= 0, position < stored.count else { return }
        let dayBefore = pickedDay?(stored[position])
        change(&stored[position])
        refileDay(of: position, from: dayBefore)
        referenced = nil
    }

    /// Appends `entity` and indexes its name, hashing the name once; returns
    /// the entity that held the name before, if any. With `unlessTaken` a
    /// taken name adds nothing; without, the new entity takes the name over.
    @discardableResult
    func insert(_ entity: consuming Entity, identity: Int, unlessTaken: Bool) -> Int? {
        compact()
        let name = entity.name
        let hash = NameTable.hash(name.text)
        let existing = find(name.text, hash: hash)
        if unlessTaken, existing != nil { return existing }
        if let pickedDay { byDay[pickedDay(entity), default: []].append(stored.count) }
        if referenced != nil {
            for name in namesReferred(entity) { referenced?[name, default: 0] += 1 }
        }
        entityNames.append(name)
        identities.append(identity)
        stored.append(consume entity)
        index.set(hash, stored.count - 1, replacing: existing)
        return existing
    }
}

/// The slots of a table marked removed, and how the positions of the
/// entities left map to slots and back. One slot is simple arithmetic (a
/// remove typed alone, packed at once, costs nothing more); from the second,
/// a Fenwick tree over one count a slot (1 while its entity is there), so
/// each way costs O(log n).
struct RemovedSlots: Sendable {
    /// The first slot removed.
    private let first: Int
    /// 1-based: entry i sums the counts of slots (i - lowest bit of i)..<i.
    /// Empty while only `first` is removed.
    private var tree: [Int32] = []
    private var marked: [Bool] = []
    private let slots: Int
    private(set) var count = 1

    /// `slot` of `slots` removed.
    init(_ slot: Int, of slots: Int) {
        first = slot
        self.slots = slots
    }

    /// The one slot removed, while there is only one.
    var single: Int? { marked.isEmpty ? first : nil }

    func isRemoved(_ slot: Int) -> Bool { marked.isEmpty ? slot == first : marked[slot] }

    mutating func remove(_ slot: Int) {
        guard !isRemoved(slot) else { return }
        if marked.isEmpty {
            tree = (0...slots).map { Int32(truncatingIfNeeded: $0 & -$0) }
            marked = [Bool](repeating: false, count: slots)
            count = 0
            mark(first)
        }
        mark(slot)
    }

    private mutating func mark(_ slot: Int) {
        marked[slot] = true
        count += 1
        var node = slot + 1
        while node < tree.count {
            tree[node] -= 1
            node += node & -node
        }
    }

    /// The position of `slot` among the slots left: how many before it are left.
    func position(of slot: Int) -> Int {
        guard !marked.isEmpty else { return slot > first ? slot - 1 : slot }
        var sum = 0
        var node = slot
        while node > 0 {
            sum += Int(tree[node])
            node -= node & -node
        }
        return sum
    }

    /// The slot of the entity left at `position`.
    func slot(at position: Int) -> Int {
        guard !marked.isEmpty else { return position >= first ? position + 1 : position }
        var node = 0
        var wanted = Int32(truncatingIfNeeded: position + 1)
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            if node + step < tree.count, tree[node + step] < wanted {
                node += step
                wanted -= tree[node]
            }
            step /= 2
        }
        return node
    }
}

/// Positions of one kind of entity by name: open addressing over a hash of
/// the name's bytes. Each slot packs the hash and the position, so that
/// growing never reads a name again and a probe rarely compares one.
struct NameTable: Sendable {
    /// 0 is empty; else the hash in the high half and position + 1 in the low.
    private var slots: [UInt64] = []
    private var count = 0

    /// Equal names (`==`, which takes `é` as one scalar and as `e` plus an
    /// accent for the same) must hash alike. Swift's own String hash does,
    /// by hashing the canonical form, but costs more; a name of ASCII only
    /// is its own canonical form, so its bytes are hashed directly, unless
    /// it holds one of the three ASCII characters another character stands
    /// for canonically (K for the Kelvin sign, `;` and `` ` `` for Greek ones).
    static func hash(_ text: String) -> UInt32 {
        // Every native String is contiguous; any other is copied, to hash alike.
        let direct = text.utf8.withContiguousStorageIfAvailable(directHash)
            ?? Array(text.utf8).withUnsafeBufferPointer(directHash)
        if let direct { return direct }
        let value = UInt64(bitPattern: Int64(text.hashValue))
        return UInt32(truncatingIfNeeded: value ^ value >> 32)
    }

    /// NameInterner (PlanSyntax) keeps a copy of this hash and of the
    /// slots' place and grow, for speed (see there): a change to one is a
    /// change to both.
    ///
    /// The hash of the bytes themselves, or nil when they are not their own
    /// canonical form: FNV-1a over the bytes, eight at a time, then
    /// MurmurHash3's finalizer so that every bit of the result depends on
    /// every byte. Each word is checked for the bytes that rule the direct
    /// hash out in the same pass, eight bytes at once: names are hashed at
    /// every declaration and reference, so a byte-at-a-time scan before
    /// hashing was a visible part of loading a large plan.
    private static func directHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        let raw = UnsafeRawBufferPointer(bytes)
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        var offset = 0
        while offset + 8 <= raw.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if !isOwnCanonicalForm(word) { return nil }
            state = (state ^ word) &* 0x100_0000_01B3
            state ^= state >> 29
            offset += 8
        }
        // The last bytes, zero-padded (a zero byte is none of those ruled
        // out), with the length above them, so that padding never matches a real byte.
        var rest: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            rest |= UInt64(raw[offset]) << shift
            shift += 8
            offset += 1
        }
        if !isOwnCanonicalForm(rest) { return nil }
        state = (state ^ (rest | UInt64(truncatingIfNeeded: raw.count) << 56)) &* 0x100_0000_01B3
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        state &*= 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 33
        return UInt32(truncatingIfNeeded: state)
    }

    /// Whether none of the eight bytes is above ASCII, `K`, `;` or `` ` ``.
    @inline(__always)
    private static func isOwnCanonicalForm(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // With every high bit clear, `(v - ones) & ~v & highs` is nonzero
        // exactly when some byte of v is zero, that is, of word equals the byte.
        func holds(_ byte: UInt8) -> Bool {
            let v = word ^ (UInt64(byte) &* ones)
            return (v &- ones) & ~v & highs != 0
        }
        return word & highs == 0 && !holds(UInt8(ascii: "K")) && !holds(UInt8(ascii: ";")) && !holds(UInt8(ascii: "`"))
    }

    /// The position whose entity `matches`, among those filed under `hash`.
    func find(_ hash: UInt32, _ matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var probe = Int(hash) & mask
        while true {
            let slot = slots[probe]
            if slot == 0 { return nil }
            if UInt32(truncatingIfNeeded: slot >> 32) == hash {
                let position = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                if matches(position) { return position }
            }
            probe = (probe + 1) & mask
        }
    }

    /// Files `position` under `hash`; `replacing` is the position already
    /// filed under the same name, if any.
    mutating func set(_ hash: UInt32, _ position: Int, replacing existing: Int?) {
        let packed = UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: position + 1))
        if let existing {
            let old = UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: existing + 1))
            let mask = slots.count - 1
            var probe = Int(hash) & mask
            while !slots.isEmpty, slots[probe] != 0 {
                if slots[probe] == old {
                    slots[probe] = packed
                    return
                }
                probe = (probe + 1) & mask
            }
        }
        // At most three quarters full keeps probe sequences short.
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(packed)
        count += 1
    }

    /// Takes out the slot of `position` filed under `hash`; whether there
    /// was one. Linear probing finds a name by walking from its home slot
    /// to the first empty one, so each later slot of the run that the hole
    /// would cut off from its home moves into the hole.
    mutating func remove(_ hash: UInt32, _ position: Int) -> Bool {
        guard !slots.isEmpty else { return false }
        let mask = slots.count - 1
        let packed = UInt64(hash) << 32 | UInt64(UInt32(truncatingIfNeeded: position + 1))
        var hole = Int(hash) & mask
        while slots[hole] != packed {
            if slots[hole] == 0 { return false }
            hole = (hole + 1) & mask
        }
        slots[hole] = 0
        count -= 1
        var next = (hole + 1) & mask
        while slots[next] != 0 {
            let home = Int(truncatingIfNeeded: slots[next] >> 32) & mask
            if (next - home) & mask >= (next - hole) & mask {
                slots[hole] = slots[next]
                slots[next] = 0
                hole = next
            }
            next = (next + 1) & mask
        }
        return true
    }

    /// Every position `moved` to where it goes now: the hashes stay, so
    /// no slot of the table changes.
    mutating func renumber(_ moved: (Int) -> Int) {
        for slot in slots.indices where slots[slot] != 0 {
            let position = moved(Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1)
            slots[slot] = slots[slot] & 0xFFFF_FFFF_0000_0000 | UInt64(UInt32(truncatingIfNeeded: position + 1))
        }
    }

    private mutating func place(_ packed: UInt64) {
        let mask = slots.count - 1
        var probe = Int(truncatingIfNeeded: packed >> 32) & mask
        while slots[probe] != 0 { probe = (probe + 1) & mask }
        slots[probe] = packed
    }

    /// Room for `total` names without growing: ten thousand goals counted
    /// before they are read are one table made, not eleven doublings.
    mutating func reserve(_ total: Int) {
        var size = max(16, slots.count)
        while total * 4 > size * 3 { size *= 2 }
        if size > slots.count { rehash(into: size) }
    }

    private mutating func grow() {
        rehash(into: max(16, slots.count * 2))
    }

    private mutating func rehash(into size: Int) {
        let old = slots
        slots = [UInt64](repeating: 0, count: size)
        for packed in old where packed != 0 { place(packed) }
    }
}
