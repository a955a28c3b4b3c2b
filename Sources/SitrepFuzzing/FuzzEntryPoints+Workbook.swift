import SitrepContent
import SitrepDiagnostics

extension FuzzEntryPoints {
    /// The workbook reader and the table built from it. An input that starts as a zip file does
    /// (`PK`) is read as a whole workbook; any other is taken as the XML of its one sheet, in a
    /// workbook that also has shared strings and a date style, so that the fuzzer spends its
    /// time in the sheet's cells rather than in the zip container. Either a table whose every
    /// row has one cell per column and no negative count, or located diagnostics, each naming
    /// the file (and the sheet and cell where there is one).
    public static func workbook(_ bytes: [UInt8]) {
        let workbook: [UInt8]
        if bytes.starts(with: [0x50, 0x4B]) {
            workbook = bytes
        } else {
            do {
                workbook = try WorkbookWriter.workbook(
                    sheet: "Fuzz", sheetXML: String(decoding: bytes, as: UTF8.self),
                    sharedStringsXML: "<sst xmlns=\"\(spreadsheetML)\"><si><t>region</t></si><si><t>count</t></si>"
                        + "<si><r><t>North</t></r><r><t> East</t></r></si><si><t>12</t></si></sst>",
                    stylesXML: "<styleSheet xmlns=\"\(spreadsheetML)\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                        + "formatCode=\"dd/mm/yyyy hh:mm\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/>"
                        + "<xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs></styleSheet>")
            } catch {
                return require(false, "the fuzz workbook could not be written: \(error)")
            }
        }
        do {
            let sheet = try WorkbookReader.read(workbook, file: "fuzz.xlsx")
            require(!sheet.header.isEmpty, "a table without columns")
            for row in sheet.rows { require(row.count == sheet.header.count, "a row with \(row.count) cells passed") }
            let table = try Table(name: "fuzz", source: sheet)
            for row in table.rows {
                require(row.value >= 0, "a negative count passed")
                require(table.location(of: row).place?.hasPrefix("sheet '") ?? false, "a row without its sheet")
            }
        } catch {
            checkLocated(error)
            for diagnostic in error.diagnostics where diagnostic.location != nil {
                require(diagnostic.location?.file == "fuzz.xlsx", "a diagnostic for another file")
            }
        }
    }

    private static let spreadsheetML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
}
