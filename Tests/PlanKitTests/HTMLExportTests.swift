import Foundation
import Testing
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// The HTML page's promises that hold for any plan: escaped text, no style
/// attribute and no script, a policy whose hash is its style sheet's, one
/// heat-map cell a day, one class a warning code.
@Suite struct HTMLExportTests {
    let today = OutputFixtures.today

    @Test func sha256MatchesTheStandardsTestVectors() {
        func hex(_ text: String) -> String {
            SHA256.digest(Array(text.utf8)).map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.base64(Array("Man".utf8)) == "TWFu")
        #expect(SHA256.base64(Array("Ma".utf8)) == "TWE=")
        #expect(SHA256.base64(Array("M".utf8)) == "TQ==")
    }

    @Test func thePolicyAllowsExactlyTheStyleSheet() throws {
        let page = HTMLExport.render(OutputFixtures.career, today: today)
        let start = try #require(page.range(of: "<style>")).upperBound
        let end = try #require(page.range(of: "</style>")).lowerBound
        let hash = SHA256.base64(SHA256.digest(Array(page[start..<end].utf8)))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'sha256-\(hash)'; "))
    }

    @Test(arguments: [("career", OutputFixtures.career), ("awkward", OutputFixtures.awkward), ("empty", Plan())])
    func noScriptNoStyleAttributeNothingFetched(name: String, plan: Plan) {
        let page = HTMLExport.render(plan, today: today)
        // `font-style=` is an SVG attribute, not a style sheet.
        #expect(!page.contains(" style="))
        #expect(!page.lowercased().contains("<script"))
        // The SVG namespace is a name, never fetched; nothing else names a place.
        #expect(page.components(separatedBy: "http://").count - 1 == 1 && !page.contains("https:"))
        for fetching in ["src=", "href=", "<link", "url(", "@import"] { #expect(!page.contains(fetching)) }
        #expect(page.hasSuffix("</html>\n"))
        // One cell for each of the 365 days up to today.
        #expect(page.components(separatedBy: "<span class=\"day ").count - 1 == 365)
    }

    @Test func namesAndNotesAreEscaped() {
        let page = HTMLExport.render(OutputFixtures.awkward, today: today)
        #expect(page.contains("<p class=\"vision\">Be &quot;kind&quot;; ship &lt;things&gt; &amp; rest,\nevery week \\ always</p>"))
        #expect(!page.contains("<now>"))
        #expect(!page.contains("<things>"))
    }

    @Test func eachWarningCodeHasAClass() {
        let page = HTMLExport.render(OutputFixtures.career, today: today)
        for code in DiagnosticCode.allCases where code.rawValue.hasPrefix("W") {
            #expect(page.contains(".\(code.rawValue.lowercased()) {"))
        }
    }

    @Test func theHeatMapCellsSayTheHoursLogged() {
        var plan = OutputFixtures.career
        var entry = LogEntry(name: Name(text: today.description, range: .none, quoted: false))
        entry.hours = 2.5
        plan.add(entry)
        var earlier = LogEntry(name: Name(text: Day(ordinal: today.ordinal - 1).description, range: .none, quoted: false))
        earlier.note = "thought about it"
        plan.add(earlier)
        let page = HTMLExport.render(plan, today: today)
        #expect(page.contains("<span class=\"day l2\" title=\"\(today): 2.5 hours\"></span>\n</div>"))
        #expect(page.contains("<span class=\"day l1\" title=\"\(Day(ordinal: today.ordinal - 1)): logged, no hours\"></span>"))
    }

    @Test func pageNamesAreSafeAndDistinct() {
        func row(_ owner: String?, _ file: String) -> PracticeRow {
            var row = PracticeRow(file: file, failure: .init(location: file, message: "m", code: "E040"))
            row.owner = owner
            return row
        }
        let rows = [row("Nadia Okafor", "a.plan"), row("nadia  okafor!", "b.plan"), row("Index", "c.plan"),
                    row("日本", "d.plan"), row(nil, "../x/Jo.plan"), row("Nadia Okafor", "e.plan")]
        #expect(HTMLPractice.pageNames(for: rows)
                == ["nadia-okafor.html", "nadia-okafor-2.html", "index-2.html", "client.html", "jo.html", "nadia-okafor-3.html"])
    }
}

