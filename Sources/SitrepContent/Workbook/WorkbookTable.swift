import SitrepDiagnostics

/// One sheet of a workbook as a table, read by ``WorkbookReader``: the header row and the rows
/// below it, over the columns the header names. Cells are named by sheet and address in
/// messages (`arrivals.xlsx: sheet 'Arrivals', cell C7`).
public struct WorkbookTable: TableSource {
    public let file: String
    /// The name of the sheet, as its tab shows it.
    public let sheet: String
    /// The column names, from the header row, trimmed of spaces and tabs.
    public let header: [String]
    /// The row of the header, 1-based, as Excel numbers it.
    public let headerRow: Int
    /// The column of the first name of the header, 0-based (A is 0).
    public let firstColumn: Int
    /// The cells, row after row, `header.count` to a row.
    let values: [String]
    /// The row number of each row, as Excel numbers it.
    let rowNumbers: [Int]

    init(file: String, sheet: String, header: [String], headerRow: Int, firstColumn: Int, values: [String], rowNumbers: [Int]) {
        self.file = file
        self.sheet = sheet
        self.header = header
        self.headerRow = headerRow
        self.firstColumn = firstColumn
        self.values = values
        self.rowNumbers = rowNumbers
    }

    /// The rows as they were read, each a list of cells in header order: a view for tests and
    /// the fuzzer; a table reads the cells through ``TableSource``.
    public var rows: [[String]] {
        (0..<rowCount).map { Array(values[$0 * header.count..<($0 + 1) * header.count]) }
    }

    // MARK: TableSource

    public var rowCount: Int { rowNumbers.count }

    public func cell(row: Int, column: Int) -> String { values[row * header.count + column] }

    public func position(ofRow row: Int) -> Int { rowNumbers[row] }

    public var headerPosition: Int { headerRow }

    public var rowPlaces: TableRowPlaces { .sheetRows(sheet: sheet) }

    public func describe(row: Int) -> String { "row \(rowNumbers[row])" }

    public func location(ofRow row: Int?, column: Int?) -> CellLocation {
        let number = row.map { rowNumbers[$0] } ?? headerRow
        let place: String
        if let column {
            place = WorkbookTable.place(sheet: sheet, cell: CellAddress.name(row: number, column: firstColumn + column))
        } else {
            place = rowPlaces.place(ofRow: number)
        }
        return CellLocation(SourceLocation(file: file, place: place), sourceLine: nil)
    }

    /// `sheet 'Arrivals', cell C7`.
    static func place(sheet: String, cell: String) -> String { "sheet '\(sheet)', cell \(cell)" }
}
