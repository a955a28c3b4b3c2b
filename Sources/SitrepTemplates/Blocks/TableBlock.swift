import SitrepContent
import SitrepDiagnostics
import SitrepFigures

/// A ```` ```sitrep-table ```` block: which table to show and how. Written as YAML:
///
///     table: avrr
///     rows: country
///     columns: sex        # optional
///     sort: total desc    # total asc, name asc, name desc, data
///     top: 10             # optional: the rest become one "Other" row
///     share: true         # optional: a share column
///     caption: AVRR beneficiaries by country of origin and sex
public struct TableBlock: Sendable {
    public enum Sort: String, Sendable, CaseIterable {
        case totalDescending = "total desc"
        case totalAscending = "total asc"
        case nameAscending = "name asc"
        case nameDescending = "name desc"
        case data
    }

    public var table: String
    public var rows: String
    public var columns: String?
    public var sort: Sort = .totalDescending
    public var top: Int?
    public var share = false
    public var caption: String?

    static let keys = ["table", "rows", "columns", "sort", "top", "share", "caption"]

    /// Reads the block's YAML; `lineOffset` turns its lines into lines of the file.
    /// A block already read in an earlier report is not read again (`ParsedBlocks`).
    public init(yaml text: String, file: String, lineOffset: Int) throws(DiagnosticError) {
        self = try Self.parsed.block(yaml: text, file: file, lineOffset: lineOffset) { () throws(DiagnosticError) in
            try TableBlock(reading: text, file: file, lineOffset: lineOffset)
        } relocated: { block, file in
            var block = block
            block.tableLocation.file = file
            block.rowsLocation.file = file
            block.columnsLocation?.file = file
            return block
        }
    }

    private static let parsed = ParsedBlocks<TableBlock>()

    private init(reading text: String, file: String, lineOffset: Int) throws(DiagnosticError) {
        let yaml = try YAMLNode.parse(text, file: file, lineOffset: lineOffset)
        try yaml.checkKeys(Self.keys, in: "a sitrep-table block")
        guard let tableNode = yaml["table"], let rowsNode = yaml["rows"] else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: lineOffset), "a sitrep-table block needs `table:` and `rows:`",
                hint: "e.g.\ntable: avrr\nrows: country"))
        }
        table = try tableNode.text("table")
        rows = try rowsNode.text("rows")
        columns = try yaml["columns"]?.text("columns")
        caption = try yaml["caption"]?.text("caption")
        if let node = yaml["sort"] {
            let text = try node.text("sort")
            guard let value = Sort(rawValue: text) else {
                throw DiagnosticError(Diagnostic(at: node.location, "sort cannot be '\(text)'",
                                                 hint: "use one of: \(Sort.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
            sort = value
        }
        top = try yaml["top"]?.topCount()
        share = try yaml["share"]?.flag("share") ?? false
        tableLocation = tableNode.location
        rowsLocation = rowsNode.location
        columnsLocation = yaml["columns"]?.location
    }

    private(set) var tableLocation: SourceLocation
    private(set) var rowsLocation: SourceLocation
    private(set) var columnsLocation: SourceLocation?
}
