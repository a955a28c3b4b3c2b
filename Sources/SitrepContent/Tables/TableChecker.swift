import SitrepDiagnostics

/// Does the work of ``Table/init(name:source:valueColumn:totals:)``, on the cells of any ``TableSource``.
struct TableChecker<Source: TableSource> {
    let source: Source
    let valueColumn: String
    let names: TableNames
    var problems: CSVProblemList
    /// The totals rows found, in file order.
    var statedTotals: [Table.StatedTotal] = []

    init(source: Source, valueColumn: String, names: TableNames) {
        self.source = source
        self.valueColumn = valueColumn
        self.names = names
        self.problems = CSVProblemList(file: source.file)
    }

    mutating func check() throws(DiagnosticError) -> (dimensions: [String], rows: [Table.Row]) {
        let header = source.header
        let rowCount = source.rowCount
        let valueIndex = header.firstIndex(of: valueColumn)
        if valueIndex == nil { reportMissingValueColumn() }
        if rowCount == 0 {
            report(
                "the table has a header but no rows",
                hint: "add one line below the header for each row, with a value for each of: "
                    + header.joined(separator: ", "),
                row: nil, column: nil)
        }
        guard let valueIndex, rowCount > 0 else { throw problems.error() ?? DiagnosticError([]) }

        let dimensionIndices = header.indices.filter { $0 != valueIndex }
        let dimensions = dimensionIndices.map { header[$0] }
        for position in dimensionIndices {
            if let problem = names.problem(withColumn: header[position]) {
                report(problem.message, hint: problem.hint, row: nil, column: position)
            }
        }
        var rows: [Table.Row] = []
        rows.reserveCapacity(rowCount)
        var seen = TableKeySet(capacity: rowCount)

        for row in 0..<rowCount {
            var valid = true
            var keys: [String] = []
            keys.reserveCapacity(dimensionIndices.count)
            for position in dimensionIndices {
                keys.append(source.key(row: row, column: position))
            }
            // A closure, not `names.totals.contains` itself: that partial application copied the
            // words (two retains and releases) for every row.
            if let label = keys.first(where: { names.totals.contains($0) }) {
                readTotalsRow(row, label: label, keys: keys, dimensionIndices: dimensionIndices, valueIndex: valueIndex)
                continue
            }
            for (key, position) in zip(keys, dimensionIndices) {
                // Keys are trimmed of blanks (``TableSource/key(row:column:)``): a blank one is empty.
                if key.isEmpty {
                    valid = false
                    report(
                        "the value for '\(header[position])' is empty",
                        hint: "fill in the \(header[position]); for rows where it is not known, use a label such as 'Unknown'",
                        row: row, column: position)
                } else if let problem = names.problem(withValue: key, inColumn: header[position]) {
                    valid = false
                    report(problem.message, hint: problem.hint, row: row, column: position)
                }
            }
            if valid {
                if let earlier = seen.insert(keys, row: row) {
                    valid = false
                    reportDuplicate(row: row, keys: keys, dimensions: dimensions, earlier: earlier)
                }
            }
            let value = source.plainCount(row: row, column: valueIndex)
                ?? parse(source.cell(row: row, column: valueIndex), row: row, column: valueIndex)
            if valid, let value {
                rows.append(Table.Row(keys: keys, value: value, position: source.position(ofRow: row)))
            }
        }
        if rows.isEmpty, !statedTotals.isEmpty { reportOnlyTotals() }
        if let error = problems.error() { throw error }
        return (dimensions, rows)
    }

    // MARK: Values

