/// How a chart sits on a page of its locale's writing direction. A chart's code places
/// everything as if drawn left to right; `SVGText` turns those positions and anchors into the
/// layout's, so that the English drawing is unchanged and the right-to-left one is computed, not
/// flipped by a transform (which would mirror the glyphs too).
///
/// The SVG itself stays `direction="ltr"` and every anchor is physical (`start` is the left end):
/// browsers read `start` as the right end of right-to-left text, but WeasyPrint, which prints
/// the PDFs, ignores `direction` in SVG and always reads `start` as the left end. Right-to-left
/// text is instead written as a right-to-left isolate (U+2067 … U+2069), which browsers order
/// and shape as in a right-to-left paragraph.
enum ChartLayout: Equatable {
    /// Drawn as placed: left to right.
    case leftToRight
    /// Mirrored for a right-to-left page: what is placed `x` from the left edge is drawn `x` from
    /// the right edge, and an anchor is turned round (`start` ↔ `end`), so that text placed to
    /// begin at a point now ends there. Bar charts.
    case mirrored
    /// Positions and anchors as placed, text set right to left. Charts over time, whose time axis
    /// runs left to right in Arabic too.
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
}
