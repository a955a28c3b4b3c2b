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

    mutating func check() throws(DiagnosticError) -> (dimensions: [String], rows: [Table.Row], valueIndex: [Table.ValueNumbers]) {
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
        var seen = TableKeySet(capacity: rowCount, dimensions: dimensionIndices.count)
        // Each value is checked once, where it first appears; each row then by its values' numbers.
        var columns = (0..<dimensionIndices.count).map { _ in ColumnValues(capacity: rowCount) }
        var numbers = [Int](repeating: 0, count: dimensionIndices.count)

        for row in 0..<rowCount {
            var valid = true
            var keys: [String] = []
            keys.reserveCapacity(dimensionIndices.count)
            for (dimension, position) in dimensionIndices.enumerated() {
                let key = source.key(row: row, column: position)
                keys.append(key)
                numbers[dimension] = columns[dimension].number(of: key) { key in
                    (names.totals.contains(key), key.isEmpty ? nil : names.problem(withValue: key, inColumn: header[position]))
                }
            }
            if let dimension = columns.indices.first(where: { columns[$0].isTotalsLabel[numbers[$0]] }) {
                readTotalsRow(row, label: keys[dimension], keys: keys, dimensionIndices: dimensionIndices, valueIndex: valueIndex)
                continue
            }
            for (dimension, position) in dimensionIndices.enumerated() {
                // Keys are trimmed of blanks (``TableSource/key(row:column:)``): a blank one is empty.
                if keys[dimension].isEmpty {
                    valid = false
                    report(
                        "the value for '\(header[position])' is empty",
                        hint: "fill in the \(header[position]); for rows where it is not known, use a label such as 'Unknown'",
                        row: row, column: position)
                } else if let problem = columns[dimension].problems[numbers[dimension]] {
                    valid = false
                    report(problem.message, hint: problem.hint, row: row, column: position)
                }
            }
            if valid {
                if let earlier = seen.insert(numbers, row: row) {
                    valid = false
                    reportDuplicate(row: row, keys: keys, dimensions: dimensions, earlier: earlier)
                }
            }
            let value = source.plainCount(row: row, column: valueIndex)
                ?? parse(source.cell(row: row, column: valueIndex), row: row, column: valueIndex)
            if valid, let value {
                rows.append(Table.Row(keys: keys, value: value, position: source.position(ofRow: row)))
                for dimension in columns.indices { columns[dimension].ofRow.append(numbers[dimension]) }
            }
        }
        if rows.isEmpty, !statedTotals.isEmpty { reportOnlyTotals() }
        if let error = problems.error() { throw error }
        return (dimensions, rows, columns.map { Table.ValueNumbers(ofRow: $0.ofRow, count: $0.count) })
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

/// The values met so far in one dimension column, numbered in the order they were met (equal
/// as Strings compare: canonically equivalent spellings are one value), with what checking
/// each found, and the numbers of the rows kept.
private struct ColumnValues {
    /// The values, by number.
    private var values: [String] = []
    /// The numbers of the values, by value, once there are more than ``scanned``.
    private var numbers: [String: Int] = [:]
    /// Up to this many values, a value's number is found by comparing it with each: a column
    /// usually has a few dozen rows and a handful of values, and hashing each cell cost more.
    private static let scanned = 16
    /// The number of the last value found: rows of one value often come together.
    private var last = -1
    /// For each value, whether it labels a totals row.
    private(set) var isTotalsLabel: [Bool] = []
    /// For each value, the problem with its name, if any.
    private(set) var problems: [TableNames.Problem?] = []
    /// For each row kept, the number of its value.
    var ofRow: [Int] = []

    init(capacity: Int) {
        ofRow.reserveCapacity(capacity)
        // Room for a column's usual handful of values: grown from empty, the three arrays were
        // reallocated four times each (a tenth of the table checks' instructions).
        let values = min(capacity, Self.scanned)
        self.values.reserveCapacity(values)
        isTotalsLabel.reserveCapacity(values)
        problems.reserveCapacity(values)
    }

    /// How many values there are.
    var count: Int { values.count }

    /// The number of `key`; a value not met before is checked by `check` (is it a totals label,
    /// and what is wrong with its name).
    mutating func number(of key: String, check: (String) -> (isTotalsLabel: Bool, problem: TableNames.Problem?)) -> Int {
        if last >= 0, values[last] == key { return last }
        if let number = find(key) {
            last = number
            return number
        }
        let number = values.count
        values.append(key)
        if number == Self.scanned {
            numbers = Dictionary(uniqueKeysWithValues: zip(values, values.indices))
        } else if number > Self.scanned {
            numbers[key] = number
        }
        let (isTotals, problem) = check(key)
        isTotalsLabel.append(isTotals)
        problems.append(problem)
        last = number
        return number
    }

    private func find(_ key: String) -> Int? {
        guard values.count <= Self.scanned else { return numbers[key] }
        return values.firstIndex(of: key)
    }
}

/// The combinations of value numbers seen so far (see `ColumnValues`), with the row of each:
/// a table of positions probed by each combination's hash. Hashing the values' Strings again
/// for each row cost as much as numbering them.
private struct TableKeySet {
    /// For each slot, the position in `rows` plus one; 0 for a free slot. At least twice as
    /// many slots as combinations, so that probes stay short.
    private var slots: [Int]
    private let mask: Int
    private let dimensions: Int
    /// The combinations, one after the other, `dimensions` numbers each.
    private var numbers: [Int] = []
    private var rows: [Int] = []

    /// A set for at most `capacity` combinations of `dimensions` numbers.
    init(capacity: Int, dimensions: Int) {
        var size = 8
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        self.dimensions = dimensions
        numbers.reserveCapacity(capacity * dimensions)
        rows.reserveCapacity(capacity)
    }

    /// Adds `combination` first seen in `row`; when it was seen before, returns that row instead.
    mutating func insert(_ combination: [Int], row: Int) -> Int? {
        // Small numbers mixed by multiplying (as Fibonacci hashing does): `Hasher`'s SipHash
        // cost about 200 instructions a row, this a few.
        var hash: UInt64 = 0
        for number in combination {
            hash = (hash ^ UInt64(truncatingIfNeeded: number)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = slots[slot] - 1
            if numbers[(index * dimensions)..<((index + 1) * dimensions)].elementsEqual(combination) { return rows[index] }
            slot = (slot + 1) & mask
        }
        slots[slot] = rows.count + 1
        numbers += combination
        rows.append(row)
        return nil
    }
}
