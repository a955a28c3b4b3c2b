import SitrepDiagnostics

/// A long-format data table: dimension columns plus one integer value column.
///
/// Each row gives the value for one combination of dimension values (`region=North,
/// month=2024-01 → 12`); every combination appears at most once. A table without dimension
/// columns holds a single total.
public struct Table: Sendable, Equatable {
    /// One row: the dimension values in ``Table/dimensions`` order, and the value.
    public struct Row: Sendable, Equatable {
        /// The dimension values, one per dimension column, in header order.
        public var keys: [String]
        /// The value: a whole number, zero or more.
        public var value: Int
        /// The 1-based line of the CSV file where the row starts.
        public var line: Int

        /// A row built in code.
        public init(keys: [String], value: Int, line: Int) {
            self.keys = keys
            self.value = value
            self.line = line
        }
    }

    /// The table's name, e.g. "arrivals" (the file name without .csv).
    public var name: String
    /// The display path of the file, for diagnostics.
    public var file: String
    /// The dimension column names, in header order, the value column left out.
    public var dimensions: [String]
    /// The name of the value column.
    public var valueColumn: String
    /// The rows, in file order.
    public var rows: [Row]
    /// The 1-based line of the header, for problems with the table as a whole.
    public var headerLine: Int

    /// A table built in code; the rows are taken as they are, without checks.
    public init(name: String, file: String, dimensions: [String], valueColumn: String = "count", rows: [Row],
                headerLine: Int = 1) {
        self.name = name
        self.file = file
        self.dimensions = dimensions
        self.valueColumn = valueColumn
        self.rows = rows
        self.headerLine = headerLine
    }

    /// Builds a table from a CSV document. `valueColumn` defaults to "count".
    ///
    /// Checks that the value column exists, that there is at least one row, that every value
    /// is a whole number of zero or more written with ASCII digits only (spaces around it
    /// allowed; read by ``NumberText``, as stated figures are), that no dimension value is empty,
    /// that no combination of dimension values appears twice, that no dimension column or value
    /// is named like a derived figure (see ``FigureWord/reserved``) and that no row is a totals
    /// row (`Total`). Dimension values are keys: spaces around them are dropped (quoted too) and
    /// no-break spaces made plain (``CSVValueText/normalisedKey(_:)``). Every problem in the file
    /// is reported, in one error.
    public init(name: String, file: String, csv: CSVDocument, valueColumn: String = "count") throws(DiagnosticError) {
        var checker = TableChecker(file: file, csv: csv, valueColumn: valueColumn, names: TableNames(table: name))
        let (dimensions, rows) = try checker.check()
        self.init(name: name, file: file, dimensions: dimensions, valueColumn: valueColumn, rows: rows, headerLine: csv.headerLine)
    }
}

/// Does the work of ``Table/init(name:file:csv:valueColumn:)``.
private struct TableChecker {
    let file: String
    let csv: CSVDocument
    let valueColumn: String
    let names: TableNames
    var problems: CSVProblemList
    var lines: CSVLineIndex?

    init(file: String, csv: CSVDocument, valueColumn: String, names: TableNames) {
        self.file = file
        self.csv = csv
        self.valueColumn = valueColumn
        self.names = names
        self.problems = CSVProblemList(file: file)
    }

