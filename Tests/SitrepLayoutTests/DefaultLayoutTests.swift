import Foundation
import SitrepLayout
import XCTest

/// sitrep's default layouts (read from Sources/SitrepSite/Defaults) and the example's footer
/// render byte for byte as swift-mustache 2.1.1 rendered them (escaping per Unicode scalar), for
/// the same data, when sitrep used it: its pages are kept in `Expected/`. Changed since by hand,
/// deliberately: `dir`, the feed link, the PDF link and the page-number words (issue 13).
final class DefaultLayoutTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Expected")

    /// The built-in templates by name, with the example's footer when `exampleFooter`.
    static func sources(exampleFooter: Bool = false) throws -> [String: String] {
        var sources: [String: String] = [:]
        for name in ["report", "series", "index", "head", "header", "footer"] {
            let url = root.appendingPathComponent("Sources/SitrepSite/Defaults/\(name).mustache")
            sources[name] = try String(contentsOf: url, encoding: .utf8)
        }
        if exampleFooter {
            sources["footer"] = try String(contentsOf: root.appendingPathComponent("templates/partials/footer.mustache"), encoding: .utf8)
        }
        return sources
    }

    /// The file holding swift-mustache's page for sample `number` of `SamplePages.all`.
    static func expectedFile(_ number: Int, layout: String, exampleFooter: Bool) -> URL {
        expected.appendingPathComponent("\(number)-\(layout)\(exampleFooter ? "-example-footer" : "").html")
    }

    func testEveryPageRendersAsSwiftMustacheRenderedIt() throws {
        for exampleFooter in [false, true] {
            let sources = try Self.sources(exampleFooter: exampleFooter)
            for (number, (layout, schema, data)) in SamplePages.all.enumerated() {
                let label = "\(layout), example footer: \(exampleFooter), sample \(number)"
                let file = Self.expectedFile(number, layout: layout, exampleFooter: exampleFooter)
                let expected = try String(contentsOf: file, encoding: .utf8)
                let rendered = try Self.plan(sources, layout: layout, schema: schema).render(data.value(as: .object(schema)))
                XCTAssertEqual(rendered, expected, label)
                XCTAssertTrue(rendered.contains("</html>"), label)
            }
        }
    }

    /// The data is escaped one scalar at a time: a `<` joined to a prepending character
    /// is still escaped, and quotes cannot close an attribute.
    func testTextFromDataIsEscapedPerScalar() throws {
        let (layout, schema, data) = SamplePages.all[0]
        let html = try Self.plan(Self.sources(), layout: layout, schema: schema).render(data.value(as: .object(schema)))
        XCTAssertTrue(html.contains("Brest \u{600}&lt;b&gt; &amp; &quot;Grodno&quot;"), html)
        XCTAssertFalse(html.contains("\u{600}<b>"))
    }

    static func plan(_ sources: [String: String], layout: String, schema: LayoutSchema) throws -> LayoutPlan {
        var templates: [String: LayoutTemplate] = [:]
        for (name, text) in sources { templates[name] = try LayoutTemplate(text, file: "(built-in \(name).mustache)") }
        return try LayoutPlan(layout: layout, templates: templates, data: .object(schema))
    }
}
