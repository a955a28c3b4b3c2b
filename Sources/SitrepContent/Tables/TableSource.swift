import SitrepDiagnostics

/// A table as its reader found it, before it is checked: a header of column names and rows of
/// cells, all text, each able to say where it is in the file. ``Table/init(name:source:valueColumn:totals:)``
/// checks the cells (counts, names, duplicates) whatever the format; a reader only reads.
///
/// A reader guarantees what only it can check: the header has at least one name, no name is
/// empty, repeated or holds an invisible character, every row has one cell per name, and no cell
/// holds an invisible character (``CSVValueText/firstInvisible(in:)``).
public protocol TableSource: Sendable {
    /// The display path of the file, for diagnostics.
    var file: String { get }
    /// The column names, in order.
    var header: [String] { get }
    /// The number of rows below the header.
    var rowCount: Int { get }
    /// The text of the cell in `column` (0-based, as in ``header``) of row `row` (0-based).
    func cell(row: Int, column: Int) -> String
    /// The cell as a dimension value: ``CSVValueText/normalisedKey(_:)`` of its text.
    func key(row: Int, column: Int) -> String
    /// The cell's count when it is plain digits (blanks around allowed), as ``Table`` reads
    /// it; nil for anything else, which ``Table`` then reads from the text.
    func plainCount(row: Int, column: Int) -> Int?
    /// Where row `row` is in the file, 1-based: its line in a text file such as CSV. Kept by
    /// each ``Table/Row`` as its ``Table/Row/position``.
    func position(ofRow row: Int) -> Int
    /// The position of the header, as ``position(ofRow:)`` gives those of the rows.
    var headerPosition: Int { get }
    /// How messages name the rows once the table is read (``Table/location(of:)``): lines
    /// unless the reader says otherwise (a workbook's rows, `sheet 'Arrivals', row 7`).
    var rowPlaces: TableRowPlaces { get }
    /// How a message names row `row` when it points back to it: "line 4".
    func describe(row: Int) -> String
    /// Where a cell is, for a message: `row` nil for the header, `column` nil for the row as a
    /// whole. Only called for problems, so a reader may compute it then.
    func location(ofRow row: Int?, column: Int?) -> CellLocation
    /// How a message names the column of a cell: its header name, unless the table was
    /// reshaped (a wide table's values are each in a column of their own, ``WideTableSource``).
    func columnName(row: Int, column: Int) -> String
}

extension TableSource {
    public func columnName(row: Int, column: Int) -> String { header[column] }

    public func key(row: Int, column: Int) -> String { CSVValueText.normalisedKey(cell(row: row, column: column)) }

    public func plainCount(row: Int, column: Int) -> Int? { nil }
}

/// Where a cell of a table is, as a message shows it, and the text to quote under the message.
/// A CSV cell is at a line and a character column (`arrivals.csv:7:3`).
public struct CellLocation: Sendable, Hashable {
    /// The place, as `file:line:column`.
    public var location: SourceLocation
    /// The text of the line the cell is on, without its line end; nil when there is none.
    public var sourceLine: String?

    public init(_ location: SourceLocation, sourceLine: String?) {
        self.location = location
        self.sourceLine = sourceLine
    }
}
