import SitrepLayout
import SitrepTemplates

/// A key figure over the reports of a series, for the series page: the latest report's value
/// and label, and a small line of its value in every report.
struct SeriesTrend {
    var value: String
    var label: String
    /// The trend chart, HTML.
    var chart: String

    var layoutValue: LayoutValue {
        .object(PageTypes.trend, [("value", .text(value)), ("label", .text(label)), ("chart", .text(chart))])
    }

    /// One trend per key figure of the latest report, in its order, over `reports` (in reporting
    /// order); a report that does not list the figure as a key figure leaves a gap.
    static func trends(of reports: [ReportOutcome.Summary], style: LocaleStyle) -> [SeriesTrend] {
        guard let latest = reports.last else { return [] }
        return latest.keyFigures.enumerated().map { index, key in
            let points = reports.map { report in
                TrendChart.Point(label: report.periodLabel, value: report.keyFigures.first { $0.figure == key.figure }?.number)
            }
            let chart = TrendChart(title: key.label, points: points, style: style).html(id: "trend-\(index + 1)")
            return SeriesTrend(value: key.value, label: key.label, chart: chart)
        }
    }
}
