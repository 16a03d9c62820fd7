import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// A file opened alone that a plan in the workspace includes is checked
/// as part of that plan, though the plan itself is not open.
@Suite struct LSPWorkspaceTests {
    static let main = "/plans/career.plan"
    static let part = "/plans/parts/goals.plan"
    static let partURI = "file:///plans/parts/goals.plan"
    static let files = [
        main: "vision \"v\"\nvalue growth\ninclude \"parts/goals.plan\"\n",
        part: "goal \"Talk\" by 2027-09 serves growth\n",
    ]

    @Test func aFileAnUnopenedPlanIncludesSeesThatPlansNames() {
        let client = LSPClient(files: Self.files)
        client.initialize(workspaceFolders: ["file:///plans"])
        let published = client.open(Self.partURI, "goal \"Talk\" by 2027-09 serves growth\ngoal \"Ship\" by 2027-10 serves grwth\n")
        // `growth` is declared in career.plan; only the typo is unknown.
        let diagnostics = LSPClient.diagnostics(for: Self.partURI, in: published) ?? []
        #expect(diagnostics.compactMap { $0["message"]?.string } == ["unknown value \"grwth\"\ndid you mean \"growth\"?"])
        // Definition goes into the unopened file.
        let definition = client.at("textDocument/definition", Self.partURI, 0, 33)
        #expect(definition?["uri"]?.string == "file:///plans/career.plan")
    }

    @Test func withoutTheWorkspaceFolderTheFileStandsAlone() {
        let client = LSPClient(files: Self.files)
        client.initialize()
        let published = client.open(Self.partURI, "goal \"Talk\" by 2027-09 serves growth\n")
        let codes = (LSPClient.diagnostics(for: Self.partURI, in: published) ?? []).compactMap { $0["code"]?.string }
        #expect(codes.contains("E013"))
    }

    /// A plan that starts to include the open file once the editor says it
    /// changed on disk (`workspace/didChangeWatchedFiles`).
    @Test func aWatchedFileThatNowIncludesTheOpenOneIsSeen() {
        var files = Self.files
        files[Self.main] = "vision \"v\"\nvalue growth\n"
        let client = LSPClient(files: files)
        client.initialize(workspaceFolders: ["file:///plans"])
        let alone = client.open(Self.partURI, "goal \"Talk\" by 2027-09 serves growth\n")
        #expect((LSPClient.diagnostics(for: Self.partURI, in: alone) ?? []).contains { $0["code"]?.string == "E013" })
        client.replaceFiles(Self.files)
        let after = client.notify("workspace/didChangeWatchedFiles", .object([("changes", .array([
            .object([("uri", .string("file:///plans/career.plan")), ("type", .number(2))]),
        ]))]))
        #expect(LSPClient.diagnostics(for: Self.partURI, in: after) == [])
    }

    /// Two unopened plans, one including the other, which includes the open
    /// file: the outer one is the plan, read once.
    @Test func theOutermostIncludingPlanIsTheOneChecked() {
        var files = Self.files
        files["/plans/all.plan"] = "include \"career.plan\"\ncontact \"Ana\"\n"
        let client = LSPClient(files: files)
        client.initialize(workspaceFolders: ["file:///plans/"])
        let published = client.open(Self.partURI, "goal \"Talk\" by 2027-09 serves growth\n")
        #expect(LSPClient.diagnostics(for: Self.partURI, in: published) == [])
        #expect(client.server.workspace.analyses.map(\.root) == ["file:///plans/all.plan"])
    }
}

extension LSPWorkspaceTests {
    /// A client that can watch files is asked to, for `.plan` files, once
    /// it says it is initialized; one that cannot is asked nothing.
    @Test func aClientThatCanWatchFilesIsAskedToWatchPlans() {
        let client = LSPClient(files: Self.files)
        _ = client.request("initialize", .object([
            ("capabilities", .object([("workspace", .object([("didChangeWatchedFiles", .object([("dynamicRegistration", .bool(true))]))]))])),
            ("rootUri", .string("file:///plans")),
        ]))
        let asked = client.notify("initialized", .object([]))
        #expect(asked.first?["method"]?.string == "client/registerCapability")
        #expect(asked.first?["params"]?["registrations"]?.array?.first?["registerOptions"]?["watchers"]?.array?.first?["globPattern"]?.string == "**/*.plan")
        // The client's answer is taken without a word.
        #expect(client.send(.object([("jsonrpc", .string("2.0")), ("id", .string("plan-watch")), ("result", .null)])).isEmpty)
        // rootUri, the older way to name the folder, is read too.
        let published = client.open(Self.partURI, "goal \"Talk\" by 2027-09 serves growth\n")
        #expect(LSPClient.diagnostics(for: Self.partURI, in: published) == [])

        let plain = LSPClient(files: Self.files)
        plain.initialize(workspaceFolders: ["file:///plans"])
        #expect(plain.notify("initialized", .object([])).isEmpty)
    }
}

extension LSPWorkspaceTests {
    /// An edit to one plan keeps the analysis of another that reads none of
    /// its files, unless a file that other plan read has changed on disk
    /// since, or an include it missed may now be there.
    @Test func anEditRechecksAPlanWhoseFilesChangedOnDisk() {
        let other = "file:///other/main.plan"
        let client = LSPClient(files: [
            "/other/parts.plan": "value growth\n",
        ])
        client.initialize()
        _ = client.open(Self.partURI, "vision \"v\"\nvalue x\n")
        let opened = client.open(other, "vision \"v\"\ninclude \"parts.plan\"\ninclude \"later.plan\"\ngoal \"A\" by 2027-01 serves growth\n")
        #expect(LSPClient.diagnostics(for: other, in: opened)?.compactMap { $0["code"]?.string } == ["E040"])
        // On disk, the value goes and the missing file comes.
        client.replaceFiles(["/other/parts.plan": "value health\n", "/other/later.plan": "skill s level 1 target 2\n"])
        let edited = client.change(Self.partURI, version: 2, [.object([("text", .string("vision \"v\"\nvalue y\n"))])])
        #expect(LSPClient.diagnostics(for: other, in: edited)?.compactMap { $0["code"]?.string } == ["E013"])
        // Nothing changed for it since: the next edit elsewhere publishes the same.
        let again = client.change(Self.partURI, version: 3, [.object([("text", .string("vision \"v\"\nvalue z\n"))])])
        #expect(LSPClient.diagnostics(for: other, in: again) == LSPClient.diagnostics(for: other, in: edited))
    }
}
