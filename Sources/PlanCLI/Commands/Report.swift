import PlanKit

/// `plan report FILE`. (Placeholder until the report lands.)
func runReport(file: String, context: CommandContext) -> Int32 {
    2
}
