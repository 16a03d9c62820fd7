#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import PlanCLI

/// The environment as `plan` reads it at start (`processEnvironment`).
@Suite struct EnvironmentTests {
    func variables(_ entries: [String]) -> [String: String] {
        let pointers = entries.map { strdup($0) } + [nil]
        defer { for pointer in pointers { free(pointer) } }
        var list = pointers
        return list.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return [:] }
            return PlanCLI.variables(in: start)
        }
    }

    @Test func aNameEndsAtTheFirstEqualsSign() {
        let found = variables(["PLAN_A=1", "PLAN_B=x=y", "PLAN_C=", "NOEQUALS", "PLAN_A=2", "PLAN_D=\u{301}é"])
        #expect(found == ["PLAN_A": "1", "PLAN_B": "x=y", "PLAN_C": "", "PLAN_D": "\u{301}é"])
    }
}
