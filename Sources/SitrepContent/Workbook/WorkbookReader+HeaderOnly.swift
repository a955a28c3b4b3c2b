import SitrepDiagnostics

/// A per-period table's copy in a new period (`sitrep new`): a workbook with the header only.
extension WorkbookReader {
    /// A new workbook with one sheet, named as the table's sheet, holding the table's header row
    /// in the same cells (so that `sheet:` and every address in a message stay the same). The
    /// workbook is read first so that a broken table is reported now rather than copied.
    static func headerOnly(_ bytes: [UInt8], file: String, sheet: String?, valueColumn: String) throws(DiagnosticError) -> [UInt8] {
        let table = try read(bytes, file: file, sheet: sheet, valueColumn: valueColumn)
        var cells = ""
        for (position, name) in table.header.enumerated() {
            let address = CellAddress.name(row: table.headerRow, column: table.firstColumn + position)
            cells += "<c r=\"\(address)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(WorkbookWriter.escaped(name))</t></is></c>"
        }
        let sheetXML = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData><row r=\"\(table.headerRow)\">\(cells)</row></sheetData></worksheet>"
        do {
            return try WorkbookWriter.workbook(sheet: table.sheet, sheetXML: sheetXML)
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "cannot make the new period's workbook: \(error)"))
        }
    }
}
