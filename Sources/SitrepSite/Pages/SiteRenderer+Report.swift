import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepSeries
import SitrepTemplates

/// What rendering one report gives the rest of the site.
struct ReportOutcome: Sendable {
    /// The series archive's view of the report.
    struct Summary: Sendable {
        var url: String
        var title: String
        var periodLabel: String
        var keyFigures: [(value: String, label: String, change: String?)]

        var context: [String: Any] {
            ["url": url, "title": title, "periodLabel": periodLabel,
             "keyFigures": RenderedReport.context(of: keyFigures)]
        }
    }

    var summary: Summary
    var page: SiteRenderer.SeriesIndex.Page
    var feed: AtomFeed.Entry
}

extension SiteRenderer {
    /// Renders the page and `figures.json` of a report that `stream` handed on.
    func renderReport(_ streamed: StreamedReport, stream: SeriesStream, sink: Sink) throws(DiagnosticError) -> ReportOutcome {
        let (report, figures, position, folder, label) = (streamed.report, streamed.figures, streamed.position, streamed.folder, streamed.label)
        let (series, style, labels) = (stream.series, stream.style, stream.labels)
        let config = series.config
        let rendered = try RenderedReport(streamed, style: style)
        var context = page(root: "../../", title: "\(report.title) — \(label)", breadcrumbs: [
            ["url": "../../index.html", "label": project.site.title],
            ["url": "../index.html", "label": config.title],
        ], locale: config.locale)
        context["description"] = "\(config.title): situation report, \(label)"
        context["series"] = seriesContext(config)
        var notes = report.notes
        for correction in config.corrections where correction.period == folder.name {
            notes.append("Correction: \(correction.figure) is lower than in the previous report. \(correction.reason)")
        }
        var reportContext: [String: Any] = [
            "title": report.title, "periodLabel": label,
            "keyFigures": rendered.keyFigureContext, "notes": notes.map { ["text": $0] },
        ]
        if let asOf = report.period.asOf { reportContext["asOf"] = style.format(asOf) }
        context["report"] = reportContext
        context["body"] = rendered.body
        context["figuresURL"] = "figures.json"
        if position > 0 {
            let previous = series.periods[position - 1].name
            context["previous"] = ["url": "../" + URLPath.encode("\(previous)/index.html"), "label": labels[position - 1]]
        }
        if position + 1 < series.periods.count {
            let next = series.periods[position + 1].name
            context["next"] = ["url": "../" + URLPath.encode("\(next)/index.html"), "label": labels[position + 1]]
        }
        let path = "\(config.slug)/\(folder.name)/"
        try emit(path + "index.html", try layouts.render("report", context), sink)
        try sink(path + "figures.json", FiguresJSON.render(series: config.slug, period: folder.name, report: report, figures: figures))
        let updated = report.period.asOf ?? report.period.end
        let url = URLPath.encode(path)
        return ReportOutcome(
            summary: .init(url: URLPath.encode("\(folder.name)/index.html"), title: report.title, periodLabel: label,
                           keyFigures: rendered.keyFigures),
            page: .init(path: path + "index.html", modified: updated),
            feed: AtomFeed.Entry(
                id: AtomFeed.id(baseURL: absoluteBaseURL, path: url), title: "\(report.title) — \(label)",
                url: (absoluteBaseURL ?? "") + url + "index.html", updated: updated,
                author: config.office ?? config.title,
                summary: rendered.keyFigures.map { "\($0.value) \($0.label)" }.joined(separator: "; ")))
    }
}
