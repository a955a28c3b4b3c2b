import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// One report, rendered: its figures, its HTML body and what the archive pages need of it.
struct RenderedReport {
    var report: Report
    var figures: FigureSet
    var body: String
    var keyFigures: [(value: String, label: String, change: String?)]
    var warnings: [Diagnostic]

    /// Renders the narrative of `report` with its `figures` and resolves its key figures.
    init(report: Report, figures: FigureSet, series: SeriesConfig, style: LocaleStyle) throws(DiagnosticError) {
        self.report = report
        self.figures = figures
        var problems: [Diagnostic] = []
        var keyFigures: [(String, String, String?)] = []
        for key in report.keyFigures {
            if let figure = figures[key.figure] {
                let change = figures["\(key.figure).change"]?.value.number.map { style.format(signed: $0) }
                keyFigures.append((style.format(figure.value), key.label, change))
            } else if let reason = figures.unavailableReason(key.figure) {
                problems.append(Diagnostic(at: key.location, "the key figure '\(key.figure)' cannot be computed: \(reason)"))
            } else {
                let nearest = Suggestions.nearest(to: key.figure, in: figures.names)
                problems.append(Diagnostic(at: key.location, "the key figure '\(key.figure)' does not exist",
                                           hint: nearest.map { "did you mean '\($0)'?" } ?? "`sitrep figures` lists every figure name"))
            }
        }
        let renderer = NarrativeRenderer(figures: figures, tables: report.tables, style: style,
                                         tableTitles: series.tables.compactMapValues(\.title))
        var output: NarrativeRenderer.Output?
        do {
            output = try renderer.render(report.narrative, file: report.narrativeFile, lineOffset: report.narrativeLineOffset)
        } catch { problems += error.diagnostics }
        guard problems.isEmpty, let output else { throw DiagnosticError(problems) }
        body = output.html
        warnings = output.warnings
        self.keyFigures = keyFigures
    }

    /// The layout's view of the key figures.
    var keyFigureContext: [[String: Any]] { Self.context(of: keyFigures) }

    static func context(of keyFigures: [(value: String, label: String, change: String?)]) -> [[String: Any]] {
        keyFigures.map { figure in
            var context: [String: Any] = ["value": figure.value, "label": figure.label]
            if let change = figure.change { context["change"] = change }
            return context
        }
    }
}
