/// What every entity of a plan has: the name it is found by.
protocol NamedEntity {
    var name: Name { get }
}

/// A value the person holds (`value family priority 1 non-negotiable`).
/// Called CoreValue so it never clashes with the interpreter's `Value`.
public struct CoreValue: Sendable {
    public var name: Name
    public var priority: Int?
    public var nonNegotiable = false
    public var note: String?

    public init(name: Name) { self.name = name }
}

public struct Skill: Sendable {
    public var name: Name
    public var level = 0
    /// nil: the target is the level (nothing to learn).
    public var explicitTarget: Int?
    public var target: Int { explicitTarget ?? level }
    public var gap: Int { max(0, target - level) }

    public init(name: Name) { self.name = name }
}

public enum GoalStatus: String, Sendable {
    case open, doing, done
}

public struct Goal: Sendable {
    public var name: Name
    // Here, beside the name, it fills the name's padding rather than adding its own.
    public var status = GoalStatus.open
    public var role: String?
    public var needs: [SkillNeed] = []
    public var serves: [Name] = []
    public var after: [Name] = []
    public var due: Day?
    /// Where the `by` date was written, for warnings about it.
    public var dueRange: SourceRange?
    public var impact: String?
    public var note: String?
    public var done: Bool { status == .done }

    public init(name: Name) { self.name = name }
}

public struct Milestone: Sendable {
    public var name: Name
    public var goal: Name?
    public var due: Day?
    public var dueRange: SourceRange?
    public var done = false

    public init(name: Name) { self.name = name }
}

public struct Mentor: Sendable {
    public var name: Name
    public var helps: [Name] = []
    public var note: String?

    public init(name: Name) { self.name = name }
}

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
public struct Plan: Sendable {
    public var vision: String?
    public var visionRange: SourceRange?
    public private(set) var values: [CoreValue] = []
    public private(set) var skills: [Skill] = []
    public private(set) var goals: [Goal] = []
    public private(set) var milestones: [Milestone] = []
    public private(set) var mentors: [Mentor] = []
    public var assertions: [Assertion] = []

    // One table per kind, of positions only: a name is compared with the
    // entity's own, so the tables hold no second copy of any name.
    private var valueIndex = NameTable()
    private var skillIndex = NameTable()
    private var goalIndex = NameTable()
    private var milestoneIndex = NameTable()
    private var mentorIndex = NameTable()

    public init() {}

    /// The position of the entity of `kind` called `name`, if declared.
    public func index(of kind: EntityKind, named name: String) -> Int? {
        find(name, of: kind, hash: NameTable.hash(name))
    }

    private func find(_ name: String, of kind: EntityKind, hash: UInt32) -> Int? {
        switch kind {
        case .value: return valueIndex.find(hash) { values[$0].name.text == name }
        case .skill: return skillIndex.find(hash) { skills[$0].name.text == name }
        case .goal: return goalIndex.find(hash) { goals[$0].name.text == name }
        case .milestone: return milestoneIndex.find(hash) { milestones[$0].name.text == name }
        case .mentor: return mentorIndex.find(hash) { mentors[$0].name.text == name }
        }
    }

    /// `name` with its text sharing storage with the declared entity's
    /// name, when there is one: a large plan then keeps each long name once,
    /// not once per mention.
    func sharing(_ name: Name, as kind: EntityKind) -> Name {
        // Up to 15 bytes a String holds its text inline: nothing to share.
        guard name.text.utf8.count > 15, let index = index(of: kind, named: name.text), let declared = self.name(of: kind, at: index) else {
            return name
        }
        var result = name
        result.text = declared.text
        return result
    }

    public func count(of kind: EntityKind) -> Int {
        switch kind {
        case .value: return values.count
        case .skill: return skills.count
        case .goal: return goals.count
        case .milestone: return milestones.count
        case .mentor: return mentors.count
        }
    }

    /// The declared name of entity `index` of `kind`.
    public func name(of kind: EntityKind, at index: Int) -> Name? {
        switch kind {
        case .value: return values.indices.contains(index) ? values[index].name : nil
        case .skill: return skills.indices.contains(index) ? skills[index].name : nil
        case .goal: return goals.indices.contains(index) ? goals[index].name : nil
        case .milestone: return milestones.indices.contains(index) ? milestones[index].name : nil
        case .mentor: return mentors.indices.contains(index) ? mentors[index].name : nil
        }
    }

    /// All declared names of `kind`, in declaration order (for "did you mean").
    public func names(of kind: EntityKind) -> [String] {
        switch kind {
        case .value: return values.map(\.name.text)
        case .skill: return skills.map(\.name.text)
        case .goal: return goals.map(\.name.text)
        case .milestone: return milestones.map(\.name.text)
        case .mentor: return mentors.map(\.name.text)
        }
    }

    /// Room for `count` more entities of `kind`, so that a large plan does
    /// not hold its old and new arrays at once while one grows.
    public mutating func reserveCapacity(_ count: Int, more kind: EntityKind) {
        switch kind {
        case .value: Plan.reserve(count, in: &values)
        case .skill: Plan.reserve(count, in: &skills)
        case .goal: Plan.reserve(count, in: &goals)
        case .milestone: Plan.reserve(count, in: &milestones)
        case .mentor: Plan.reserve(count, in: &mentors)
        }
    }

