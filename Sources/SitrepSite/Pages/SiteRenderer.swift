import Dispatch
import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepSeries
import SitrepTemplates

/// Renders every page of a project, series by series and period by period, handing each file
/// to a sink as soon as it is ready so that memory does not grow with the number of reports.
/// Series are rendered in parallel, and within a series pages are rendered in parallel batches;
/// results are put together in order, so the output is the same whatever the number of threads.
public struct SiteRenderer: Sendable {
    public let project: Project
    let layouts: LayoutSet
    /// The engine that makes each report's PDF; nil when the build makes none.
    let pdf: PDFEngine?

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

        }

        struct Page: Codable, Sendable {
            var path: String
            var modified: Day?
        }

        /// One period of the series' outline, in reporting order.
        struct OutlinePeriod: Codable, Sendable {
            var name: String
            var start: Day
            var end: Day
            var asOf: Day?
        }

        var summary: Summary
        var feed: [AtomFeed.Entry] = []
        var pages: [Page] = []
        /// The periods as the build found them: a series whose files did not change is not
        /// read again for its outline (every report's front matter).
        var outline: [OutlinePeriod] = []

        /// The outline as period folders of the series `slug`.
        func periodFolders(of slug: String) -> [PeriodFolder]? {
            var folders: [PeriodFolder] = []
            for period in outline {
                guard var folder = PeriodFolder(name: period.name, path: "content/\(slug)/\(period.name)") else { return nil }
                folder.period = Period(start: period.start, end: period.end, asOf: period.asOf)
                folders.append(folder)
            }
            return folders
        }
    }

    /// The outcome of a render: the warnings, and each series' index by slug.
    public struct Rendered: Sendable {
        public var warnings: [Diagnostic]
        public var series: [String: SeriesIndex]
    }

    /// Given a series, the index of its pages if they can be kept from the previous build
    /// (after putting its files in place), or nil to render it.
    public typealias Reuse = @Sendable (Project.Series) -> SeriesIndex?

    /// Prepares to render `project` with the layouts from its `templates/` folder, and a PDF of
    /// each report with `pdf` (which is given the site's assets).
    public init(project: Project, pdf: PDFEngine? = nil) throws(DiagnosticError) {
        self.project = project
        layouts = try LayoutSet(files: project.files)
        self.pdf = pdf
        for asset in layouts.assets { try pdf?.provide(asset: "assets/\(asset.path)", asset.bytes) }
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
            } else {
                do throws(DiagnosticError) {
                    outcome.index = try renderSeries(series, sink: sink, warnings: &outcome.warnings)
                } catch { outcome.problems = error.diagnostics }
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
        let home = HomePageData(frame: frame(root: "", title: project.site.title, breadcrumbs: []), series: indexes.map(\.summary))
        try sink("index.html", layouts.render(home))
        try sink("feed.xml", AtomFeed(title: project.site.title, baseURL: absoluteBaseURL, entries: indexes.flatMap(\.feed)).render())
        if let base = absoluteBaseURL {
            let pages = [("index.html", nil)] + indexes.flatMap(\.pages).map { ($0.path, $0.modified) }
            try sink("sitemap.xml", Sitemap.render(baseURL: base, pages: pages))
        }
        for asset in layouts.assets { try sink("assets/\(asset.path)", asset.bytes) }
        return Rendered(warnings: warnings,
                        series: Dictionary(uniqueKeysWithValues: zip(project.series.map(\.config.slug), indexes)))
    }

    /// Renders a series' pages as its stream (load, figures, narrative) hands on its reports,
    /// then the series archive; returns what the site-wide pages need of the series.
    private func renderSeries(_ series: Project.Series, sink: Sink, warnings: inout [Diagnostic]) throws(DiagnosticError) -> SeriesIndex {
        let stream = try SeriesStream(project: project, series: series)
        let config = series.config
        let slug = config.slug
        var index = SeriesIndex(summary: .init(url: URLPath.encode("\(slug)/index.html"), title: config.title, office: config.office ?? "",
                                                reportCount: series.periods.count))
        index.outline = series.periods.map { .init(name: $0.name, start: $0.period.start, end: $0.period.end, asOf: $0.period.asOf) }
        let (pages, narrativeWarnings) = try stream.map { report throws(DiagnosticError) in
            try renderReport(report, stream: stream, sink: sink)
        }
        warnings += narrativeWarnings
        index.pages = pages.map(\.page)
        index.feed = pages.map(\.feed)
        let archive = SeriesPageData(
            frame: frame(root: "../", title: config.title, breadcrumbs: [PageLink(url: "../index.html", label: project.site.title)],
                         locale: config.locale),
            series: SeriesHeading(title: config.title, office: config.office), reports: pages.map(\.summary).reversed(),
            trends: SeriesTrend.trends(of: pages.map(\.summary), style: stream.style))
        try sink("\(slug)/index.html", layouts.render(archive))
        index.pages.append(.init(path: "\(slug)/index.html", modified: series.periods.last.map { $0.period.asOf ?? $0.period.end }))
        if let latest = series.periods.last, let label = stream.labels.last {
            index.summary.latestURL = URLPath.encode("\(slug)/\(latest.name)/index.html")
            index.summary.latestPeriodLabel = label
        }
        return index
    }

    /// What every page has, for a page `root` away from the site root, in `locale` (the site's by default).
    func frame(root: String, title: String, breadcrumbs: [PageLink], locale: String? = nil) -> PageFrame {
        PageFrame(locale: locale ?? project.site.locale, root: root, title: title, description: title,
                  siteTitle: project.site.title, breadcrumbs: breadcrumbs)
    }
}
