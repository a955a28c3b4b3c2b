/// How a chart sits on a page of its locale's writing direction. A chart's code places
/// everything as if drawn left to right; `SVGText` turns those positions and anchors into the
/// layout's, so that the English drawing is unchanged and the right-to-left one is computed, not
/// flipped by a transform (which would mirror the glyphs too).
enum ChartLayout: Equatable {
    /// Drawn as placed: left to right.
    case leftToRight
    /// Mirrored for a right-to-left page: what is placed `x` from the left edge is drawn `x` from
    /// the right edge, and text is set right to left, so that an anchor placed for left to right
    /// (`start`: where the text begins) holds as it is. Bar charts.
    case mirrored
    /// Positions as placed, text set right to left: anchors are swapped (`start` ↔ `end`) so that
    /// each text keeps its place. Charts over time, whose time axis runs left to right in Arabic too.
    case rightToLeftText

    /// The layout for a chart in `style`'s language; `mirrors` says whether this kind of chart
    /// is mirrored on a right-to-left page.
    init(style: LocaleStyle, mirrors: Bool) {
        if TextDirection.isRightToLeft(style.identifier) {
            self = mirrors ? .mirrored : .rightToLeftText
        } else {
            self = .leftToRight
        }
    }

    /// The `<svg>` element's `direction`.
    var direction: String { self == .leftToRight ? "ltr" : "rtl" }
}
