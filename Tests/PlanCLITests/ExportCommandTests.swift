import Testing
@testable import PlanCLI
import PlanKit

@Suite struct ExportCommandTests {
    @Test func unknownFormatIsAUsageError() throws {
        let today = try #require(Day(year: 2026, month: 11, day: 25))
        let context = CommandContext(today: today, output: OutputOptions())
        #expect(runExport(format: "pdf", file: "/nonexistent.plan", output: nil, context: context) == 2)
    }

    @Test func formatListNamesEveryFormat() {
        #expect(ExportFormat.list == "json, md, ics, dot, svg")
    }
}
