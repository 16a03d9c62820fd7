/// Declarations and `update`s applied to the plan. Scalar clauses replace
/// what is there; list clauses add the names not yet listed.
extension Plan {
    /// Adds the declared entity, or changes it for `update`; the problem when
    /// the name is taken (or, for `update`, not declared).
    mutating func apply(_ declaration: Declaration) -> Diagnostic? {
        let kind = declaration.kind
        let name = declaration.name
        let clauses = declaration.clauses.map { sharingNames($0) }
        if declaration.isUpdate {
            guard let existing = index(of: kind, named: name.text) else { return undeclared(declaration) }
            change(kind, at: existing, with: clauses)
            return nil
        }
        // Built whole, then added with one lookup of its name.
        let taken: Int?
        switch kind {
        case .value: taken = addIfNew(clauses.reduce(into: CoreValue(name: name)) { $0.apply($1) })
        case .skill: taken = addIfNew(clauses.reduce(into: Skill(name: name)) { $0.apply($1) })
        case .goal: taken = addIfNew(clauses.reduce(into: Goal(name: name)) { $0.apply($1) })
        case .milestone: taken = addIfNew(clauses.reduce(into: Milestone(name: name)) { $0.apply($1) })
        case .mentor: taken = addIfNew(clauses.reduce(into: Mentor(name: name)) { $0.apply($1) })
        }
        guard let existing = taken else { return nil }
        let first = self.name(of: kind, at: existing)?.range ?? .none
        let reference = "\(kind.rawValue) \(Literal.string(name.text))"
        return .error(.duplicate, "\(reference) is already declared", at: name.range,
                      hint: "to change it, write update \(reference) ...; to ask about it, write (\(reference))",
                      notes: [.init("first declared here", at: first)])
    }

    /// The clause with the names it mentions sharing their declared text.
    private func sharingNames(_ clause: Clause) -> Clause {
        let kind: Clause.Kind
        switch clause.kind {
        case .needs(let needs):
            kind = .needs(needs.map { SkillNeed(skill: sharing($0.skill, as: .skill), level: $0.level, levelRange: $0.levelRange) })
        case .serves(let names): kind = .serves(names.map { sharing($0, as: .value) })
        case .after(let names): kind = .after(names.map { sharing($0, as: .goal) })
        case .helps(let names): kind = .helps(names.map { sharing($0, as: .skill) })
        case .for(let name): kind = .for(sharing(name, as: .goal))
        default: return clause
        }
        return Clause(kind, clause.range)
    }

    private func undeclared(_ declaration: Declaration) -> Diagnostic {
        let kind = declaration.kind
        let name = declaration.name.text
        let hint = Suggestion.closest(to: name, among: names(of: kind)).map { "did you mean \(Literal.string($0))?" }
            ?? "declare it first: \(kind.rawValue) \(Literal.string(name)) ..."
        return .error(.updateOfUndeclared, "cannot update \(kind.rawValue) \(Literal.string(name)): it is not declared",
                      at: declaration.name.range, hint: hint)
    }

    /// Clauses a kind of entity does not take are the parser's to report;
    /// here they change nothing.
    private mutating func change(_ kind: EntityKind, at index: Int, with clauses: [Clause]) {
        switch kind {
        case .value: updateValue(at: index) { value in clauses.forEach { value.apply($0) } }
        case .skill: updateSkill(at: index) { skill in clauses.forEach { skill.apply($0) } }
        case .goal: updateGoal(at: index) { goal in clauses.forEach { goal.apply($0) } }
        case .milestone: updateMilestone(at: index) { milestone in clauses.forEach { milestone.apply($0) } }
        case .mentor: updateMentor(at: index) { mentor in clauses.forEach { mentor.apply($0) } }
        }
    }
}

extension CoreValue {
    mutating func apply(_ clause: Clause) {
        switch clause.kind {
        case .priority(let priority): self.priority = priority
        case .nonNegotiable: nonNegotiable = true
        case .note(let text): note = text
        default: break
        }
    }
}

extension Skill {
    mutating func apply(_ clause: Clause) {
        switch clause.kind {
        case .level(let level): self.level = level
        case .target(let target): explicitTarget = target
        default: break
        }
    }
}

extension Goal {
    mutating func apply(_ clause: Clause) {
        switch clause.kind {
        case .role(let text): role = text
        case .needs(let added):
            // A skill already needed keeps its place; an explicit `at` changes its level.
            // A few needs are found sooner by looking than by hashing.
            if needs.isEmpty, added.count <= shortList, !hasRepeats(added.lazy.map(\.skill)) {
                needs = added
                return
            }
            if needs.count + added.count <= shortList {
                for need in added {
                    if let index = needs.firstIndex(where: { $0.skill.text == need.skill.text }) {
                        if need.level != nil { needs[index] = need }
                    } else {
                        needs.append(need)
                    }
                }
                return
            }
            var position: [String: Int] = [:]
            for (index, need) in needs.enumerated() { position[need.skill.text] = index }
            for need in added {
                if let index = position[need.skill.text], needs.indices.contains(index) {
                    if need.level != nil { needs[index] = need }
                } else {
                    position[need.skill.text] = needs.count
                    needs.append(need)
                }
            }
        case .serves(let names): merge(names, into: &serves)
        case .after(let names): merge(names, into: &after)
        case .by(let day):
            due = day
            dueRange = clause.range
        case .impact(let text): impact = text
        case .note(let text): note = text
        case .done: status = .done
        case .doing: status = .doing
        default: break
        }
    }
}

extension Milestone {
    mutating func apply(_ clause: Clause) {
        switch clause.kind {
        case .for(let name): goal = name
        case .by(let day):
            due = day
            dueRange = clause.range
        case .done: done = true
        default: break
        }
    }
}

extension Mentor {
    mutating func apply(_ clause: Clause) {
        switch clause.kind {
        case .helps(let names): merge(names, into: &helps)
        case .note(let text): note = text
        default: break
        }
    }
}

/// Up to this many names, a list is searched rather than hashed: a
/// declaration lists a handful, and hashing them costs more than looking.
private let shortList = 16

/// Appends the names `list` does not hold yet, in their order.
private func merge(_ names: [Name], into list: inout [Name]) {
    if list.isEmpty, names.count <= shortList, !hasRepeats(names) {
        list = names
        return
    }
    if list.count + names.count <= shortList {
        for name in names where !list.contains(where: { $0.text == name.text }) {
            list.append(name)
        }
        return
    }
    var seen = Set(list.map(\.text))
    for name in names where seen.insert(name.text).inserted {
        list.append(name)
    }
}

/// Whether a short list names anything twice.
private func hasRepeats<Names: RandomAccessCollection<Name>>(_ names: Names) -> Bool {
    var index = names.startIndex
    while index != names.endIndex {
        let text = names[index].text
        if names[..<index].contains(where: { $0.text == text }) { return true }
        index = names.index(after: index)
    }
    return false
}
