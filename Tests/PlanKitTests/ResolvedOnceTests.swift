import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit

/// The references the checks resolve once (`Checks.unknownReferences`,
/// `RecentlyResolved`) and the referrer tables they file for the links.
@Suite struct ResolvedOnceTests {
    /// The checks remember the last names they resolved by the String
    /// itself; the same String named as another kind must still be looked
    /// up as that kind.
    @Test func aNameResolvedAsOneKindIsLookedUpAgainAsAnother() {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "kinds.plan", text: """
            vision "v"
            skill "project management at scale"
            value "project management at scale"
            skill craft
            goal g needs skill "project management at scale", craft serves "project management at scale", craft
            goal h needs skill craft, "project management at scale" serves "project management at scale"

            """))
        let problems = Checks.run(interpreter.plan, today: testToday).filter { $0.severity == .error }
        #expect(problems.map(\.message) == ["unknown value \"craft\""])
        #expect(problems.first?.hint == "\"craft\" is a skill; `serves` names a value")
    }

    /// More names than the memory has slots for values (two declared, so
    /// its fewest), so that names share a slot and put each other out, each
    /// asked many times in a shuffled order, as the Strings the parser made
    /// and as equal Strings made apart, as a skill and as a value, declared
    /// or not: every answer is the plan's own.
    @Test func theMemoryAnswersAsThePlanDoesWhateverItHolds() {
        var text = "vision \"v\"\n"
        for number in 0..<600 {
            text += number % 2 == 0 ? "skill \"a skill with a long name \(number)\"\n" : "skill s\(number)\n"
        }
        text += "value v1\nvalue \"a skill with a long name 10\"\n"
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "many.plan", text: text))
        let plan = interpreter.plan
        #expect(plan.count(of: .skill) == 600)
        let parsed = plan.names(of: .skill) + plan.names(of: .value)
        let madeApart = (0..<700).map { $0 % 2 == 0 ? "a skill with a long name \($0)" : "s\($0)" }
        var asked = (parsed + madeApart + ["v1", "nothing", "a name nobody declared at all"])
        var random = SplitMix64(seed: 7)
        var memory = RecentlyResolved()
        var answered = 0
        for _ in 0..<3 {
            asked.shuffle(using: &random)
            for name in asked {
                for kind in [EntityKind.skill, .value] {
                    #expect(memory.index(of: kind, named: name, in: plan) == plan.index(of: kind, named: name),
                            "\(kind.rawValue) \(name)")
                    answered += 1
                }
            }
        }
        #expect(answered > 7000)
    }

    /// A plan of 5,000 skills: the memory keeps most of them, so that a
    /// pass naming each skill again finds it without looking. Asked against
    /// another plan the second time, a name it kept answers as the first
    /// plan did. Asked in the same order, a name that shared its slot is
    /// put out before it comes and puts the other out in turn, so the names
    /// kept are those alone in their slot: about 3,690 of 5,000 for a
    /// random pick of 16,384 slots. It kept 256 names of every kind
    /// together once, and its slots by a multiply alone kept about 2,200.
    @Test func theMemoryKeepsMostOfAPlansManySkills() {
        let first = Self.skills(Array(0..<5000))
        let second = Self.skills(Array((0..<5000).reversed()))
        let names = first.names(of: .skill)
        #expect(names.count == 5000)
        var memory = RecentlyResolved()
        for name in names { #expect(memory.index(of: .skill, named: name, in: first) != nil) }
        let kept = names.filter { memory.index(of: .skill, named: $0, in: second) == first.index(of: .skill, named: $0) }
        #expect(kept.count > 3300)
        #expect(kept.count < 5000, "a name put out of the memory is looked up in the plan asked")
    }

    /// The checks' passes share the memory their links lend: what one
    /// pass kept, the next is lent, and a pass lent one while another
    /// holds it starts empty rather than share it.
    @Test func theLinksLendOneMemoryToEachPassInTurn() {
        let first = Self.skills(Array(0..<5000))
        let second = Self.skills(Array((0..<5000).reversed()))
        let names = first.names(of: .skill)
        let links = Links(plan: first, today: testToday)
        links.withMemory { memory in
            for name in names { _ = memory.index(of: .skill, named: name, in: first) }
        }
        let kept = links.withMemory { next in
            links.withMemory { during in
                #expect(names.allSatisfy { during.index(of: .skill, named: $0, in: second) == second.index(of: .skill, named: $0) })
            }
            return names.filter { next.index(of: .skill, named: $0, in: second) == first.index(of: .skill, named: $0) }
        }
        #expect(kept.count > 3300)
    }

    private static func skills(_ numbers: [Int]) -> Plan {
        var interpreter = Interpreter(today: testToday, reader: FileReader())
        _ = interpreter.run(Source(name: "skills.plan", text: numbers.map { "skill \"a skill named \($0)\"\n" }.joined()))
        return interpreter.plan
    }

    /// A check that asks the links who names its entities says so, and
    /// what it names is a clause of one kind, which the checks then file.
    @Test func whatTheChecksAskForIsAClauseNamingOneKind() {
        let asked = EntityKind.allCases.flatMap { $0.info.checks.flatMap(\.asks) }
        #expect(asked.contains { $0.source == .goal && $0.clause == .serves })
        #expect(asked.contains { $0.source == .goal && $0.clause == .aligns })
        for ask in asked {
            #expect(Self.everyClauseNamingOneKind.contains { $0.source == ask.source && $0.clause == ask.clause },
                    "\(ask.source.rawValue) \(ask.clause.rawValue)")
        }
    }

    static let everyClauseNamingOneKind = EntityKind.allCases.flatMap { kind in
        kind.syntax.clauses.filter { $0.shape.refers.count == 1 }.map { Check.Asked(source: kind, clause: $0.keyword) }
    }

    /// The checks resolve every reference and file who names what into the
    /// links, for the clauses asked (here every clause that names one kind);
    /// each table must be the one the links would make themselves, on
    /// generated plans (unknown names and all) and the samples.
    @Test func theReferencesTheChecksFileAreTheOnesTheLinksFind() throws {
        var generator = PlanGenerator(random: SplitMix64(seed: 22))
        var texts = (0..<150).map { _ in generator.plan() } + [samplePlan]
        let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Samples")
        for name in try FileManager.default.contentsOfDirectory(atPath: samples.path) where name.hasSuffix(".plan") {
            texts.append(try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8))
        }
        var compared = 0
        for text in texts {
            var interpreter = Interpreter(today: testToday, reader: FileReader())
            _ = interpreter.run(Source(name: "generated.plan", text: text))
            let plan = interpreter.plan
            let filed = Links(plan: plan, today: testToday)
            _ = Checks.unknownReferences(plan, filing: Self.everyClauseNamingOneKind, into: filed)
            let found = Links(plan: plan, today: testToday)
            for kind in EntityKind.allCases {
                for clause in kind.syntax.clauses {
                    for target in clause.shape.refers {
                        for index in 0..<plan.count(of: target) {
                            let fromChecks = filed.referrers(kind, via: clause.keyword, to: index, of: target)
                            #expect(fromChecks == found.referrers(kind, via: clause.keyword, to: index, of: target),
                                    "\(kind.rawValue) \(clause.keyword.rawValue) → \(target.rawValue) #\(index) in:\n\(text)")
                            compared += fromChecks.count
                        }
                    }
                }
            }
        }
        #expect(compared > 1000)
    }
}
