import SitrepDiagnostics

extension Project {
    static let reportKeys = ["title", "period", "as_of", "key_figures", "notes", "figures"]

    /// Reads one period folder in full: `report.md`, every table (a file of a ``TableFormat``)
    /// and `figures.yml`. All problems in the folder are reported together. `reportBytes` are
    /// `report.md`'s, when the caller has read them already (``reportBytes(of:)``).
    public func loadReport(series: Series, folder: PeriodFolder, reportBytes: [UInt8]? = nil) throws(DiagnosticError) -> Report {
        var problems: [Diagnostic] = []
        let reportFile = "\(folder.path)/report.md"
        var report: Report?
        do { report = try readReport(file: reportFile, folder: folder, bytes: reportBytes) } catch { problems += error.diagnostics }
        var tables: [Table] = []
        var stated: [StatedFigure] = []
        do {
            let names = try files.list(folder.path)
            let tableFiles = TableFiles(names, in: folder.path)
            problems += tableFiles.problems
            for name in names {
                let file = "\(folder.path)/\(name)"
                do {
                    if let table = tableFiles.entry(forFileNamed: name) {
                        let declaration = series.config.declaration(for: table.table)
                        tables.append(try table.format.readTable(try files.read(file), file, table.table, declaration))
                    } else if name == "figures.yml" || name == "figures.yaml" {
                        stated = try StatedFigures.read(YAMLNode.parse(files.readText(file), file: file))
                    }
                } catch { problems += error.diagnostics }
            }
        } catch { problems += error.diagnostics }
        guard problems.isEmpty, var report else { throw DiagnosticError(problems) }
        report.tables = tables
        report.statedFigures = stated
        return report
    }

    /// The bytes of the period's `report.md`, for ``loadReport(series:folder:reportBytes:)``;
    /// nil when it cannot be read (loading the report then says why).
    public func reportBytes(of folder: PeriodFolder) -> [UInt8]? {
        try? files.read("\(folder.path)/report.md")
    }

    private func readReport(file: String, folder: PeriodFolder, bytes: [UInt8]?) throws(DiagnosticError) -> Report {
        let text = if let bytes { try ContentFiles.decodeUTF8(bytes, file: file) } else { try files.readText(file) }
        let parts = try FrontMatter.split(text, file: file)
        let yaml = try YAMLNode.parse(parts.yaml, file: file, lineOffset: parts.yamlLineOffset)
        try yaml.checkKeys(Self.reportKeys, in: "the front matter")
        guard let titleNode = yaml["title"] else {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: file, line: 1, column: 1), "the front matter has no title",
                hint: "add a line such as `title: \"Belarus: response to the war in Ukraine\"`"))
        }
        let title = try titleNode.text("the title")
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
                keyFigures.append(KeyFigure(figure: figure, label: label, location: item["figure"]!.location,
                                            labelLocation: item["label"]?.textLocation))
            }
        }
        var notes: [ReportNote] = []
        if let node = yaml["notes"] {
            switch node.kind {
            case .sequence(let items):
                for item in items { notes.append(ReportNote(try item.text("a note"), at: item.textLocation)) }
            case .scalar:
                notes.append(ReportNote(try node.text("notes"), at: node.textLocation))
            case .mapping:
                throw DiagnosticError(Diagnostic(at: node.location, "notes must be text or a list of texts"))
            }
        }
        let frontMatterFigures = try yaml["figures"].map { node throws(DiagnosticError) in try StatedFigures.read(node) } ?? []
        return Report(
            folder: folder.name, title: title, period: folder.period, keyFigures: keyFigures, frontMatterFigures: frontMatterFigures, notes: notes,
            narrative: parts.narrative, narrativeFile: file, narrativeLineOffset: parts.narrativeLineOffset,
            tables: [], statedFigures: [])
    }

}
