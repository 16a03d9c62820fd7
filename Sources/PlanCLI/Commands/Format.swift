import PlanKit

/// `plan fmt [-w | --check] FILE...`. (Placeholder until the formatter lands.)
func runFormat(files: [String], write: Bool, check: Bool, context: CommandContext) -> Int32 {
    2
}
