import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepSeries
import SitrepTemplates

/// One report, ready for its page: its HTML body and its key figures, which the archive pages
/// show too.
struct RenderedReport {
    var body: String
    var keyFigures: [(value: String, label: String, change: String?)]

    /// Resolves the key figures of a report whose narrative the series stream rendered.
    init(_ streamed: StreamedReport, style: LocaleStyle) throws(DiagnosticError) {
        let (report, figures) = (streamed.report, streamed.figures)
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
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        body = streamed.body ?? ""
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
