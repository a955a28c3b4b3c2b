import SitrepContent
import SitrepDiagnostics
import SitrepFigures

extension TableBlock {
    /// The accessible HTML table for this block: a caption, header cells with scope, numbers
    /// right-aligned (class `num`), a totals row. Every value from data is escaped.
    public func html(tables: [Table], style: LocaleStyle, declaredTitle: (String) -> String?) throws(DiagnosticError) -> String {
        guard let data = tables.first(where: { $0.name == table }) else {
            let nearest = Suggestions.nearest(to: table, in: tables.map(\.name))
            throw DiagnosticError(Diagnostic(
                at: tableLocation, "there is no table called '\(table)' in this period",
                hint: nearest.map { "did you mean '\($0)'?" } ?? "tables are the .csv files of the period folder: \(tables.map(\.name).joined(separator: ", "))"))
        }
        let rowIndex = try dimension(rows, in: data, at: rowsLocation)
        let columnIndex = try columns.map { name throws(DiagnosticError) in try dimension(name, in: data, at: columnsLocation ?? rowsLocation) }

        let rowGroups = try orderedRows(Aggregation(data, by: [rowIndex]))
        let total = try Aggregation.total(of: data)
        let columnKeys = try columnIndex.map { index throws(DiagnosticError) in try Aggregation(data, by: [index]).groups.map { $0.keys[0] } } ?? []
        var cells: [[String]: Int] = [:]
        if let columnIndex {
            for group in try Aggregation(data, by: [rowIndex, columnIndex]).groups { cells[group.keys] = group.total }
        }

        var shown = rowGroups
        var other: [Aggregation.Group] = []
        if let top, rowGroups.count > top + 1 {
            shown = Array(rowGroups.prefix(top))
            other = Array(rowGroups.dropFirst(top))
        }

        var html = "<table class=\"sitrep-table\">\n"
        let title = caption ?? declaredTitle(table)
        if let title { html += "<caption>\(HTMLText.escape(title))</caption>\n" }
        html += "<thead>\n<tr><th scope=\"col\">\(HTMLText.escape(HTMLText.capitalizingFirst(data.dimensions[rowIndex])))</th>"
        for key in columnKeys { html += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(HTMLText.capitalizingFirst(key)))</th>" }
        html += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(style.totalLabel))</th>"
        if share { html += "<th scope=\"col\" class=\"num\">\(HTMLText.escape(style.shareLabel))</th>" }
        html += "</tr>\n</thead>\n<tbody>\n"

        func row(label: String, rowTotal: Int, cell: (String) -> Int) -> String {
            var line = "<tr><th scope=\"row\">\(HTMLText.escape(label))</th>"
            for key in columnKeys { line += "<td class=\"num\">\(style.format(integer: cell(key)))</td>" }
            line += "<td class=\"num\">\(style.format(integer: rowTotal))</td>"
            if share {
                let text = Rational(rowTotal, total).flatMap { style.formatPercent($0, decimals: 1, inTable: true) } ?? "–"
                line += "<td class=\"num\">\(HTMLText.escape(text))</td>"
            }
            return line + "</tr>\n"
        }
        for group in shown {
            html += row(label: group.keys[0], rowTotal: group.total) { cells[[group.keys[0], $0]] ?? 0 }
        }
        if !other.isEmpty {
            let otherNames = Set(other.map { $0.keys[0] })
            html += row(label: "\(style.otherLabel) (\(other.count))", rowTotal: other.reduce(0) { $0 + $1.total }) { key in
                cells.filter { otherNames.contains($0.key[0]) && $0.key[1] == key }.values.reduce(0, +)
            }
        }
        html += "</tbody>\n<tfoot>\n"
        let columnTotals = Dictionary(columnKeys.map { key in (key, cells.filter { $0.key[1] == key }.values.reduce(0, +)) },
                                      uniquingKeysWith: +)
        html += row(label: style.totalLabel, rowTotal: total) { columnTotals[$0] ?? 0 }
        html += "</tfoot>\n</table>"
        return html
    }

    private func dimension(_ name: String, in table: Table, at location: SourceLocation) throws(DiagnosticError) -> Int {
        guard let index = table.dimensions.firstIndex(of: name) else {
            let nearest = Suggestions.nearest(to: name, in: table.dimensions)
            throw DiagnosticError(Diagnostic(
                at: location, "the table '\(table.name)' has no column '\(name)'",
                hint: (nearest.map { "did you mean '\($0)'? " } ?? "") + "its columns: \(table.dimensions.joined(separator: ", "))"))
        }
        return index
    }

    private func orderedRows(_ aggregation: Aggregation) -> [Aggregation.Group] {
        switch sort {
        case .totalDescending: return aggregation.ranked
        case .totalAscending:
            return aggregation.groups.enumerated()
                .sorted { $0.element.total != $1.element.total ? $0.element.total < $1.element.total : $0.offset < $1.offset }
                .map(\.element)
        case .nameAscending: return aggregation.groups.sorted { $0.keys[0].localizedStandardCompareFree($1.keys[0]) }
        case .nameDescending: return aggregation.groups.sorted { $1.keys[0].localizedStandardCompareFree($0.keys[0]) }
        case .data: return aggregation.groups
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
