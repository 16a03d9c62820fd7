import Foundation
import Testing

/// A real editor as the client: Debian's neovim, headless, scripted in
/// Lua (Tests/Editors/neovim-lsp.lua). `make test` installs it; elsewhere
/// the test is skipped when nvim is missing, but never in CI.
@Suite struct NeovimTests {
    static let nvim = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let inCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    static let plan = """
        vision "v"
        value growth
        skill "strategic planning" level 1 target 3
        goal "🚀 Launch 名前" by 2027-06-30 serves growth needs skill "strategic planing" at 2
        goal "Talk" by 2027-09-30 after "🚀 Launch 名前" serves growth

        """

    @Test(.enabled(if: nvim != nil || inCI))
    func neovimSeesDiagnosticsHoverDefinitionReferencesCompletionRenameAndFormatting() throws {
        let nvim = try #require(Self.nvim, "nvim is missing; make test installs it (apt package neovim)")
        let process = try PlanProcess()
        try process.write("career.plan", Self.plan)
        // What the buffer must read in the end: the typo fixed, the goal renamed, then formatted.
        let edited = Self.plan.replacingOccurrences(of: "planing", with: "planning")
            .replacingOccurrences(of: "🚀 Launch 名前", with: "Launch ✨")
        try process.write("edited.plan", edited)
        let formatted = try process.run(["fmt", "edited.plan"])
        #expect(formatted.status == 0)
        try process.write("formatted.plan", formatted.stdout)

        let script = PlanProcess.packageRoot.appendingPathComponent("Tests/Editors/neovim-lsp.lua").path
        let result = try process.run(["--headless", "--clean", "-n", "-i", "NONE", "-u", "NONE", "-c", "luafile \(script)"],
                                     environment: [
                                         "PLAN_BIN": try PlanProcess.binary().path,
                                         "PLAN_FILE": process.folder.appendingPathComponent("career.plan").path,
                                         "PLAN_FORMATTED": process.folder.appendingPathComponent("formatted.plan").path,
                                     ],
                                     timeout: 120, binary: URL(fileURLWithPath: nvim))
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("neovim-lsp:"), "\(result.stderr)")
    }
}
