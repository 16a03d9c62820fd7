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
    public var role: String?
    public var needs: [SkillNeed] = []
    public var serves: [Name] = []
    public var after: [Name] = []
    public var due: Day?
    /// Where the `by` date was written, for warnings about it.
    public var dueRange: SourceRange?
    public var impact: String?
    public var note: String?
    public var status = GoalStatus.open
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

    // One table per kind rather than a table of tables: a lookup hashes
    // the name only, and a large plan makes hundreds of thousands of them.
    private var valueIndex: [String: Int] = [:]
    private var skillIndex: [String: Int] = [:]
    private var goalIndex: [String: Int] = [:]
    private var milestoneIndex: [String: Int] = [:]
    private var mentorIndex: [String: Int] = [:]

    public init() {}

    /// The position of the entity of `kind` called `name`, if declared.
    public func index(of kind: EntityKind, named name: String) -> Int? {
        switch kind {
        case .value: return valueIndex[name]
        case .skill: return skillIndex[name]
        case .goal: return goalIndex[name]
        case .milestone: return milestoneIndex[name]
        case .mentor: return mentorIndex[name]
        }
    }

    /// `name` with its text sharing storage with the declared entity's
    /// name, when there is one: a large plan then keeps each long name once,
    /// not once per mention.
    func sharing(_ name: Name, as kind: EntityKind) -> Name {
        func shared(in index: [String: Int]) -> Name {
            guard let position = index.index(forKey: name.text) else { return name }
            var result = name
            result.text = index[position].key
            return result
        }
        switch kind {
        case .value: return shared(in: valueIndex)
        case .skill: return shared(in: skillIndex)
        case .goal: return shared(in: goalIndex)
        case .milestone: return shared(in: milestoneIndex)
        case .mentor: return shared(in: mentorIndex)
        }
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

    // Adding returns the new index; the caller has checked the name is free.
    @discardableResult public mutating func add(_ value: CoreValue) -> Int {
        values.append(value); valueIndex[value.name.text] = values.count - 1; return values.count - 1
    }
    @discardableResult public mutating func add(_ skill: Skill) -> Int {
        skills.append(skill); skillIndex[skill.name.text] = skills.count - 1; return skills.count - 1
    }
    @discardableResult public mutating func add(_ goal: Goal) -> Int {
        goals.append(goal); goalIndex[goal.name.text] = goals.count - 1; return goals.count - 1
    }
    @discardableResult public mutating func add(_ milestone: Milestone) -> Int {
        milestones.append(milestone); milestoneIndex[milestone.name.text] = milestones.count - 1; return milestones.count - 1
    }
    @discardableResult public mutating func add(_ mentor: Mentor) -> Int {
        mentors.append(mentor); mentorIndex[mentor.name.text] = mentors.count - 1; return mentors.count - 1
    }

    // Adding unless the name is taken, in one lookup: nil when added,
    // else the index of the entity that holds the name (nothing changes).
    mutating func addIfNew(_ value: CoreValue) -> Int? {
        if let existing = Plan.claim(value.name.text, values.count, in: &valueIndex) { return existing }
        values.append(value)
        return nil
    }
    mutating func addIfNew(_ skill: Skill) -> Int? {
        if let existing = Plan.claim(skill.name.text, skills.count, in: &skillIndex) { return existing }
        skills.append(skill)
        return nil
    }
    mutating func addIfNew(_ goal: Goal) -> Int? {
        if let existing = Plan.claim(goal.name.text, goals.count, in: &goalIndex) { return existing }
        goals.append(goal)
        return nil
    }
    mutating func addIfNew(_ milestone: Milestone) -> Int? {
        if let existing = Plan.claim(milestone.name.text, milestones.count, in: &milestoneIndex) { return existing }
        milestones.append(milestone)
        return nil
    }
    mutating func addIfNew(_ mentor: Mentor) -> Int? {
        if let existing = Plan.claim(mentor.name.text, mentors.count, in: &mentorIndex) { return existing }
        mentors.append(mentor)
        return nil
    }

    /// Gives `name` the index `next` unless it has one; the one it has.
    private static func claim(_ name: String, _ next: Int, in index: inout [String: Int]) -> Int? {
        func settle(_ slot: inout Int) -> Int? {
            if slot >= 0 { return slot }
            slot = next
            return nil
        }
        return settle(&index[name, default: -1])
    }

    // In-place changes for `update`; names never change, so the index holds.
    public mutating func updateValue(at index: Int, _ change: (inout CoreValue) -> Void) { change(&values[index]) }
    public mutating func updateSkill(at index: Int, _ change: (inout Skill) -> Void) { change(&skills[index]) }
    public mutating func updateGoal(at index: Int, _ change: (inout Goal) -> Void) { change(&goals[index]) }
    public mutating func updateMilestone(at index: Int, _ change: (inout Milestone) -> Void) { change(&milestones[index]) }
    public mutating func updateMentor(at index: Int, _ change: (inout Mentor) -> Void) { change(&mentors[index]) }
}
