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

    /// What the site-wide pages (home, feed, sitemap) need from one series' pages. Kept in the
    /// build manifest, so that a series whose inputs did not change need not be rendered again.
    public struct SeriesIndex: Codable, Sendable {
        struct Summary: Codable, Sendable {
            var url: String
            var title: String
            var office: String
            var reportCount: Int
            var latestURL: String?
            var latestPeriodLabel: String?

            /// The home page layout's view of the series.
            var context: [String: Any] {
                var context: [String: Any] = ["url": url, "title": title, "office": office, "reportCount": reportCount]
                if let latestURL, let latestPeriodLabel { context["latest"] = ["url": latestURL, "periodLabel": latestPeriodLabel] }
                return context
            }
        }

        struct Page: Codable, Sendable {
            var path: String
            var modified: Day?
        }

        var summary: Summary
        var feed: [AtomFeed.Entry] = []
        var pages: [Page] = []
    }

    /// The outcome of a render: the warnings, and each series' index by slug.
    public struct Rendered: Sendable {
        public var warnings: [Diagnostic]
        public var series: [String: SeriesIndex]
    }

    /// Given a series, the index of its pages if they can be kept from the previous build
    /// (after putting its files in place), or nil to render it.
    public typealias Reuse = @Sendable (Project.Series) -> SeriesIndex?

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
    public func render(into sink: Sink, reusing reuse: Reuse? = nil) throws(DiagnosticError) -> Rendered {
        /// What one series gave: its part of the site index, or its problems.
        struct Outcome: Sendable {
            var index: SeriesIndex?
            var warnings: [Diagnostic] = []
            var problems: [Diagnostic] = []
        }
        let outcomes = Locked([Outcome](repeating: Outcome(), count: project.series.count))
        DispatchQueue.concurrentPerform(iterations: project.series.count) { position in
            let series = project.series[position]
            var outcome = Outcome()
            if let kept = reuse?(series) {
                outcome.index = kept
            } else if let style = LocaleStyle.named(series.config.locale) {
                do throws(DiagnosticError) {
                    outcome.index = try renderSeries(series, style: style, sink: sink, warnings: &outcome.warnings)
                } catch { outcome.problems = error.diagnostics }
            } else {
                outcome.problems = [Diagnostic(at: SourceLocation(file: series.config.file), "unknown locale '\(series.config.locale)'",
                                               hint: "use one of: \(LocaleStyle.all.keys.sorted().joined(separator: ", "))")]
            }
            outcomes.withLock { $0[position] = outcome }
        }
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var indexes: [SeriesIndex] = []
        for outcome in outcomes.withLock({ $0 }) {
            problems += outcome.problems
            warnings += outcome.warnings
            if let index = outcome.index { indexes.append(index) }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var home = page(root: "", title: project.site.title, breadcrumbs: [])
        home["series"] = indexes.map(\.summary.context)
        try emit("index.html", try layouts.render("index", home), sink)
        try emit("feed.xml", AtomFeed(title: project.site.title, baseURL: absoluteBaseURL, entries: indexes.flatMap(\.feed)).render(), sink)
        if let base = absoluteBaseURL {
            let pages = [("index.html", nil)] + indexes.flatMap(\.pages).map { ($0.path, $0.modified) }
            try emit("sitemap.xml", Sitemap.render(baseURL: base, pages: pages), sink)
        }
        for asset in layouts.assets { try sink("assets/\(asset.path)", asset.bytes) }
        return Rendered(warnings: warnings,
                        series: Dictionary(uniqueKeysWithValues: zip(project.series.map(\.config.slug), indexes)))
    }

    private func renderSeries(_ series: Project.Series, style: LocaleStyle, sink: Sink,
                              warnings: inout [Diagnostic]) throws(DiagnosticError) -> SeriesIndex {
        let config = series.config
        let slug = config.slug
        var problems: [Diagnostic] = []
        var summaries: [[String: Any]] = []
        var index = SeriesIndex(summary: .init(url: "\(slug)/index.html", title: config.title, office: config.office ?? "",
                                                reportCount: series.periods.count))
        let labels = series.periods.map { style.format(from: $0.period.start, to: $0.period.end) }
        var seriesFigures = SeriesFigures(series: config)
        for (position, folder) in series.periods.enumerated() {
            let report: Report
            do {
                report = try project.loadReport(series: series, folder: folder)
            } catch {
                // Later periods build on this one: checking them now would only repeat its errors.
                problems += error.diagnostics
                if position + 1 < series.periods.count {
                    problems.append(Diagnostic(
                        .warning, at: SourceLocation(file: series.periods[position + 1].path),
                        "the later periods of this series were not checked, because they build on \(folder.name)",
                        hint: "fix the errors above and run sitrep again"))
                }
                break
            }
            do {
                let figures = try seriesFigures.figures(for: report, folder: folder)
                let rendered = try RenderedReport(report: report, figures: figures, series: config, style: style)
                warnings += rendered.warnings
                let label = labels[position]
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
                index.pages.append(.init(path: path + "index.html", modified: updated))
                index.feed.append(AtomFeed.Entry(
                    id: AtomFeed.id(baseURL: absoluteBaseURL, path: path), title: "\(report.title) — \(label)",
                    url: (absoluteBaseURL ?? "") + path + "index.html", updated: updated,
                    author: config.office ?? config.title,
                    summary: rendered.keyFigures.map { "\($0.value) \($0.label)" }.joined(separator: "; ")))
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var context = page(root: "../", title: config.title, breadcrumbs: [["url": "../index.html", "label": project.site.title]],
                           locale: config.locale)
        context["series"] = seriesContext(config)
        context["reports"] = Array(summaries.reversed())
        try emit("\(slug)/index.html", try layouts.render("series", context), sink)
        index.pages.append(.init(path: "\(slug)/index.html", modified: series.periods.last.map { $0.period.asOf ?? $0.period.end }))
        if let latest = series.periods.last, let label = labels.last {
            index.summary.latestURL = "\(slug)/\(latest.name)/index.html"
            index.summary.latestPeriodLabel = label
        }
        return index
    }

    private func page(root: String, title: String, breadcrumbs: [[String: String]], locale: String? = nil) -> [String: Any] {
        let locale = locale ?? project.site.locale
        return ["lang": locale, "t": PageLabels.labels(for: locale), "root": root, "stylesheet": "\(root)assets/sitrep.css",
                "pageTitle": title, "description": title, "site": ["title": project.site.title], "breadcrumbs": breadcrumbs]
    }

    private func seriesContext(_ config: SeriesConfig) -> [String: Any] {
        ["title": config.title, "office": config.office ?? ""]
    }

    private func emit(_ path: String, _ text: String, _ sink: Sink) throws(DiagnosticError) {
        try sink(path, Array(text.utf8))
    }
}
