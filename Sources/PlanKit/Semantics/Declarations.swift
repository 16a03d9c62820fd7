import PlanCore
import PlanSyntax

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
        if declaration.isUpdate {
            let existing: Int
            switch pick(kind, name, key: declaration.key, verb: "update") {
            case .failure(let problem): return .failure(undeclared(declaration, problem))
            case .success(let found): existing = found
            }
            if let problem = problem(droppingFrom: declaration, at: existing) { return .failure(problem) }
            // What the head gives that does not say which entity it is (a capacity's hours) is the change.
            if case .dayClause = info.identity { rename(kind, at: existing, to: name) }
            info.update(&self, existing, declaration.clauses)
            return .success(existing)
        }
        // Built whole, then added with one lookup of its name.
        let existing: Int
        switch info.declare(&self, name, declaration.clauses) {
        case .added(let position): return .success(position)
        case .taken(let holder): existing = holder
        }
        let first = self.name(of: kind, at: existing)?.range ?? .none
        let reference = "\(spelling(of: kind, at: existing)) \(Literal.string(name.text))"
        return .failure(.error(.duplicate, "\(reference) is already declared", at: name.range,
                               hint: "to change it, write update \(reference) ...; to ask about it, write (\(reference))",
                               notes: [.init("first declared here", at: first)]))
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
