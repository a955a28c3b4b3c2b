import SitrepContent
import SitrepLayout
import SitrepTemplates

/// `pdf` of a report page: where its PDF is and how large, "180 kB".
struct PDFLink: Sendable {
    var url: String
    var size: String

    /// The link to a PDF of `byteCount` bytes, its size written in `style`: whole kilobytes
    /// (of 1,000 bytes, at least 1) under a megabyte, then megabytes to one decimal.
    init(url: String, byteCount: Int, style: LocaleStyle) {
        self.url = url
        if byteCount < 999_500 {
            size = style.format(integer: max(1, (byteCount + 500) / 1000)) + " kB"
        } else {
            size = (style.format(Rational(byteCount, 1_000_000)!, decimals: 1) ?? String(byteCount / 1_000_000)) + " MB"
        }
    }

    var value: LayoutValue { .object(PageTypes.pdfLink, [("url", .text(url)), ("size", .text(size))]) }
}
