import PlanKit

/// `plan report FILE`: the text report on stdout, colored as `--color` says.
func runReport(file: String, context: CommandContext) -> Int32 {
    guard let interpreter = context.loadForOutput([file]) else { return 1 }
    StandardStream.output.write(Report(plan: interpreter.plan, today: context.today, color: context.output.color).render())
    return 0
}
