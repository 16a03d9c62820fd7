import PlanCore
import PlanSyntax
import PlanKit

/// `plan practice --html -o DIR`: the practice's rows as `index.html`, each
/// client linking to the page of its plan (`HTMLExport`), in the same style.
public enum HTMLPractice {
    /// A page name for each row, in order: the client's name made safe for
    /// a file name, numbered when two clients would share one.
    public static func pageNames(for rows: [PracticeRow]) -> [String] {
        var taken: Set<String> = ["index"]
        // The next number to try for each stem, so that a thousand clients of
        // one name are numbered in one pass.
        var nextNumber: [String: Int] = [:]
        return rows.map { row in
            var stem = ""
            for scalar in row.client.lowercased().unicodeScalars {
                let isWordCharacter = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
                if isWordCharacter {
                    stem.unicodeScalars.append(scalar)
                } else if !stem.isEmpty, stem.last != "-" {
                    stem += "-"
                }
            }
            while stem.last == "-" { stem.removeLast() }
            if stem.isEmpty { stem = "client" }
            var name = stem
            var number = nextNumber[stem, default: 2]
            while taken.contains(name) {
                name = "\(stem)-\(number)"
                number += 1
            }
            nextNumber[stem] = number
            taken.insert(name)
            return name + ".html"
        }
    }

    /// A plan with errors has no page; its row gives the first error instead.
    public static func index(_ practice: Practice, pages: [String]) -> String {
        var page = HTMLWriter()
        let noun = practice.rows.count == 1 ? "client" : "clients"
        page.open(title: "Practice", subtitle: "\(practice.rows.count) \(noun) as of \(Agenda.weekday(practice.today)) \(practice.today)"
                  + (practice.failed == 0 ? "" : ", \(practice.failed) with errors"))
        page.section("clients", "Clients, most urgent first")
        page.raw("<table class=\"practice\">")
        page.raw("<thead><tr>" + Practice.headers.map { "<th>\(HTMLWriter.escape($0.prefix(1) + $0.dropFirst().lowercased()))</th>" }.joined()
                 + "</tr></thead>")
        page.raw("<tbody>")
        for (row, name) in zip(practice.rows, pages) {
            let cells = Practice.cells(row)
            let client = HTMLWriter.escape(row.client)
            let first = row.errors == 0 ? "<a href=\"\(name)\">\(client)</a>" : client
            let rest = cells.dropFirst().map { "<td>\(HTMLWriter.escape($0))</td>" }.joined()
            var classes = ["client"]
            if row.errors > 0 { classes.append("failed") }
            if row.drifting > 0 { classes.append("drifting") }
            if row.peopleOverdue + row.itemsOverdue > 0 { classes.append("overdue") }
            page.raw("<tr class=\"\(classes.joined(separator: " "))\"><td>\(first)</td>\(rest)</tr>")
            if let failure = row.firstError {
                page.raw("<tr class=\"error\"><td colspan=\"\(cells.count)\">\(HTMLWriter.escape(failure.location + ": error[" + failure.code + "]: " + failure.message))</td></tr>")
            }
        }
        page.raw("</tbody>")
        page.raw("</table>")
        page.endSection()
        page.close()
        return page.out
    }
}