    mutating func check() throws(DiagnosticError) -> (dimensions: [String], rows: [Table.Row]) {
        let header = csv.header
        let valueIndex = header.firstIndex(of: valueColumn)
        if valueIndex == nil { reportMissingValueColumn() }
        if csv.records.isEmpty {
            report(
                "the table has a header but no rows",
                hint: "add one line below the header for each row, with a value for each of: "
                    + header.joined(separator: ", "),
                line: csv.headerLine, column: 1)
        }
        guard let valueIndex, !csv.records.isEmpty else { throw problems.error() ?? DiagnosticError([]) }

        let dimensionIndices = header.indices.filter { $0 != valueIndex }
        let dimensions = dimensionIndices.map { header[$0] }
        for position in dimensionIndices {
            if let problem = names.problem(withColumn: header[position]) {
                report(problem.message, hint: problem.hint, line: csv.headerLine, column: headerColumn(of: position))
            }
        }
        var rows: [Table.Row] = []
        rows.reserveCapacity(csv.records.count)
        var seen = TableKeySet(capacity: csv.records.count)

        for record in csv.records {
            guard record.fields.count == header.count else {
                report(
                    "expected \(header.count) columns as in the header (\(header.joined(separator: ", "))), "
                        + "found \(record.fields.count) values",
                    hint: "give every row one value per column",
                    line: record.line, column: 1)
                continue
            }
            var valid = true
            var keys: [String] = []
            keys.reserveCapacity(dimensionIndices.count)
            for position in dimensionIndices {
                let key = CSVValueText.normalisedKey(record.fields[position])
                if isBlank(key) {
                    valid = false
                    report(
                        "the value for '\(header[position])' is empty",
                        hint: "fill in the \(header[position]); for rows where it is not known, use a label such as 'Unknown'",
                        record: record, field: position)
                } else if let problem = names.problem(withValue: key, inColumn: header[position]) {
                    valid = false
                    report(problem.message, hint: problem.hint, record: record, field: position)
                }
                keys.append(key)
            }
            if valid {
                if let earlier = seen.insert(keys, line: record.line) {
                    valid = false
                    reportDuplicate(record: record, keys: keys, dimensions: dimensions, earlier: earlier)
                }
            }
            let value = parse(record.fields[valueIndex], record: record, field: valueIndex)
            if valid, let value {
                rows.append(Table.Row(keys: keys, value: value, line: record.line))
            }
        }
        if let error = problems.error() { throw error }
        return (dimensions, rows)
    }

    // MARK: Values

    /// The count in `text`, or nil after reporting why it is not one.
    mutating func parse(_ text: String, record: CSVRecord, field: Int) -> Int? {
        let outcome = TableCount.parse(text)
        if case .value(let value) = outcome { return value }
        let shown = "'\(text.trimmingSpaces())'"
        let inColumn = "in column '\(valueColumn)'"
        switch outcome {
        case .value(let value):
            return value
        case .empty:
            report(
                "the value \(inColumn) is empty",
                hint: "write a whole number, such as 0", record: record, field: field)
        case .negative:
            report(
                "the value \(shown) \(inColumn) is negative",
                hint: "counts cannot be negative: write a whole number of zero or more", record: record, field: field)
        case .separators(let plain):
            report(
                "the value \(shown) \(inColumn) has separators in it",
                hint: "write \(plain) without separators", record: record, field: field)
        case .fractional(let whole):
            report(
                "the value \(shown) \(inColumn) is not a whole number",
                hint: whole.map { "write \($0) without the decimal part" }
                    ?? "counts are whole numbers: round the value or correct it at the source",
                record: record, field: field)
        case .otherNotation(let plain):
            report(
                "the value \(shown) \(inColumn) is not written as a plain number",
                hint: "write \(plain), with digits only", record: record, field: field)
        case .tooLarge:
            report(
                "the value \(shown) \(inColumn) is too large",
                hint: "a count can be at most \(Int.max); check the value", record: record, field: field)
        case .notANumber:
            report(
                "the value \(shown) \(inColumn) is not a whole number",
                hint: "write a whole number with digits only, such as 1234", record: record, field: field)
        }
        return nil
    }

    // MARK: Reports

    mutating func reportMissingValueColumn() {
        let header = csv.header
        let found = header.map { "'\($0)'" }.joined(separator: ", ")
        var hint: String
        if let near = Suggestions.nearest(to: valueColumn, in: header) {
            hint = "rename the column '\(near)' to '\(valueColumn)', or declare `value: \(near)` for the table in series.yml"
        } else {
            let example = header.last ?? "total"
            hint = "rename the column that holds the numbers to '\(valueColumn)', "
                + "or declare `value: \(example)` (the column's name) for the table in series.yml"
        }
        if header.count == 1 && header[0].contains("\t") {
            hint += "; the file seems to be separated by tabs: save it as 'CSV UTF-8 (Comma delimited)'"
        }
        report(
            "the table has no value column '\(valueColumn)'; its columns are \(found)",
            hint: hint, line: csv.headerLine, column: 1)
    }

    mutating func reportDuplicate(record: CSVRecord, keys: [String], dimensions: [String], earlier: Int) {
        if dimensions.isEmpty {
            report(
                "a second row in a table without dimension columns (the first row is on line \(earlier))",
                hint: "a table without dimension columns holds a single total: keep one row, "
                    + "or add a column that tells the rows apart",
                record: record, field: 0)
        } else {
            let combination = zip(dimensions, keys).map { "\($0.0) '\($0.1)'" }.joined(separator: ", ")
            report(
                "a second row for \(combination); the first is on line \(earlier)",
                hint: "each combination of \(dimensions.joined(separator: ", ")) may appear once: "
                    + "remove one of the rows or add them together",
                record: record, field: 0)
        }
    }

