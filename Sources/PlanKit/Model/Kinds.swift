extension EntityKind {
    /// The description of each kind: the one place a kind is tied to the
    /// file that says what it is.
    var described: any EntityDescription.Type {
        switch self {
        case .value: return ValueKind.self
        case .skill: return SkillKind.self
        case .goal: return GoalKind.self
        case .milestone: return MilestoneKind.self
        case .mentor: return MentorKind.self
        case .contact: return ContactKind.self
        }
    }
}
