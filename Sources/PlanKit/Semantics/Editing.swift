import PlanCore
import PlanSyntax

/// Changing what is declared, past adding to it: `update ... open`, `update
/// ... drop`, `remove` and `rename` (docs/repl.md, "Editing a plan"). Every kind goes
/// through its description: the clauses it can clear and the references
/// it holds, never a switch over kinds.
extension Plan {
    /// Why the drops and `open`s of an `update` of entity `index` cannot
    /// all be done, if they cannot; checked before anything changes.
    func problem(droppingFrom declaration: Declaration, at index: Int) -> Diagnostic? {
        let kind = declaration.kind
        let info = kind.info
        let subject = info.identity == .name ? "\(kind.rawValue) \(Literal.string(declaration.name.text))"
            : kind.rawValue + info.picking(declaration.name, key: declaration.key)
        for clause in declaration.clauses {
            guard clause.value.isRemoval, let syntax = info.clause(clause.keyword) else { continue }
            let word = clause.keyword.rawValue
            if case .dayClause(clause.keyword) = info.identity {
                return .error(.cannotDrop, "`\(word)` says which \(kind.rawValue) this is: it cannot be dropped", at: clause.range,
                              hint: "to start it on another day: rename \(kind.rawValue) \(word) 2027-01-01 to 2027-02-01")
            }
            guard info.clearable.contains(clause.keyword) else {
                return .error(.cannotDrop, "`\(word)` cannot be dropped from a \(kind.rawValue)", at: clause.range)
            }
            if syntax.required {
                let example = [word, syntax.shape.example].filter { !$0.isEmpty }.joined(separator: " ")
                return .error(.cannotDrop, "a \(kind.rawValue) must have `\(word)`", at: clause.range,
                              hint: "change it instead: update \(kind.rawValue)\(info.picking(declaration.name, key: declaration.key)) \(example)")
            }
            guard case .dropped(let names) = clause.value, !names.isEmpty else { continue }
            var held: [String] = []
            info.written(self, index).first { $0.0 == clause.keyword }?.1.forEachName { name, _ in held.append(name.text) }
            for name in names where !held.contains(name.text) {
                let near = Suggestion.closest(to: name.text, among: held)
                let hint = near.map { "did you mean \(Literal.string($0))?" }
                    ?? (held.isEmpty ? "it has no `\(word)`" : "its `\(word)`: " + held.map(Literal.name).joined(separator: ", "))
                return .error(.cannotDrop, "\(subject) has no \(Literal.string(name.text)) in `\(word)`", at: name.range, hint: hint,
                              fix: near.map { .respelling(name.range, quoted: name.quoted, as: $0) })
            }
        }
        return nil
    }

    /// The entity of `kind` a statement that changes it is about: by name,
    /// or, where entities share names, by what `key` adds (the text of a
    /// log entry, the `from` of a capacity). The problem when none fits, or
    /// when several fit and differ in what would tell them apart.
    func pick(_ kind: EntityKind, _ name: Name, key: [Clause], verb: String) -> Result<Int, Diagnostic> {
        let info = kind.info
        switch info.identity {
        case .name:
            guard let index = index(of: kind, named: name.text) else { return .failure(undeclared(verb, kind, name)) }
            return .success(index)
        case .dayAndText:
            guard case .date(let textKeyword) = info.head, case .success(let day) = Day.parse(name.text) else {
                return .failure(undeclared(verb, kind, name))
            }
            let sameDay = positions(of: kind, pickedBy: day)
            let texts = sameDay.map { text(textKeyword, of: kind, at: $0) }
            let wanted = key.first { $0.keyword == textKeyword }.flatMap { clause -> String? in
                if case .text(let text) = clause.value { return text } else { return nil }
            }
            let subject = "\(kind.rawValue) \(name.text)" + (wanted.map { " " + Literal.string($0) } ?? "")
            if let wanted {
                if let position = texts.firstIndex(of: wanted) { return .success(sameDay[position]) }
                let told = texts.compactMap { $0 }
                let hint = told.isEmpty ? nearestDays(of: kind, to: day)
                    : (Suggestion.closest(to: wanted, among: told).map { "did you mean \(Literal.string($0))?" }
                        ?? "that day: " + told.map(Literal.string).joined(separator: ", "))
                return .failure(.error(.updateOfUndeclared, "cannot \(verb) \(subject): there is no such entry",
                                       at: key.first?.range ?? name.range, hint: hint))
            }
            guard let first = sameDay.first else {
                return .failure(.error(.updateOfUndeclared, "cannot \(verb) \(subject): there is no entry that day",
                                       at: name.range, hint: nearestDays(of: kind, to: day)))
            }
            // Entries no text tells apart are the same to whoever asks: the first written stands for them.
            guard Set(texts.map { $0 ?? "" }).count > 1 else { return .success(first) }
            let example = texts.compactMap { $0 }.first.map(Literal.string) ?? "\"...\""
            return .failure(.error(.ambiguousEntry, "cannot \(verb) \(subject): \(sameDay.count) entries that day",
                                   at: name.range, hint: "say which by its text: \(verb) \(subject) \(example)"))
        case .dayClause(let keyword):
            let wanted = key.first { $0.keyword == keyword }.flatMap { clause -> Day? in
                if case .date(let day) = clause.value { return day } else { return nil }
            }
            if let index = positions(of: kind, pickedBy: wanted).first { return .success(index) }
            let starts = (0..<count(of: kind)).map { day(keyword, of: kind, at: $0) }
            let subject = "\(kind.rawValue) " + Self.from(keyword, wanted)
            let known = starts.map { Self.from(keyword, $0) }
            let hint = known.isEmpty ? "there is no \(kind.rawValue)" : "the \(kind.plural): " + known.joined(separator: ", ")
            return .failure(.error(.updateOfUndeclared, "cannot \(verb) \(subject): there is none",
                                   at: key.first?.range ?? name.range, hint: hint))
        }
    }

