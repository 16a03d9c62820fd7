import PlanKit

/// The interactive session, `plan` on a terminal or `plan repl [FILE...]`.
/// (Placeholder until the REPL lands.)
func runREPL(files: [String], context: CommandContext) -> Int32 {
    0
}
