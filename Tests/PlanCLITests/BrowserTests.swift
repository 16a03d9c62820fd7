import Foundation
import Testing

/// Each sample's page in a real browser: Debian's chromium, headless, with
/// every host name unresolvable so that anything the page tried to fetch
/// would show as a console error. `make test` installs chromium and
/// poppler-utils (TEST_PACKAGES in the Makefile).
@Suite(.serialized) struct BrowserTests {
    static let pages = HTMLGoldenTests.samples.map { "\($0).html" } + ["practice-index.html"]
    static let sections = ["vision", "timeline", "people", "agenda", "gaps", "drift", "warnings", "activity"]

    /// Runs chromium on `page` with `arguments`; its profile in a folder of its own.
    static func chromium(_ arguments: [String], page: String, in process: PlanProcess) throws -> PlanProcess.Result {
        let chromium = try #require(["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }, "no chromium: run make test, which installs it")
        let profile = process.folder.appendingPathComponent("profile-\(UUID().uuidString)").path
        let url = PlanProcess.samplesFolder.appendingPathComponent(page).absoluteString
        return try process.run(["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile)",
                                "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=0"]
                               + arguments + [url],
                               timeout: 120, binary: URL(fileURLWithPath: chromium))
    }

    @Test(arguments: pages)
    func theBrowserShowsThePageWithoutAnError(page: String) throws {
        let process = try PlanProcess()
        let dom = try Self.chromium(["--dump-dom"], page: page, in: process)
        #expect(dom.status == 0)
        #expect(!dom.timedOut)
        // Console messages, CSP violations among them, are logged as INFO:CONSOLE.
        let console = dom.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        #expect(console.isEmpty, "\(console)")
        if page == "practice-index.html" {
            #expect(dom.stdout.contains("<section id=\"clients\">"))
            #expect(dom.stdout.contains("<a href=\"nadia-okafor.html\">Nadia Okafor</a>"))
            return
        }
        for section in Self.sections {
            #expect(dom.stdout.contains("<section id=\"\(section)\">"), "\(page) lacks \(section)")
        }
        #expect(dom.stdout.components(separatedBy: "<span class=\"day ").count - 1 == 365)
        #expect(dom.stdout.contains("<title id=\"timeline-title\">"))
    }

    @Test(arguments: ["drifted.html", "practice-index.html"])
    func theScreenshotIsNotBlank(page: String) throws {
        let process = try PlanProcess()
        let png = process.folder.appendingPathComponent("shot.png").path
        let shot = try Self.chromium(["--screenshot=\(png)", "--window-size=1200,1600", "--hide-scrollbars"], page: page, in: process)
        #expect(shot.status == 0)
        // A blank page is rows of one color: its scan lines, once inflated, are all alike.
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            position, chunks, width = 8, b'', 0
            while position < len(data):
                length, kind = struct.unpack('>I4s', data[position:position + 8])
                body = data[position + 8:position + 8 + length]
                if kind == b'IHDR': width, height, depth, color = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': chunks += body
                position += 12 + length
            raw = zlib.decompress(chunks)
            stride = len(raw) // height
            print(width, height, len({raw[row * stride + 1:(row + 1) * stride] for row in range(height)}))
            """
        let result = try OutputReader.run(["python3", "-c", script, png])
        let figures = result.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        #expect(figures.count == 3)
        #expect(figures.first == 1200)
        #expect((figures.last ?? 0) > 100, "only \(figures.last ?? 0) different rows of pixels")
    }

    @Test func thePrintedPageHoldsTheVision() throws {
        let process = try PlanProcess()
        let pdf = process.folder.appendingPathComponent("page.pdf").path
        let printed = try Self.chromium(["--print-to-pdf=\(pdf)", "--no-pdf-header-footer"], page: "drifted.html", in: process)
        #expect(printed.status == 0)
        let text = try OutputReader.run(["pdftotext", pdf, "-"])
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("Own a real part of the storage engine, give back upstream, and teach what I learn"))
        #expect(words.contains("A year of logged hours"))
    }
}

/// Another program's standard output.
enum OutputReader {
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
