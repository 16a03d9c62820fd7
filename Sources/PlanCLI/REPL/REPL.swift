import PlanKit

/// The interactive session. (Placeholder until the REPL lands.)
func runREPL(files: [String], today: Day, options: OutputOptions) -> Int32 {
    0
}
