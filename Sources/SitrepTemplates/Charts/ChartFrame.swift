/// The HTML around a chart's SVG: a figure with a visible caption, and an SVG that is one image
/// to assistive technology (`role="img"`), named by its `<title>` and described by its `<desc>`,
/// which gives every number the chart shows.
struct ChartFrame {
    /// Unique on the page: the ids of the title and description derive from it.
    var id: String
    /// `bar`, `stacked`, `line`, `column` or `trend`: the figure's class is `sitrep-chart-<kind>`.
    var kind: String
    var title: String
    var description: String
    /// Set for a chart shown with a caption (in a report); trends are named by their label.
    var caption = true

    /// Width of every chart in viewBox units: text sizes are chosen for it, and the SVG scales to
    /// the width CSS gives it, from a 360 px phone to A4.
    static let width = 400.0

    /// The figure holding `svg` (the drawing, without the `<svg>` element), `height` units tall.
    func html(drawing: SVGText, width: Double = ChartFrame.width, height: Double) -> String {
        let title = HTMLText.escape(self.title)
        var html = "<figure class=\"sitrep-chart sitrep-chart-\(kind)\">\n"
        if caption { html += "<figcaption>\(title)</figcaption>\n" }
        html += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(SVGText.number(width)) \(SVGText.number(height))\""
        // Drawn left to right: positions and anchors assume it, also on a right-to-left page,
        // whose text is written as right-to-left isolates (see ChartLayout).
        html += " direction=\"ltr\" role=\"img\" aria-labelledby=\"\(id)-title\" aria-describedby=\"\(id)-desc\">\n"
        html += "<title id=\"\(id)-title\">\(title)</title>\n<desc id=\"\(id)-desc\">\(HTMLText.escape(description))</desc>\n"
        html += drawing.markup
        return html + "</svg>\n</figure>"
    }
}

/// The colours a chart is drawn in when no stylesheet restyles it; `sitrep.css` sets the same
/// through custom properties (`--chart-1` …), which a layout's stylesheet can change.
enum ChartColours {
    /// Series colours, dark and light in turn so that neighbours differ in greyscale.
    static let series = ["#0033a0", "#9db5e0", "#4f6fa8", "#1b1f24", "#c8d3e6", "#6b7385"]
    static let grid = "#c7cfdc"
    static let axis = "#5b6577"

    /// The class and colour of the `index`th series.
    static func series(_ index: Int) -> (className: String, colour: String) {
        ("s\(index % series.count + 1)", series[index % series.count])
    }
}
