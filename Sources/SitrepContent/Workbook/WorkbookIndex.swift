import Foundation
import SitrepDiagnostics

/// What a workbook holds besides its sheets' cells: the sheets by name and where each is, the
/// shared strings, which cell styles show dates, and the date system. Read from
/// `_rels/.rels`, `xl/workbook.xml` and the parts its relationships name.
struct WorkbookIndex {
    /// One sheet, in the order of the workbook's tabs.
    struct Sheet {
        var name: String
        /// The part holding its cells; nil when the workbook does not say.
        var path: String?
        var hidden: Bool
        /// A chart sheet (or an old dialog or macro sheet) holds no cells.
        var isWorksheet: Bool
    }

    var sheets: [Sheet] = []
    var sharedStrings: [String] = []
    /// For each cell style (a cell's `s`), how a number in it is shown.
    var styles: [WorkbookNumberFormat.Kind] = []
    /// Dates count from 1904 (old Mac workbooks) rather than 1900.
    var date1904 = false

    /// Reads the index of the workbook in `archive`.
    init(_ archive: inout WorkbookArchive) throws(DiagnosticError) {
        let file = archive.file
        let rootRelations = try Self.relationships(of: "", in: &archive)
        let workbookPath = rootRelations.values.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = try archive.part(workbookPath) else {
            throw DiagnosticError(WorkbookArchive.damaged(file: file, detail: "it has no \(workbookPath), so it is not an Excel workbook"))
        }
        let reader = SheetListHandler()
        try WorkbookXML.read(workbook, path: workbookPath, file: file, place: nil, into: reader)
        date1904 = reader.date1904
        let relations = try Self.relationships(of: workbookPath, in: &archive)
        sheets = reader.sheets.map { sheet in
            let relation = sheet.relation.flatMap { relations[$0] }
            return Sheet(name: sheet.name, path: relation?.target, hidden: sheet.hidden,
                         isWorksheet: relation.map { $0.type.hasSuffix("/worksheet") } ?? true)
        }
        let folder = Self.folder(of: workbookPath)
        let strings = relations.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? folder + "sharedStrings.xml"
        if let data = try archive.part(strings) {
            let handler = SharedStringsHandler()
            try WorkbookXML.read(data, path: strings, file: file, place: nil, into: handler)
            sharedStrings = handler.strings
        }
        let stylesPath = relations.values.first { $0.type.hasSuffix("/styles") }?.target ?? folder + "styles.xml"
        if let data = try archive.part(stylesPath) {
            let handler = StylesHandler()
            try WorkbookXML.read(data, path: stylesPath, file: file, place: nil, into: handler)
            styles = handler.cellFormats.map { WorkbookNumberFormat.kind(id: $0, custom: handler.customFormats) }
        }
    }

    // MARK: Relationships

    private struct Relation {
        var type: String
        /// The part it points to, as a path from the root of the archive.
        var target: String
    }

    /// The relationships of the part at `source` (`""` for the package itself), by id.
    private static func relationships(of source: String, in archive: inout WorkbookArchive) throws(DiagnosticError) -> [String: Relation] {
        let folder = folder(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        let path = folder + "_rels/" + name + ".rels"
        guard let data = try archive.part(path) else { return [:] }
        let handler = RelationshipsHandler()
        try WorkbookXML.read(data, path: path, file: archive.file, place: nil, into: handler)
        var relations: [String: Relation] = [:]
        for entry in handler.entries where entry.external == false {
            relations[entry.id] = Relation(type: entry.type, target: resolve(entry.target, from: folder))
        }
        return relations
    }

    /// The folder of a part, with its closing `/`; `""` at the root.
    private static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[...slash])
    }

    /// `target` as a path from the root: relative to `folder` unless it starts with `/`.
    private static func resolve(_ target: String, from folder: String) -> String {
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : folder + target
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }
}

// MARK: Part readers

/// `xl/workbook.xml`: the sheets and the date system.
private final class SheetListHandler: WorkbookXMLHandler {
    var sheets: [(name: String, relation: String?, hidden: Bool)] = []
    var date1904 = false
    let stop = false

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "sheet":
            let state = attributes["state"] ?? "visible"
            sheets.append((attributes["name"] ?? "", WorkbookXML.attribute("id", in: attributes), state != "visible"))
        case "workbookPr":
            date1904 = WorkbookCellText.isTrue(attributes["date1904"])
        default: break
        }
    }
    func text(_ text: String) {}
    func end(_ element: String) {}
}

/// A `.rels` part.
private final class RelationshipsHandler: WorkbookXMLHandler {
    var entries: [(id: String, type: String, target: String, external: Bool)] = []
    let stop = false

    func start(_ element: String, _ attributes: [String: String]) {
        guard element == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        entries.append((id, attributes["Type"] ?? "", target, attributes["TargetMode"] == "External"))
    }
    func text(_ text: String) {}
    func end(_ element: String) {}
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic guides left out.
private final class SharedStringsHandler: WorkbookXMLHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false
    let stop = false

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }
    func text(_ text: String) { if inText { current += text } }
    func end(_ element: String) {
        switch element {
        case "si": strings.append(WorkbookCellText.unescaped(current))
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }
}

/// `xl/styles.xml`: the number format of each cell style, and the workbook's own formats.
private final class StylesHandler: WorkbookXMLHandler {
    var cellFormats: [Int] = []
    var customFormats: [Int: String] = [:]
    private var inCellFormats = false
    let stop = false

    func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func text(_ text: String) {}
    func end(_ element: String) { if element == "cellXfs" { inCellFormats = false } }
}
