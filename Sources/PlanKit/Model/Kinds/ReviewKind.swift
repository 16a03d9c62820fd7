import PlanCore
import PlanSyntax

/// How often you mean to review the plan (docs/language.md, "Strategy and capacity"), said once:
/// `review every 4 weeks`. A review is recorded by `log DATE reviewed`.
public struct Review: PlanEntity {
    public static let kind = EntityKind.review
    /// The word itself: a plan has one review cadence.
    public var name: Name
    public var every: Duration?

    public init(name: Name) { self.name = name }
}

extension Plan {
    public var review: Review? { entities(Review.self).first }
}

package enum ReviewKind: EntityDescription {
    static let kind = EntityKind.review
    static let unknownCode = DiagnosticCode.syntax
    static let head = Head.none

    static let clauses: [ClauseRule<Review>] = [
        .duration(.every, required: true, get: { $0.every }, set: { $0.every = $1 }),
    ]

    static let fields: [FieldRule] = [
        // Never none: a review cannot be declared without `every`, nor have it dropped.
        FieldRule("every", .duration) { context, index in
            context.plan.entities(Review.self)[index].every.map(Value.duration) ?? .none
        },
        FieldRule("last", .optional(.date), fromLog: true) { context, _ in .optional(lastReview(context.links)) },
        FieldRule("next", .optional(.date)) { context, index in
            .optional(next(context.plan.entities(Review.self)[index], context.links))
        },
    ]

    static let columns = [Column("every"), Column("last"), Column("next")]

    static let checks = [Check(pastDue), Check(nextPastTheCalendar)]

    static func stub(_ spelled: String, level: Int?) -> String { "review every 4 weeks" }

    static let takesFromLog: [Keyword] = [.reviewed]

    /// The day of the latest counting `reviewed` entry.
    package static func lastReview(_ links: Links) -> Day? {
        LogKind.entries(links).with(.reviewed).last.map { links.plan.logs[$0].date }
    }

    /// The day the next review is due: the last one plus the cadence, or
    /// today when none is logged; none past 9999-12-31 (`nextPastTheCalendar`).
    package static func next(_ review: Review, _ links: Links) -> Day? {
        guard let every = review.every else { return nil }
        guard let last = lastReview(links) else { return links.today }
        return last.addingWithinCalendar(every)
    }

    static func nextPastTheCalendar(_ context: CheckContext) -> [Diagnostic] {
        guard let review = context.plan.review, let every = review.every,
              let last = lastReview(context.links), last.addingWithinCalendar(every) == nil else { return [] }
        return [.error(.invalidDate, "the next review, \(last) + \(Literal.duration(every)), falls after \(Day.latest), "
                       + "the last day a plan can hold", at: review.name.range, hint: "give the review a shorter every")]
    }

    static func pastDue(_ context: CheckContext) -> [Diagnostic] {
        guard let review = context.plan.review, let every = review.every else { return [] }
        let last = lastReview(context.links)
        // A next review past the calendar is not past due; `nextPastTheCalendar` speaks of it.
        if let last, (last.addingWithinCalendar(every) ?? Day.latest) >= context.today { return [] }
        let message = last.map { "the plan was last reviewed \($0), \(Checks.daysAgo($0, context.today)); you meant to every \(Literal.duration(every))" }
            ?? "no review of the plan is logged; you meant to review it every \(Literal.duration(every))"
        let line = "log \(context.today) reviewed"
        return [.warning(.reviewPastDue, message, at: review.name.range, hint: "review it, then: " + line,
                         fix: .adding(line, after: review.name.range))]
    }
}
