import SitrepContent
import SitrepLayout
import SitrepTemplates

/// A page's data, typed, as its layout receives it: one struct per layout, whose `value` has
/// the shape of the layout's schema in `PageTypes`.
protocol PageData {
    /// The layout that renders the page.
    static var layout: String { get }
    /// The data as the layout reads it.
    var value: LayoutValue { get }
}

/// `{url, label}`: a breadcrumb, the previous or next report.
struct PageLink: Sendable {
    var url: String
    var label: String

    var value: LayoutValue { .object(PageTypes.link, [("url", .text(url)), ("label", .text(label))]) }
}

/// A key figure as pages show it: its value and change formatted, its label filled in.
struct KeyFigureText: Sendable {
    var value: String
    var label: String
    /// "+2,311", when the previous report has the figure.
    var change: String?
    /// The figure's name and its number (nil for a date, text or list), for the series' trends.
    var figure: String
    var number: Rational?

    var layoutValue: LayoutValue {
        .object(PageTypes.keyFigure, [("value", .text(value)), ("label", .text(label)), ("change", optional(change))])
    }
}

/// What every page has: its language, where the site root is, its title and breadcrumbs.
struct PageFrame {
    var locale: String
    /// The relative path to the site root (`../../`).
    var root: String
    var title: String
    var description: String
    var siteTitle: String
    var breadcrumbs: [PageLink]
    /// Report pages only: the report's `figures.json`.
    var figuresURL: String?

    /// The common fields, by name.
    var fields: [(name: String, value: LayoutValue)] {
        [("lang", .text(locale)), ("dir", .text(TextDirection.of(locale))), ("root", .text(root)),
         ("stylesheet", .text("\(root)assets/sitrep.css")), ("pageTitle", .text(title)), ("description", .text(description)),
         ("site", .object(PageTypes.site, [("title", .text(siteTitle))])),
         ("breadcrumbs", .list(breadcrumbs.map(\.value))), ("t", PageLabels.value(for: locale)),
         ("figuresURL", optional(figuresURL))]
    }
}

/// `series` of report and series pages.
struct SeriesHeading {
    var title: String
    /// Absent when series.yml gives none (or an empty one).
    var office: String?

    var value: LayoutValue {
        .object(PageTypes.series, [("title", .text(title)), ("office", optional(office?.isEmpty == false ? office : nil))])
    }
}

/// `report.mustache`: one report.
struct ReportPageData: PageData {
    static let layout = "report"
    var frame: PageFrame
    var series: SeriesHeading
    var title: String
    var periodLabel: String
    var asOf: String?
    var keyFigures: [KeyFigureText]
    var notes: [String]
    /// The narrative, HTML.
    var body: String
    var previous: PageLink?
    var next: PageLink?
    /// The report's PDF, when the build makes PDFs.
    var pdf: PDFLink?

    var value: LayoutValue {
        let report = LayoutValue.object(PageTypes.reportFields, [
            ("title", .text(title)), ("periodLabel", .text(periodLabel)), ("asOf", optional(asOf)),
            ("keyFigures", .list(keyFigures.map(\.layoutValue))),
            ("notes", .list(notes.map { .object(PageTypes.note, [("text", .text($0))]) })),
        ])
        return .object(PageTypes.report, frame.fields + [
            ("series", series.value), ("report", report), ("body", .text(body)),
            ("previous", previous?.value ?? .absent), ("next", next?.value ?? .absent),
            ("pdf", pdf?.value ?? .absent),
        ])
    }
}

/// `series.mustache`: a series archive, latest report first.
struct SeriesPageData: PageData {
    static let layout = "series"
    var frame: PageFrame
    var series: SeriesHeading
    var reports: [ReportOutcome.Summary]
    /// The latest report's key figures over the series.
    var trends: [SeriesTrend]

    var value: LayoutValue {
        .object(PageTypes.seriesArchive, frame.fields + [
            ("series", series.value), ("reports", .list(reports.map(\.value))), ("trends", .list(trends.map(\.layoutValue))),
        ])
    }
}

/// `index.mustache`: the home page, one entry per series.
struct HomePageData: PageData {
    static let layout = "index"
    var frame: PageFrame
    var series: [SiteRenderer.SeriesIndex.Summary]

    var value: LayoutValue {
        .object(PageTypes.home, frame.fields + [("series", .list(series.map(\.value)))])
    }
}

extension ReportOutcome.Summary {
    /// The series page's view of the report.
    var value: LayoutValue {
        .object(PageTypes.reportSummary, [("url", .text(url)), ("title", .text(title)), ("periodLabel", .text(periodLabel)),
                                          ("keyFigures", .list(keyFigures.map(\.layoutValue)))])
    }
}

extension SiteRenderer.SeriesIndex.Summary {
    /// The home page's view of the series.
    var value: LayoutValue {
        var latest = LayoutValue.absent
        if let latestURL, let latestPeriodLabel {
            latest = .object(PageTypes.latestReport, [("url", .text(latestURL)), ("periodLabel", .text(latestPeriodLabel))])
        }
        return .object(PageTypes.seriesSummary, [("url", .text(url)), ("title", .text(title)), ("office", optional(office.isEmpty ? nil : office)),
                                                 ("reportCount", .text(String(reportCount))), ("latest", latest)])
    }
}

/// `text` as an optional field's value.
private func optional(_ text: String?) -> LayoutValue {
    text.map(LayoutValue.text) ?? .absent
}
