import Testing
@testable import PlanCLI

/// What `plan check` holds when it returns is left to the end of the
/// process rather than freed (Sources/PlanCLI/ProcessEnd.swift).
@Suite struct ProcessEndTests {
    private final class Held {}

    @Test func whatIsKeptIsNeverFreed() {
        weak var kept: Held?
        weak var dropped: Held?
        do {
            let first = Held()
            let second = Held()
            kept = first
            dropped = second
            ProcessEnd.keep(first)
            _ = second
        }
        #expect(kept != nil)
        #expect(dropped == nil)
    }
}
