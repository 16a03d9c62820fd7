import Foundation
import Testing

/// Hostile and mangled input must end in a clear error and exit status 1,
/// never a crash, a trap or a hang (docs/cli.md, "Limits and writes").
@Suite(.serialized) struct RobustnessTests {
    private let plan: PlanProcess
    private var folder: URL { plan.folder }

    init() throws {
        plan = try PlanProcess()
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func check(_ path: String) throws -> PlanProcess.Result {
        try plan.run(["check", "--color", "never", "--today", "2026-11-25", path], timeout: 30)
    }

    @Test func hundredThousandNestedBrackets() throws {
        let text = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000) + "\n"
        let run = try check(try write("nested.plan", Array(text.utf8)))
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[E007]: expression nests deeper than 100 levels"))
    }

    @Test func fiftyMegabyteLine() throws {
        var bytes = Array("note_line = \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "a"), count: 50 * 1024 * 1024)
        bytes += Array("\"\n".utf8)
        let run = try check(try write("long.plan", bytes))
        #expect(run.status == 1)
        #expect(run.stderr.contains("long.plan:1:"))
        // The excerpt of a huge line is cut, so the message stays readable.
        #expect(run.stderr.utf8.count < 10_000)
    }

    @Test func fourHundredDigitNumber() throws {
        let text = "count(goals) + " + String(repeating: "9", count: 400) + "\n"
        let run = try check(try write("digits.plan", Array(text.utf8)))
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[E006]: number is too large"))
    }

    @Test func nulBytes() throws {
        let run = try check(try write("nul.plan", Array("goal \"A\"".utf8) + [0, 0] + Array(" by 2027-06\n".utf8)))
        #expect(run.status == 1)
        #expect(run.stderr.contains("nul.plan:1:9: error[E008]"))
    }

    @Test func includeOfAFolderAndOfDevZero() throws {
        let sub = folder.appendingPathComponent("sub")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        let folderRun = try check(try write("folder.plan", Array("include \"sub\"\n".utf8)))
        #expect(folderRun.status == 1)
        #expect(folderRun.stderr.contains("error[E040]"))
        let zeroRun = try check(try write("zero.plan", Array("include \"/dev/zero\"\n".utf8)))
        #expect(zeroRun.status == 1)
        #expect(zeroRun.stderr.contains("error[E040]"))
    }

    @Test func includeChainThousandDeep() throws {
        for level in 0..<1000 {
            _ = try write("chain\(level).plan", Array("include \"chain\(level + 1).plan\"\n".utf8))
        }
        _ = try write("chain1000.plan", Array("vision \"deep\"\n".utf8))
        let run = try check(folder.appendingPathComponent("chain0.plan").path)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error[E040]"))
    }

    /// A link named like a plan leads to a file that is not one: refused
    /// by the file's real name, and nothing of it shown, on stderr or in `--json`.
    @Test func includeThroughASymbolicLink() throws {
        _ = try write("secret.txt", Array("TOKEN=hunter2\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("notes.plan").path,
                                                   withDestinationPath: "secret.txt")
        let main = try write("main.plan", Array("include \"notes.plan\"\n".utf8))
        let run = try check(main)
        #expect(run.status == 1)
        let real = try #require(realpath(folder.appendingPathComponent("secret.txt").path, nil))
        defer { free(real) }
        #expect(run.stderr.contains("main.plan:1:9: error[E040]: cannot include \(folder.path)/notes.plan: it leads to "
                                    + "\(String(cString: real)), and only .plan files can be included"))
        #expect(!run.stderr.contains("hunter2"))
        let json = try plan.run(["check", "--json", "--today", "2026-11-25", main], timeout: 30)
        #expect(json.status == 1)
        #expect(!(json.stdout + json.stderr).contains("hunter2"))
    }

    /// Each file includes the next twice, forty deep: each is read once.
    @Test func includeBombFortyDeep() throws {
        for level in 0..<40 {
            let next = "bomb\(level + 1).plan"
            _ = try write("bomb\(level).plan", Array("goal \"G\(level)\"\ninclude \"\(next)\"\ninclude \"\(next)\"\n".utf8))
        }
        _ = try write("bomb40.plan", Array("goal \"Last\"\n".utf8))
        let run = try plan.run(["run", "--color", "never", "--today", "2026-11-25",
                                folder.appendingPathComponent("bomb0.plan").path, "-e", "count(goals)"], timeout: 30)
        #expect(!run.timedOut)
        #expect(run.status == 1)
        #expect(run.stderr.components(separatedBy: "error[E040]").count - 1 == 40)
        #expect(run.stdout == "41\n")
    }

