/// Changing what is declared, past adding to it: `update ... open`, `update
/// ... drop`, `remove` and `rename` (SPEC section 13). Every kind goes
/// through its description: the clauses it can clear and the references
/// it holds, never a switch over kinds.
extension Plan {
    /// Why the drops and `open`s of an `update` of entity `index` cannot
    /// all be done, if they cannot; checked before anything changes.
    func problem(droppingFrom declaration: Declaration, at index: Int) -> Diagnostic? {
        let kind = declaration.kind
        let info = kind.info
        let subject = "\(kind.rawValue) \(Literal.string(declaration.name.text))"
        for clause in declaration.clauses {
            guard clause.value.isRemoval, let syntax = info.clause(clause.keyword) else { continue }
            let word = clause.keyword.rawValue
            guard info.clearable.contains(clause.keyword) else {
                return .error(.cannotDrop, "`\(word)` cannot be dropped from a \(kind.rawValue)", at: clause.range)
            }
            if syntax.required {
                let example = [word, syntax.shape.example].filter { !$0.isEmpty }.joined(separator: " ")
                return .error(.cannotDrop, "a \(kind.rawValue) must have `\(word)`", at: clause.range,
                              hint: "change it instead: update \(kind.rawValue) \(Literal.name(declaration.name.text)) \(example)")
            }
            guard case .dropped(let names) = clause.value, !names.isEmpty else { continue }
            var held: [String] = []
            info.written(self, index).first { $0.0 == clause.keyword }?.1.forEachName { name, _ in held.append(name.text) }
            for name in names where !held.contains(name.text) {
                let hint = Suggestion.closest(to: name.text, among: held).map { "did you mean \(Literal.string($0))?" }
                    ?? (held.isEmpty ? "it has no `\(word)`" : "its `\(word)`: " + held.map(Literal.name).joined(separator: ", "))
                return .error(.cannotDrop, "\(subject) has no \(Literal.string(name.text)) in `\(word)`", at: name.range, hint: hint)
            }
        }
        return nil
    }

    /// `remove KIND NAME`: refused, naming them, while anything else refers
    /// to it. The position the entity had when removed, or the problem.
    mutating func remove(_ kind: EntityKind, named name: Name) -> (removed: Int?, problem: Diagnostic?) {
        guard let index = index(of: kind, named: name.text) else {
            return (nil, undeclared("remove", kind, name))
        }
        let referrers = self.referrers(to: kind, named: name.text, except: index)
        if let first = referrers.first {
            let subject = "\(kind.rawValue) \(Literal.string(name.text))"
            let shown = referrers.prefix(5).map { "\($0.kind.rawValue) \(Literal.string($0.name)) (\($0.clause.rawValue))" }
            let more = referrers.count > 5 ? " and \(referrers.count - 5) more" : ""
            let verb = referrers.count == 1 ? " refers to it" : " refer to it"
            let message = "cannot remove \(subject): " + shown.joined(separator: ", ") + more + verb
            let hint = "first: update \(first.kind.rawValue) \(Literal.name(first.name)) drop \(first.clause.rawValue) "
                + Literal.name(name.text)
            return (nil, .error(.removeOfReferenced, message, at: name.range, hint: hint))
        }
        remove(kind, at: index)
        return (index, nil)
    }

    /// `rename KIND NAME to NAME`: the entity and every reference to it.
    mutating func rename(_ kind: EntityKind, _ old: Name, to new: Name) -> Diagnostic? {
        guard let index = index(of: kind, named: old.text) else { return undeclared("rename", kind, old) }
        if let taken = self.index(of: kind, named: new.text) {
            guard taken != index else { return nil }
            let reference = "\(kind.rawValue) \(Literal.string(new.text))"
            return .error(.duplicate, "\(reference) is already declared", at: new.range,
                          hint: "pick another name, or remove \(reference) first",
                          notes: [.init("declared here", at: name(of: kind, at: taken)?.range ?? .none)])
        }
        rename(kind, at: index, to: new)
        for other in EntityKind.allCases {
            _ = other.info.renameReferences(&self, kind, old.text, new)
        }
        return nil
    }