    /// `from 2027-01-01`, or `from the beginning` for none.
    private static func from(_ keyword: Keyword, _ day: Day?) -> String {
        "\(keyword.rawValue) " + (day.map { "\($0)" } ?? "the beginning")
    }

    /// The day entity `index` of a kind headed by a date is dated.
    private func day(of kind: EntityKind, at index: Int) -> Day? {
        name(of: kind, at: index).flatMap { try? Day.parse($0.text).get() }
    }

    private func day(_ keyword: Keyword, of kind: EntityKind, at index: Int) -> Day? {
        guard case .date(let day)? = kind.info.written(self, index).first(where: { $0.0 == keyword })?.1 else { return nil }
        return day
    }

    private func text(_ keyword: Keyword, of kind: EntityKind, at index: Int) -> String? {
        guard case .text(let text)? = kind.info.written(self, index).first(where: { $0.0 == keyword })?.1 else { return nil }
        return text
    }

    /// The days nearest `day` that have entries, for a hint.
    private func nearestDays(of kind: EntityKind, to day: Day) -> String {
        let days = Set((0..<count(of: kind)).compactMap { self.day(of: kind, at: $0) })
        let nearest = days.sorted { abs($0.ordinal - day.ordinal) < abs($1.ordinal - day.ordinal) || 
            (abs($0.ordinal - day.ordinal) == abs($1.ordinal - day.ordinal) && $0 < $1) }.prefix(3).sorted()
        guard !nearest.isEmpty else { return "there is no \(kind.rawValue) entry" }
        return "the nearest days with entries: " + nearest.map { "\($0)" }.joined(separator: ", ")
    }

    /// `remove KIND NAME`: refused, naming them, while anything else refers
    /// to it. The position the entity had when removed, or the problem.
    mutating func remove(_ kind: EntityKind, named name: Name, key: [Clause]) -> (removed: Int?, problem: Diagnostic?) {
        let index: Int
        switch pick(kind, name, key: key, verb: "remove") {
        case .failure(let problem): return (nil, problem)
        case .success(let found): index = found
        }
        if kind.info.identity == .name { countReferences() }
        let referrers = kind.info.identity == .name ? self.referrers(to: kind, named: name.text, except: index) : []
        if let first = referrers.first {
            let subject = "\(spelling(of: kind, at: index)) \(Literal.string(name.text))"
            let shown = referrers.prefix(5).map { "\($0.spelled) \(Literal.string($0.name)) (\($0.clause.rawValue))" }
            let more = referrers.count > 5 ? " and \(referrers.count - 5) more" : ""
            let verb = referrers.count == 1 ? " refers to it" : " refer to it"
            let message = "cannot remove \(subject): " + shown.joined(separator: ", ") + more + verb
            let hint = "first: update \(first.spelled) \(Literal.name(first.name)) drop "
                + Self.droppedAs(first.clause, of: first.kind) + " " + Literal.name(name.text)
            return (nil, .error(.removeOfReferenced, message, at: name.range, hint: hint))
        }
        remove(kind, at: index)
        return (index, nil)
    }

