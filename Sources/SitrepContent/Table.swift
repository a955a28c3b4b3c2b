import SitrepDiagnostics

/// A long-format data table: dimension columns plus one integer value column.
///
/// Each row gives the value for one combination of dimension values (`region=North,
/// month=2024-01 → 12`); every combination appears at most once. A table without dimension
/// columns holds a single total. Tables are read from files in any of the ``TableFormat``s.
public struct Table: Sendable, Equatable {
    /// One row: the dimension values in ``Table/dimensions`` order, and the value.
    public struct Row: Sendable, Equatable {
        /// The dimension values, one per dimension column, in header order.
        public var keys: [String]
        /// The value: a whole number, zero or more.
        public var value: Int
        /// Where the row is in its file, 1-based: the line of a CSV file where the row starts
        /// (``TableSource/position(ofRow:)``). ``Table/location(of:)`` makes it a location.
        public var position: Int

        /// A row built in code.
        public init(keys: [String], value: Int, position: Int) {
            self.keys = keys
            self.value = value
            self.position = position
        }
    }

    /// The table's name, e.g. "arrivals" (the file name without its suffix, `.csv`).
    public var name: String
    /// The display path of the file, for diagnostics.
    public var file: String
    /// The dimension column names, in header order, the value column left out.
    public private(set) var dimensions: [String]
    /// The name of the value column.
    public var valueColumn: String
    /// The rows, in file order. Set once: ``valueNumbers(ofDimension:)`` describes them.
    public private(set) var rows: [Row]
    /// Where the header is in the file, as ``Row/position`` for the rows: for problems with the
    /// table as a whole.
    public var headerPosition: Int
    /// The totals rows of the file (`Total,228`), kept apart from ``rows``.
    public var statedTotals: [StatedTotal] = []
    /// The HXL hashtags of the file's columns, when it has a row of them (``HXLRow``).
    public var hxlColumns: [HXLColumn] = []
    /// How messages name the rows and the header: lines of a CSV file, rows of a sheet.
    public var rowPlaces: TableRowPlaces
    /// For each dimension, the number of each row's value among the column's values, when the
    /// table was read from a file (see ``valueNumbers(ofDimension:)``); nil for one built in code.
    private var valueIndex: [ValueNumbers]?

    /// Each row's value of one dimension as a number: equal values (as Strings compare) get the
    /// same number, from 0 to `count - 1`.
    public struct ValueNumbers: Sendable {
        /// For each row, in order, the number of its value.
        public var ofRow: [Int]
        /// How many numbers there are (some may belong to rows left out, such as totals rows).
        public var count: Int
    }

    /// A table built in code; the rows are taken as they are, without checks.
    public init(name: String, file: String, dimensions: [String], valueColumn: String = "count", rows: [Row],
                headerPosition: Int = 1, rowPlaces: TableRowPlaces = .lines) {
        self.name = name
        self.file = file
        self.dimensions = dimensions
        self.valueColumn = valueColumn
        self.rows = rows
        self.headerPosition = headerPosition
        self.rowPlaces = rowPlaces
    }

    /// Builds a table from what a reader found in its file (``TableFormat`` picks the reader).
    /// `valueColumn` defaults to "count".
    ///
    /// Checks that the value column exists, that there is at least one row, that every value
    /// is a whole number of zero or more written with ASCII digits only (spaces around it
    /// allowed; read by ``NumberText``, as stated figures are), that no dimension value is empty,
    /// that no combination of dimension values appears twice, that no dimension column or value
    /// is named like a derived figure (see ``FigureWord/reserved``). A row labelled with one of
    /// the `totals` words (`Total`, see ``TotalsWords``) is a totals row: kept in
    /// ``statedTotals``, not in ``rows``. Dimension values are keys: spaces around them are dropped (quoted too) and
    /// no-break spaces made plain (``CSVValueText/normalisedKey(_:)``). Every problem in the file
    /// is reported, in one error.
    public init<Source: TableSource>(name: String, source: Source, valueColumn: String = "count",
                                     totals: TotalsWords = .standard) throws(DiagnosticError) {
        var checker = TableChecker(source: source, valueColumn: valueColumn, names: TableNames(table: name, totals: totals))
        let (dimensions, rows, valueIndex) = try checker.check()
        self.init(name: name, file: source.file, dimensions: dimensions, valueColumn: valueColumn, rows: rows,
                  headerPosition: source.headerPosition, rowPlaces: source.rowPlaces)
        statedTotals = checker.statedTotals
        self.valueIndex = valueIndex
    }

    /// The rows' values of the dimension at `dimension` as numbers, for grouping rows without
    /// hashing their values again: known when the table was read from a file, whose checks
    /// met every value; nil for a table built in code.
    public func valueNumbers(ofDimension dimension: Int) -> ValueNumbers? {
        valueIndex?[dimension]
    }

    /// Tables are equal when what they hold is: how their values were numbered is left out.
    public static func == (left: Table, right: Table) -> Bool {
        left.name == right.name && left.file == right.file && left.dimensions == right.dimensions
            && left.valueColumn == right.valueColumn && left.rows == right.rows && left.headerPosition == right.headerPosition
            && left.statedTotals == right.statedTotals && left.hxlColumns == right.hxlColumns && left.rowPlaces == right.rowPlaces
    }

    /// Where `row` is, for a message about the row as a whole: `file:line`, or
    /// `file: sheet 'Arrivals', row 7` in a workbook.
    public func location(of row: Row) -> SourceLocation {
        rowPlaces.location(file: file, position: row.position)
    }

    /// Where the header is, for a message about the table as a whole: `file:line`, or
    /// `file: sheet 'Arrivals', row 1` in a workbook.
    public var headerLocation: SourceLocation {
        rowPlaces.location(file: file, position: headerPosition)
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

    /// The count written in these UTF-8 bytes when ``parse(_:)`` reads them as a plain whole
    /// number; nil for anything else (``parse(_:)`` says what).
    static func plainValue(_ utf8: some Collection<UInt8>) -> Int? {
        guard case .number(let number, decimals: 0)? = NumberText.wholeNumber(utf8) else { return nil }
        return number.numerator
    }

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
