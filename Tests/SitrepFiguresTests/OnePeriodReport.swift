import SitrepContent
import SitrepDiagnostics

@testable import SitrepFigures

/// A report of one period, June 2022, in a series with no declarations: what the figure tests
/// compute from a few tables.
enum OnePeriodReport {
    /// The figures of a report holding `tables` and `stated`, as the build computes them.
    static func figures(_ tables: [Table], stated: [StatedFigure] = []) throws(DiagnosticError) -> FigureSet {
        let series = try SeriesConfig(slug: "s", file: "s/series.yml",
                                      yaml: YAMLNode.parse("title: S\n", file: "s/series.yml"), defaultLocale: "en")
        let day = Day(year: 2022, month: 6, day: 1)!
        let report = Report(
            folder: "2022-06", title: "June", period: Period(start: day, end: day.endOfMonth),
            keyFigures: [], notes: [], narrative: "", narrativeFile: "r/report.md", narrativeLineOffset: 0,
            tables: tables, statedFigures: stated)
        return try FigureComputer.figures(for: report, in: series)
    }
}
