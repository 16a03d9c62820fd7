import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Every input that once crashed the fuzz target (Fuzz/FuzzTarget.swift) goes
/// through the same pipeline again: run, check, and format to a fixpoint.
@Suite struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzRegressions")

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test func thereAreRegressionInputs() {
        #expect(!FuzzRegressionTests.inputs.isEmpty)
    }

    @Test(arguments: FuzzRegressionTests.inputs)
    func runsCleanly(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: FuzzRegressionTests.folder.appendingPathComponent(name)))
        let source = Source(name: name, bytes: bytes)
        var interpreter = Interpreter(today: Day(ordinal: 20_000))
        _ = interpreter.run(source)
        _ = interpreter.check()
        if let formatted = Formatter.format(source).text {
            let again = Formatter.format(Source(name: "formatted.plan", text: formatted))
            #expect(again.text == formatted)
        }
    }
}
