import SitrepContent

/// A figure over the periods of a series, from the first report to this one: a line placed by
/// the periods' end dates, or one column per period. The value axis is on the left, on round
/// numbers; a period whose value is missing leaves a gap. Time runs left to right in every
/// language (as Arabic charts draw it too); on a right-to-left page only the text is set right
/// to left.
struct PeriodChart {
    struct Point {
        /// The period's label in the series' locale, for the description.
        var label: String
        /// The label under the axis: a whole month's label, or the period's last day.
        var axisLabel: String
        var end: Day
        var value: Rational?
    }

    enum Kind { case line, column }

    var kind: Kind
    var points: [Point]
    var unit: String?
    var style: LocaleStyle

    private static let height = 220.0
    private static let tickSize = 11.0
    private static let valueSize = 12.0

    /// Every period's value, in words: "13–26 May 2022: 1,234; …".
    var description: String {
        let unitText = unit.map { " \($0)" } ?? ""
        return points.map { "\($0.label): \($0.value.map { style.format($0) + unitText } ?? "–")" }.joined(separator: "; ") + "."
    }

    /// The drawing and its height.
    func draw() -> (SVGText, height: Double) {
        let (width, height) = (ChartFrame.width, Self.height)
        var svg = SVGText(ChartLayout(style: style, mirrors: false), width: width)
        let scale = ChartScale(values: points.compactMap { $0.value?.doubleValue }, targetTicks: 5)
        let tickLabels = scale.ticks.map { style.format($0) }
        let left = (tickLabels.map { ChartText.width($0, fontSize: Self.tickSize) }.max() ?? 0) + 8
        let (top, bottom, right) = (unit == nil ? 22.0 : 34.0, height - 30, width - 4)
        func y(_ value: Double) -> Double { bottom - scale.fraction(value) * (bottom - top) }

        if let unit { svg.text(unit, x: 0, y: 12, className: "unit", size: Self.tickSize) }
        for (tick, label) in zip(scale.ticks, tickLabels) {
            let tickY = y(tick.doubleValue)
            svg.line(x1: left, y1: tickY, x2: right, y2: tickY, className: tick.numerator == 0 ? "axis" : "grid",
                     stroke: tick.numerator == 0 ? ChartColours.axis : ChartColours.grid)
            svg.text(label, x: left - 6, y: tickY + 4, className: "tick", size: Self.tickSize, anchor: "end")
        }

        let centres: [Double]
        switch kind {
        case .line:
            let first = points.first?.end.ordinal ?? 0
            let span = Double((points.last?.end.ordinal ?? 0) - first)
            let inset = 6.0
            centres = points.map { point in
                span == 0 ? (left + right) / 2 : left + inset + Double(point.end.ordinal - first) / span * (right - left - 2 * inset)
            }
            svg.path(through: zip(points, centres).map { point, x in point.value.map { (x, y($0.doubleValue)) } },
                     className: "line s1", stroke: ChartColours.series[0])
            if points.count <= 40 {
                for (point, x) in zip(points, centres) {
                    if let value = point.value { svg.circle(x: x, y: y(value.doubleValue), radius: 3, className: "point s1", fill: ChartColours.series[0]) }
                }
            }
            if let lastIndex = points.lastIndex(where: { $0.value != nil }), let value = points[lastIndex].value {
                let text = style.format(value)
                let textWidth = ChartText.width(text, fontSize: Self.valueSize)
                let x = min(max(centres[lastIndex], left + textWidth / 2), right - textWidth / 2)
                svg.text(text, x: x, y: y(value.doubleValue) - 8, className: "value", size: Self.valueSize, anchor: "middle")
            }
        case .column:
            let band = (right - left) / Double(max(points.count, 1))
            let columnWidth = min(band * 0.7, 48)
            centres = points.indices.map { left + band * (Double($0) + 0.5) }
            let zero = y(0)
            let texts = points.map { $0.value.map { style.format($0) } }
            let allFit = texts.allSatisfy { text in text.map { ChartText.width($0, fontSize: Self.valueSize) <= band - 2 } ?? true }
            for (index, (point, x)) in zip(points, centres).enumerated() {
                guard let value = point.value else { continue }
                let valueY = y(value.doubleValue)
                svg.rect(x: x - columnWidth / 2, y: min(valueY, zero), width: columnWidth, height: abs(zero - valueY),
                         className: "bar s1", fill: ChartColours.series[0])
                if allFit || index == points.count - 1, let text = texts[index] {
                    let textY = value.numerator < 0 ? valueY + 14 : valueY - 4
                    svg.text(text, x: x, y: textY, className: "value", size: Self.valueSize, anchor: "middle")
                }
            }
        }
        let labels = points.map(\.axisLabel)
        let shown = ChartLabels.spaced(centres: centres, widths: labels.map { ChartText.width($0, fontSize: Self.tickSize) },
                                       from: left, to: width)
        for (index, centre) in shown {
            svg.text(labels[index], x: centre, y: bottom + 18, className: "tick", size: Self.tickSize, anchor: "middle")
        }
        return (svg, height)
    }
}
