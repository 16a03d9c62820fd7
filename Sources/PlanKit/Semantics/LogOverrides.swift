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
        guard !logged.isEmpty, count(of: .log) > 0 else { return [] }
        let current = Interpreter.asOf(self, today: today)
        let declared = info.written(self, index)
        let shown = info.written(current, index)
        func spelled(_ clauses: [(Keyword, ClauseValue)], _ keyword: Keyword) -> String? {
            clauses.first { $0.0 == keyword }.map { Formatter.clause($0.0, $0.1, indent: "") }
        }
        var found: [Diagnostic] = []
        for (clause, logClause) in logged where spelled(declared, clause.keyword) != spelled(shown, clause.keyword) {
            guard let entry = latestEntry(naming: kind, index, in: logClause, today: today),
                  let name = self.name(of: kind, at: index) else { continue }
            let logs = self.logs
            let winner = "log \(logs[entry].date) " + ReportActivity.describe(self, entry).text
            let hint = LogKind.instead(of: clause, of: name, winner: logs[entry], in: logClause, today: today)
            found.append(.warning(.updateOverriddenByLog, "this update changes nothing as of today: the log entry "
                                  + "\(winner) wins", at: clause.range, hint: hint))
        }
        return found
    }

    /// The latest counting log entry whose clause `logClause` names entity
    /// `index` of `kind`.
    private func latestEntry(naming kind: EntityKind, _ index: Int, in logClause: Keyword, today: Day) -> Int? {
        let logs = self.logs
        var latest: Int?
        EntityKind.log.info.forEachReference(self, logClause) { entry, reference in
            guard logs[entry].date <= today, let found = resolve(reference.name.text, among: reference.kinds),
                  found.kind == kind, found.index == index else { return }
            if let previous = latest, logs[previous].date > logs[entry].date { return }
            latest = entry
        }
        return latest
    }
}
