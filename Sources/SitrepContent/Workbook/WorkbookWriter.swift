import Foundation
import ZIPFoundation

/// Writes the smallest workbook Excel opens: one sheet, given as its XML, with optional shared
/// strings and styles parts. `sitrep new` starts a period's workbook with it, and the fuzzer
/// wraps its inputs in it. The bytes are the same on every machine: the entries are stored, not
/// compressed, with a fixed date (which ZIPFoundation writes in UTC).
public enum WorkbookWriter {
    /// A workbook whose one sheet, named `sheet`, holds `sheetXML` (a `<worksheet>` document).
    public static func workbook(sheet: String, sheetXML: String, sharedStringsXML: String? = nil,
                                stylesXML: String? = nil) throws -> [UInt8] {
        let type = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var overrides = "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(type).sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"\(type).worksheet+xml\"/>"
        var relations = "<Relationship Id=\"rId1\" Type=\"\(relation)/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        var parts: [(String, String)] = []
        if let sharedStringsXML {
            overrides += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(type).sharedStrings+xml\"/>"
            relations += "<Relationship Id=\"rId2\" Type=\"\(relation)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts.append(("xl/sharedStrings.xml", sharedStringsXML))
        }
        if let stylesXML {
            overrides += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(type).styles+xml\"/>"
            relations += "<Relationship Id=\"rId3\" Type=\"\(relation)/styles\" Target=\"styles.xml\"/>"
            parts.append(("xl/styles.xml", stylesXML))
        }
        let package = "http://schemas.openxmlformats.org/package/2006"
        parts = [
            ("[Content_Types].xml", "<Types xmlns=\"\(package)/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>\(overrides)</Types>"),
            ("_rels/.rels", "<Relationships xmlns=\"\(package)/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"\(relation)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(relation)\">"
                + "<sheets><sheet name=\"\(escaped(sheet))\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"\(package)/relationships\">\(relations)</Relationships>"),
            ("xl/worksheets/sheet1.xml", sheetXML),
        ] + parts
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
    }

    /// 1 January 2000, noon.
    private static let fixedDate = Date(timeIntervalSince1970: 946_728_000)

    /// `text` escaped for XML text and attribute values.
    static func escaped(_ text: String) -> String {
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
