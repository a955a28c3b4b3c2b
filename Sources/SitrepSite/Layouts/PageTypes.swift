import SitrepLayout

/// The data each layout receives, typed: the fields docs/templates.md lists, checked against
/// every layout and partial when they are loaded. The values are built by the page structs
/// (`ReportPageData`, `SeriesPageData`, `HomePageData`), each from these schemas.
enum PageTypes {
    /// `{url, label}`: a breadcrumb, the previous or next report.
    static let link = LayoutSchema([.init("url", .text), .init("label", .text)])

    /// One key figure: `change` only when the previous report has the figure.
    static let keyFigure = LayoutSchema([.init("value", .text), .init("label", .text), .init("change", .optional(.text))])

    /// `series` of report and series pages: `office` is absent when series.yml gives none.
    static let series = LayoutSchema([.init("title", .text), .init("office", .optional(.text))])

    /// `site`: from sitrep.yml.
    static let site = LayoutSchema([.init("title", .text)])

    /// `pdf` of a report page: the PDF's address and its size as pages print it ("180 kB").
    static let pdfLink = LayoutSchema([.init("url", .text), .init("size", .text)])

    /// One item of `report.notes`.
    static let note = LayoutSchema([.init("text", .text)])

    /// `latest` of a home page's series: its latest report.
    static let latestReport = LayoutSchema([.init("url", .text), .init("periodLabel", .text)])

    /// The page labels, `t`, one text field per key.
    static let labels = LayoutSchema(PageLabels.keys.map { .init($0, .text) })

    /// What every page has. `figuresURL` is only on report pages, but the footer every page
    /// includes may test it.
    static let common: [LayoutSchema.Field] = [
        .init("lang", .text), .init("dir", .text), .init("root", .text), .init("stylesheet", .text),
        .init("pageTitle", .text), .init("description", .text),
        .init("site", .object(site)),
        .init("breadcrumbs", .list(.object(link))),
        .init("t", .object(labels)),
        .init("figuresURL", .optional(.text)),
    ]

    static let reportFields = LayoutSchema([
        .init("title", .text), .init("periodLabel", .text), .init("asOf", .optional(.text)),
        .init("keyFigures", .list(.object(keyFigure))),
        .init("notes", .list(.object(note))),
    ])

    /// `report.mustache`.
    static let report = LayoutSchema(common + [
        .init("series", .object(series)),
        .init("report", .object(reportFields)),
        .init("body", .html),
        .init("previous", .optional(.object(link))), .init("next", .optional(.object(link))),
        .init("pdf", .optional(.object(pdfLink))),
    ])

    /// One item of a series page's `reports`.
    static let reportSummary = LayoutSchema([
        .init("url", .text), .init("title", .text), .init("periodLabel", .text),
        .init("keyFigures", .list(.object(keyFigure))),
    ])

    /// One item of a series page's `trends`: `chart` is an SVG figure (HTML).
    static let trend = LayoutSchema([.init("value", .text), .init("label", .text), .init("chart", .html)])

    /// `series.mustache`.
    static let seriesArchive = LayoutSchema(common + [
        .init("series", .object(series)),
        .init("reports", .list(.object(reportSummary))),
        .init("trends", .list(.object(trend))),
    ])

    /// One item of the home page's `series`: `latest` is absent for a series with no report.
    static let seriesSummary = LayoutSchema([
        .init("url", .text), .init("title", .text), .init("office", .optional(.text)), .init("reportCount", .text),
        .init("latest", .optional(.object(latestReport))),
    ])

    /// `index.mustache`.
    static let home = LayoutSchema(common + [.init("series", .list(.object(seriesSummary)))])

    /// The layouts a site renders, with the type of their data.
    static let layouts: [String: LayoutType] = [
        ReportPageData.layout: .object(report),
        SeriesPageData.layout: .object(seriesArchive),
        HomePageData.layout: .object(home),
    ]
}
