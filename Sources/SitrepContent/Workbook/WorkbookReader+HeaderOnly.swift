import Foundation
import SitrepDiagnostics
import ZIPFoundation

/// A per-period table's copy in a new period (`sitrep new`): a workbook with the header only.
extension WorkbookReader {
    /// A new workbook with one sheet, named as the table's sheet, holding the table's header row
    /// in the same cells (so that `sheet:` and every address in a message stay the same). The
    /// workbook is read first so that a broken table is reported now rather than copied. The
    /// bytes are the same on every machine: entries are stored, not compressed, with a fixed date.
    static func headerOnly(_ bytes: [UInt8], file: String, sheet: String?, valueColumn: String) throws(DiagnosticError) -> [UInt8] {
        let table = try read(bytes, file: file, sheet: sheet, valueColumn: valueColumn)
        var cells = ""
        for (position, name) in table.header.enumerated() {
            let address = CellAddress.name(row: table.headerRow, column: table.firstColumn + position)
            cells += "<c r=\"\(address)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(name))</t></is></c>"
        }
        let parts: [(String, String)] = [
            ("[Content_Types].xml", """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                </Types>
                """),
            ("_rels/.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """),
            ("xl/workbook.xml", """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="\(escaped(table.sheet))" sheetId="1" r:id="rId1"/></sheets></workbook>
                """),
            ("xl/_rels/workbook.xml.rels", """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                </Relationships>
                """),
            ("xl/worksheets/sheet1.xml", """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetData><row r="\(table.headerRow)">\(cells)</row></sheetData></worksheet>
                """),
        ]
        do {
            let archive = try Archive(accessMode: .create)
            for (path, text) in parts {
                let data = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + text).utf8)
                try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                     compressionMethod: .none) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
            return [UInt8](data)
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: file), "cannot make the new period's workbook: \(error)"))
        }
    }

    /// 1 January 2000, noon: zip dates have no time zone, so noon stays that day everywhere.
    private static let fixedDate = Date(timeIntervalSince1970: 946_728_000)

    /// `text` escaped for XML text and attribute values.
    private static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
