import PlanKit

/// Entry point for the `plan` executable; returns the exit status.
public func runPlan(arguments: [String]) -> Int32 {
    0
}