    mutating func report(_ message: String, hint: String, record: CSVRecord, field: Int) {
        let column = record.columns.indices.contains(field) ? record.columns[field] : 1
        report(message, hint: hint, line: record.line(ofField: field), column: column)
    }

    mutating func report(_ message: String, hint: String, line: Int, column: Int) {
        guard !problems.isFull else { return problems.omit() }
        if lines == nil { lines = CSVLineIndex(csv.source) }
        problems.add(Diagnostic(
            .error, at: SourceLocation(file: file, line: line, column: column),
            message, hint: hint, sourceLine: lines?.text(ofLine: line)))
    }

    private func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    /// The 1-based character column where field `position` of the header line starts; 1 when
    /// the header is not on one line of the source (a document built in code, a quoted line break).
    private mutating func headerColumn(of position: Int) -> Int {
        if lines == nil { lines = CSVLineIndex(csv.source) }
        guard let text = lines?.text(ofLine: csv.headerLine) else { return 1 }
        let delimiter = Character(Unicode.Scalar(csv.delimiter))
        var field = 0
        var quoted = false
        for (offset, character) in text.enumerated() {
            if field == position { return offset + 1 }
            if character == "\"" { quoted.toggle() } else if character == delimiter, !quoted { field += 1 }
        }
        return 1
    }
}

/// The key combinations seen so far, with the line of each. Looks them up by their hash in
/// a dictionary of integers, which is several times faster than a `[[String]: Int]` for large
/// tables (no pointer chasing while probing); hash collisions fall back to such a dictionary.
private struct TableKeySet {
    private var byHash: [Int: Int] = [:]
    private var keys: [[String]] = []
    private var lines: [Int] = []
    private var collided: [[String]: Int] = [:]

    init(capacity: Int) {
        byHash.reserveCapacity(capacity)
        keys.reserveCapacity(capacity)
        lines.reserveCapacity(capacity)
    }

    /// Adds `key` first seen on `line`; when it was seen before, returns that line instead.
    mutating func insert(_ key: [String], line: Int) -> Int? {
        let hash = key.hashValue
        guard let index = byHash[hash] else {
            byHash[hash] = keys.count
            keys.append(key)
            lines.append(line)
            return nil
        }
        if keys[index] == key { return lines[index] }
        if let earlier = collided[key] { return earlier }
        collided[key] = line
        return nil
    }
}

/// Reads a count with ``NumberText``, the reader stated figures use too, and classifies the
/// usual mistakes so that the hint can say what to write instead.
enum TableCount: Equatable {
    case value(Int)
    case empty
    /// `-5`.
    case negative
    /// `1,234`, `1.234`, `1 234`, `1'234`: digits grouped by threes; `plain` is the digits alone.
    case separators(plain: String)
    /// `12.5`; `whole` is the number without its decimal part when that part is all zeros (`12.0`).
    case fractional(whole: String?)
    /// `1e3`, `0x10`: a number in another notation; `plain` is how to write it.
    case otherNotation(plain: String)
    /// More than `Int.max`.
    case tooLarge
    case notANumber

    static func parse(_ text: String) -> TableCount {
        switch NumberText.read(text) {
        case .number(let number, let decimals):
            if number < Rational(0) { return .negative }
            if decimals == 0 { return .value(number.numerator) }
            return .fractional(whole: number.isWhole ? String(number.numerator) : nil)
        case .empty: return .empty
        case .grouped(let digits, _): return digits.hasPrefix("-") ? .negative : .separators(plain: digits)
        case .decimalSeparators(let plain):
            if plain.hasPrefix("-") { return .negative }
            let parts = plain.split(separator: ".")
            return .fractional(whole: parts[1].allSatisfy { $0 == "0" } ? String(parts[0]) : nil)
        case .otherNotation(let plain): return plain.hasPrefix("-") ? .negative : .otherNotation(plain: plain)
        case .outOfRange: return .tooLarge
        case .tooPrecise: return .fractional(whole: nil)
        case .malformed, .notANumber: return .notANumber
        }
    }
}
