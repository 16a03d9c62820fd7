import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan report FILE`: the text report on stdout, colored as `--color` says.
/// With `--json` a script gets the same facts as the JSON export, since a
/// report laid out for eyes is no use to a program.
func runReport(file: String, context: CommandContext) -> Int32 {
    guard let interpreter = context.loadForOutput([file]) else { return 1 }
    let plan = interpreter.asOfToday
    StandardStream.output.write(context.output.json
        ? ExportFormat.json.render(plan, today: context.today)
        : Report(plan: plan, today: context.today, color: context.output.color).render())
    return 0
}
