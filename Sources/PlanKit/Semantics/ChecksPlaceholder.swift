public enum Checks {
    public static func run(_ plan: Plan, today: Day) -> [Diagnostic] { [] }
}