    /// Each entity that names `name` of `kind`, once per clause, in kind order.
    func referrers(to kind: EntityKind, named name: String,
                   except excluded: Int) -> [(kind: EntityKind, name: String, clause: Keyword)] {
        var found: [(kind: EntityKind, name: String, clause: Keyword)] = []
        for other in EntityKind.allCases {
            var seen = Set<String>()
            other.info.forEachReference(self, nil) { position, reference in
                // A name that may be of several kinds refers to the first that declares it.
                guard self.resolve(reference.name.text, among: reference.kinds)?.kind == kind, reference.name.text == name, !(other == kind && position == excluded),
                      let holder = self.name(of: other, at: position)?.text,
                      seen.insert(holder + "\u{0}" + reference.clause.rawValue).inserted else { return }
                found.append((other, holder, reference.clause))
            }
        }
        return found
    }

    private func undeclared(_ verb: String, _ kind: EntityKind, _ name: Name) -> Diagnostic {
        let hint = Suggestion.closest(to: name.text, among: names(of: kind)).map { "did you mean \(Literal.string($0))?" }
            ?? "there is no \(kind.rawValue) of that name"
        return .error(.updateOfUndeclared, "cannot \(verb) \(kind.rawValue) \(Literal.string(name.text)): it is not declared",
                      at: name.range, hint: hint)
    }
}

extension ClauseValue {
    /// The value without `names`; nil when nothing is left.
    func removing(_ names: [String]) -> ClauseValue? {
        switch self {
        case .name(let name): return names.contains(name.text) ? nil : self
        case .names(let list):
            let kept = list.filter { !names.contains($0.text) }
            return kept.isEmpty ? nil : .names(kept)
        case .needs(let needs):
            let kept = needs.filter { !names.contains($0.skill.text) }
            return kept.isEmpty ? nil : .needs(kept)
        case .skillLevel(let skill, _): return names.contains(skill.text) ? nil : self
        case .flag, .whole, .text, .date, .duration, .amount, .dropped, .reopened: return self
        }
    }

    /// The value with `old` spelled `new`; nil when it does not name `old`.
    func renaming(_ old: String, to new: Name) -> ClauseValue? {
        func renamed(_ name: Name) -> Name {
            Name(text: new.text, range: name.range, quoted: new.quoted)
        }
        switch self {
        case .name(let name) where name.text == old: return .name(renamed(name))
        case .names(let list) where list.contains(where: { $0.text == old }):
            return .names(list.map { $0.text == old ? renamed($0) : $0 })
        case .skillLevel(let skill, let level) where skill.text == old: return .skillLevel(renamed(skill), level)
        case .needs(let needs) where needs.contains(where: { $0.skill.text == old }):
            return .needs(needs.map { need in
                need.skill.text == old ? SkillNeed(skill: renamed(need.skill), level: need.level, levelRange: need.levelRange) : need
            })
        default: return nil
        }
    }
}

extension Value {
    /// The value as it reads once entity `removed` of `kind` is gone: later
    /// positions move up one, and the entity itself is none.
    func afterRemoving(_ kind: EntityKind, at removed: Int) -> Value {
        switch self {
        case .entity(let entityKind, let index) where entityKind == kind:
            if index == removed { return .none }
            return index > removed ? .entity(kind, index - 1) : self
        case .list(let items): return .list(items.map { $0.afterRemoving(kind, at: removed) })
        case .group(let key, let items):
            return .group(key: key.afterRemoving(kind, at: removed), items: items.map { $0.afterRemoving(kind, at: removed) })
        case .gap(var gap):
            // A gap is its goal's and its skill's: it goes with either.
            switch kind {
            case .goal:
                if gap.goal == removed { return .none }
                if gap.goal > removed { gap.goal -= 1 }
            case .skill:
                if gap.skill == removed { return .none }
                if gap.skill > removed { gap.skill -= 1 }
            case .value, .milestone, .contact, .log, .objective, .experience, .capacity, .review, .quarter:
                break
            }
            return .gap(gap)
        case .none, .bool, .number, .string, .date, .duration, .entity: return self
        }
    }
}
