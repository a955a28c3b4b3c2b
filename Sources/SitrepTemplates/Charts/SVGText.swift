/// SVG markup written by hand, with every coordinate printed to one decimal place from a rounded
/// integer (never through `Double`'s own printing, which may differ between platforms), and every
/// text escaped. Positions and anchors are given as for a chart drawn left to right, and written
/// for the drawing's `layout` (see `ChartLayout`).
struct SVGText {
    private(set) var markup = ""
    private let layout: ChartLayout
    /// The drawing's width, from whose right edge a mirrored drawing measures x.
    private let width: Double

    init(_ layout: ChartLayout = .leftToRight, width: Double = ChartFrame.width) {
        self.layout = layout
        self.width = width
    }

    /// Where `x`, placed from the left edge, is drawn.
    private func x(_ x: Double) -> Double { layout == .mirrored ? width - x : x }

    /// `anchor`, given as placed, for where the text is drawn.
    private func anchor(_ anchor: String) -> String {
        guard layout == .mirrored else { return anchor }
        switch anchor {
        case "start": return "end"
        case "end": return "start"
        default: return anchor
        }
    }

    /// `value` with at most one decimal: 12, 12.5, -3.2.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let whole = String(abs(tenths) / 10)
        let sign = tenths < 0 ? "-" : ""
        return tenths % 10 == 0 ? sign + whole : "\(sign)\(whole).\(abs(tenths) % 10)"
    }

    /// Appends raw markup built by the caller.
    mutating func raw(_ text: String) { markup += text }

    /// A rectangle; a width or height below zero is drawn as zero.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, fill: String) {
        let width = max(0, width)
        let left = layout == .mirrored ? self.x(x) - width : x
        markup += "<rect class=\"\(className)\" x=\"\(Self.number(left))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(max(0, height)))\" fill=\"\(fill)\"/>\n"
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String, stroke: String) {
        markup += "<line class=\"\(className)\" x1=\"\(Self.number(x(x1)))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x(x2)))\" y2=\"\(Self.number(y2))\" stroke=\"\(stroke)\"/>\n"
    }

    /// Text at a baseline point; `anchor` is start, middle or end. `tooltip`, when given, is the
    /// full text of a label that was cut.
    mutating func text(_ text: String, x: Double, y: Double, className: String, size: Double, anchor: String = "start",
                       tooltip: String? = nil) {
        markup += "<text class=\"\(className)\" x=\"\(Self.number(self.x(x)))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        let anchor = self.anchor(anchor)
        if anchor != "start" { markup += " text-anchor=\"\(anchor)\"" }
        markup += ">"
        if let tooltip { markup += "<title>\(HTMLText.escape(tooltip))</title>" }
        // A right-to-left isolate: ordered as in a right-to-left paragraph (see ChartLayout).
        markup += layout == .leftToRight ? HTMLText.escape(text) : "&#x2067;" + HTMLText.escape(text) + "&#x2069;"
        markup += "</text>\n"
    }
}

extension SVGText {
    /// A small circle, for a point of a line.
    mutating func circle(x: Double, y: Double, radius: Double, className: String, fill: String) {
        raw("<circle class=\"\(className)\" cx=\"\(Self.number(self.x(x)))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" fill=\"\(fill)\"/>\n")
    }

    /// A line through `points`, broken where a point is nil.
    mutating func path(through points: [(x: Double, y: Double)?], className: String, stroke: String) {
        var data = ""
        var drawing = false
        for point in points {
            guard let point else { drawing = false; continue }
            data += (data.isEmpty ? "" : " ") + (drawing ? "L" : "M") + "\(Self.number(x(point.x))) \(Self.number(point.y))"
            drawing = true
        }
        guard !data.isEmpty else { return }
        raw("<path class=\"\(className)\" d=\"\(data)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"2\"/>\n")
    }
}
