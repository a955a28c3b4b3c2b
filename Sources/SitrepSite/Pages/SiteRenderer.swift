import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// Renders every page of a project, series by series and period by period, handing each file
/// to a sink as soon as it is ready so that memory does not grow with the number of reports.
public struct SiteRenderer {
    public let project: Project
    let layouts: LayoutSet

    /// Prepares to render `project` with the layouts from its `templates/` folder.
    public init(project: Project) throws(DiagnosticError) {
        self.project = project
        layouts = try LayoutSet(templatesFolder: project.root + "/templates")
    }

    /// Renders the whole site. `sink` receives each file's path (relative to the site root)
    /// and bytes. Problems in one report do not stop the others from being checked; all are
    /// thrown together at the end. Returns the warnings.
    public func render(into sink: (String, [UInt8]) throws(DiagnosticError) -> Void) throws(DiagnosticError) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var seriesSummaries: [[String: Any]] = []
        for series in project.series {
            guard let style = LocaleStyle.named(series.config.locale) else {
                problems.append(Diagnostic(at: SourceLocation(file: series.config.file), "unknown locale '\(series.config.locale)'",
                                           hint: "use one of: \(LocaleStyle.all.keys.sorted().joined(separator: ", "))"))
                continue
            }
            do {
                let summary = try renderSeries(series, style: style, sink: sink, warnings: &warnings)
                seriesSummaries.append(summary)
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var home = page(root: "", title: project.site.title, breadcrumbs: [])
        home["series"] = seriesSummaries
        try emit("index.html", try layouts.render("index", home), sink)
        for asset in layouts.assets { try sink("assets/\(asset.path)", asset.bytes) }
        return warnings
    }

    private func renderSeries(_ series: Project.Series, style: LocaleStyle,
                              sink: (String, [UInt8]) throws(DiagnosticError) -> Void,
                              warnings: inout [Diagnostic]) throws(DiagnosticError) -> [String: Any] {
        let slug = series.config.slug
        var problems: [Diagnostic] = []
        var summaries: [[String: Any]] = []
        let periodLabels = series.periods.map(\.name)
        var seriesFigures = SeriesFigures(series: series.config)
        for (index, folder) in series.periods.enumerated() {
            do {
                let report = try project.loadReport(series: series, folder: folder)
                let figures = try seriesFigures.figures(for: report, folder: folder)
                let rendered = try RenderedReport(report: report, figures: figures, series: series.config, style: style)
                warnings += rendered.warnings
                let label = style.format(from: report.period.start, to: report.period.end)
                var context = page(root: "../../", title: "\(report.title) — \(label)", breadcrumbs: [
                    ["url": "../../index.html", "label": project.site.title],
                    ["url": "../index.html", "label": series.config.title],
                ])
                context["description"] = "\(series.config.title): situation report, \(label)"
                context["series"] = seriesContext(series.config)
                context["lang"] = series.config.locale
                var reportContext: [String: Any] = [
                    "title": report.title, "periodLabel": label,
                    "keyFigures": rendered.keyFigureContext, "notes": report.notes.map { ["text": $0] },
                ]
                if let asOf = report.period.asOf { reportContext["asOf"] = style.format(asOf) }
                context["report"] = reportContext
                context["body"] = rendered.body
                context["figuresURL"] = "figures.json"
                if index > 0 { context["previous"] = ["url": "../\(periodLabels[index - 1])/index.html", "label": periodLabels[index - 1]] }
                if index + 1 < periodLabels.count {
                    context["next"] = ["url": "../\(periodLabels[index + 1])/index.html", "label": periodLabels[index + 1]]
                }
                try emit("\(slug)/\(folder.name)/index.html", try layouts.render("report", context), sink)
                try emit("\(slug)/\(folder.name)/figures.json",
                         FiguresJSON.render(series: slug, period: folder.name, report: report, figures: rendered.figures), sink)
                summaries.append(["url": "\(folder.name)/index.html", "title": report.title, "periodLabel": label,
                                  "keyFigures": rendered.keyFigureContext])
            } catch { problems += error.diagnostics }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        var context = page(root: "../", title: series.config.title, breadcrumbs: [["url": "../index.html", "label": project.site.title]])
        context["series"] = seriesContext(series.config)
        context["lang"] = series.config.locale
        context["reports"] = Array(summaries.reversed())
        try emit("\(slug)/index.html", try layouts.render("series", context), sink)

        var summary: [String: Any] = ["url": "\(slug)/index.html", "title": series.config.title,
                                      "office": series.config.office ?? "", "reportCount": summaries.count]
        if let latest = summaries.last {
            summary["latest"] = ["url": "\(slug)/\(latest["url"]!)", "periodLabel": latest["periodLabel"]!]
        }
        return summary
    }

    private func page(root: String, title: String, breadcrumbs: [[String: String]]) -> [String: Any] {
        ["lang": project.site.locale, "root": root, "stylesheet": "\(root)assets/sitrep.css", "pageTitle": title,
         "description": title, "site": ["title": project.site.title], "breadcrumbs": breadcrumbs]
    }

    private func seriesContext(_ config: SeriesConfig) -> [String: Any] {
        ["title": config.title, "office": config.office ?? ""]
    }

    private func emit(_ path: String, _ text: String, _ sink: (String, [UInt8]) throws(DiagnosticError) -> Void) throws(DiagnosticError) {
        try sink(path, Array(text.utf8))
    }
}
