import SitrepDiagnostics
import XCTest

@testable import SitrepSite

/// The layouts are checked when they are loaded: a partial that does not exist or includes
/// itself, a name that is not a field, a tag that does not fit its field — each an error at its
/// tag, all reported together, never a crash, an endless recursion or an empty string.
final class LayoutSetTests: XCTestCase {
    private func problems(_ templates: [String: String]) -> [String] {
        let sources = Dictionary(uniqueKeysWithValues: templates.map { ($0.key, (text: $0.value, file: "templates/partials/\($0.key).mustache")) })
        do {
            _ = try LayoutSet(templates: sources)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    private func home(_ layouts: LayoutSet) -> String {
        let frame = PageFrame(locale: "en", root: "", title: "Sitrep", description: "Sitrep", siteTitle: "Sitrep <&>", breadcrumbs: [])
        return String(decoding: layouts.render(HomePageData(frame: frame, series: [])), as: UTF8.self)
    }

    func testACycleThroughAnotherPartialNamesEveryStep() {
        let found = problems(["index": "{{> a}}", "a": "A\n\n{{> b}}\n", "b": "B\n    {{>a}}\n"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix(
            "templates/partials/b.mustache:2:8: error: the partial 'a' includes itself: a "
                + "→ b (templates/partials/a.mustache:3) → a (templates/partials/b.mustache:2)") == true, "\(found)")
    }

    func testAPartialIncludingItselfAndALongerCycle() {
        XCTAssertTrue(problems(["index": "{{> a}}", "a": "x {{> a }}"]).first?.hasPrefix(
            "templates/partials/a.mustache:1:7: error: the partial 'a' includes itself: a "
                + "→ a (templates/partials/a.mustache:1)") == true)
        let found = problems(["index": "{{> c}}", "c": "{{> d}}", "d": "{{#site}}{{> e}}{{/site}}", "e": "{{> c}}"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.contains("the partial 'c' includes itself: c → "
                                            + "d (templates/partials/c.mustache:1) → e (templates/partials/d.mustache:1) → "
                                            + "c (templates/partials/e.mustache:1)") == true, "\(found)")
    }

    func testACycleThroughABuiltInLayoutIsFound() {
        // The built-in report layout includes the footer.
        let found = problems(["footer": "{{> report}}"])
        XCTAssertTrue(found.contains { $0.contains("the partial 'footer' includes itself: footer → report (templates/partials/footer.mustache:1) → footer ((built-in report.mustache):") }, "\(found)")
    }

    func testSetDelimiterTagsAreFollowed() {
        let found = problems(["index": "{{> a}}", "a": "{{=<% %>=}}\n<%> a %>\n<%> nothing %>"])
        XCTAssertEqual(found.count, 2, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:2:5: error: the partial 'a' includes itself") == true, "\(found)")
        XCTAssertTrue(found.last?.hasPrefix("templates/partials/a.mustache:3:5: error: there is no partial 'nothing'") == true, "\(found)")
        XCTAssertEqual(problems(["a": "{{=| |=}}|> footer|"]), [])
    }

    func testAStartDelimiterBeforeALineBreakIsNotAPartial() {
        // A tag is on one line: `{{` at the end of a line is an unclosed tag, not text before a partial.
        let found = problems(["index": "{{> a}}", "a": "{{\n{{> a}}"])
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/a.mustache:1:1: error: a tag is not closed") == true, "\(found)")
    }

    func testAMissingPartialIsAnErrorAtItsTagWithTheNearestName() {
        let found = problems(["index": "x\n  {{> fotter}}"])
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.hasPrefix("templates/partials/index.mustache:2:7: error: there is no partial 'fotter'; did you mean 'footer'?") == true,
                      "\(found)")
    }

    func testDynamicPartialsAndParentsAreRefused() {
        XCTAssertTrue(problems(["index": "{{>*name}}"]).first?.hasPrefix(
            "templates/partials/index.mustache:1:4: error: a partial named by data ({{>*name}}) is not supported") == true)
        XCTAssertTrue(problems(["index": "{{<p}}{{/p}}"]).first?.contains("template inheritance") == true)
    }

    func testEveryTemplateIsCheckedAndEveryProblemReported() {
        // A parse error in one template and a field error in another are reported together.
        let found = problems(["footer": "{{#site}}", "header": "{{t.generatedBx}}"])
        XCTAssertEqual(found.count, 1, "a template that does not parse stops before compiling: \(found)")
        let fields = problems(["footer": "{{t.generatedBx}}", "header": "{{site.titel}}"])
        XCTAssertEqual(fields.count, 2, "\(fields)")
        XCTAssertTrue(fields.contains { $0.hasPrefix("templates/partials/footer.mustache:1:3: error: no field 't.generatedBx'; did you mean 't.generatedBy'?") },
                      "\(fields)")
        XCTAssertTrue(fields.contains { $0.hasPrefix("templates/partials/header.mustache:1:3: error: no field 'site.titel'; did you mean 'site.title'?") },
                      "\(fields)")
    }

    func testATextFieldCannotBeWrittenRaw() {
        let found = problems(["footer": "{{{site.title}}}"])
        XCTAssertTrue(found.first?.contains("'site.title' is text from data: {{{site.title}}} would put it in the page unescaped") == true, "\(found)")
    }

    func testPartialsWithoutCyclesRender() throws {
        let layouts = try LayoutSet(templates: ["index": (text: "<{{> one}}>{{site.title}}", file: "templates/index.mustache"),
                                                "one": (text: "{{> two}}{{> two}}", file: "templates/one.mustache"),
                                                "two": (text: "2", file: "templates/two.mustache")])
        XCTAssertEqual(home(layouts), "<22>Sitrep &lt;&amp;&gt;")
        let scoped = try LayoutSet(templates: ["index": (text: "{{#site}}{{=| |=}}|/site||> two||> two|", file: "templates/index.mustache"),
                                               "two": (text: "2", file: "templates/two.mustache")])
        XCTAssertEqual(home(scoped), "22")
    }
}
