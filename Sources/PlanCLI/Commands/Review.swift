import PlanCore
import PlanSyntax
import PlanKit
import PlanOutput

/// `plan review FILE...`: the four strategy questions answered from the
/// plan as of today, ending with the line that records the review. With
/// `--json`, the same answers as one object.
func runReview(files: [String], context: CommandContext) -> Int32 {
    guard let interpreter = context.loadForOutput(files) else { return 1 }
    let review = StrategyReview(interpreter.asOfToday, today: context.today)
    StandardStream.output.write(context.output.json ? review.json().serialized() + "\n" : review.render(color: context.output.color))
    return 0
}
