import SitrepContent
import SitrepDiagnostics

/// Checks the totals rows of a table (``Table/StatedTotal``) against the rows they add up, as
/// stated figures are checked against the figures computed under their names: a total that
/// differs is an error at its cell, with both numbers.
enum TotalsRows {
    /// An error for each totals row of `table` that does not equal the sum of its rows.
    static func disagreements(in table: Table) -> [Diagnostic] {
        table.statedTotals.compactMap { total in
            var sum = 0
            var counted = 0
            for row in table.rows where total.counts(row) {
                let (next, overflow) = sum.addingReportingOverflow(row.value)
                // Too large to add: the table's own total reports it.
                if overflow { return nil }
                sum = next
                counted += 1
            }
            guard sum != total.value else { return nil }
            let group = describeGroup(of: total, in: table)
            let which = group.isEmpty ? "" : " for \(group)"
            let computed = counted == 0
                ? "the table has no row\(which)"
                : "the rows\(which) add up to \(MessageNumbers.whole(sum))\(figureName(of: total, in: table).map { " (\($0))" } ?? "")"
            return Diagnostic(
                at: total.cell.location,
                "the totals row '\(total.label)'\(which) states \(MessageNumbers.whole(total.value)), but \(computed)",
                hint: "correct the totals row or the rows it adds up (sitrep computes the totals itself, so the row can also be "
                    + "removed); if '\(total.label)' is a category of its own and not a sum, rename it, e.g. '\(total.label) (category)'",
                sourceLine: total.cell.sourceLine)
        }
    }

    /// `country 'Iraq'`, `country 'Iraq', sex 'female'`; empty for the whole table.
    private static func describeGroup(of total: Table.StatedTotal, in table: Table) -> String {
        zip(table.dimensions, total.keys).compactMap { dimension, key in key.map { "\(dimension) '\($0)'" } }
            .joined(separator: ", ")
    }

    /// The figure the total states, when the table gives one: `avrr.total`, `avrr.country.Iraq`,
    /// `avrr.country.Iraq.sex.female`; nil for a group of three values or more.
    private static func figureName(of total: Table.StatedTotal, in table: Table) -> String? {
        let picked = zip(table.dimensions, total.keys).compactMap { dimension, key in key.map { "\(dimension).\($0)" } }
        switch picked.count {
        case 0: return "\(table.name).\(FigureWord.total)"
        case 1, 2: return ([table.name] + picked).joined(separator: ".")
        default: return nil
        }
    }
}
