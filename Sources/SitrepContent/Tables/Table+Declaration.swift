import SitrepDiagnostics

extension Table {
    /// Builds a table from what a reader found in its file, as series.yml declares it: a row of
    /// HXL hashtags below the header is left out of the rows and its tags kept (``HXLRow``), the
    /// columns may be named by those tags (`names: hxl`), columns may be left out (`ignore:`),
    /// and a wide table is read as a long one (`values:`, ``WideTableSource``). Then the cells
    /// are checked as ``init(name:source:valueColumn:)`` says.
    public init<Source: TableSource>(name: String, source: Source, declaration: SeriesConfig.TableDeclaration) throws(DiagnosticError) {
        let layout = declaration.layout
        let tagged = try HXLTaggedSource(source, namesByTags: layout.namesByTags)
        if tagged == nil && layout.namesByTags {
            let header = source.location(ofRow: nil, column: nil)
            throw DiagnosticError(Diagnostic(
                .error, at: header.location,
                "series.yml names the columns of '\(name)' by their HXL hashtags (`names: hxl`), "
                    + "but the row below the header is not a row of hashtags",
                hint: "add the row of hashtags below the header (#country, #affected+f, …), or remove `names: hxl`",
                sourceLine: header.sourceLine))
        }
        // A wide table's value column is a new one; a long table's may be named by its tag, or
        // by the file's header when the columns are named by their tags.
        var valueColumn = declaration.valueColumn
        if let tagged, layout.wide == nil, !tagged.header.contains(valueColumn),
           let position = tagged.tagRow.column(named: valueColumn, in: source.header) {
            valueColumn = tagged.header[position]
        }
        switch (tagged, layout.reshapes) {
        case (nil, false):
            try self.init(name: name, source: source, valueColumn: valueColumn, totals: declaration.totals)
        case (nil, true):
            let wide = try WideTableSource(source, layout: layout, valueColumn: valueColumn, totals: declaration.totals, tags: nil)
            try self.init(name: name, source: wide, valueColumn: valueColumn, totals: declaration.totals)
        case (let tagged?, false):
            try self.init(name: name, source: tagged, valueColumn: valueColumn, totals: declaration.totals)
            hxlColumns = tagged.columns
        case (let tagged?, true):
            let wide = try WideTableSource(tagged, layout: layout, valueColumn: valueColumn, totals: declaration.totals, tags: tagged.tagRow,
                                           fileHeader: source.header)
            try self.init(name: name, source: wide, valueColumn: valueColumn, totals: declaration.totals)
            hxlColumns = tagged.columns
        }
    }
}
