import Foundation
import Testing
@testable import PlanKit

@Suite struct ScratchTests {
    @Test func dump() throws {
        let plan = OutputFixtures.career
        let today = OutputFixtures.today
        for format in ExportFormat.allCases {
            try format.render(plan, today: today).write(toFile: "/tmp/outputs-car.\(format.rawValue)", atomically: true, encoding: .utf8)
        }
        try Report(plan: plan, today: today).render().write(toFile: "/tmp/outputs-car.txt", atomically: true, encoding: .utf8)
        try Report(plan: plan, today: today, color: true).render().write(toFile: "/tmp/outputs-car.ansi", atomically: true, encoding: .utf8)
        try PlanSource.render(plan).write(toFile: "/tmp/outputs-car.plan", atomically: true, encoding: .utf8)
    }
}
