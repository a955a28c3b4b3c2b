import SitrepContent
import SitrepDiagnostics
import SitrepFigures

extension ChartBlock {
    /// What a chart draws from: the period's tables and figures, the series' history of the
    /// figures that charts follow, and how the series writes numbers.
    struct Sources {
        var tables: [Table]
        var figures: FigureSet
        /// The history up to this report; nil outside a series (a line then has one point).
        var history: FigureHistory?
        /// This report's period, when there is no history.
        var period: FigureHistory.Period?
        var style: LocaleStyle
        /// Titles declared for tables in series.yml, the default chart titles.
        var tableTitles: [String: String]
    }

    /// The chart as a `<figure>` holding its caption and SVG; `id` must be unique on the page.
    func html(from sources: Sources, id: String) throws(DiagnosticError) -> String {
        let title = try chartTitle(sources)
        let (drawn, description): ((SVGText, height: Double), String)
        switch kind {
        case .bar, .stacked:
            let chart = try barChart(sources)
            (drawn, description) = (chart.draw(), chart.description)
        case .line, .column:
            let chart = try periodChart(sources)
            (drawn, description) = (chart.draw(), chart.description)
        }
        return ChartFrame(id: id, kind: kind.rawValue, title: title, description: description).html(drawing: drawn.0, height: drawn.height)
    }

    private func chartTitle(_ sources: Sources) throws(DiagnosticError) -> String {
        if let title, !title.isEmpty { return title }
        if let table, let declared = sources.tableTitles[table] { return declared }
        throw DiagnosticError(Diagnostic(
            at: location(of: "type"), "\(kind.name) needs `title:`",
            hint: kind == .line || kind == .column ? "e.g. title: People who entered Belarus since 24 February, by reporting period"
                : "or give the table a title in series.yml (tables: \(table ?? "…"): title: …)"))
    }

    /// The bars: one per value of `rows`, largest first, the smallest beyond `top` as one "Other".
    private func barChart(_ sources: Sources) throws(DiagnosticError) -> BarChart {
        let table = self.table ?? "", rows = self.rows ?? ""
        let data = try TableBlock.table(named: table, in: sources.tables, at: location(of: "table"))
        let rowIndex = try TableBlock.dimension(rows, in: data, at: location(of: "rows"))
        let splitIndex = try split.map { name throws(DiagnosticError) in try TableBlock.dimension(name, in: data, at: location(of: "split")) }
        let grouped = try RowGroups(data, rows: rowIndex, columns: splitIndex, top: top, order: \.rankedPositions)
        let groups = grouped.groups
        var bars = grouped.shown.map { BarChart.Bar(label: groups[$0].key, total: groups[$0].total, segments: grouped.cells[$0]) }
        if !grouped.rest.isEmpty {
            bars.append(BarChart.Bar(label: grouped.restLabel(sources.style), total: grouped.restTotal,
                                     segments: grouped.columnSums(grouped.rest)))
        }
        let segmentNames = grouped.columnKeys
        return BarChart(bars: bars, segmentNames: segmentNames, grandTotal: try Aggregation.total(of: data),
                        share: share, unit: unit, style: sources.style)
    }

    /// The points: the figure in every period of the series up to this report.
    private func periodChart(_ sources: Sources) throws(DiagnosticError) -> PeriodChart {
        let name = figure ?? ""
        let style = sources.style
        guard let current = sources.figures[name] else {
            let (message, hint) = sources.figures.missingFigure(name)
            throw DiagnosticError(Diagnostic(at: location(of: "figure"), message, hint: hint))
        }
        guard current.value.number != nil else {
            throw DiagnosticError(Diagnostic(at: location(of: "figure"), "'\(name)' is not a number, so it cannot be charted",
                                             hint: "chart a count, a total or a stated number"))
        }
        var periods: [FigureHistory.Period] = []
        var values: [Rational?] = []
        if let history = sources.history {
            guard let kept = history.values(of: name) else {
                throw DiagnosticError(Diagnostic(
                    at: location(of: "figure"), "the values of '\(name)' in the earlier reports were not kept",
                    hint: "start the chart's fence (```sitrep-chart) at the start of a line, outside lists and quotes, so that sitrep finds it before the series is read"))
            }
            periods = Array(history.visiblePeriods)
            values = kept
        } else if let period = sources.period {
            periods = [period]
            values = [current.value.number]
        }
        let points = zip(periods, values).map { period, value in
            let wholeMonth = period.start.day == 1 && period.end == period.start.endOfMonth
            return PeriodChart.Point(label: period.label, axisLabel: wholeMonth ? period.label : style.format(period.end),
                                     end: period.end, value: value)
        }
        return PeriodChart(kind: kind == .line ? .line : .column, points: points, unit: unit, style: style)
    }
}
