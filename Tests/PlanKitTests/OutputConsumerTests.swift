import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// Each export handed to a real program that reads that format: Python's
/// icalendar and json, Graphviz's dot, Python's XML parser and rsvg-convert.
/// `make test` installs them (scripts/install-deps).
@Suite struct OutputConsumerTests {
    static let plans = [("career", OutputFixtures.career), ("awkward", OutputFixtures.awkward), ("empty", Plan())]
    let today = OutputFixtures.today

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `arguments` (found on PATH) and waits for it.
    static func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes `text` to a fresh temporary file and returns its path.
    static func temporary(_ text: String, _ suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "plan-output-\(UUID().uuidString).\(suffix)"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(arguments: plans)
    func icalendarParsesTheCalendar(name: String, plan: Plan) throws {
        let path = try Self.temporary(ICalendar.render(plan, today: today), "ics")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            assert str(calendar['VERSION']) == '2.0', calendar['VERSION']
            uids = set()
            for todo in calendar.walk('VTODO'):
                uids.add(str(todo['UID']))
                categories = todo.get('CATEGORIES')
                names = [str(c) for c in categories.cats] if categories is not None else []
                print(todo['DUE'].dt.isoformat(), todo['STATUS'], str(todo['SUMMARY']), '|', ','.join(names), '|', str(todo.get('DESCRIPTION', '')).replace('\\n', '<LF>'))
            print(len(uids), 'uids')
            """
        let result = try Self.run(["python3", "-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let todos = plan.goals.filter { $0.due != nil }.count + plan.milestones.filter { $0.due != nil }.count
        #expect(lines.last == "\(todos) uids")
        if name == "awkward" {
            let role = String(repeating: "Größenwahn-Beauftragte für Ä, Ö und Ü; ", count: 4)
            #expect(lines.first == "2027-02-28 NEEDS-ACTION Say \"hi\" \\ <now> & später, 日本語で話す | work; life, balance | Role: \(role)<LF>Needs: C\\C++ \"systems\" at 3")
        }
        if name == "career" {
            #expect(lines.contains("2027-06-30 IN-PROCESS Lead a product launch | impact,learning | Role: Product Lead<LF>Needs: project management at 4, stakeholder communication at 4, strategic planning at 3"))
        }
    }

    @Test(arguments: plans)
    func dotRendersTheGraph(name: String, plan: Plan) throws {
        let path = try Self.temporary(Graphviz.render(plan, today: today), "dot")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.run(["dot", "-Tsvg", path])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout.contains("<svg"))
        let nodes = plan.values.count + plan.skills.count + plan.goals.count + plan.milestones.count
            + plan.mentors.filter { !$0.helps.isEmpty }.count
        #expect(result.stdout.components(separatedBy: "class=\"node\"").count - 1 == nodes)
    }

    @Test(arguments: plans)
    func pythonReadsTheJSONSchema(name: String, plan: Plan) throws {
        let path = try Self.temporary(JSONExport.render(plan, today: today), "json")
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Each kind's members as its description gives them, in the order of the kinds.
        let members = JSON.object(EntityKind.writtenOrder.map { kind in (kind.plural, .array(kind.info.exportMembers.map(JSON.string))) })
        let script = """
            import sys, json
            plan = json.load(open(sys.argv[1], encoding='utf-8'))
            keys = json.loads(sys.argv[2])
            assert list(plan) == ['schema', 'today', 'vision', 'owner'] + list(keys), list(plan)
            assert plan['schema'] == 'plan/2'
            for collection, expected in keys.items():
                for item in plan[collection]:
                    assert list(item) == expected, (collection, list(item))
            for goal in plan['goals']:
                for need in goal['needs']:
                    assert list(need) == ['skill', 'level'], need
            print(plan['today'], len(plan['goals']), plan['goals'][0]['name'] if plan['goals'] else '-')
            """
        let result = try Self.run(["python3", "-c", script, path, members.serialized()])
        #expect(result.status == 0, "\(result.stderr)")
        let first = plan.goals.first?.name.text ?? "-"
        #expect(result.stdout == "2026-11-25 \(plan.goals.count) \(first)\n")
    }

    @Test(arguments: plans)
    func svgIsXMLAndRenders(name: String, plan: Plan) throws {
        let path = try Self.temporary(SVGTimeline.render(plan, today: today), "svg")
        let png = path + ".png"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: png)
        }
        let script = """
            import sys
            import xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == '{http://www.w3.org/2000/svg}svg', root.tag
            print(root.get('viewBox').split()[:3], len([t for t in root.iter('{http://www.w3.org/2000/svg}text')]) > 0)
            """
        let parsed = try Self.run(["python3", "-c", script, path])
        #expect(parsed.status == 0, "\(parsed.stderr)")
        #expect(parsed.stdout == "['0', '0', '1000'] True\n")
        let rendered = try Self.run(["rsvg-convert", path, "-o", png])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }
}

/// The capacity chart under the timeline: drawn only for a plan that states
/// a capacity, an over-capacity quarter red and marked, and rsvg-convert
/// renders it.
@Suite struct CapacityChartTests {
    static let plan = """
        value craft
        capacity 10 hours per week
        capacity 4 hours per week from 2027-04-01
        goal "Book" serves craft by 2027-06-30 effort 200 hours
        goal "Talk" serves craft by 2027-02-28 effort 20 hours

        """

    @Test func overCapacityQuartersAreMarkedAndItRenders() throws {
        var support = Session()
        _ = support.diagnostics(of: Self.plan)
        let today = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)
        let svg = SVGTimeline.render(Interpreter.asOf(support.interpreter.plan, today: today), today: today)
        #expect(svg.contains(">Hours a week: asked by quarter, against your capacity</text>"))
        #expect(svg.contains(">2027-Q2</text>"))
        // 2027-Q2 asks 200 hours over 30.1 weeks of a capacity of 4: the load, then by how much it is over.
        #expect(svg.contains(">6.64, 2.64 over</text>"))
        #expect(svg.contains("fill=\"#e15759\"/>"))
        let path = try OutputConsumerTests.temporary(svg, "svg")
        let png = path + ".png"
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: png)
        }
        let rendered = try OutputConsumerTests.run(["rsvg-convert", path, "-o", png])
        #expect(rendered.status == 0, "\(rendered.stderr)")
    }

    @Test func noCapacityNoChart() {
        let today = Day(year: 2026, month: 12, day: 1) ?? Day(ordinal: 0)
        #expect(!SVGTimeline.render(Plan(), today: today).contains("Hours a week"))
    }
}
