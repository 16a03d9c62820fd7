/// Declarations and `update`s applied to the plan. Scalar clauses replace
/// what is there; list clauses add the names not yet listed.
extension Plan {
    /// Adds the declared entity, or changes it for `update`; the problem when
    /// the name is taken (or, for `update`, not declared).
    mutating func apply(_ declaration: Declaration) -> Diagnostic? {
        let kind = declaration.kind
        let name = declaration.name
        let existing = index(of: kind, named: name.text)
        if declaration.isUpdate {
            guard let existing else { return undeclared(declaration) }
            change(kind, at: existing, with: declaration.clauses)
            return nil
        }
        if let existing {
            let first = self.name(of: kind, at: existing)?.range ?? .none
            let reference = "\(kind.rawValue) \(quote(name.text))"
            return .error(.duplicate, "\(reference) is already declared", at: name.range,
                          hint: "to change it, write update \(reference) ...; to ask about it, write (\(reference))",
                          notes: [.init("first declared here", at: first)])
        }
        switch kind {
        case .value: add(CoreValue(name: name))
        case .skill: add(Skill(name: name))
        case .goal: add(Goal(name: name))
        case .milestone: add(Milestone(name: name))
        case .mentor: add(Mentor(name: name))
        }
        change(kind, at: count(of: kind) - 1, with: declaration.clauses)
        return nil
    }

    private func undeclared(_ declaration: Declaration) -> Diagnostic {
        let kind = declaration.kind
        let name = declaration.name.text
        let hint = Suggestion.closest(to: name, among: names(of: kind)).map { "did you mean \(quote($0))?" }
            ?? "declare it first: \(kind.rawValue) \(quote(name)) ..."
        return .error(.updateOfUndeclared, "cannot update \(kind.rawValue) \(quote(name)): it is not declared",
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

/// Appends the names `list` does not hold yet, in their order.
private func merge(_ names: [Name], into list: inout [Name]) {
    var seen = Set(list.map(\.text))
    for name in names where seen.insert(name.text).inserted {
        list.append(name)
    }
}
