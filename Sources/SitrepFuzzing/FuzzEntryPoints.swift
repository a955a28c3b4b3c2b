import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// What the fuzz targets run on each input. Each checks the parser's promises, not only that it
/// does not crash: an input either gives a diagnostic with a usable location or a well-formed
/// result. Regression tests replay saved inputs through the same functions.
public enum FuzzEntryPoints {
    /// A broken promise, reported by trapping so that the fuzzer saves the input.
    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("fuzz invariant broken: \(message())") }
    }

    /// The CSV reader and the table built from it.
    public static func csv(_ bytes: [UInt8]) {
        do {
            let document = try CSVReader.read(bytes, file: "fuzz.csv")
            for record in document.records {
                require(record.fields.count == document.header.count, "a record with \(record.fields.count) fields passed")
                require(record.line >= 1, "a record without a line")
            }
            let table = try Table(name: "fuzz", source: document)
            for row in table.rows { require(row.value >= 0, "a negative count passed") }
            let figures = try FigureComputer.figures(for: report(tables: [table]), in: series)
            require(figures["fuzz.total"] != nil, "a table without a total")
            if table.dimensions.count >= 2 {
                // A table block crossing the first two dimensions, with an "Other" row and shares.
                // The table is valid and the names are escaped, so the block must render.
                let block = "```sitrep-table\ntable: fuzz\nrows: \(yamlQuoted(table.dimensions[0]))\n"
                    + "columns: \(yamlQuoted(table.dimensions[1]))\ntop: 2\nshare: true\n```\n"
                let renderer = NarrativeRenderer(figures: figures, tables: [table], style: LocaleStyle.named("en")!)
                do {
                    let html = try renderer.render(block, file: "fuzz.md", lineOffset: 0).html
                    require(html.contains("<tfoot>"), "a table block without its totals row")
                } catch {
                    require(false, "the table block of a valid table failed: \(error.diagnostics.map(\.message))")
                }
            }
        } catch {
            checkLocated(error)
        }
        csvExport(bytes)
    }

    /// The placeholder scanner, and rendering a narrative with placeholders and blocks.
    public static func narrative(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for match in PlaceholderScanner.scan(text, file: "fuzz.md") {
            require(match.range.lowerBound < match.range.upperBound, "an empty placeholder range")
            if case .failure(let diagnostic) = match.result { require((diagnostic.location?.line ?? 0) >= 1, "no line") }
        }
        do {
            let table = try Table(name: "t", source: CSVReader.read(Array("d,count\n<script>x</script>,3\n*y*,2\n".utf8), file: "t.csv"))
            let figures = try FigureComputer.figures(for: report(tables: [table]), in: series)
            let renderer = NarrativeRenderer(figures: figures, tables: [table], style: LocaleStyle.named("en")!)
            let html = try renderer.render(text, file: "fuzz.md", lineOffset: 0).html
            require(!html.contains("<script"), "a script element in the output")
        } catch {
            checkLocated(error)
        }
    }

    /// Front matter splitting, YAML parsing and stated figures.
    public static func frontMatter(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        do {
            let parts = try FrontMatter.split(text, file: "fuzz.md")
            let yaml = try YAMLNode.parse(parts.yaml, file: "fuzz.md", lineOffset: parts.yamlLineOffset)
            _ = try StatedFigures.read(yaml)
        } catch {
            checkLocated(error)
        }
    }

    /// `text` as a YAML double-quoted scalar that is printable ASCII whatever `text` holds: every
    /// other scalar, and `"`, `\\` and `{` (so that no `{{` reads as a placeholder), is escaped.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value), scalar != "\"", scalar != "\\", scalar != "{" {
                quoted.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16)
                quoted += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            }
        }
        return quoted + "\""
    }

    static func checkLocated(_ error: Error) {
        guard let error = error as? DiagnosticError else {
            require(false, "an error that is not a diagnostic: \(error)")
            return
        }
        require(!error.diagnostics.isEmpty, "an empty error")
        for diagnostic in error.diagnostics {
            require(!diagnostic.message.isEmpty, "a diagnostic without a message")
            if let line = diagnostic.location?.line { require(line >= 1, "line \(line)") }
            _ = diagnostic.description
        }
    }

    private static let series = try! SeriesConfig(slug: "fuzz", file: "series.yml",
                                                  yaml: YAMLNode.parse("title: Fuzz\nonset: 2022-02-24", file: "series.yml"))

    private static func report(tables: [Table]) -> Report {
        let day = Day(year: 2022, month: 6, day: 1)!
        return Report(folder: "2022-06", title: "Fuzz", period: Period(start: day, end: day.endOfMonth),
                      narrativeFile: "fuzz.md", tables: tables)
    }
}
