import SitrepLayout

/// The data of sitrep's three layouts as docs/templates.md describes it, typed: what
/// `SitrepSite` gives each page.
enum SitePageTypes {
    static let labelKeys = [
        "skipToContent", "breadcrumb", "reportingPeriod", "dataAsOf", "office", "keyFigures", "notes",
        "reportsInSeries", "previousReport", "nextReport", "allReports", "onPreviousReport", "reports",
        "latest", "noReports", "noReportsInSeries", "generatedBy", "everyFigureAsData",
        "printVersion", "page", "pageOf", "feed",
    ]

    static let link = LayoutSchema([.init("url", .text), .init("label", .text)])
    static let keyFigure = LayoutSchema([.init("value", .text), .init("label", .text), .init("change", .optional(.text))])

    /// What every page has; `figuresURL` only report pages, but the footer every page
    /// includes tests it.
    static let common: [LayoutSchema.Field] = [
        .init("lang", .text), .init("dir", .text), .init("root", .text), .init("stylesheet", .text),
        .init("pageTitle", .text), .init("description", .text),
        .init("site", .object(LayoutSchema([.init("title", .text)]))),
        .init("breadcrumbs", .list(.object(link))),
        .init("t", .object(LayoutSchema(labelKeys.map { .init($0, .text) }))),
        .init("figuresURL", .optional(.text)),
    ]

    static let series = LayoutSchema([.init("title", .text), .init("office", .text)])

    static let report = LayoutSchema(common + [
        .init("series", .object(series)),
        .init("report", .object(LayoutSchema([
            .init("title", .text), .init("periodLabel", .text), .init("asOf", .optional(.text)),
            .init("keyFigures", .list(.object(keyFigure))),
            .init("notes", .list(.object(LayoutSchema([.init("text", .text)])))),
        ]))),
        .init("body", .html),
        .init("previous", .optional(.object(link))), .init("next", .optional(.object(link))),
        .init("pdf", .optional(.object(LayoutSchema([.init("url", .text), .init("size", .text)])))),
    ])

    static let seriesArchive = LayoutSchema(common + [
        .init("series", .object(series)),
        .init("reports", .list(.object(LayoutSchema([
            .init("url", .text), .init("title", .text), .init("periodLabel", .text),
            .init("keyFigures", .list(.object(keyFigure))),
        ])))),
        .init("trends", .list(.object(LayoutSchema([.init("value", .text), .init("label", .text), .init("chart", .html)])))),
    ])

    static let home = LayoutSchema(common + [
        .init("series", .list(.object(LayoutSchema([
            .init("url", .text), .init("title", .text), .init("office", .text), .init("reportCount", .text),
            .init("latest", .optional(.object(LayoutSchema([.init("url", .text), .init("periodLabel", .text)])))),
        ])))),
    ])
}
