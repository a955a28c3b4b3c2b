import SitrepDiagnostics

/// Makes a ``WorkbookTable`` of a sheet's cells, checking what only the workbook shows.
///
/// - The header is the first row with a cell that is not blank; the table's columns run from its
///   first name to its last, and blank rows anywhere (empty trailing rows too) are skipped, as a
///   CSV file's blank lines are.
/// - Every column between the first name and the last needs a name; names are different and hold
///   no invisible character. A merged cell in the header row is refused: each column needs its
///   own name.
/// - Below the header, a cell merged down one column (a region written once beside its rows)
///   gives its value to every row of the merge that holds data. Merged cells across columns, or
///   in the value column, are refused: a count belongs to one row.
/// - A cell with a value outside the header's columns, an error value (`#DIV/0!`), a formula
///   without its saved value or an invisible character is a located error.
struct SheetTableBuilder {
    let file: String
    let sheet: String
    let valueColumn: String
    private var problems: CSVProblemList

    init(file: String, sheet: String, valueColumn: String) {
        self.file = file
        self.sheet = sheet
        self.valueColumn = valueColumn
        self.problems = CSVProblemList(file: file)
    }

    mutating func build(cells unordered: [SheetCell], merges: [CellRange]) throws(DiagnosticError) -> WorkbookTable {
        var cells = unordered
        if !zip(cells, cells.dropFirst()).allSatisfy({ ($0.row, $0.column) < ($1.row, $1.column) }) {
            cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
        }
        guard let headerRow = cells.first(where: { !Self.isBlank($0.text) || $0.problem != nil })?.row else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, place: "sheet '\(sheet)'"), "the sheet is empty: there is no header",
                hint: "a table starts with a header row naming its columns, such as region and count, "
                    + "followed by one row for each row of data"))
        }
        // Cells above the header hold only spaces (the header is the first row with text).
        let headerStart = cells.firstIndex { $0.row == headerRow } ?? cells.startIndex
        let headerCells = cells[headerStart...].prefix { $0.row == headerRow }
        let named = headerCells.filter { !Self.isBlank($0.text) }
        let firstColumn = named.first?.column ?? headerCells.first?.column ?? 1
        let lastColumn = named.last?.column ?? firstColumn
        var header = [String](repeating: "", count: lastColumn - firstColumn + 1)
        for cell in headerCells {
            if let problem = cell.problem { report(problem.message, problem.hint, row: cell.row, column: cell.column) }
            if (firstColumn...lastColumn).contains(cell.column) { header[cell.column - firstColumn] = String(cell.text.trimmingSpaces()) }
        }
        checkHeader(header, row: headerRow, firstColumn: firstColumn, merges: merges)
        if let error = problems.error() { throw error }

        let valueIndex = header.firstIndex(of: valueColumn).map { $0 + firstColumn }
        let fills = mergedFills(merges, below: headerRow, in: firstColumn...lastColumn, valueColumn: valueIndex, cells: cells)
        var values: [String] = []
        var rowNumbers: [Int] = []
        var start = headerCells.endIndex
        while start < cells.count {
            let row = cells[start].row
            var end = start
            var rowValues = [String](repeating: "", count: header.count)
            var hasData = false
            while end < cells.count, cells[end].row == row {
                let cell = cells[end]
                end += 1
                if let problem = cell.problem {
                    report(problem.message, problem.hint, row: row, column: cell.column)
                } else if !(firstColumn...lastColumn).contains(cell.column) {
                    if !Self.isBlank(cell.text) {
                        let letters = CellAddress.letters(cell.column)
                        report("the cell holds a value, but its column has no name in the header (row \(headerRow))",
                               "write a name for column \(letters) in cell \(letters)\(headerRow), or move the value "
                                + "out of the table (notes belong in another sheet)", row: row, column: cell.column)
                    }
                } else {
                    rowValues[cell.column - firstColumn] = cell.text
                    if !Self.isBlank(cell.text) { hasData = true }
                }
            }
            start = end
            guard hasData else { continue }
            for (position, value) in rowValues.enumerated() {
                if value.isEmpty, let fill = fills[position + firstColumn]?.first(where: { $0.rows.contains(row) }) {
                    rowValues[position] = fill.text
                } else if let hidden = CSVValueText.firstInvisible(in: value) {
                    report("the cell holds an invisible character, \(CSVValueText.describe(hidden.scalar))",
                           "retype the cell's value (the character often comes with text copied from a web page or a PDF): "
                            + "two values that look the same must be written the same", row: row, column: position + firstColumn)
                }
            }
            values += rowValues
            rowNumbers.append(row)
        }
        if let error = problems.error() { throw error }
        return WorkbookTable(file: file, sheet: sheet, header: header, headerRow: headerRow, firstColumn: firstColumn,
                             values: values, rowNumbers: rowNumbers)
    }

    // MARK: Header

    private mutating func checkHeader(_ header: [String], row: Int, firstColumn: Int, merges: [CellRange]) {
        let lastColumn = firstColumn + header.count - 1
        for merge in merges where merge.top <= row && merge.bottom >= row && merge.left <= lastColumn && merge.right >= firstColumn {
            report("the header cells \(merge.address) are merged",
                   "unmerge them (in Excel: Home > Merge & Center) and write a name for each column in row \(row)",
                   row: merge.top, column: merge.left)
        }
        var seen: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            let column = firstColumn + position
            let address = CellAddress.name(row: row, column: column)
            if name.isEmpty {
                report("the column has no name in the header",
                       "write a name for the column in cell \(address), or delete the column", row: row, column: column)
            } else if let hidden = CSVValueText.firstInvisible(in: name) {
                report("the column's name holds an invisible character, \(CSVValueText.describe(hidden.scalar))",
                       "retype the column's name: as it is, no placeholder or table block can name it", row: row, column: column)
            } else if let first = seen[name] {
                report("the header names two columns '\(name)': cells \(CellAddress.name(row: row, column: first)) and \(address)",
                       "give each column a different name", row: row, column: column)
            } else {
                seen[name] = column
            }
        }
    }

    // MARK: Merged cells

    private struct Fill {
        var rows: ClosedRange<Int>
        var text: String
    }

    /// The values merged cells below the header give to the rows of their merge, by column;
    /// merges that cannot be read so are reported.
    private mutating func mergedFills(_ merges: [CellRange], below headerRow: Int, in columns: ClosedRange<Int>,
                                      valueColumn: Int?, cells: [SheetCell]) -> [Int: [Fill]] {
        var fills: [Int: [Fill]] = [:]
        for merge in merges where merge.top > headerRow && merge.left <= columns.upperBound && merge.right >= columns.lowerBound {
            if merge.left != merge.right {
                report("the cells \(merge.address) are merged across columns",
                       "unmerge them (in Excel: Home > Merge & Center) and write a value in each cell",
                       row: merge.top, column: merge.left)
            } else if valueColumn == nil {
                // A wide table's counts, or a value column named by its hashtag: which columns
                // hold counts is not known here, and a count copied down a merge would be counted
                // again in every row.
                report("the cells \(merge.address) are merged; merged cells are read only in a table whose value column "
                           + "('\(self.valueColumn)') is named in the header row",
                       "unmerge them (in Excel: Home > Merge & Center) and write a value in each cell",
                       row: merge.top, column: merge.left)
            } else if merge.left == valueColumn {
                report("the cells \(merge.address) of the column '\(self.valueColumn)' are merged: a count belongs to one row",
                       "unmerge them (in Excel: Home > Merge & Center) and write each row's count in its own cell",
                       row: merge.top, column: merge.left)
            } else if let first = Self.cell(row: merge.top, column: merge.left, in: cells) {
                fills[merge.left, default: []].append(Fill(rows: merge.top + 1...merge.bottom, text: first.text))
            }
        }
        return fills
    }

    /// The cell at `row` and `column` among `cells`, sorted by row and column.
    private static func cell(row: Int, column: Int, in cells: [SheetCell]) -> SheetCell? {
        var low = 0
        var high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if (cells[middle].row, cells[middle].column) < (row, column) { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].row == row && cells[low].column == column ? cells[low] : nil
    }

    // MARK: Reports

    private mutating func report(_ message: String, _ hint: String, row: Int, column: Int) {
        guard !problems.isFull else { return problems.omit() }
        let place = WorkbookTable.place(sheet: sheet, cell: CellAddress.name(row: row, column: column))
        problems.add(Diagnostic(.error, at: SourceLocation(file: file, place: place), message, hint: hint))
    }

    private static func isBlank(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }
}
