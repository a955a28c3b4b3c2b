import SitrepLayout

/// Data for each of sitrep's layouts, covering what its sections test: lists empty and not,
/// optional fields present and absent, text that needs escaping.
enum SamplePages {
    static func labels(_ prefix: String) -> TestData {
        .object(SitePageTypes.labelKeys.map { ($0, .string("\(prefix) \($0) <'&'>")) })
    }

    static func common(root: String, title: String, breadcrumbs: [(String, String)]) -> [(String, TestData)] {
        [("lang", .string("en")), ("dir", .string("ltr")), ("root", .string(root)), ("stylesheet", .string("\(root)assets/sitrep.css")),
         ("pageTitle", .string(title)), ("description", .string("\(title): a \"report\"")),
         ("site", .object([("title", .string("Sitrep & co"))])),
         ("breadcrumbs", .list(breadcrumbs.map { .object([("url", .string($0.0)), ("label", .string($0.1))]) })),
         ("t", labels("en"))]
    }

    static func keyFigure(_ value: String, _ label: String, _ change: String?) -> TestData {
        .object([("value", .string(value)), ("label", .string(label))] + (change.map { [("change", .string($0))] } ?? []))
    }

    static let figures: TestData = .list([
        keyFigure("32,322", "entries since 24 February", "+2,311"),
        keyFigure("1,204", "people in Brest \u{600}<b> & \"Grodno\"", nil),
        keyFigure("0", "returns", ""),
    ])

    static let reportPage: TestData = .object(common(root: "../../", title: "Flash update — June", breadcrumbs: [
        ("../../index.html", "Sitrep & co"), ("../index.html", "Belarus <office>"),
    ]) + [
        ("figuresURL", .string("figures.json")),
        ("series", .object([("title", .string("Belarus <office>")), ("office", .string("IOM Minsk"))])),
        ("report", .object([
            ("title", .string("Flash update")), ("periodLabel", .string("27 May – 9 June 2022")),
            ("asOf", .string("9 June 2022")), ("keyFigures", figures), ("notes", .list([])),
        ])),
        ("body", .string("<p>The <em>narrative</em> &amp; more.</p>\n<ul>\n<li>one</li>\n</ul>\n")),
        ("next", .object([("url", .string("../2022-07/index.html")), ("label", .string("July"))])),
        ("pdf", .object([("url", .string("belarus-2022-06.pdf")), ("size", .string("180 kB"))])),
    ])

    static let firstReportPage: TestData = .object(common(root: "../../", title: "First", breadcrumbs: [
        ("../../index.html", "Sitrep"), ("../index.html", "Belarus"),
    ]) + [
        ("figuresURL", .string("figures.json")),
        ("series", .object([("title", .string("Belarus")), ("office", .string(""))])),
        ("report", .object([
            ("title", .string("First")), ("periodLabel", .string("May 2022")),
            ("keyFigures", .list([])), ("notes", .list([.object([("text", .string("Correction: <b>x</b> is lower."))]), .object([("text", .string("Two"))])])),
        ])),
        ("body", .string("")),
        ("previous", .object([("url", .string("../2022-04/index.html")), ("label", .string("April 'x'"))])),
    ])

    static let seriesPage: TestData = .object(common(root: "../", title: "Belarus", breadcrumbs: [("../index.html", "Sitrep")]) + [
        ("series", .object([("title", .string("Belarus")), ("office", .string("IOM <Minsk>"))])),
        ("reports", .list([
            .object([("url", .string("2022-06/index.html")), ("title", .string("Flash")), ("periodLabel", .string("June")), ("keyFigures", figures)]),
            .object([("url", .string("2022-05/index.html")), ("title", .string("First")), ("periodLabel", .string("May")), ("keyFigures", .list([]))]),
        ])),
        ("trends", .list([
            .object([("value", .string("32,322")), ("label", .string("entries <since> 24 February")),
                     ("chart", .string("<figure class=\"sitrep-chart sitrep-chart-trend\"><svg></svg></figure>"))]),
        ])),
    ])

    static let emptySeriesPage: TestData = .object(common(root: "../", title: "Empty", breadcrumbs: [("../index.html", "Sitrep")]) + [
        ("series", .object([("title", .string("Empty")), ("office", .string(""))])), ("reports", .list([])), ("trends", .list([])),
    ])

    static let homePage: TestData = .object(common(root: "", title: "Sitrep", breadcrumbs: []) + [
        ("series", .list([
            .object([("url", .string("belarus/index.html")), ("title", .string("Belarus")), ("office", .string("IOM")),
                     ("reportCount", .string("3")),
                     ("latest", .object([("url", .string("belarus/2022-06/index.html")), ("periodLabel", .string("June <2022>"))]))]),
            .object([("url", .string("empty/index.html")), ("title", .string("Empty")), ("office", .string("")),
                     ("reportCount", .string("0"))]),
        ])),
    ])

    static let emptyHomePage: TestData = .object(common(root: "", title: "Sitrep", breadcrumbs: []) + [("series", .list([]))])

    static let all: [(String, LayoutSchema, TestData)] = [
        ("report", SitePageTypes.report, reportPage),
        ("report", SitePageTypes.report, firstReportPage),
        ("series", SitePageTypes.seriesArchive, seriesPage),
        ("series", SitePageTypes.seriesArchive, emptySeriesPage),
        ("index", SitePageTypes.home, homePage),
        ("index", SitePageTypes.home, emptyHomePage),
    ]
}
