import SitrepDiagnostics

/// How a table's file is laid out, when it is not one header row over long-format rows, as
/// `series.yml` declares it for the table (`header_row`, `names`, `ignore`, `values`). Every
/// format reads it the same way: the header row by the reader, the rest on the
/// ``TableSource`` (``Table/init(name:source:declaration:)``).
public struct TableLayout: Sendable {
    /// The row that names the columns, as a spreadsheet numbers rows (blank rows count); the
    /// rows above it (titles, notes) are skipped. 1 unless declared.
    public var headerRow = 1
    /// Whether the columns are named by their HXL hashtags (`names: hxl`) rather than by the
    /// header: `#country` names the column `country`. See ``HXLRow``.
    public var namesByTags = false
    /// Columns left out of the table (`ignore: [Total, Remarks]`), by header name or hashtag.
    public var ignored: [String] = []
    /// The value columns of a wide table and the dimension they form (`values: {sex: [Men, Women]}`).
    public var wide: WideColumns?

    public init() {}

    static let keys = ["header_row", "names", "ignore", "values"]

    /// Whether the table's columns are chosen or reshaped before it is checked.
    var reshapes: Bool { !ignored.isEmpty || wide != nil }

    /// Reads the layout keys of a table's declaration.
    init(yaml: YAMLNode) throws(DiagnosticError) {
        if let node = yaml["header_row"] {
            let text = try node.text("header_row")
            guard let row = Int(text), row >= 1, row <= 1000 else {
                throw DiagnosticError(Diagnostic(
                    at: node.location, "header_row must be a row number from 1 to 1000, not '\(text)'",
                    hint: "write the number of the row that names the columns, as the spreadsheet numbers it: "
                        + "`header_row: 3` when two title rows come before it"))
            }
            headerRow = row
        }
        if let node = yaml["names"] {
            let text = try node.text("names")
            guard text == "header" || text == "hxl" else {
                throw DiagnosticError(Diagnostic(
                    at: node.location, "names must be 'header' or 'hxl', not '\(text)'",
                    hint: "`names: hxl` names the columns by the HXL hashtags in the row below the header; "
                        + "`names: header` (the default) by the header"))
            }
            namesByTags = text == "hxl"
        }
        if let node = yaml["ignore"] { ignored = try Self.names(node, "ignore") }
        if let node = yaml["values"] { wide = try WideColumns(yaml: node) }
    }

    /// A list of column names, or one name.
    static func names(_ node: YAMLNode, _ what: String) throws(DiagnosticError) -> [String] {
        switch node.kind {
        case .scalar:
            return [try node.text(what)]
        case .sequence(let items):
            var names: [String] = []
            for item in items { names.append(try item.text(what)) }
            return names
        case .mapping:
            throw DiagnosticError(Diagnostic(at: node.location, "\(what) must be a column's name or a list of them",
                                             hint: "e.g. `\(what): [Men, Women]`"))
        }
    }
}

/// The value columns of a wide table (one column per sex, age group or month) and the dimension
/// they are values of: `values: {sex: [Men, Women]}` reads a row `Minsk, 12, 15` of the columns
/// `region, Men, Women` as the rows `Minsk, Men, 12` and `Minsk, Women, 15` of the columns
/// `region, sex, count`. ``WideTableSource`` does the reading.
public struct WideColumns: Sendable {
    /// One value column and the dimension value it stands for.
    public struct Column: Sendable, Equatable {
        /// The dimension value: the column's name in the list form, the key in the mapping form.
        public var label: String
        /// The column, by its header name or its HXL hashtag.
        public var column: String
    }

    /// The name of the dimension the columns form (`sex`).
    public var dimension: String
    public var columns: [Column]
    /// Where `values:` is in series.yml.
    public var location: SourceLocation

    private static let example = "e.g. `values: {sex: [Men, Women]}`, or `values: {sex: {male: \"#affected+m\", female: \"#affected+f\"}}`"

    init(yaml: YAMLNode) throws(DiagnosticError) {
        guard case .mapping(let entries) = yaml.kind, entries.count == 1, let entry = entries.first else {
            throw DiagnosticError(Diagnostic(
                at: yaml.location, "values must name one dimension and the columns that hold its values",
                hint: Self.example))
        }
        dimension = entry.key
        location = yaml.location
        switch entry.value.kind {
        case .mapping(let pairs):
            var columns: [Column] = []
            for pair in pairs { columns.append(Column(label: pair.key, column: try pair.value.text("a value column"))) }
            self.columns = columns
        default:
            columns = try TableLayout.names(entry.value, "a value column").map { Column(label: $0, column: $0) }
        }
        guard columns.count >= 2 else {
            throw DiagnosticError(Diagnostic(
                at: entry.value.location, "the dimension '\(dimension)' needs at least two value columns",
                hint: Self.example + "; a table with one value column is declared with `value:`"))
        }
        var seen: Set<String> = []
        for column in columns where !seen.insert(column.label).inserted {
            throw DiagnosticError(Diagnostic(
                at: entry.value.location, "the value '\(column.label)' of '\(dimension)' is given twice",
                hint: "give each value column a different label"))
        }
    }
}
