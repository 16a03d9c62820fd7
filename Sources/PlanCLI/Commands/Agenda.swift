import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan agenda FILE... [--days N]`: what is overdue, then what falls due in
/// the next N days, from the plan as of today. With `--json`, one object an
/// item, for a script or a status bar.
func runAgenda(files: [String], days: Int, context: CommandContext) -> Int32 {
    guard let interpreter = context.loadForOutput(files) else { return 1 }
    let agenda = Agenda(interpreter.asOfToday, today: context.today, days: days)
    StandardStream.output.write(context.output.json ? agenda.jsonLines() : agenda.render(color: context.output.color))
    return 0
}
