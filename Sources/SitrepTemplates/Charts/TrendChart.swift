import SitrepContent

/// A key figure's trend over the reports of a series, for the series page: a small line from
/// its lowest to its highest value (not from 0: it shows the direction, and the figure's value
/// is printed beside it), the latest report marked with a dot. No text is drawn; the SVG's
/// description gives every report's value. Like `PeriodChart`, time runs left to right in
/// every language.
public struct TrendChart: Sendable {
    /// One report: its period label and the figure's value there (nil when the report does not
    /// have it as a key figure).
    public struct Point: Sendable {
        public var label: String
        public var value: Rational?

        public init(label: String, value: Rational?) {
            self.label = label
            self.value = value
        }
    }

    public var title: String
    public var points: [Point]
    public var style: LocaleStyle

    public init(title: String, points: [Point], style: LocaleStyle) {
        self.title = title
        self.points = points
        self.style = style
    }

    private static let width = 160.0
    private static let height = 36.0

    /// The chart as a small `<figure>`; `id` must be unique on the page.
    public func html(id: String) -> String {
        let values = points.compactMap { $0.value?.doubleValue }
        let (low, high) = (values.min() ?? 0, values.max() ?? 0)
        let inset = 4.0
        func x(_ index: Int) -> Double {
            points.count < 2 ? Self.width / 2 : inset + Double(index) / Double(points.count - 1) * (Self.width - 2 * inset)
        }
        func y(_ value: Double) -> Double {
            high > low ? Self.height - inset - (value - low) / (high - low) * (Self.height - 2 * inset) : Self.height / 2
        }
        var svg = SVGText(ChartLayout(style: style, mirrors: false), width: Self.width)
        svg.line(x1: 0, y1: Self.height - 0.5, x2: Self.width, y2: Self.height - 0.5, className: "axis", stroke: ChartColours.axis)
        svg.path(through: points.enumerated().map { index, point in point.value.map { (x(index), y($0.doubleValue)) } },
                 className: "line s1", stroke: ChartColours.series[0])
        if let last = points.lastIndex(where: { $0.value != nil }), let value = points[last].value {
            svg.circle(x: x(last), y: y(value.doubleValue), radius: 3, className: "point s1", fill: ChartColours.series[0])
        }
        let description = points.map { "\($0.label): \($0.value.map { style.format($0) } ?? "–")" }.joined(separator: "; ") + "."
        return ChartFrame(id: id, kind: "trend", title: title, description: description, caption: false)
            .html(drawing: svg, width: Self.width, height: Self.height)
    }
}
