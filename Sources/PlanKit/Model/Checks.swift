import PlanCore
import PlanSyntax

/// The checks of a loaded plan that need the whole of it: references that
/// point nowhere, goals that wait on each other, and the warnings about a
/// plan that holds together but will not work out as written.
///
/// Duplicates, invalid dates and levels outside 0-5 are found earlier, by the
/// parser and the interpreter, where the declaration is still at hand.
public enum Checks {
    public static func run(_ plan: Plan, today: Day) -> [Diagnostic] {
        let links = Links(plan: plan, today: today)
        let asked = EntityKind.writtenOrder.flatMap { $0.info.checks.flatMap(\.asks) }
        var found = unknownReferences(plan, filing: asked, into: links) + missingVision(plan)
        let context = CheckContext(plan: plan, today: today, links: links)
        for kind in EntityKind.writtenOrder {
            for check in kind.info.checks { found += check.run(context) }
        }
        return inSourceOrder(found)
    }

    // MARK: - Errors

    /// Every name an entity gives for another that is not declared, with
    /// the nearest declared name as "did you mean", or else the declaration to write.
    ///
    /// Of the clauses `asked` (that name one kind), who names what is filed
    /// into `links` on the way, so that the checks that ask do not resolve
    /// the same names again; only those, as a table of referrers for every
    /// clause would hold a list per entity named (a milestone's goal).
    static func unknownReferences(_ plan: Plan, filing asked: [Check.Asked],
                                  into links: Links) -> [Diagnostic] {
        var resolvers = EntityKind.byOrdinal.map { Resolver(plan, $0) }
        var found: [Diagnostic] = []
        links.withMemory { recent in
            for kind in EntityKind.writtenOrder {
                let filed = KeywordSet(asked.filter { $0.source == kind }.map(\.clause))
                // The clause being filed, and who it names so far, by target.
                var filing: (clause: Keyword, target: EntityKind)?
                var referrers: [[Int]] = []
                kind.info.forEachReference(plan, nil) { source, reference in
                    guard let target = reference.kinds.first else { return }
                    if reference.kinds.count == 1 {
                        let files = filed.contains(reference.clause)
                        if files, filing?.clause != reference.clause {
                            if let filing { links.file(kind, via: filing.clause, to: filing.target, referrers) }
                            filing = (reference.clause, target)
                            referrers = Array(repeating: [], count: plan.count(of: target))
                        }
                        // Nearly every reference names a declared entity: that
                        // lookup alone, before anything is built for an error,
                        // is what a large plan pays per name.
                        if let index = recent.index(of: target, named: reference.name.text, in: plan) {
                            if files { Links.add(source, naming: index, to: &referrers) }
                            return
                        }
                        if var problem = resolvers[target.ordinal].unknown(reference.name, declaration: {
                            target.info.stub(spelled($0), reference.level)
                        }) {
                            if problem.hint?.hasPrefix("declare it") == true, let other = otherKind(of: reference, in: plan) {
                                problem.hint = other
                                problem.fix = nil
                            }
                            found.append(problem)
                        }
                    } else if plan.resolve(reference.name.text, among: reference.kinds) == nil {
                        found.append(unknown(reference, among: reference.kinds, in: plan))
                    }
                }
                if let filing { links.file(kind, via: filing.clause, to: filing.target, referrers) }
            }
        }
        return found
    }

    /// A name that may be one of several kinds (`for` in a log names a goal
    /// or a milestone) and is none of them.
    private static func unknown(_ reference: Reference, among kinds: [EntityKind], in plan: Plan) -> Diagnostic {
        let words = kinds.map(\.rawValue)
        let what = words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        let candidates = kinds.flatMap { plan.names(of: $0) }
        let message = "unknown \(what) \(Literal.string(reference.name.text))"
        let code = kinds[0].info.unknownCode
        let name = reference.name
        if let near = Suggestion.closest(to: name.text, among: candidates) {
            return .error(code, message, at: name.range, hint: "did you mean \(Literal.string(near))?",
                          fix: .respelling(name.range, quoted: name.quoted, as: near))
        }
        if let other = otherKind(of: reference, in: plan) { return .error(code, message, at: name.range, hint: other) }
        let declarations = kinds.map { $0.info.stub(spelled(name), nil) }
        // Of the kinds the clause may name, the fix declares the first.
        return .error(code, message, at: name.range, hint: "declare it: " + declarations.joined(separator: ", or "),
                      fix: declarations.first.map { .adding($0, after: name.range) })
    }

