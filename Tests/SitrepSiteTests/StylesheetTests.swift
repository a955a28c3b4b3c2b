import XCTest

@testable import SitrepSite

/// What the default stylesheet promises readers on a phone.
final class StylesheetTests: XCTestCase {
    /// The rules of the default stylesheet inside `@media screen and (max-width: 48rem)`, the
    /// narrow screens where a table scrolls sideways.
    private func narrowScreenRules() throws -> String {
        let css = String(decoding: PackageResources.sitrep_css, as: UTF8.self)
        let start = try XCTUnwrap(css.range(of: "@media screen and (max-width: 48rem) {"))
        var depth = 1
        var end = start.upperBound
        while depth > 0, end < css.endIndex {
            if css[end] == "{" { depth += 1 } else if css[end] == "}" { depth -= 1 }
            end = css.index(after: end)
        }
        return String(css[start.upperBound..<end])
    }

    /// On a narrow screen a wide table scrolls, and its caption does not scroll with it: it is
    /// a block as wide as the screen shows (so it wraps), held at the start of the line (seen at
    /// 390 px in Chromium: before, the end of a long caption was off the screen).
    func testATablesCaptionStaysInViewWhileItsColumnsScroll() throws {
        let rules = try narrowScreenRules()
        XCTAssertTrue(rules.contains(".sitrep-table {\n    display: block;\n    overflow-x: auto;"), rules)
        let caption = try XCTUnwrap(rules.range(of: ".sitrep-table caption {"))
        let body = rules[caption.upperBound...].prefix { $0 != "}" }
        XCTAssertTrue(body.contains("display: block;"), String(body))
        XCTAssertTrue(body.contains("position: sticky;"), String(body))
        XCTAssertTrue(body.contains("inset-inline-start: 0;"), String(body))
    }
}