    /// Hundreds of mutated samples through the checker: deleted, repeated,
    /// swapped and corrupted pieces. Any exit status but 0 or 1 (a signal, a
    /// trap) or a hang fails.
    @Test func mutatedSamplesNeverCrash() throws {
        let samples = try FileManager.default.contentsOfDirectory(atPath: PlanProcess.samplesFolder.path)
            .filter { $0.hasSuffix(".plan") }.sorted()
        #expect(samples.count >= 4)
        var generator = Xorshift(seed: 0x5EED)
        var failures: [String] = []
        var runs = 0
        for sample in samples {
            let original = try [UInt8](Data(contentsOf: PlanProcess.samplesFolder.appendingPathComponent(sample)))
            for round in 0..<60 {
                let mutated = Mutator.mutate(original, using: &generator)
                let path = try write("mutant-\(round)-\(sample)", mutated)
                let run = try check(path)
                runs += 1
                if run.status != 0 && run.status != 1 || run.timedOut {
                    failures.append("\(path): status \(run.status), timed out: \(run.timedOut)\n\(run.stderr.prefix(500))")
                } else {
                    try? FileManager.default.removeItem(atPath: path)
                }
            }
        }
        #expect(runs >= 240)
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// Standard input has the 64 MiB bound a file has: an endless stream
    /// (`/dev/zero`, `yes`) is refused once it passes it, instead of growing
    /// until memory runs out. The shell execs plan, so that plan itself
    /// reads the device or the pipe.
    @Test(arguments: [
        "exec \"$0\" check - < /dev/zero",
        "exec \"$0\" run - < /dev/zero",
        "exec \"$0\" fmt - < /dev/zero",
        "exec \"$0\" repl < /dev/zero",
        "exec \"$0\" < /dev/zero",
        // A piped session runs each statement as it arrives, so the stream
        // here holds none: every one would answer or fail before the bound.
        "yes '' | \"$0\" repl",
    ])
    func endlessStandardInputStopsAtTheFileBound(script: String) throws {
        // 1 GiB of address space is plenty within the bound, and makes a
        // regression fail at once instead of eating the machine's memory.
        let run = try plan.run(["-c", "ulimit -v 1048576; " + script, try PlanProcess.binary().path], timeout: 30,
                               binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.stdout == "")
        #expect(run.stderr == "plan: error[E040]: cannot read <stdin>: it is larger than 64 MiB\n")
        #expect(run.status == 1)
        #expect(!run.timedOut)
    }

    /// A read error is an error, not the end of the input.
    @Test func aFolderAsStandardInputIsAnError() throws {
        let run = try plan.run(["-c", "exec \"$0\" check - < .", try PlanProcess.binary().path],
                               binary: URL(fileURLWithPath: "/bin/sh"))
        #expect(run.stderr == "plan: error[E040]: cannot read <stdin>: is a directory\n")
        #expect(run.status == 1)
    }

    /// A file is read to its end, not to the size `stat` gave: a file that
    /// grows meanwhile, or one of /proc, which says it holds nothing.
    @Test func aFileIsReadPastTheSizeItGave() throws {
        let run = try check("/proc/self/status")
        #expect(run.stderr.hasPrefix("/proc/self/status:1:1: error[E029]: unknown statement `Name`\n"))
        #expect(run.stderr.contains("/proc/self/status:2:1: error[E029]: unknown statement `Umask`\n"))
        #expect(run.status == 1)
    }

    /// The same words as for standard input.
    @Test func aFileOverTheBoundIsRefused() throws {
        let file = try write("large.plan", [])
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: (64 << 20) + 1)
        try handle.close()
        let run = try check(file)
        #expect(run.stderr == "plan: error[E040]: cannot read \(file): it is larger than 64 MiB\n")
        #expect(run.status == 1)
    }
}

/// A deterministic random source (xorshift64*), so a failing mutant can be
/// made again from its seed.
struct Xorshift: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 1 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}

enum Mutator {
    private static let fragments: [[UInt8]] = [
        "(", ")", "[", "]", "\"", "\\", ",", "\n", "    ", "#", "-", "2027-02-30", "2027-Q9", "9999999999999999999999",
        "goal", "needs skill", "by", "after", "where", "sort by", "update", "include \"x.plan\"", "\u{FF}", "\u{0}",
        "é", "\r\n", "not", "and", ".", "none", "today +", "1 month", "let", "=", "assert",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], using generator: inout Xorshift) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { return fragments[0] }
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let length = min(bytes.count - start, Int.random(in: 1...40, using: &generator))
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes.removeSubrange(start..<start + length)
            case 1: bytes.insert(contentsOf: bytes[start..<start + length], at: start)
            case 2: bytes.insert(contentsOf: fragments.randomElement(using: &generator) ?? [], at: start)
            case 3: bytes[start] = UInt8.random(in: 0...255, using: &generator)
            case 4:
                let other = Int.random(in: 0..<bytes.count, using: &generator)
                bytes.swapAt(start, other)
            default: bytes.removeSubrange(start...)
            }
        }
        return bytes
    }
}
