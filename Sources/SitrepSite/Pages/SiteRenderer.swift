import Dispatch
import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// Renders every page of a project, series by series and period by period, handing each file
/// to a sink as soon as it is ready so that memory does not grow with the number of reports.
/// Series are rendered in parallel, one per core; their results are put together in the order
/// of the series, so the output is the same whatever the number of threads.
public struct SiteRenderer: Sendable {
    public let project: Project
    let layouts: LayoutSet

    /// A sink receives each file's path (relative to the site root) and bytes.
    public typealias Sink = @Sendable (String, [UInt8]) throws(DiagnosticError) -> Void

    /// What the site-wide pages (home, feed, sitemap) need from the series pages.
    private struct SiteIndex {
        var series: [[String: Any]] = []
        var feed: [AtomFeed.Entry] = []
        var pages: [(path: String, modified: Day?)] = []
    }

    /// Prepares to render `project` with the layouts from its `templates/` folder.
    public init(project: Project) throws(DiagnosticError) {
        self.project = project
        layouts = try LayoutSet(templatesFolder: project.root + "/templates")
    }

    /// The site's base URL when it is absolute (needed by the feed's links and the sitemap).
    var absoluteBaseURL: String? {
        let url = project.site.baseURL
        return url.hasPrefix("https://") || url.hasPrefix("http://") ? url : nil
    }

    /// Renders the whole site. Problems in one report do not stop the others from being
    /// checked; all are thrown together at the end. Returns the warnings.
    public func render(into sink: Sink) throws(DiagnosticError) -> [Diagnostic] {
        /// What one series gave: its part of the site index, or its problems.
        struct Outcome: @unchecked Sendable {
            var index = SiteIndex()
            var warnings: [Diagnostic] = []
            var problems: [Diagnostic] = []
        }
        let outcomes = Locked([Outcome](repeating: Outcome(), count: project.series.count))
        DispatchQueue.concurrentPerform(iterations: project.series.count) { position in
            let series = project.series[position]
            var outcome = Outcome()
            if let style = LocaleStyle.named(series.config.locale) {
                do throws(DiagnosticError) {
                    try renderSeries(series, style: style, sink: sink, index: &outcome.index, warnings: &outcome.warnings)
                } catch { outcome.problems = error.diagnostics }
            } else {
                outcome.problems = [Diagnostic(at: SourceLocation(file: series.config.file), "unknown locale '\(series.config.locale)'",
                                               hint: "use one of: \(LocaleStyle.all.keys.sorted().joined(separator: ", "))")]
            }
            outcomes.withLock { $0[position] = outcome }
        }
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var index = SiteIndex()
        for outcome in outcomes.withLock({ $0 }) {
            problems += outcome.problems
            warnings += outcome.warnings
            index.series += outcome.index.series
            index.feed += outcome.index.feed
            index.pages += outcome.index.pages
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var home = page(root: "", title: project.site.title, breadcrumbs: [])
        home["series"] = index.series
        try emit("index.html", try layouts.render("index", home), sink)
        try emit("feed.xml", AtomFeed(title: project.site.title, baseURL: absoluteBaseURL, entries: index.feed).render(), sink)
        if let base = absoluteBaseURL {
            try emit("sitemap.xml", Sitemap.render(baseURL: base, pages: [("index.html", nil)] + index.pages), sink)
        }
        for asset in layouts.assets { try sink("assets/\(asset.path)", asset.bytes) }
        return warnings
    }

    private func renderSeries(_ series: Project.Series, style: LocaleStyle, sink: Sink,
                              index: inout SiteIndex, warnings: inout [Diagnostic]) throws(DiagnosticError) {
        let config = series.config
        let slug = config.slug
        var problems: [Diagnostic] = []
        var summaries: [[String: Any]] = []
        let labels = series.periods.map { style.format(from: $0.period.start, to: $0.period.end) }
        var seriesFigures = SeriesFigures(series: config)
        for (position, folder) in series.periods.enumerated() {
            do {
                let report = try project.loadReport(series: series, folder: folder)
                let figures = try seriesFigures.figures(for: report, folder: folder)
                let rendered = try RenderedReport(report: report, figures: figures, series: config, style: style)
                warnings += rendered.warnings
                let label = labels[position]
                var context = page(root: "../../", title: "\(report.title) — \(label)", breadcrumbs: [
                    ["url": "../../index.html", "label": project.site.title],
                    ["url": "../index.html", "label": config.title],
                ])
                context["lang"] = config.locale
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
                    context["previous"] = ["url": "../\(series.periods[position - 1].name)/index.html", "label": labels[position - 1]]
                }
                if position + 1 < series.periods.count {
                    context["next"] = ["url": "../\(series.periods[position + 1].name)/index.html", "label": labels[position + 1]]
                }
                let path = "\(slug)/\(folder.name)/"
                try emit(path + "index.html", try layouts.render("report", context), sink)
                try sink(path + "figures.json",
                         FiguresJSON.render(series: slug, period: folder.name, report: report, figures: rendered.figures))
                summaries.append(["url": "\(folder.name)/index.html", "title": report.title, "periodLabel": label,
                                  "keyFigures": rendered.keyFigureContext])
                let updated = report.period.asOf ?? report.period.end
                index.pages.append((path + "index.html", updated))
                index.feed.append(AtomFeed.Entry(
                    id: AtomFeed.id(baseURL: absoluteBaseURL, path: path), title: "\(report.title) — \(label)",
                    url: (absoluteBaseURL ?? "") + path + "index.html", updated: updated,
                    author: config.office ?? config.title,
                    summary: rendered.keyFigures.map { "\($0.value) \($0.label)" }.joined(separator: "; ")))
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var context = page(root: "../", title: config.title, breadcrumbs: [["url": "../index.html", "label": project.site.title]])
        context["series"] = seriesContext(config)
        context["lang"] = config.locale
        context["reports"] = Array(summaries.reversed())
        try emit("\(slug)/index.html", try layouts.render("series", context), sink)
        index.pages.append(("\(slug)/index.html", series.periods.last.map { $0.period.asOf ?? $0.period.end }))

        var summary: [String: Any] = ["url": "\(slug)/index.html", "title": config.title,
                                      "office": config.office ?? "", "reportCount": summaries.count]
        if let latest = summaries.last {
            summary["latest"] = ["url": "\(slug)/\(latest["url"]!)", "periodLabel": latest["periodLabel"]!]
        }
        index.series.append(summary)
    }

    private func page(root: String, title: String, breadcrumbs: [[String: String]]) -> [String: Any] {
        ["lang": project.site.locale, "root": root, "stylesheet": "\(root)assets/sitrep.css", "pageTitle": title,
         "description": title, "site": ["title": project.site.title], "breadcrumbs": breadcrumbs]
    }

    private func seriesContext(_ config: SeriesConfig) -> [String: Any] {
        ["title": config.title, "office": config.office ?? ""]
    }

    private func emit(_ path: String, _ text: String, _ sink: Sink) throws(DiagnosticError) {
        try sink(path, Array(text.utf8))
    }
}
