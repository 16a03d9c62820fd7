/// Declarations and `update`s applied to the plan, through each kind's
/// description. Scalar clauses replace what is there; list clauses add the
/// names not yet listed.
extension Plan {
    /// Adds the declared entity, or changes it for `update`; the problem when
    /// the name is taken (or, for `update`, not declared).
    mutating func apply(_ declaration: Declaration) -> Diagnostic? {
        let kind = declaration.kind
        let info = kind.info
        let name = declaration.name
        // A blank name would show as an empty cell, and no one could tell
        // two of them apart.
        guard !name.text.isEmpty else {
            return .error(.emptyName, "a \(kind.rawValue)'s name cannot be empty", at: name.range,
                          hint: "write the name between the quotes: \(kind.rawValue) \"...\"")
        }
        let clauses = declaration.clauses.map { sharingNames($0, info: info) }
        if declaration.isUpdate {
            guard let existing = index(of: kind, named: name.text) else { return undeclared(declaration) }
            if let problem = problem(droppingFrom: declaration, at: existing) { return problem }
            info.update(&self, existing, clauses)
            return nil
        }
        // Built whole, then added with one lookup of its name.
        guard let existing = info.declare(&self, name, clauses) else { return nil }
        let first = self.name(of: kind, at: existing)?.range ?? .none
        let reference = "\(kind.rawValue) \(Literal.string(name.text))"
        return .error(.duplicate, "\(reference) is already declared", at: name.range,
                      hint: "to change it, write update \(reference) ...; to ask about it, write (\(reference))",
                      notes: [.init("first declared here", at: first)])
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

    private func undeclared(_ declaration: Declaration) -> Diagnostic {
        let kind = declaration.kind
        let name = declaration.name.text
        let hint = Suggestion.closest(to: name, among: names(of: kind)).map { "did you mean \(Literal.string($0))?" }
            ?? "declare it first: \(kind.rawValue) \(Literal.string(name)) ..."
        return .error(.updateOfUndeclared, "cannot update \(kind.rawValue) \(Literal.string(name)): it is not declared",
                      at: declaration.name.range, hint: hint)
    }
}