    /// When the name is declared, but as another kind (`log ... done craft`
    /// where `craft` is a value), the hint says so: declaring it again as
    /// the kind asked for is rarely what was meant.
    private static func otherKind(of reference: Reference, in plan: Plan) -> String? {
        guard let other = EntityKind.nameResolutionOrder.first(where: { kind in
            !reference.kinds.contains(kind) && !kind.info.derived && kind.info.head == .name
                && plan.index(of: kind, named: reference.name.text) != nil
        }) else { return nil }
        let words = reference.kinds.map(\.rawValue)
        let what = words.count == 1 ? words[0] : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
        func article(_ word: String) -> String { "aeiou".contains(word.prefix(1)) ? "an " + word : "a " + word }
        return "\(Literal.string(reference.name.text)) is \(article(other.rawValue)); `\(reference.clause.rawValue)` names \(article(what))"
    }

    // MARK: - Warnings

    static func missingVision(_ plan: Plan) -> [Diagnostic] {
        let isEmpty = EntityKind.allCases.allSatisfy { plan.count(of: $0) == 0 }
        guard plan.vision == nil, !isEmpty else { return [] }
        return [.warning(.noVision, "the plan has no vision", at: SourceRange(source: 0, start: 0, end: 0),
                         hint: "add vision \"...\"")]
    }

    // MARK: - Pieces

    /// By source, then position, then severity, then code (so that two
    /// findings at one place come in the order of docs/checks.md, whichever
    /// check found them first); otherwise the order found.
    static func inSourceOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (left, right) = (a.element, b.element)
            if left.range.source != right.range.source { return left.range.source < right.range.source }
            if left.range.start != right.range.start { return left.range.start < right.range.start }
            if left.severity != right.severity { return left.severity < right.severity }
            if left.code != right.code { return left.code.rawValue < right.code.rawValue }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// Looks names of one kind up, with "did you mean" remembered per
    /// spelling so that a typo repeated across a large plan costs one search.
    struct Resolver {
        let plan: Plan
        let kind: EntityKind
        private var candidates: [String]?
        private var suggestions: [String: String?] = [:]

        init(_ plan: Plan, _ kind: EntityKind) {
            self.plan = plan
            self.kind = kind
        }

        /// nil when `name` is declared; otherwise the error, whose hint is the
        /// near miss or else `declaration` of the name, to be written down.
        mutating func unknown(_ name: Name, declaration: (Name) -> String) -> Diagnostic? {
            guard plan.index(of: kind, named: name.text) == nil else { return nil }
            let code = kind.info.unknownCode
            let message = "unknown \(kind.rawValue) \(Literal.string(name.text))"
            if let near = suggestion(for: name.text) {
                return .error(code, message, at: name.range, hint: "did you mean \(Literal.string(near))?",
                              fix: .respelling(name.range, quoted: name.quoted, as: near))
            }
            let line = declaration(name)
            return .error(code, message, at: name.range, hint: "declare it: \(line)", fix: .adding(line, after: name.range))
        }

        private mutating func suggestion(for text: String) -> String? {
            if let known = suggestions[text] { return known }
            let all = candidates ?? plan.names(of: kind)
            candidates = all
            let found = Suggestion.closest(to: text, among: all)
            suggestions[text] = .some(found)
            return found
        }
    }

    /// `25 days ago`, `1 day ago`.
    static func daysAgo(_ due: Day, _ today: Day) -> String {
        let days = today.ordinal - due.ordinal
        return days == 1 ? "1 day ago" : "\(days) days ago"
    }

    /// `2027-06`: the date literal for the last day of `day`'s month.
    static func monthLiteral(_ day: Day) -> String {
        let (year, month, _) = day.components
        return "\(Day.pad(year, 4))-\(Day.pad(month, 2))"
    }

    /// A name as the person wrote it: bare when it was a word, else a
    /// string (and a string too when a plan built in code says "bare" of
    /// text no word could hold).
    static func spelled(_ name: Name) -> String {
        name.quoted ? Literal.string(name.text) : Literal.name(name.text)
    }

}
