import SitrepDiagnostics

extension Project {
    static let reportKeys = ["title", "period", "as_of", "key_figures", "notes"]

    /// Reads one period folder in full: `report.md`, every `*.csv` table and `figures.yml`.
    /// `previousEnd` is the end of the period before, used to default the start of a period
    /// whose folder is named after its last day. All problems in the folder are reported together.
    public func loadReport(series: Series, folder: PeriodFolder, previousEnd: Day?) throws(DiagnosticError) -> Report {
        var problems: [Diagnostic] = []
        let reportFile = "\(folder.path)/report.md"
        var report: Report?
        if files.exists(reportFile) {
            do { report = try readReport(file: reportFile, folder: folder, series: series.config, previousEnd: previousEnd) }
            catch { problems += error.diagnostics }
        } else {
            problems.append(Diagnostic(
                at: SourceLocation(file: folder.path), "the period folder has no report.md",
                hint: "add report.md with front matter and the narrative; `sitrep new` starts one from the previous period"))
        }
        var tables: [Table] = []
        var stated: [StatedFigure] = []
        do {
            for name in try files.list(folder.path) {
                let file = "\(folder.path)/\(name)"
                do {
                    if name.lowercased().hasSuffix(".csv") {
                        let tableName = String(name.dropLast(4))
                        let csv = try CSVReader.read(try files.read(file), file: file)
                        tables.append(try Table(name: tableName, file: file, csv: csv,
                                                valueColumn: series.config.declaration(for: tableName).valueColumn))
                    } else if name == "figures.yml" || name == "figures.yaml" {
                        stated = try StatedFigures.read(YAMLNode.parse(files.readText(file), file: file), file: file)
                    }
                } catch { problems += error.diagnostics }
            }
        } catch { problems += error.diagnostics }
        guard problems.isEmpty, var report else { throw DiagnosticError(problems) }
        report.tables = tables
        report.statedFigures = stated
        return report
    }

    private func readReport(file: String, folder: PeriodFolder, series: SeriesConfig, previousEnd: Day?) throws(DiagnosticError) -> Report {
        let parts = try FrontMatter.split(files.readText(file), file: file)
        let yaml = try YAMLNode.parse(parts.yaml, file: file, lineOffset: parts.yamlLineOffset)
        try yaml.checkKeys(Self.reportKeys, in: "the front matter")
        guard let titleNode = yaml["title"] else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "the front matter has no title",
                hint: "add a line such as `title: \"Belarus: response to the war in Ukraine\"`"))
        }
        let title = try titleNode.text("the title")
        let period = try readPeriod(yaml, file: file, folder: folder, series: series, previousEnd: previousEnd)
        var keyFigures: [KeyFigure] = []
        if let list = yaml["key_figures"] {
            guard case .sequence(let items) = list.kind else {
                throw DiagnosticError(Diagnostic(at: list.location, "key_figures must be a list",
                                                 hint: "write one `- {figure: arrivals.total, label: people entered}` per line"))
            }
            for item in items {
                try item.checkKeys(["figure", "label"], in: "a key figure")
                guard let figure = try item["figure"]?.text("figure") else {
                    throw DiagnosticError(Diagnostic(at: item.location, "a key figure needs `figure:` (the figure's name)"))
                }
                let label = try item["label"]?.text("label") ?? ""
                keyFigures.append(KeyFigure(figure: figure, label: label, location: item["figure"]!.location))
            }
        }
        var notes: [String] = []
        if let node = yaml["notes"] {
            switch node.kind {
            case .sequence(let items):
                for item in items { notes.append(try item.text("a note")) }
            case .scalar:
                notes.append(try node.text("notes"))
            case .mapping:
                throw DiagnosticError(Diagnostic(at: node.location, "notes must be text or a list of texts"))
            }
        }
        return Report(
            folder: folder.name, title: title, period: period, keyFigures: keyFigures, notes: notes,
            narrative: parts.narrative, narrativeFile: file, narrativeLineOffset: parts.narrativeLineOffset,
            tables: [], statedFigures: [])
    }

    private func readPeriod(_ yaml: YAMLNode, file: String, folder: PeriodFolder, series: SeriesConfig,
                            previousEnd: Day?) throws(DiagnosticError) -> Period {
        var start = folder.nominalStart ?? previousEnd?.adding(days: 1) ?? series.onset ?? folder.nominalEnd
        var end = folder.nominalEnd
        if let node = yaml["period"] {
            try node.checkKeys(["start", "end"], in: "period")
            if let value = node["start"] { start = try value.day("period start") }
            if let value = node["end"] { end = try value.day("period end") }
            if end < start {
                throw DiagnosticError(Diagnostic(at: node.location, "the period ends (\(end)) before it starts (\(start))",
                                                 hint: "swap start and end"))
            }
        }
        let asOf = try yaml["as_of"].map { node throws(DiagnosticError) in try node.day("as_of") }
        return Period(start: start, end: end, asOf: asOf)
    }
}
