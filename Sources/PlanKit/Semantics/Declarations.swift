import Synchronization

/// Declarations and `update`s applied to the plan, through each kind's
/// description. Scalar clauses replace what is there; list clauses add the
/// names not yet listed.
extension Plan {
    /// Adds the declared entity, or changes it for `update`: its position,
    /// or the problem when the name is taken (or, for `update`, when no
    /// entity fits).
    mutating func apply(_ declaration: Declaration) -> Result<Int, Diagnostic> {
        let kind = declaration.kind
        let info = kind.info
        let name = declaration.name
        // A blank name would show as an empty cell, and no one could tell
        // two of them apart.
        guard !name.text.isEmpty else {
            return .failure(.error(.emptyName, "a \(kind.rawValue)'s name cannot be empty", at: name.range,
                                   hint: "write the name between the quotes: \(kind.rawValue) \"...\""))
        }
        let clauses = declaration.clauses.map { sharingNames($0, info: info) }
        if declaration.isUpdate {
            let existing: Int
            switch pick(kind, name, key: declaration.key, verb: "update") {
            case .failure(let problem): return .failure(undeclared(declaration, problem))
            case .success(let found): existing = found
            }
            if let problem = problem(droppingFrom: declaration, at: existing) { return .failure(problem) }
            // What the head gives that does not say which entity it is (a capacity's hours) is the change.
            if case .dayClause = info.identity { rename(kind, at: existing, to: name) }
            info.update(&self, existing, clauses)
            return .success(existing)
        }
        // Built whole, then added with one lookup of its name.
        guard let existing = info.declare(&self, name, clauses) else { return .success(count(of: kind) - 1) }
        let first = self.name(of: kind, at: existing)?.range ?? .none
        let reference = "\(kind.rawValue) \(Literal.string(name.text))"
        return .failure(.error(.duplicate, "\(reference) is already declared", at: name.range,
                               hint: "to change it, write update \(reference) ...; to ask about it, write (\(reference))",
                               notes: [.init("first declared here", at: first)]))
    }

    /// The clause with the names it mentions sharing their declared text.
    private func sharingNames(_ clause: Clause, info: KindInfo) -> Clause {
        guard let target = info.clause(clause.keyword)?.shape.referred.first else { return clause }
        let value: ClauseValue
        switch clause.value {
        case .name(let name): value = .name(sharing(name, as: target))
        case .names(let names): value = .names(names.map { sharing($0, as: target) })
        case .needs(let needs):
            value = .needs(needs.map { SkillNeed(skill: sharing($0.skill, as: target), level: $0.level, levelRange: $0.levelRange) })
        case .skillLevel(let skill, let level): value = .skillLevel(sharing(skill, as: target), level)
        case .flag, .whole, .text, .date, .duration, .amount, .dropped, .reopened: return clause
        }
        return Clause(clause.keyword, value, clause.range)
    }

    /// An update of a name not declared suggests declaring it; other kinds
    /// say what they found.
    private func undeclared(_ declaration: Declaration, _ problem: Diagnostic) -> Diagnostic {
        let kind = declaration.kind
        let name = declaration.name.text
        guard kind.info.identity == .name, Suggestion.closest(to: name, among: names(of: kind)) == nil else { return problem }
        return .error(.updateOfUndeclared, "cannot update \(kind.rawValue) \(Literal.string(name)): it is not declared",
                      at: declaration.name.range, hint: "declare it first: \(kind.rawValue) \(Literal.string(name)) ...")
    }
}

/// Up to this many names, a list is searched rather than hashed: a
/// declaration lists a handful, and hashing them costs more than looking.
private let shortList = 16

/// Appends the names `list` does not hold yet, in their order.
func merge(_ names: [Name], into list: inout [Name]) {
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
    var seen = nameMemos.take(for: list) ?? Set(list.map(\.text))
    for name in names where seen.insert(name.text).inserted {
        list.append(name)
    }
    nameMemos.keep(list, seen)
}

/// Adds needs to `needs`: a skill already needed keeps its place, and an
/// explicit `at` changes its level.
func merge(_ added: [SkillNeed], into needs: inout [SkillNeed]) {
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
    var position = needMemos.take(for: needs) ?? Dictionary(
        needs.enumerated().map { ($1.skill.text, $0) }, uniquingKeysWith: { _, last in last })
    for need in added {
        if let index = position[need.skill.text], needs.indices.contains(index) {
            if need.level != nil { needs[index] = need }
        } else {
            position[need.skill.text] = needs.count
            needs.append(need)
        }
    }
    needMemos.keep(needs, position)
}

/// What the last few long lists merged into hold, so that a clause adding
/// one name to a list of thousands (an `update` per line, or a goal with a
/// `serves` line per value) costs a lookup and not a pass over the list:
/// without it, 20 000 such lines took 20 to 40 seconds.
///
/// A memo keeps its list alive. While it does, the list's storage is
/// shared, so any change copies it to new storage first, and the storage
/// cannot be freed and reused for another list: a list whose storage is the
/// memo's holds exactly the memo's names. `take` lets go of the list before
/// the merge appends to it, so that appending copies nothing.
private let nameMemos = ListMemos<Name, Set<String>>()
private let needMemos = ListMemos<SkillNeed, [String: Int]>()

private final class ListMemos<Element: Sendable, Index: Sendable>: Sendable {
    private struct Memo {
        var list: [Element]
        var index: Index
    }

    /// A handful: the lists being built now. More would only keep the lists
    /// of plans long gone alive.
    private static var capacity: Int { 4 }
    private let memos = Mutex<[Memo]>([])

    /// The index of `list` when a memo holds this very storage, the memo gone.
    func take(for list: [Element]) -> Index? {
        let storage = Self.storage(of: list)
        return memos.withLock { memos in
            guard let position = memos.firstIndex(where: { Self.storage(of: $0.list) == storage && $0.list.count == list.count })
            else { return nil }
            return memos.remove(at: position).index
        }
    }

    func keep(_ list: [Element], _ index: Index) {
        memos.withLock { memos in
            if memos.count >= Self.capacity { memos.removeFirst() }
            memos.append(Memo(list: list, index: index))
        }
    }

    private static func storage(of list: [Element]) -> UnsafeRawPointer? {
        list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
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
