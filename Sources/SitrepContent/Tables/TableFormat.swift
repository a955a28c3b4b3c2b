import SitrepDiagnostics

/// A kind of file that holds a table, and its reader. ``TableFormat/all`` is the one place that
/// says which files of a period folder are tables and how each is read: loading a report
/// (``Project/loadReport(series:folder:)``) and starting a period (`sitrep new`) both ask
/// ``TableFiles``, which asks this list. A new format is one more entry: a reader that turns the
/// file's bytes into a ``TableSource`` (``Table`` checks the cells), and the file a new period
/// starts from.
public struct TableFormat: Sendable {
    /// The end of the file names in this format, lowercase, with its dot: `.csv`. A name ending
    /// so in any case (`Arrivals.CSV`) is a table; the rest of the name is the table's.
    public let suffix: String
    /// Reads a file (its bytes and display path) into a checked table called `name`, as series.yml
    /// declares it: the reader starts at the declared header row (``TableLayout/headerRow``), in
    /// the declared sheet of a workbook, and ``Table/init(name:source:declaration:)`` does the rest.
    let readTable: @Sendable (_ bytes: [UInt8], _ file: String, _ name: String,
                              _ declaration: SeriesConfig.TableDeclaration) throws(DiagnosticError) -> Table
    /// The file a per-period table starts from in a new period: the header without the rows
    /// (and the rows above it, down to the declared header row, and a row of HXL hashtags below
    /// it). The file is read first, so that a broken table is reported rather than copied.
    let headerOnly: @Sendable (_ bytes: [UInt8], _ file: String,
                               _ declaration: SeriesConfig.TableDeclaration) throws(DiagnosticError) -> [UInt8]

    /// Comma- or semicolon-separated values (``CSVReader``).
    public static let csv = TableFormat(
        suffix: ".csv",
        readTable: { bytes, file, name, declaration throws(DiagnosticError) in
            try refuseSheet(of: declaration, file: file)
            return try Table(name: name, source: CSVReader.read(bytes, file: file, headerRow: declaration.layout.headerRow),
                             declaration: declaration)
        },
        headerOnly: { bytes, file, declaration throws(DiagnosticError) in
            try refuseSheet(of: declaration, file: file)
            return try CSVReader.headerOnly(bytes, file: file, headerRow: declaration.layout.headerRow)
        })

    /// A file with no sheets, read as a table declared with `sheet:`: the declaration says the
    /// table is in a workbook, so reading the file anyway could publish another table's figures.
    private static func refuseSheet(of declaration: SeriesConfig.TableDeclaration, file: String) throws(DiagnosticError) {
        guard let sheet = declaration.sheet else { return }
        let fileName = file.split(separator: "/").last.map(String.init) ?? file
        throw DiagnosticError(Diagnostic(
            at: sheet.location,
            "the table is declared in sheet '\(sheet.name)', but \(file) is a CSV file, which has no sheets",
            hint: "remove `sheet: \(sheet.name)` from the table's declaration in series.yml, or give the table as an Excel "
                + "workbook (\(fileName.dropLast(4)).xlsx) whose sheet '\(sheet.name)' holds it"))
    }

    /// Excel workbooks (``WorkbookReader``): one sheet holds the table.
    public static let xlsx = TableFormat(
        suffix: ".xlsx",
        readTable: { bytes, file, name, declaration throws(DiagnosticError) in
            let sheet = try WorkbookReader.read(bytes, file: file, sheet: declaration.sheet?.name, valueColumn: declaration.valueColumn,
                                                headerRow: declaration.layout.headerRow)
            return try Table(name: name, source: sheet, declaration: declaration)
        },
        headerOnly: { bytes, file, declaration throws(DiagnosticError) in
            try WorkbookReader.headerOnly(bytes, file: file, sheet: declaration.sheet?.name, valueColumn: declaration.valueColumn,
                                          headerRow: declaration.layout.headerRow)
        })

    /// Every format sitrep reads.
    public static let all: [TableFormat] = [.csv, .xlsx]

    /// The format of the file called `fileName` and the name of the table it holds
    /// (`arrivals.csv` → `arrivals`); nil when the file is not a table.
    /// Excel's lock files (`~$arrivals.xlsx`, there while the workbook is open) are not tables.
    public static func reader(forFileNamed fileName: String) -> (table: String, format: TableFormat)? {
        if fileName.hasPrefix("~$") { return nil }
        let utf8 = fileName.utf8
        for format in all where utf8.count > format.suffix.utf8.count {
            let end = utf8.index(utf8.endIndex, offsetBy: -format.suffix.utf8.count)
            if utf8[end...].elementsEqual(format.suffix.utf8, by: { Self.lowercased($0) == $1 }) {
                return (String(fileName[..<end]), format)
            }
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 0x20 : byte
    }
}
