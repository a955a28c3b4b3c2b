import SitrepLayout
import XCTest

/// What a layout can do with sitrep's data beyond the default layouts: transforms, position
/// tests, nested partials, names resolved innermost first.
final class LayoutRenderTests: XCTestCase {
    func render(_ text: String, partials: [String: String] = [:], _ data: TestData = SamplePages.reportPage) throws -> String {
        var templates = ["page": try LayoutTemplate(text, file: "page.mustache")]
        for (name, partial) in partials { templates[name] = try LayoutTemplate(partial, file: "\(name).mustache") }
        let schema = SitePageTypes.report
        return try LayoutPlan(layout: "page", templates: templates, data: .object(schema)).render(data.value(as: .object(schema)))
    }

    func testListTransforms() throws {
        XCTAssertEqual(try render("{{count(breadcrumbs)}} {{count(report.notes)}}"), "2 0")
        XCTAssertEqual(try render("{{#reversed(breadcrumbs)}}{{label}};{{/reversed(breadcrumbs)}}"), "Belarus &lt;office&gt;;Sitrep &amp; co;")
        XCTAssertEqual(try render("{{#first(breadcrumbs)}}{{url}}{{/first(breadcrumbs)}}|{{^first(report.notes)}}none{{/first(report.notes)}}"),
                       "../../index.html|none")
        XCTAssertEqual(try render("{{#empty(report.notes)}}no notes{{/empty(report.notes)}}{{^empty(breadcrumbs)}}, a trail{{/empty(breadcrumbs)}}"),
                       "no notes, a trail")
        XCTAssertEqual(try render("{{#last(reversed(breadcrumbs))}}{{url}}{{/last(reversed(breadcrumbs))}}"), "../../index.html")
    }

    func testPositionTestsInsideAList() throws {
        let text = "{{#report.keyFigures}}{{index()}}:{{value}}{{^last()}}, {{/last()}}{{#first()}}!{{/first()}}{{/report.keyFigures}}"
        XCTAssertEqual(try render(text), "0:32,322, !1:1,204, 2:0")
        XCTAssertEqual(try render("{{#breadcrumbs}}{{#odd()}}o{{/odd()}}{{#even()}}e{{/even()}}{{/breadcrumbs}}"), "eo")
    }

    func testANameIsLookedUpInTheInnermostSectionFirst() throws {
        // `label` is the key figure's, `title` the report's, `t.notes` the page's.
        let text = "{{#report}}{{title}}{{#keyFigures}}[{{label}}|{{t.notes}}]{{/keyFigures}}{{/report}}"
        let html = try render(text)
        XCTAssertTrue(html.hasPrefix("Flash update[entries since 24 February|en notes &lt;&#39;&amp;&#39;&gt;]"), html)
    }

    func testAnAbsentOptionalFieldWritesNothingAndItsSectionsChoose() throws {
        XCTAssertEqual(try render("[{{previous.url}}][{{next.url}}]{{^previous}}first{{/previous}}"), "[][../2022-07/index.html]first")
    }

    func testAPartialOnItsOwnLineIndentsEachOfItsLinesAndItsPartialsLines() throws {
        let html = try render("<ul>\n  {{> item}}\n</ul>\n", partials: [
            "item": "{{#breadcrumbs}}\n<li>{{label}}</li>\n  {{> mark}}\n{{/breadcrumbs}}\n",
            "mark": "<!-- {{url}} -->\n",
        ])
        XCTAssertEqual(html, "<ul>\n  <li>Sitrep &amp; co</li>\n    <!-- ../../index.html -->\n"
            + "  <li>Belarus &lt;office&gt;</li>\n    <!-- ../index.html -->\n</ul>\n")
    }

    func testSwiftMustachesContentTypePragmaIsAcceptedAndRemovesItsLine() throws {
        XCTAssertEqual(try render("{{% CONTENT_TYPE: HTML}}\n<p>{{pageTitle}}</p>"), "<p>Flash update — June</p>")
    }

    func testTemplatesSavedWithWindowsLineEndsKeepThem() throws {
        XCTAssertEqual(try render("<ul>\r\n  {{#breadcrumbs}}\r\n  <li>{{label}}</li>\r\n  {{/breadcrumbs}}\r\n</ul>\r\n"),
                       "<ul>\r\n  <li>Sitrep &amp; co</li>\r\n  <li>Belarus &lt;office&gt;</li>\r\n</ul>\r\n")
    }
}
