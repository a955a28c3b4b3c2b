import SitrepContent

extension FiguresJSON {
    /// `"hxl"`: for each table whose file has a row of HXL hashtags, its columns' tags by their
    /// names in the file's header, in table and column order, so that a machine reading the
    /// figures can match them to other HXL data:
    /// `"hxl": {"arrivals": {"País": "#country", "Personas": "#affected"}}`. Left out when no
    /// table has tags.
    static func hxl(_ tables: [Table], into json: inout ByteWriter) {
        let tagged = tables.filter { !$0.hxlColumns.isEmpty }
        guard !tagged.isEmpty else { return }
        json.append(",\n  \"hxl\": {")
        for (index, table) in tagged.enumerated() {
            json.append(index == 0 ? "\n    " : ",\n    ")
            quote(table.name, into: &json)
            json.append(": {")
            for (position, column) in table.hxlColumns.enumerated() {
                json.append(position == 0 ? "\n      " : ",\n      ")
                quote(column.column, into: &json)
                json.append(": ")
                quote(column.tag, into: &json)
            }
            json.append("\n    }")
        }
        json.append("\n  }")
    }
}
