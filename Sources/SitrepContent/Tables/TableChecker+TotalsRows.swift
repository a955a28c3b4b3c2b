import SitrepDiagnostics

/// Totals rows (`Total,228`): kept as ``Table/StatedTotal``s rather than data, so that they are
/// checked against the rows instead of counted twice.
extension TableChecker {
    /// Reads row `row`, whose `keys` hold the totals word `label`: each other key must be empty or
    /// a value (named like any value), and the count a whole number.
    mutating func readTotalsRow(_ row: Int, label: String, keys: [String], dimensionIndices: [Int], valueIndex: Int) {
        var valid = true
        var picked: [String?] = []
        picked.reserveCapacity(keys.count)
        for (key, position) in zip(keys, dimensionIndices) {
            if key.isEmpty || names.totals.contains(key) {
                picked.append(nil)
                continue
            }
            if let problem = names.problem(withValue: key, inColumn: source.header[position]) {
                valid = false
                report(problem.message, hint: problem.hint, row: row, column: position)
            }
            picked.append(key)
        }
        let value = parse(source.cell(row: row, column: valueIndex), row: row, column: valueIndex)
        guard valid, let value else { return }
        statedTotals.append(Table.StatedTotal(keys: picked, value: value, label: label.trimmingSpaces().description,
                                              cell: source.location(ofRow: row, column: valueIndex)))
    }

    /// A table whose every row is a totals row has no data to check them against.
    mutating func reportOnlyTotals() {
        let labels = statedTotals.map { "'\($0.label)'" }
        report(
            "the table has only totals rows (\(labels.joined(separator: ", "))) and no rows for them to add up",
            hint: "add the rows the total is made of, one per line; a table that holds a single number can have no "
                + "dimension column: a header such as `count` and one row",
            row: nil, column: nil)
    }
}
