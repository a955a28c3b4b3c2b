import SitrepContent

/// Horizontal bars, largest first, each with its label on the line above (so that long names
/// use the chart's whole width, also on a phone) and its value at its end. With segments, each
/// bar is split in the order of `segmentNames`, and a legend comes first. On a right-to-left
/// page the chart is mirrored: labels and bars start at the right edge, the legend runs from
/// the right, and the axis's numbers grow to the left.
struct BarChart {
    struct Bar {
        var label: String
        var total: Int
        /// The bar's parts, one per segment name; empty for a plain bar.
        var segments: [Int] = []
    }

    var bars: [Bar]
    var segmentNames: [String] = []
    /// The whole the shares are of.
    var grandTotal: Int
    var share: Bool
    var unit: String?
    var style: LocaleStyle

    private static let labelSize = 13.0
    private static let valueSize = 12.0
    private static let tickSize = 11.0
    private static let barHeight = 16.0
    private static let rowGap = 10.0

    /// The text at a bar's end: its value, and its share when asked for.
    func valueText(_ bar: Bar) -> String {
        style.format(integer: bar.total) + shareText(bar)
    }

    /// " (96.5%)" when shares are asked for, else nothing.
    private func shareText(_ bar: Bar) -> String {
        guard share, let fraction = Rational(bar.total, grandTotal),
              let percent = style.formatPercent(fraction, decimals: 1, inTable: true) else { return "" }
        return " (\(percent))"
    }

    /// What the chart shows, in words, for a screen reader: every bar's value and parts.
    var description: String {
        let unitText = unit.map { " \($0)" } ?? ""
        var parts = bars.map { bar in
            var text = "\(bar.label): \(style.format(integer: bar.total))\(unitText)\(shareText(bar))"
            if !segmentNames.isEmpty {
                text += " (" + zip(segmentNames, bar.segments).map { "\($0): \(style.format(integer: $1))" }.joined(separator: ", ") + ")"
            }
            return text
        }
        parts.append("\(style.totalLabel): \(style.format(integer: grandTotal))\(unitText)")
        return parts.joined(separator: "; ") + "."
    }

    /// The drawing and its height.
    func draw() -> (SVGText, height: Double) {
        let width = ChartFrame.width
        let layout = ChartLayout(style: style, mirrors: true)
        var svg = SVGText(layout, width: width)
        var y = 0.0
        if !segmentNames.isEmpty { y = legend(into: &svg, width: width) }

        let valueTexts = bars.map(valueText)
        let valueRoom = (valueTexts.map { ChartText.width($0, fontSize: Self.valueSize) }.max() ?? 0) + 8
        let plotWidth = max(width / 3, width - valueRoom)
        let scale = ChartScale(values: bars.map { Double($0.total) })
        func x(_ value: Double) -> Double { scale.fraction(value) * plotWidth }

        // Rows first (label lines, then the bar), so that the grid can be drawn under them.
        var rows = SVGText(layout, width: width)
        for (bar, value) in zip(bars, valueTexts) {
            let (lines, cut) = ChartText.lines(bar.label, width: width, fontSize: Self.labelSize, maxLines: 2)
            for line in lines {
                y += 15
                rows.text(line, x: 0, y: y, className: "label", size: Self.labelSize, tooltip: cut ? bar.label : nil)
            }
            y += 4
            if segmentNames.isEmpty {
                rows.rect(x: 0, y: y, width: x(Double(bar.total)), height: Self.barHeight, className: "bar s1", fill: ChartColours.series[0])
            } else {
                var start = 0.0
                var sum = 0
                for (index, part) in bar.segments.enumerated() where part > 0 {
                    sum += part
                    let end = x(Double(sum))
                    let (className, colour) = ChartColours.series(index)
                    rows.rect(x: start, y: y, width: end - start, height: Self.barHeight, className: "bar \(className)", fill: colour)
                    start = end
                }
            }
            rows.text(value, x: x(Double(bar.total)) + 4, y: y + Self.barHeight - 4, className: "value", size: Self.valueSize)
            y += Self.barHeight + Self.rowGap
        }
        // The axis runs under the bars with a tick mark at each round number; no grid line
        // crosses the labels.
        let axisY = y - Self.rowGap + 4
        svg.raw(rows.markup)
        svg.line(x1: 0, y1: axisY, x2: x(scale.high), y2: axisY, className: "axis", stroke: ChartColours.axis)
        for tick in scale.ticks {
            let tickX = x(tick.doubleValue)
            svg.line(x1: tickX, y1: axisY, x2: tickX, y2: axisY + 4, className: "axis", stroke: ChartColours.axis)
        }
        let tickLabels = scale.ticks.map { style.format($0) }
        let tickXs = scale.ticks.map { x($0.doubleValue) }
        let shown = ChartLabels.spaced(centres: tickXs, widths: tickLabels.map { ChartText.width($0, fontSize: Self.tickSize) },
                                       from: 0, to: width)
        for (index, centre) in shown {
            svg.text(tickLabels[index], x: centre, y: axisY + 16, className: "tick", size: Self.tickSize, anchor: "middle")
        }
        var height = axisY + 22
        if let unit {
            svg.text(unit, x: x(scale.high), y: axisY + 32, className: "unit", size: Self.tickSize, anchor: "end")
            height += 14
        }
        return (svg, height)
    }

    /// Swatches and segment names in rows across the top; returns where the bars start.
    private func legend(into svg: inout SVGText, width: Double) -> Double {
        var x = 0.0
        var y = 0.0
        for (index, name) in segmentNames.enumerated() {
            let label = ChartText.width(name, fontSize: Self.valueSize) > width / 2
                ? ChartText.truncated(name, width: width / 2, fontSize: Self.valueSize) : name
            let itemWidth = 14 + ChartText.width(label, fontSize: Self.valueSize)
            if x > 0, x + itemWidth > width { (x, y) = (0, y + 18) }
            let (className, colour) = ChartColours.series(index)
            svg.rect(x: x, y: y + 3, width: 10, height: 10, className: "swatch \(className)", fill: colour)
            svg.text(label, x: x + 14, y: y + 12, className: "legend", size: Self.valueSize, tooltip: label == name ? nil : name)
            x += itemWidth + 16
        }
        return y + 22
    }
}

/// Placing axis labels so that none overlaps another.
enum ChartLabels {
    /// Which labels to show, and where their centres go: each is kept inside `from`…`to`, the
    /// first and the last are shown, and the others where they leave a gap to their neighbours.
    static func spaced(centres: [Double], widths: [Double], from low: Double, to high: Double, gap: Double = 6) -> [(Int, Double)] {
        guard !centres.isEmpty else { return [] }
        let placed = zip(centres, widths).map { centre, width in
            min(max(centre, low + width / 2), max(low + width / 2, high - width / 2))
        }
        func overlap(_ a: Int, _ b: Int) -> Bool {
            abs(placed[a] - placed[b]) < (widths[a] + widths[b]) / 2 + gap
        }
        var chosen = [0]
        let last = centres.count - 1
        let showLast = last > 0 && !overlap(0, last)
        for index in 1..<max(1, last) where !overlap(chosen[chosen.count - 1], index) && (!showLast || !overlap(index, last)) {
            chosen.append(index)
        }
        if showLast { chosen.append(last) }
        return chosen.map { ($0, placed[$0]) }
    }
}
