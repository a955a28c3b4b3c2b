import SitrepContent
import SitrepDiagnostics
import XCTest

@testable import SitrepFigures

@testable import SitrepTemplates

/// A narrative links only to http(s), mailto or relative addresses: any other scheme, written
/// by the author or filled in from data, is an error at the link.
final class LinkDestinationTests: XCTestCase {
    func testTheSchemeIsReadAsABrowserReadsIt() {
        XCTAssertNil(LinkDestination.scheme(of: "../2022-05/index.html"))
        XCTAssertNil(LinkDestination.scheme(of: "#notes"))
        XCTAssertNil(LinkDestination.scheme(of: "a/b:c"))
        XCTAssertNil(LinkDestination.scheme(of: "1x:y"))
        XCTAssertEqual(LinkDestination.scheme(of: "HTTPS://x"), "https")
        XCTAssertEqual(LinkDestination.scheme(of: " \u{1}java\tscript:x"), "javascript")
        XCTAssertEqual(LinkDestination.scheme(of: "tel:+375"), "tel")
    }

    private func render(_ markdown: String, address: String = "https://example.org/") throws -> NarrativeRenderer.Output {
        var figures = FigureSet()
        figures.add("contact.address", .text(address), origin: .report)
        let renderer = NarrativeRenderer(figures: figures, tables: [], style: LocaleStyle.named("en")!)
        return try renderer.render(markdown, file: "report.md", lineOffset: 5)
    }

    func testAllowedLinksRender() throws {
        let html = try render("See [the plan](https://example.org/plan), [us](mailto:a@example.org), [May](../2022-05/index.html) and [notes](#notes).").html
        for href in ["https://example.org/plan", "mailto:a@example.org", "../2022-05/index.html", "#notes"] {
            XCTAssertTrue(html.contains("href=\"\(href)\""), html)
        }
    }

    func testOtherSchemesAreLocatedErrors() {
        for (markdown, scheme, column) in [("Call [us](tel:+375).", "tel", 6), ("x\n\n![map](data:image/png;base64,AAAA)", "data", 1),
                                           ("[a](javascript:alert(1))", "javascript", 1), ("[f](ftp://x/y)", "ftp", 1)] {
            XCTAssertThrowsError(try render(markdown), markdown) { error in
                let diagnostic = (error as? DiagnosticError)?.diagnostics.first
                XCTAssertEqual(diagnostic?.message.hasPrefix("a link to a '\(scheme):' address"), true, "\(error)")
                XCTAssertEqual(diagnostic?.location?.column, column, "\(error)")
                XCTAssertEqual(diagnostic?.location?.line, markdown.hasPrefix("x") ? 8 : 6, "\(error)")
            }
        }
    }

    func testAFigureThatMakesTheAddressAnotherSchemeIsRemovedWithAWarning() throws {
        let output = try render("Write to {{ contact.address }}: [contact]({{ contact.address }}).", address: "tel:+375")
        XCTAssertFalse(output.html.contains("tel:+375\""), output.html)
        XCTAssertTrue(output.html.contains("<a href=\"\">contact</a>"), output.html)
        XCTAssertEqual(output.warnings.map(\.location?.line), [6])
        XCTAssertTrue(output.warnings.first?.message.contains("'tel:'") == true, "\(output.warnings)")
        XCTAssertTrue(try render("[contact]({{ contact.address }})").html.contains("href=\"https://example.org/\""))
    }
}
