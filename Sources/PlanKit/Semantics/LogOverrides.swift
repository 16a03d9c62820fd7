import PlanCore
import PlanSyntax

/// An `update` the log overrides (docs/language.md, "As of today"): a skill's
/// level set while a counting `skill ... level` entry says otherwise, a goal
/// reopened that a `done` entry reached. The plan keeps the declared value,
/// yet every answer shows the log's, so the update would look lost.
extension Plan {
    /// The warnings for the clauses of `declaration`, an `update` of entity
    /// `index` just applied, that the log decides otherwise as of `today`:
    /// each names the entry that wins, with what to write instead.
    func overriddenByLog(_ declaration: Declaration, at index: Int, today: Day) -> [Diagnostic] {
        let kind = declaration.kind
        let info = kind.info
        let logged = declaration.clauses.compactMap { clause in info.loggedBy[clause.keyword].map { (clause, $0) } }
        // Most updates set nothing the log decides: they cost no look at the log.
        guard !logged.isEmpty, count(of: .log) > 0, let name = self.name(of: kind, at: index) else { return [] }
        let declared = info.written(self, index)
        let shown = info.written(Interpreter.asOf(self, today: today), index)
        func value(_ clauses: [(Keyword, ClauseValue)], _ keyword: Keyword) -> ClauseValue? {
            clauses.first { $0.0 == keyword }?.1
        }
        var found: [Diagnostic] = []
        for (clause, logClause) in logged {
            switch (value(declared, clause.keyword), value(shown, clause.keyword)) {
            case (nil, nil): continue
            case (let before?, let after?) where before.says(sameAs: after): continue
            default: break
            }
            guard let (entry, reference) = latestEntry(naming: kind, index, in: logClause, today: today) else { continue }
            let winner = logs[entry]
            // The clause that wins, as the entry writes it: a level belongs to `skill`.
            let level = reference.clause == .skill ? winner.level.map { " level \($0)" } : nil
            let said = "\(reference.clause.rawValue) \(Literal.name(reference.name.text))" + (level ?? "")
            let title = "log \(winner.name.text)" + (winner.note.map { " " + Literal.string($0) } ?? "")
            found.append(.warning(.updateOverriddenByLog, "this update changes nothing as of today: the log entry "
                                  + "\(title) \(said) wins", at: clause.range,
                                  hint: LogKind.instead(of: clause, of: name, winner: winner, in: logClause, today: today)))
        }
        return found
    }

    /// The latest counting log entry whose clause `logClause` names entity
    /// `index` of `kind`, with that name.
    private func latestEntry(naming kind: EntityKind, _ index: Int, in logClause: Keyword, today: Day) -> (Int, Reference)? {
        let logs = self.logs
        var latest: (Int, Reference)?
        EntityKind.log.info.forEachReference(self, logClause) { entry, reference in
            guard logs[entry].date <= today, let found = resolve(reference.name.text, among: reference.kinds),
                  found.kind == kind, found.index == index else { return }
            if let previous = latest?.0, logs[previous].date > logs[entry].date { return }
            latest = (entry, reference)
        }
        return latest
    }
}
