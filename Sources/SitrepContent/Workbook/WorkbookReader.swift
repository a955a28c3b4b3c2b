import SitrepDiagnostics

/// Reads one sheet of an Excel workbook (`.xlsx`) into a ``WorkbookTable``.
///
/// - The sheet: the one named by `sheet` (the table's `sheet:` in series.yml; case does not
///   matter, as in Excel), or else the first sheet in the order of the tabs that is not hidden.
/// - Cells: text (shared or inline), numbers as Excel's General format shows them (15
///   significant digits), numbers stored as text as their text, the saved value of a formula,
///   `TRUE`/`FALSE`, and dates as ISO 8601: a cell whose format shows a date reads `2022-06-09`,
///   one with a time of day `2022-06-09T14:30:00`. Hidden rows and columns are read like the
///   others, as Excel's own CSV export writes them.
/// - Problems are located by sheet and cell (`arrivals.xlsx: sheet 'Arrivals', cell C7`); the
///   header, merged cells and blank rows are handled by ``SheetTableBuilder``.
/// - Limits: ``WorkbookLimits`` (the file's size, the parts' unpacked size, the rows).
///
/// The zip container is read by ZIPFoundation and the XML by Foundation's `XMLParser`.
public enum WorkbookReader {
    /// Reads the table in `bytes`, the workbook `file` (its display path). `valueColumn` is the
    /// table's value column, whose cells may not be merged; the rows above `headerRow` (title
    /// rows, as the sheet numbers them) are not read.
    public static func read(_ bytes: [UInt8], file: String, sheet: String? = nil, valueColumn: String = "count",
                            headerRow: Int = 1, limits: WorkbookLimits = .standard) throws(DiagnosticError) -> WorkbookTable {
        var archive = try WorkbookArchive(bytes, file: file, limits: limits)
        let index = try WorkbookIndex(&archive)
        let chosen = try choose(sheet, in: index, file: file)
        let place = "sheet '\(chosen.name)'"
        guard let path = chosen.path, let data = try archive.part(path) else {
            throw DiagnosticError(WorkbookArchive.damaged(file: file, detail: "the cells of the sheet '\(chosen.name)' are missing", place: place))
        }
        let cells = SheetCellsHandler(index: index, rowLimit: limits.file.rows)
        try WorkbookXML.read(data, path: path, file: file, place: place, into: cells)
        if let row = cells.rowOverLimit {
            let rows = limits.file.rows
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, place: "\(place), row \(row)"),
                "the table has more than \(rows) rows; sitrep reads tables of at most \(rows) rows",
                hint: "aggregate the rows before adding the table (a report needs totals, not records), or split it into several tables"))
        }
        var builder = SheetTableBuilder(file: file, sheet: chosen.name, valueColumn: valueColumn)
        let read = headerRow > 1 ? cells.cells.filter { $0.row >= headerRow } : cells.cells
        return try builder.build(cells: read, merges: cells.merges.filter { $0.top >= headerRow })
    }

    /// The sheet called `name`, or the first visible one.
    private static func choose(_ name: String?, in index: WorkbookIndex, file: String) throws(DiagnosticError) -> WorkbookIndex.Sheet {
        let location = SourceLocation(file: file)
        guard let name else {
            let worksheets = index.sheets.filter(\.isWorksheet)
            guard let first = worksheets.first(where: { !$0.hidden }) ?? worksheets.first else {
                throw DiagnosticError(Diagnostic(
                    at: location, "the workbook has no sheet of cells",
                    hint: "put the table in a worksheet (a chart sheet holds no cells)"))
            }
            return first
        }
        guard let sheet = index.sheets.first(where: { $0.name == name })
            ?? index.sheets.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            let names = index.sheets.map(\.name)
            let hint = Suggestions.nearest(to: name, in: names).map { "did you mean '\($0)'? " } ?? ""
            throw DiagnosticError(Diagnostic(
                at: location,
                "the workbook has no sheet '\(name)'; its sheets are " + names.map { "'\($0)'" }.joined(separator: ", "),
                hint: hint + "write the name of the sheet that holds the table after `sheet:` in the table's declaration in series.yml"))
        }
        guard sheet.isWorksheet else {
            throw DiagnosticError(Diagnostic(
                at: location, "the sheet '\(sheet.name)' is a chart, not a sheet of cells",
                hint: "name the sheet that holds the table's cells after `sheet:` in the table's declaration in series.yml"))
        }
        return sheet
    }
}
