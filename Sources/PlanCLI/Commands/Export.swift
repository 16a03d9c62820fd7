import PlanKit

/// `plan export --format F FILE [-o OUT]`. (Placeholder until exports land.)
func runExport(format: String, file: String, output: String?, context: CommandContext) -> Int32 {
    2
}
