import PlanCore
import PlanSyntax

extension EntityKind {
    /// The description of each kind: the one place a kind is tied to the
    /// file that says what it is. Each is named by its concrete type, so
    /// that the compiler specializes the generic code over it.
    func described() -> KindInfo {
        switch self {
        case .value: return KindInfo(ValueKind.self)
        case .skill: return KindInfo(SkillKind.self)
        case .goal: return KindInfo(GoalKind.self)
        case .milestone: return KindInfo(MilestoneKind.self)
        case .contact: return KindInfo(ContactKind.self)
        case .log: return KindInfo(LogKind.self)
        case .objective: return KindInfo(ObjectiveKind.self)
        case .experience: return KindInfo(ExperienceKind.self)
        case .capacity: return KindInfo(CapacityKind.self)
        case .review: return KindInfo(ReviewKind.self)
        case .quarter: return KindInfo(QuarterKind.self)
        case .habit: return KindInfo(HabitKind.self)
        }
    }
}
