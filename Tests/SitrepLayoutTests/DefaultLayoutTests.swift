import Foundation
import Mustache
import SitrepLayout
import SitrepTemplates
import XCTest

/// sitrep's default layouts (read from Sources/SitrepSite/Defaults) and the example's footer
/// render byte for byte as swift-mustache renders them, for the same data.
final class DefaultLayoutTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

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

    func testEveryPageRendersAsSwiftMustacheRendersIt() throws {
        for exampleFooter in [false, true] {
            let sources = try Self.sources(exampleFooter: exampleFooter)
            for (layout, schema, data) in SamplePages.all {
                let label = "\(layout), example footer: \(exampleFooter), \(data.any)"
                let expected = try Self.swiftMustache(sources, layout: layout, data: data)
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

    /// As `LayoutSet` renders today: swift-mustache, escaping per scalar.
    static func swiftMustache(_ sources: [String: String], layout: String, data: TestData) throws -> String {
        _ = ScalarEscaping.registered
        var library = MustacheLibrary()
        for (name, text) in sources {
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: \(ScalarEscaping.name)}}\n" + text), named: name)
        }
        return try XCTUnwrap(library.render(data.any, withTemplate: layout))
    }

    struct ScalarEscaping: MustacheContentType {
        static let name = "LAYOUT_TEST_HTML"
        static let registered: Void = MustacheContentTypes.register(ScalarEscaping(), named: name)
        func escapeText(_ text: String) -> String { HTMLText.escape(text) }
    }
}
