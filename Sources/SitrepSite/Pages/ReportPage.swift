import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepSeries
import SitrepTemplates

/// One report, ready for its page: its HTML body (from the series stream), its key figures and
/// notes as pages print them (placeholders filled).
struct RenderedReport {
    var body: String
    var keyFigures: [KeyFigureText]
    /// The front matter's notes, then the series' corrections of this period.
    var notes: [String]

    /// Resolves the key figures of a report whose narrative the series stream rendered, and
    /// fills the placeholders of their labels and of the notes. Throws every problem found.
    init(_ streamed: StreamedReport, series: SeriesConfig, style: LocaleStyle) throws(DiagnosticError) {
        let (report, figures) = (streamed.report, streamed.figures)
        var problems: [Diagnostic] = []
        let text = FrontMatterText(evaluator: PlaceholderEvaluator(figures: figures, style: style, file: report.narrativeFile))
        func fill(_ written: String, at location: SourceLocation) -> String {
            switch text.filled(written, at: location) {
            case .success(let filled): return filled
            case .failure(let error): problems += error.diagnostics; return ""
            }
        }
        var keyFigures: [KeyFigureText] = []
        for key in report.keyFigures {
            let label = fill(key.label, at: key.labelLocation)
            if let figure = figures[key.figure] {
                let change = figures["\(key.figure).change"]?.value.number.map { style.format(signed: $0) }
                keyFigures.append(KeyFigureText(value: style.format(figure.value), label: label, change: change,
                                                figure: key.figure, number: figure.value.number))
            } else if let reason = figures.unavailableReason(key.figure) {
                problems.append(Diagnostic(at: key.location, "the key figure '\(key.figure)' cannot be computed: \(reason)"))
            } else {
                let nearest = Suggestions.nearest(to: key.figure, in: figures.names)
                problems.append(Diagnostic(at: key.location, "the key figure '\(key.figure)' does not exist",
                                           hint: nearest.map { "did you mean '\($0)'?" } ?? "`sitrep figures` lists every figure name"))
            }
        }
        var notes = report.notes.map { fill($0.text, at: $0.location) }
        for correction in series.corrections where correction.period == report.folder {
            let reason = fill(correction.reason, at: SourceLocation(file: correction.location.file, line: correction.location.line))
            notes.append("Correction: \(correction.figure) is lower than in the previous report. \(reason)")
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        body = streamed.body ?? ""
        self.keyFigures = keyFigures
        self.notes = notes
    }
}
