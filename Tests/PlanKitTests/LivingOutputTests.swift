import Foundation
import Testing
import PlanCLI
@testable import PlanCore
@testable import PlanSyntax
@testable import PlanKit
@testable import PlanOutput

/// What the log and the people add to the exports (docs/exports.md): Markdown
/// carries every contact and the log, the report's people to reach and
/// recent progress; iCalendar a VTODO for each next touch and a VEVENT for
/// each log entry with hours, read back by Python's icalendar.
@Suite struct LivingOutputTests {
    static let today = Day(year: 2026, month: 11, day: 25) ?? Day(ordinal: 0)

    static let text = """
        value craft
        goal "Ship" serves craft by 2027-06 doing
        milestone "Beta" for "Ship" by 2027-01
        contact "Ana Ruiz" at "Acme" role "VP" every 6 weeks tags work, coffee
        mentor "Jordan Lee" every 1 month note "monthly | coffee"
        contact "Sam" note "no cadence"
        log 2026-10-01 met "Ana Ruiz"
        log 2026-11-03 "Ran the *retro*" for "Ship" hours 1.5 met "Jordan Lee"
        log 2026-11-03 for "Beta" hours 3
        log 2026-11-20 reviewed
        log 2026-12-01 "Later" for "Ship" hours 2

        """

    /// The plan of `text` as of today, as every output reads it.
    static func plan() -> Plan {
        var interpreter = Interpreter(today: today, reader: FileReader())
        _ = interpreter.run(Source(name: "living.plan", text: text))
        return interpreter.asOfToday
    }

    @Test func markdownCarriesPeopleAndTheLog() {
        let markdown = MarkdownExport.render(Self.plan(), today: Self.today)
        let tail = markdown[(markdown.range(of: "\n## People to reach")?.lowerBound ?? markdown.endIndex)...]
        #expect(tail == """

            ## People to reach

            | Next touch | Person | When | Last met | Every |
            |---|---|---|---|---|
            | 2026-11-12 | Ana Ruiz | 13 days late **(overdue)** | 2026-10-01 | 6 weeks |
            | 2026-12-03 | Jordan Lee (mentor) | in 8 days | 2026-11-03 | 1 month |

            ## Recent progress

            - 2026-11-20 reviewed
            - 2026-11-03 "Ran the \\*retro\\*" for Ship met "Jordan Lee" hours 1.5
            - 2026-11-03 for Beta hours 3

            ## Contacts

            | Person | Mentor | Organisation | Role | Helps with | Every | Last met | Tags | Note |
            |---|:---:|---|---|---|---|---|---|---|
            | Ana Ruiz |  | Acme | VP |  | 6 weeks | 2026-10-01 | work, coffee |  |
            | Jordan Lee | yes |  |  |  | 1 month | 2026-11-03 |  | monthly \\| coffee |
            | Sam |  |  |  |  |  |  |  | no cadence |

            ## Log

            - 2026-10-01 met "Ana Ruiz"
            - 2026-11-03 "Ran the \\*retro\\*" for Ship met "Jordan Lee" hours 1.5
            - 2026-11-03 for Beta hours 3
            - 2026-11-20 reviewed
            - 2026-12-01 "Later" for Ship hours 2 _(after today: does not count yet)_

            """)
    }

    @Test func icalendarReadsNextTouchesAndLoggedHours() throws {
        let path = try OutputConsumerTests.temporary(ICalendar.render(Self.plan(), today: Self.today), "ics")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let script = """
            import sys, icalendar
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
            for todo in calendar.walk('VTODO'):
                if str(todo['UID']).startswith('contact-'):
                    categories = todo.get('CATEGORIES')
                    names = [str(c) for c in categories.cats] if categories is not None else []
                    print('TODO', todo['DUE'].dt.isoformat(), todo['STATUS'], str(todo['SUMMARY']), '|', ','.join(names), '|', str(todo['DESCRIPTION']).replace('\\n', '<LF>'))
            for event in calendar.walk('VEVENT'):
                start = event['DTSTART'].dt
                end = start + event['DURATION'].dt
                related = event.get('RELATED-TO', [])
                related = related if isinstance(related, list) else [related]
                print('EVENT', start.isoformat(), end.isoformat(), str(event['SUMMARY']), '|', ','.join(str(r).split('-')[0] for r in related), '|', str(event['DESCRIPTION']).replace('\\n', '<LF>'))
            print(len(set(str(c['UID']) for c in calendar.walk() if 'UID' in c)), 'uids')
            """
        let result = try OutputConsumerTests.run(["python3", "-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            TODO 2026-11-12 NEEDS-ACTION Be in touch with Ana Ruiz | work,coffee | Last met 2026-10-01, every 6 weeks<LF>Role: VP<LF>At: Acme
            TODO 2026-12-03 NEEDS-ACTION Be in touch with Jordan Lee |  | Last met 2026-11-03, every 1 month<LF>Mentor<LF>monthly | coffee
            EVENT 2026-11-03T09:00:00 2026-11-03T10:30:00 Ran the *retro* | goal | For: Ship<LF>Met: Jordan Lee<LF>Hours: 1.5
            EVENT 2026-11-03T09:00:00 2026-11-03T12:00:00 Worked on Beta | milestone,goal | For: Beta<LF>Hours: 3
            EVENT 2026-12-01T09:00:00 2026-12-01T11:00:00 Later | goal | For: Ship<LF>Hours: 2
            7 uids

            """)
    }

    /// To the second: `hours 0.001` is 3.6 seconds, not a minute.
    @Test(arguments: [(1.5, "PT1H30M"), (3, "PT3H"), (0.25, "PT15M"), (0.001, "PT4S"), (0.0001, "PT1S"),
                      (0.142857, "PT8M34S"), (30, "PT30H")] as [(Double, String)])
    func hoursAsADuration(hours: Double, written: String) {
        #expect(ICalendar.duration(hours: hours) == written)
    }
}