    /// The count in `text`, or nil after reporting why it is not one.
    mutating func parse(_ text: String, row: Int, column: Int) -> Int? {
        let outcome = TableCount.parse(text)
        if case .value(let value) = outcome { return value }
        let shown = "'\(text.trimmingSpaces())'"
        let inColumn = "in column '\(source.columnName(row: row, column: column))'"
        switch outcome {
        case .value(let value):
            return value
        case .empty:
            report(
                "the value \(inColumn) is empty",
                hint: "write a whole number, such as 0", row: row, column: column)
        case .negative:
            report(
                "the value \(shown) \(inColumn) is negative",
                hint: "counts cannot be negative: write a whole number of zero or more", row: row, column: column)
        case .separators(let plain):
            report(
                "the value \(shown) \(inColumn) has separators in it",
                hint: "write \(plain) without separators", row: row, column: column)
        case .fractional(let whole):
            report(
                "the value \(shown) \(inColumn) is not a whole number",
                hint: whole.map { "write \($0) without the decimal part" }
                    ?? "counts are whole numbers: round the value or correct it at the source",
                row: row, column: column)
        case .otherNotation(let plain):
            report(
                "the value \(shown) \(inColumn) is not written as a plain number",
                hint: "write \(plain), with digits only", row: row, column: column)
        case .tooLarge:
            report(
                "the value \(shown) \(inColumn) is too large",
                hint: "a count can be at most \(Int.max); check the value", row: row, column: column)
        case .notANumber:
            report(
                "the value \(shown) \(inColumn) is not a whole number",
                hint: "write a whole number with digits only, such as 1234", row: row, column: column)
        }
        return nil
    }

    // MARK: Reports

    mutating func reportMissingValueColumn() {
        let header = source.header
        let found = header.map { "'\($0)'" }.joined(separator: ", ")
        let hint: String
        if let near = Suggestions.nearest(to: valueColumn, in: header) {
            hint = "rename the column '\(near)' to '\(valueColumn)', or declare `value: \(near)` for the table in series.yml"
        } else {
            let example = header.last ?? "total"
            hint = "rename the column that holds the numbers to '\(valueColumn)', "
                + "or declare `value: \(example)` (the column's name) for the table in series.yml"
        }
        report(
            "the table has no value column '\(valueColumn)'; its columns are \(found)",
            hint: hint, row: nil, column: nil)
    }

    mutating func reportDuplicate(row: Int, keys: [String], dimensions: [String], earlier: Int) {
        let first = source.describe(row: earlier)
        if dimensions.isEmpty {
            report(
                "a second row in a table without dimension columns (the first row is on \(first))",
                hint: "a table without dimension columns holds a single total: keep one row, "
                    + "or add a column that tells the rows apart",
                row: row, column: 0)
        } else {
            let combination = zip(dimensions, keys).map { "\($0.0) '\($0.1)'" }.joined(separator: ", ")
            report(
                "a second row for \(combination); the first is on \(first)",
                hint: "each combination of \(dimensions.joined(separator: ", ")) may appear once: "
                    + "remove one of the rows or add them together",
                row: row, column: 0)
        }
    }

    /// Reports a problem at a cell: `row` nil for the header, `column` nil for the whole row.
    mutating func report(_ message: String, hint: String, row: Int?, column: Int?) {
        guard !problems.isFull else { return problems.omit() }
        let cell = source.location(ofRow: row, column: column)
        problems.add(Diagnostic(.error, at: cell.location, message, hint: hint, sourceLine: cell.sourceLine))
    }

}

/// The key combinations seen so far, with the row of each: a table of positions probed by
/// each combination's hash, one `Hasher` pass over its strings (which hash as they compare:
/// canonically equivalent spellings are one key). Hashing each `[String]` and keeping the
/// positions in an `[Int: Int]` cost 1,200 instructions a row, hashing twice.
private struct TableKeySet {
    /// For each slot, the position in `keys` plus one; 0 for a free slot. At least twice as
    /// many slots as combinations, so that probes stay short.
    private var slots: [Int]
    private let mask: Int
    private var hashes: [Int] = []
    private var keys: [[String]] = []
    private var rows: [Int] = []

    /// A set for at most `capacity` combinations.
    init(capacity: Int) {
        var size = 8
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        hashes.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
        rows.reserveCapacity(capacity)
    }

    /// Adds `key` first seen in `row`; when it was seen before, returns that row instead.
    mutating func insert(_ key: [String], row: Int) -> Int? {
        var hasher = Hasher()
        for part in key { hasher.combine(part) }
        let hash = hasher.finalize()
        var slot = hash & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if hashes[index] == hash && keys[index] == key { return rows[index] }
            slot = (slot + 1) & mask
        }
        slots[slot] = keys.count + 1
        hashes.append(hash)
        keys.append(key)
        rows.append(row)
        return nil
    }
}

