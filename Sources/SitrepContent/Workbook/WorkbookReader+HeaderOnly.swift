import SitrepDiagnostics

/// A per-period table's copy in a new period (`sitrep new`): a workbook with the header only.
extension WorkbookReader {
    /// A new workbook with one sheet, named as the table's sheet, holding the table's header row
    /// in the same cells (so that `sheet:`, `header_row:` and every address in a message stay the
    /// same), and the row of HXL hashtags below it when the table has one. The workbook is read
    /// first so that a broken table is reported now rather than copied.
    static func headerOnly(_ bytes: [UInt8], file: String, sheet: String?, valueColumn: String,
                           headerRow: Int = 1) throws(DiagnosticError) -> [UInt8] {
        let table = try read(bytes, file: file, sheet: sheet, valueColumn: valueColumn, headerRow: headerRow)
        var rows = [(number: table.headerRow, cells: table.header)]
        if HXLRow(table) != nil {
            rows.append((table.position(ofRow: 0), table.header.indices.map { table.cell(row: 0, column: $0) }))
        }
        var rowsXML = ""
        for row in rows {
            rowsXML += "<row r=\"\(row.number)\">"
            for (position, text) in row.cells.enumerated() where !text.isEmpty {
                let address = CellAddress.name(row: row.number, column: table.firstColumn + position)
                rowsXML += "<c r=\"\(address)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(WorkbookWriter.escaped(text))</t></is></c>"
            }
            rowsXML += "</row>"
        }
        let sheetXML = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>\(rowsXML)</sheetData></worksheet>"
        do {
            return try WorkbookWriter.workbook(sheet: table.sheet, sheetXML: sheetXML)
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "cannot make the new period's workbook: \(error)"))
        }
    }
}
