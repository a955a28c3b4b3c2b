import SitrepDiagnostics

/// A table as its declaration reshapes it (``TableLayout``): the columns `ignore:` names left
/// out, and a wide table (`values: {sex: [Men, Women]}`) read as the long table sitrep knows,
/// one row per row of the file and value column. Each cell still says where it is in the file:
/// a value is its cell in the value column, a dimension value from `values:` is the header cell
/// of its column.
struct WideTableSource<Source: TableSource>: TableSource {
    let source: Source
    /// The columns of `source` kept as dimensions (or as the value column, when not wide).
    let kept: [Int]
    /// The value columns of a wide table, in declaration order; empty when it is not wide.
    let valueColumns: [Int]
    /// The dimension value each of `valueColumns` stands for.
    let labels: [String]
    let header: [String]

    /// Reshapes `source` as `layout` says; `valueColumn` names the value column of the long
    /// table, `tags` the hashtags of the columns when the file has them and `fileHeader` the
    /// file's own names for them (when the columns are named by their tags), which series.yml
    /// may use too.
    init(_ source: Source, layout: TableLayout, valueColumn: String, totals: TotalsWords, tags: HXLRow?,
         fileHeader: [String] = []) throws(DiagnosticError) {
        self.source = source
        let sourceHeader = source.header
        var problems: [Diagnostic] = []
        func column(_ name: String) -> Int? {
            tags.map { $0.column(named: name, in: sourceHeader, fileHeader) } ?? sourceHeader.firstIndex(of: name)
        }
        func reportMissing(_ name: String, _ role: String, _ remedy: String) {
            let header = source.location(ofRow: nil, column: nil)
            let columns = sourceHeader.map { "'\($0)'" }.joined(separator: ", ")
            let near = Suggestions.nearest(to: name, in: sourceHeader).map { "rename '\($0)' in series.yml or in the file; " } ?? ""
            problems.append(Diagnostic(
                .error, at: header.location,
                "the table has no column '\(name)', which series.yml declares as \(role); its columns are \(columns)",
                hint: near + remedy, sourceLine: header.sourceLine))
        }
        var left: Set<Int> = []
        for name in layout.ignored {
            if let position = column(name) {
                left.insert(position)
            } else {
                reportMissing(name, "a column to leave out (`ignore:`)", "remove it from `ignore:`")
            }
        }
        var valueColumns: [Int] = []
        var labels: [String] = []
        if let wide = layout.wide {
            for declared in wide.columns {
                if let position = column(declared.column), valueColumns.contains(position) {
                    // Read twice, its every count would be counted twice.
                    let header = source.location(ofRow: nil, column: position)
                    problems.append(Diagnostic(
                        .error, at: header.location,
                        "series.yml names the column '\(sourceHeader[position])' twice in `values:` (as '\(declared.column)' too)",
                        hint: "name each value column once", sourceLine: header.sourceLine))
                } else if let position = column(declared.column) {
                    valueColumns.append(position)
                    labels.append(declared.label)
                    left.insert(position)
                } else {
                    reportMissing(declared.column, "a value column of '\(wide.dimension)' (`values:`)",
                                  "name the column as the file's header does, or by its HXL hashtag")
                }
            }
        }
        kept = sourceHeader.indices.filter { !left.contains($0) }
        let keptNames = kept.map { sourceHeader[$0] }
        if let wide = layout.wide {
            for name in [wide.dimension, valueColumn] where keptNames.contains(name) {
                problems.append(Diagnostic(
                    at: wide.location,
                    "the wide table's \(name == valueColumn ? "value column" : "dimension") '\(name)' has the name of one of its columns",
                    hint: "name the \(name == valueColumn ? "value column (`value:`)" : "dimension in `values:`") differently, "
                        + "or leave the column '\(name)' out with `ignore:`"))
            }
            for position in kept where totals.contains(sourceHeader[position]) {
                let cell = source.location(ofRow: nil, column: position)
                problems.append(Diagnostic(
                    .error, at: cell.location,
                    "the column '\(sourceHeader[position])' looks like the sum of the value columns; as a dimension "
                        + "its every number would be a category",
                    hint: "leave it out with `ignore: [\(sourceHeader[position])]` in the table's declaration: "
                        + "sitrep adds up the value columns itself",
                    sourceLine: cell.sourceLine))
            }
        }
        let longRows = source.rowCount * max(valueColumns.count, 1)
        if longRows > CSVLimits.standard.rows {
            let header = source.location(ofRow: nil, column: nil)
            problems.append(Diagnostic(
                .error, at: header.location,
                "the wide table reads as \(longRows) rows (\(source.rowCount) rows by \(valueColumns.count) value columns); "
                    + "sitrep reads tables of at most \(CSVLimits.standard.rows) rows",
                hint: "aggregate the rows before adding the table (a report needs totals, not records), or split it into several tables",
                sourceLine: header.sourceLine))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        self.valueColumns = valueColumns
        self.labels = labels
        header = layout.wide.map { keptNames + [$0.dimension, valueColumn] } ?? keptNames
    }

    private var width: Int { max(valueColumns.count, 1) }

    var file: String { source.file }
    var rowCount: Int { source.rowCount * width }
    var headerPosition: Int { source.headerPosition }
    func position(ofRow row: Int) -> Int { source.position(ofRow: row / width) }

    func cell(row: Int, column: Int) -> String {
        if column < kept.count { return source.cell(row: row / width, column: kept[column]) }
        if column == kept.count { return labels[row % width] }
        return source.cell(row: row / width, column: valueColumns[row % width])
    }

    func key(row: Int, column: Int) -> String {
        column < kept.count ? source.key(row: row / width, column: kept[column]) : CSVValueText.normalisedKey(cell(row: row, column: column))
    }

    func plainCount(row: Int, column: Int) -> Int? {
        if column < kept.count { return source.plainCount(row: row / width, column: kept[column]) }
        if column == kept.count { return nil }
        return source.plainCount(row: row / width, column: valueColumns[row % width])
    }

    func describe(row: Int) -> String { source.describe(row: row / width) }

    /// The value column's name is the name of the column a value is in.
    func columnName(row: Int, column: Int) -> String {
        column > kept.count ? source.header[valueColumns[row % width]] : header[column]
    }

    var rowPlaces: TableRowPlaces { source.rowPlaces }
    func location(ofRow row: Int?, column: Int?) -> CellLocation {
        guard let column, column >= kept.count else {
            return source.location(ofRow: row.map { $0 / width }, column: column.map { kept[$0] })
        }
        guard let row else { return source.location(ofRow: nil, column: valueColumns[0]) }
        let valueColumn = valueColumns[row % width]
        return source.location(ofRow: column == kept.count ? nil : row / width, column: valueColumn)
    }
}