    /// `rename KIND NAME to NAME`: the entity and every reference to it; a
    /// log entry or a capacity moves to the day `new` gives. The position of
    /// the entity, or the problem.
    mutating func rename(_ kind: EntityKind, _ old: Name, key: [Clause], to new: Name) -> Result<Int, Diagnostic> {
        let index: Int
        switch pick(kind, old, key: key, verb: "rename") {
        case .failure(let problem): return .failure(problem)
        case .success(let found): index = found
        }
        switch kind.info.identity {
        case .name:
            if let taken = self.index(of: kind, named: new.text) {
                guard taken != index else { return .success(index) }
                let reference = "\(kind.rawValue) \(Literal.string(new.text))"
                return .failure(.error(.duplicate, "\(reference) is already declared", at: new.range,
                                       hint: "pick another name, or remove \(reference) first",
                                       notes: [.init("declared here", at: name(of: kind, at: taken)?.range ?? .none)]))
            }
            rename(kind, at: index, to: new)
            countReferences()
            for other in EntityKind.allCases {
                _ = other.info.renameReferences(&self, kind, old.text, new)
            }
            assertions = assertions.map { assertion in
                var renamed = assertion
                renamed.condition = assertion.condition.renamingEntities { entityKind, name in
                    entityKind == kind && name.text == old.text ? Name(text: new.text, range: name.range, quoted: new.quoted) : nil
                }
                return renamed
            }
        case .dayAndText:
            rename(kind, at: index, to: new)
        case .dayClause(let keyword):
            guard case .success(let day) = Day.parse(new.text) else { return .success(index) }
            let moved = Clause(keyword, .date(day), new.range)
            if case .success(let taken) = pick(kind, old, key: [moved], verb: "rename"), taken != index {
                return .failure(.error(.duplicate, "a \(kind.rawValue) \(Self.from(keyword, day)) is already declared",
                                       at: new.range, hint: "pick another day, or remove that \(kind.rawValue) first"))
            }
            kind.info.update(&self, index, [moved])
        }
        return .success(index)
    }

    /// Each entity that names `name` of `kind`, once per clause, kinds in
    /// the order a plan is written.
    func referrers(to kind: EntityKind, named name: String,
                   except excluded: Int) -> [(kind: EntityKind, spelled: String, name: String, clause: Keyword)] {
        var found: [(kind: EntityKind, spelled: String, name: String, clause: Keyword)] = []
        for other in EntityKind.writtenOrder where mayRefer(other, to: name) {
            var seen = Set<String>()
            other.info.forEachReference(self, nil) { position, reference in
                // A name that may be of several kinds refers to the first that declares it.
                guard self.resolve(reference.name.text, among: reference.kinds)?.kind == kind, reference.name.text == name, !(other == kind && position == excluded),
                      let holder = self.name(of: other, at: position)?.text,
                      seen.insert(holder + "\u{0}" + reference.clause.rawValue).inserted else { return }
                found.append((other, self.spelling(of: other, at: position), holder, reference.clause))
            }
        }
        return found
    }

    /// The keyword a person would write for the entity: `mentor` for a
    /// contact declared as one, else the kind's own.
    func spelling(of kind: EntityKind, at index: Int) -> String {
        guard let alias = kind.alias, kind.info.has(alias.declares, self, index) else { return kind.rawValue }
        return alias.declares.rawValue
    }

    /// The words `drop` takes for a clause, as the clause is written:
    /// `needs skill`, `needs experience`, `helps`.
    private static func droppedAs(_ clause: Keyword, of kind: EntityKind) -> String {
        guard let syntax = kind.info.clause(clause) else { return clause.rawValue }
        var words = [syntax.lead, syntax.keyword].compactMap { $0?.rawValue }
        if case .skillNeeds = syntax.shape { words.append(Keyword.skill.rawValue) }
        return words.joined(separator: " ")
    }

    private func undeclared(_ verb: String, _ kind: EntityKind, _ name: Name) -> Diagnostic {
        let near = Suggestion.closest(to: name.text, among: names(of: kind))
        let hint = near.map { "did you mean \(Literal.string($0))?" } ?? "there is no \(kind.rawValue) of that name"
        return .error(.updateOfUndeclared, "cannot \(verb) \(kind.rawValue) \(Literal.string(name.text)): it is not declared",
                      at: name.range, hint: hint, fix: near.map { .respelling(name.range, quoted: name.quoted, as: $0) })
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
            // A gap is its goal's and its skill's: it goes with either, and
            // names no entity of any other kind.
            if kind == .goal {
                if gap.goal == removed { return .none }
                if gap.goal > removed { gap.goal -= 1 }
            } else if kind == .skill {
                if gap.skill == removed { return .none }
                if gap.skill > removed { gap.skill -= 1 }
            }
            return .gap(gap)
        case .none, .bool, .number, .string, .date, .duration, .entity: return self
        }
    }
}