    /// `reserveCapacity` gives exactly what is asked; asked for a little more
    /// at a time (a REPL line, a small include), it would copy the array each
    /// time. Never growing by less than double keeps that linear.
    private static func reserve<Entity>(_ count: Int, in entities: inout [Entity]) {
        let needed = entities.count + count
        guard needed > entities.capacity else { return }
        entities.reserveCapacity(max(needed, 2 * entities.capacity))
    }

    // Adding returns the new index; the caller has checked the name is free
    // (if not, the name finds the newer entity from then on).
    @discardableResult public mutating func add(_ value: CoreValue) -> Int {
        Plan.insert(value, into: &values, indexedBy: &valueIndex, unlessTaken: false)
        return values.count - 1
    }
    @discardableResult public mutating func add(_ skill: Skill) -> Int {
        Plan.insert(skill, into: &skills, indexedBy: &skillIndex, unlessTaken: false)
        return skills.count - 1
    }
    @discardableResult public mutating func add(_ goal: Goal) -> Int {
        Plan.insert(goal, into: &goals, indexedBy: &goalIndex, unlessTaken: false)
        return goals.count - 1
    }
    @discardableResult public mutating func add(_ milestone: Milestone) -> Int {
        Plan.insert(milestone, into: &milestones, indexedBy: &milestoneIndex, unlessTaken: false)
        return milestones.count - 1
    }
    @discardableResult public mutating func add(_ mentor: Mentor) -> Int {
        Plan.insert(mentor, into: &mentors, indexedBy: &mentorIndex, unlessTaken: false)
        return mentors.count - 1
    }

    // Adding unless the name is taken: nil when added, else the index of the
    // entity that holds the name (nothing changes).
    mutating func addIfNew(_ value: CoreValue) -> Int? {
        Plan.insert(value, into: &values, indexedBy: &valueIndex, unlessTaken: true)
    }
    mutating func addIfNew(_ skill: Skill) -> Int? {
        Plan.insert(skill, into: &skills, indexedBy: &skillIndex, unlessTaken: true)
    }
    mutating func addIfNew(_ goal: Goal) -> Int? {
        Plan.insert(goal, into: &goals, indexedBy: &goalIndex, unlessTaken: true)
    }
    mutating func addIfNew(_ milestone: Milestone) -> Int? {
        Plan.insert(milestone, into: &milestones, indexedBy: &milestoneIndex, unlessTaken: true)
    }
    mutating func addIfNew(_ mentor: Mentor) -> Int? {
        Plan.insert(mentor, into: &mentors, indexedBy: &mentorIndex, unlessTaken: true)
    }

    /// Appends `entity` and indexes its name, hashing the name once; returns
    /// the entity that held the name before, if any. With `unlessTaken` a
    /// taken name adds nothing; without, the new entity takes the name over.
    /// The arrays are passed inout so that they grow in place, never copied.
    @discardableResult
    private static func insert<Entity: NamedEntity>(_ entity: Entity, into entities: inout [Entity],
                                                    indexedBy table: inout NameTable, unlessTaken: Bool) -> Int? {
        let name = entity.name.text
        let hash = NameTable.hash(name)
        let existing = table.find(hash) { entities[$0].name.text == name }
        if unlessTaken, existing != nil { return existing }
        entities.append(entity)
        table.set(hash, entities.count - 1, replacing: existing)
        return existing
    }

    // In-place changes for `update`; names never change, so the index holds.
    public mutating func updateValue(at index: Int, _ change: (inout CoreValue) -> Void) { change(&values[index]) }
    public mutating func updateSkill(at index: Int, _ change: (inout Skill) -> Void) { change(&skills[index]) }
    public mutating func updateGoal(at index: Int, _ change: (inout Goal) -> Void) { change(&goals[index]) }
    public mutating func updateMilestone(at index: Int, _ change: (inout Milestone) -> Void) { change(&milestones[index]) }
    public mutating func updateMentor(at index: Int, _ change: (inout Mentor) -> Void) { change(&mentors[index]) }
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

    /// The hash of the bytes themselves, or nil when they are not their own canonical form.
    private static func directHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "K") || byte == UInt8(ascii: ";")
            || byte == UInt8(ascii: "`") {
            return nil
        }
        return hash(UnsafeRawBufferPointer(bytes))
    }

    /// FNV-1a over the bytes, eight at a time, then MurmurHash3's
    /// finalizer so that every bit of the result depends on every byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        var offset = 0
        while offset + 8 <= bytes.count {
            state = (state ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x100_0000_01B3
            state ^= state >> 29
            offset += 8
        }
        // The last bytes, zero-padded, with the length, so that padding never matches a real byte.
        var tail = UInt64(truncatingIfNeeded: bytes.count) << 56
        for (shift, byte) in bytes[offset...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        state = (state ^ tail) &* 0x100_0000_01B3
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        state &*= 0xC4CE_B9FE_1A85_EC53
        state ^= state >> 33
        return UInt32(truncatingIfNeeded: state)
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

    private mutating func place(_ packed: UInt64) {
        let mask = slots.count - 1
        var probe = Int(truncatingIfNeeded: packed >> 32) & mask
        while slots[probe] != 0 { probe = (probe + 1) & mask }
        slots[probe] = packed
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: max(16, old.count * 2))
        for packed in old where packed != 0 { place(packed) }
    }
}

extension CoreValue: NamedEntity {}
extension Skill: NamedEntity {}
extension Goal: NamedEntity {}
extension Milestone: NamedEntity {}
extension Mentor: NamedEntity {}
