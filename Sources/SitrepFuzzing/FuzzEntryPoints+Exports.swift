import SitrepContent
import SitrepDiagnostics

extension FuzzEntryPoints {
    /// The same bytes as an officer's export: read from the second row on (`header_row: 2`),
    /// with a row of HXL hashtags if there is one, and the first two columns after the first as
    /// the value columns of a wide table. A table read so has two rows per row of the file at
    /// most, every one with one of the two declared labels and a count of zero or more.
    static func csvExport(_ bytes: [UInt8]) {
        do {
            let document = try CSVReader.read(bytes, file: "fuzz.csv", headerRow: 2)
            require(document.headerLine >= 2, "the header read from line \(document.headerLine), above row 2")
            guard document.header.count >= 3 else { return }
            let labels = [document.header[1], document.header[2]]
            let yaml = "title: Fuzz\ntables:\n  fuzz:\n    header_row: 2\n"
                + "    values: {fuzzdim: [\(yamlQuoted(labels[0])), \(yamlQuoted(labels[1]))]}\n"
            let series = try SeriesConfig(slug: "fuzz", file: "series.yml", yaml: YAMLNode.parse(yaml, file: "series.yml"))
            let table = try Table(name: "fuzz", source: document, declaration: series.declaration(for: "fuzz"))
            require(table.rows.count <= 2 * document.rowCount, "\(table.rows.count) rows from \(document.rowCount)")
            let dimension = table.dimensions.firstIndex(of: "fuzzdim")
            require(dimension != nil, "the wide table has no dimension 'fuzzdim': \(table.dimensions)")
            let allowed = Set(labels.map(CSVValueText.normalisedKey))
            for row in table.rows {
                require(row.value >= 0, "a negative count passed")
                require(allowed.contains(row.keys[dimension!]), "a row labelled \(row.keys[dimension!])")
            }
        } catch {
            checkLocated(error)
        }
    }
}
