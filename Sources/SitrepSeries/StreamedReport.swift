import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// One report as the series stream hands it on: its place in the series, its data, its figures
/// and, when asked for, its narrative rendered to HTML.
public struct StreamedReport: Sendable {
    /// The report's position in the series, in reporting order (0 is the first).
    public let position: Int
    /// The period folder the report was read from.
    public let folder: PeriodFolder
    public let report: Report
    public let figures: FigureSet
    /// The period's label in the series' locale.
    public let label: String
    /// The narrative as HTML, or nil when the stream computed figures only or the narrative has
    /// errors (the stream reports them, with the consumer's own).
    public let body: String?
    /// House-style warnings found while rendering the narrative.
    public let warnings: [Diagnostic]
    /// The narrative's errors, reported by the stream.
    let problems: [Diagnostic]

    init(position: Int, stream: SeriesStream, report: Report, figures: FigureSet, history: FigureHistory,
         stages: SeriesStream.Stages) {
        self.position = position
        folder = stream.series.periods[position]
        self.report = report
        self.figures = figures
        label = stream.labels[position]
        guard case .narrative = stages else {
            (body, warnings, problems) = (nil, [], [])
            return
        }
        let renderer = NarrativeRenderer(figures: figures, tables: report.tables, style: stream.style,
                                         tableTitles: stream.series.config.tables.compactMapValues(\.title),
                                         history: history, period: stream.period(at: position))
        do {
            let output = try renderer.render(report.narrative, file: report.narrativeFile, lineOffset: report.narrativeLineOffset)
            (body, warnings, problems) = (output.html, output.warnings, [])
        } catch {
            (body, warnings, problems) = (nil, [], error.diagnostics)
        }
    }
}
