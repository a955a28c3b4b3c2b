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
        var keyFigures: [KeyFigureText]
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
        let rendered = try RenderedReport(streamed, series: config, style: style)
        func link(to position: Int) -> PageLink? {
            guard series.periods.indices.contains(position) else { return nil }
            return PageLink(url: "../" + URLPath.encode("\(series.periods[position].name)/index.html"), label: labels[position])
        }
        var frame = frame(root: "../../", title: "\(report.title) — \(label)", breadcrumbs: [
            PageLink(url: "../../index.html", label: project.site.title), PageLink(url: "../index.html", label: config.title),
        ], locale: config.locale)
        frame.description = "\(config.title): situation report, \(label)"
        frame.figuresURL = "figures.json"
        var page = ReportPageData(
            frame: frame, series: SeriesHeading(title: config.title, office: config.office),
            title: report.title, periodLabel: label, asOf: report.period.asOf.map { style.format($0) },
            keyFigures: rendered.keyFigures, notes: rendered.notes, body: rendered.body,
            previous: link(to: position - 1), next: link(to: position + 1))
        let path = "\(config.slug)/\(folder.name)/"
        let updated = report.period.asOf ?? report.period.end
        if let pdf {
            // The PDF is printed from the page without its own link, which print hides anyway.
            let name = "\(config.slug)-\(folder.name).pdf"
            let bytes = try pdf.render(page: path + "index.html", html: layouts.render(page), date: updated,
                                       report: report.narrativeFile)
            try sink(path + name, bytes)
            page.pdf = PDFLink(url: URLPath.encode(name), byteCount: bytes.count, style: style)
        }
        try sink(path + "index.html", layouts.render(page))
        try sink(path + "figures.json", FiguresJSON.render(series: config.slug, period: folder.name, report: report, figures: figures))
        let url = URLPath.encode(path)
        return ReportOutcome(
            summary: .init(url: URLPath.encode("\(folder.name)/index.html"), title: report.title, periodLabel: label,
                           keyFigures: rendered.keyFigures),
            page: .init(path: path + "index.html", modified: updated),
            feed: AtomFeed.Entry(
                id: AtomFeed.id(baseURL: absoluteBaseURL, site: project.site.title, path: url), title: "\(report.title) — \(label)",
                url: (absoluteBaseURL ?? "") + url + "index.html", updated: updated,
                author: config.office ?? config.title,
                summary: rendered.keyFigures.map { "\($0.value) \($0.label)" }.joined(separator: "; ")))
    }
}
