import SitrepContent
import SitrepDiagnostics
import SitrepFigures

extension TableBlock {
    /// The accessible HTML table for this block, in UTF-8: a caption, header cells with scope,
    /// numbers right-aligned (class `num`), a totals row. Every value from data is escaped.
    public func html(tables: [Table], style: LocaleStyle, declaredTitle: (String) -> String?) throws(DiagnosticError) -> [UInt8] {
        let data = try Self.table(named: table, in: tables, at: tableLocation)
        let rowIndex = try Self.dimension(rows, in: data, at: rowsLocation)
        let columnIndex = try columns.map { name throws(DiagnosticError) in try Self.dimension(name, in: data, at: columnsLocation ?? rowsLocation) }

        let grouped = try RowGroups(data, rows: rowIndex, columns: columnIndex, top: top, order: orderedRows)
        let total = try Aggregation.total(of: data)
        let (shown, columnKeys, cells) = (grouped.shown, grouped.columnKeys, grouped.cells)

        // Appended piece by piece as bytes, which cmark takes as they are: an interpolated piece
        // would be a string of its own, and appending to a `String` cost 330 instructions a piece
        // (two blocks of dozens of cells a report: 36 M instructions on the 100-report bench, 24 M so).
        var html = HTMLBytes(capacity: 256 + 40 * (shown.count + 2) * (columnKeys.count + 3))
        html.add("<table class=\"sitrep-table\">\n")
        let title = caption ?? declaredTitle(table)
        if let title { html.add("<caption>"); html.addEscaped(title); html.add("</caption>\n") }
        html.add("<thead>\n<tr><th scope=\"col\">")
        html.addEscaped(HTMLText.capitalizingFirst(data.dimensions[rowIndex]))
        html.add("</th>")
        for key in columnKeys { html.add("<th scope=\"col\" class=\"num\">"); html.addEscaped(HTMLText.capitalizingFirst(key)); html.add("</th>") }
        html.add("<th scope=\"col\" class=\"num\">"); html.addEscaped(style.totalLabel); html.add("</th>")
        if share { html.add("<th scope=\"col\" class=\"num\">"); html.addEscaped(style.shareLabel); html.add("</th>") }
        html.add("</tr>\n</thead>\n<tbody>\n")

        func row(_ html: inout HTMLBytes, label: String, rowTotal: Int, cells: [Int]) {
            html.add("<tr><th scope=\"row\">"); html.addEscaped(label); html.add("</th>")
            for cell in cells { html.add("<td class=\"num\">"); html.add(style.format(integer: cell)); html.add("</td>") }
            html.add("<td class=\"num\">"); html.add(style.format(integer: rowTotal)); html.add("</td>")
            if share {
                let text = Rational(rowTotal, total).flatMap { style.formatPercent($0, decimals: 1, inTable: true) } ?? "–"
                html.add("<td class=\"num\">"); html.addEscaped(text); html.add("</td>")
            }
            html.add("</tr>\n")
        }
        let groups = grouped.groups
        for position in shown {
            row(&html, label: groups[position].key, rowTotal: groups[position].total, cells: cells[position])
        }
        if !grouped.rest.isEmpty {
            row(&html, label: grouped.restLabel(style), rowTotal: grouped.restTotal, cells: grouped.columnSums(grouped.rest))
        }
        html.add("</tbody>\n<tfoot>\n")
        row(&html, label: style.totalLabel, rowTotal: total, cells: grouped.columnSums(Array(groups.indices)))
        html.add("</tfoot>\n</table>")
        return html.bytes
    }

    /// The period's table called `name`; an error at `location` when there is none.
    static func table(named name: String, in tables: [Table], at location: SourceLocation) throws(DiagnosticError) -> Table {
        guard let data = tables.first(where: { $0.name == name }) else {
            let nearest = Suggestions.nearest(to: name, in: tables.map(\.name))
            throw DiagnosticError(Diagnostic(
                at: location, "there is no table called '\(name)' in this period",
                hint: nearest.map { "did you mean '\($0)'?" } ?? "tables are the .csv and .xlsx files of the period folder: \(tables.map(\.name).joined(separator: ", "))"))
        }
        return data
    }

    /// The position of the column `name` among the table's dimensions; an error at `location` when it has none.
    static func dimension(_ name: String, in table: Table, at location: SourceLocation) throws(DiagnosticError) -> Int {
        guard let index = table.dimensions.firstIndex(of: name) else {
            let nearest = Suggestions.nearest(to: name, in: table.dimensions)
            throw DiagnosticError(Diagnostic(
                at: location, "the table '\(table.name)' has no column '\(name)'",
                hint: (nearest.map { "did you mean '\($0)'? " } ?? "") + "its columns: \(table.dimensions.joined(separator: ", "))"))
        }
        return index
    }

    /// The positions of the aggregation's groups in the order the block asks for.
    private func orderedRows(_ aggregation: Aggregation) -> [Int] {
        let groups = aggregation.groups
        switch sort {
        case .totalDescending: return aggregation.rankedPositions
        case .totalAscending:
            return groups.indices.sorted { groups[$0].total != groups[$1].total ? groups[$0].total < groups[$1].total : $0 < $1 }
        case .nameAscending: return groups.indices.sorted { groups[$0].key.localizedStandardCompareFree(groups[$1].key) }
        case .nameDescending: return groups.indices.sorted { groups[$1].key.localizedStandardCompareFree(groups[$0].key) }
        case .data: return Array(groups.indices)
        }
    }
}

extension String {
    /// Orders names by Unicode scalars, case-insensitively: stable on every machine, unlike locale collation.
    fileprivate func localizedStandardCompareFree(_ other: String) -> Bool {
        let (a, b) = (lowercased(), other.lowercased())
        return a == b ? unicodeScalars.lexicographicallyPrecedes(other.unicodeScalars)
            : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
