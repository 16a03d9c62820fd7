import Foundation
import Testing
@testable import PlanKit

@Suite struct ScratchTests {
    @Test func dump() throws {
        let plan = OutputFixtures.career
        let today = OutputFixtures.today
        for format in ExportFormat.allCases {
            try format.render(plan, today: today).write(toFile: "/tmp/outputs-scratch.\(format.rawValue)", atomically: true, encoding: .utf8)
        }
        try Report(plan: plan, today: today).render().write(toFile: "/tmp/outputs-scratch.txt", atomically: true, encoding: .utf8)
        try Report(plan: plan, today: today, color: true).render().write(toFile: "/tmp/outputs-scratch.ansi", atomically: true, encoding: .utf8)
        try PlanSource.render(plan).write(toFile: "/tmp/outputs-scratch.plan", atomically: true, encoding: .utf8)
    }
}
