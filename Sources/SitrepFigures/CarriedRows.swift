import SitrepContent
import SitrepDiagnostics

/// Checks that a table reported cumulatively carries every row of the previous period forward.
///
/// A running total never loses a row: a row left out of one period's file would count as 0 there,
/// so that period's figures would fall by its whole running total, and the next period's
/// `X.period` would grow by it when the row is back (4,884 dropped from one file turned an inflow
/// of 4,938 into 9,822). Unless series.yml records a correction for the row, it is an error.
struct CarriedRows {
    /// The previous period's tables reported cumulatively, by name, with the period's folder name.
    private var previous: (period: String, tables: [String: Table])?

    /// The errors for rows of the previous period's cumulative tables that are missing from
    /// `report`'s, when `continues` says the table's count goes on from the previous period; then
    /// remembers `report`'s cumulative tables for the next period.
    mutating func check(_ report: Report, folder: PeriodFolder, series: SeriesConfig,
                        continues: (Measure.Since) -> Bool) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var tables: [String: Table] = [:]
        for table in report.tables {
            let measure = series.declaration(for: table.name).measure
            guard measure.reported == .cumulative else { continue }
            tables[table.name] = table
            if let previous, let before = previous.tables[table.name], continues(measure.since) {
                problems += missingRows(from: before, in: table, since: previous.period, folder: folder, series: series)
            }
        }
        previous = (folder.name, tables)
        return problems
    }

    private func missingRows(from before: Table, in table: Table, since period: String, folder: PeriodFolder,
                             series: SeriesConfig) -> [Diagnostic] {
        guard before.dimensions == table.dimensions else { return [] }
        // Rows usually come in the same order every period: each is looked for at its own position
        // first, and the set of this period's keys is made only when one is not there.
        var present: Set<[String]>?
        var problems: [Diagnostic] = []
        for (position, row) in before.rows.enumerated() where row.value != 0 {
            if position < table.rows.count, table.rows[position].keys == row.keys { continue }
            let keys = present ?? Set(table.rows.lazy.map(\.keys))
            present = keys
            if keys.contains(row.keys) { continue }
            let figure = ([table.name] + zip(table.dimensions, row.keys).flatMap { [$0.0, $0.1] }).joined(separator: ".")
            if series.corrections.contains(where: { $0.period == folder.name && $0.figure == figure }) { continue }
            let value = MessageNumbers.whole(row.value)
            problems.append(Diagnostic(
                at: table.headerLocation,
                "the row '\(row.keys.joined(separator: ", "))' (\(value) in \(period)) is missing; "
                    + "a cumulative table carries every row forward, and a row left out would count as 0",
                hint: "add the row with its running total (\(value) if nothing changed), or, if the source removed it on purpose, "
                    + "record the correction in \(series.file):\ncorrections:\n  - {period: \(folder.name), figure: \(figure), reason: \"why the row was removed\"}"))
        }
        return problems
    }
}
