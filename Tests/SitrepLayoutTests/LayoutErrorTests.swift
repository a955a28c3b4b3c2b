import SitrepDiagnostics
import SitrepLayout
import XCTest

/// Every problem in a layout is found when it is loaded, located at its tag, with a way out.
final class LayoutErrorTests: XCTestCase {
    /// Compiles `layout` among `files` (name to text, each at templates/<name>.mustache) for a
    /// report page; returns the problems.
    func problems(_ files: [String: String], layout: String = "page", schema: LayoutSchema = SitePageTypes.report) -> [Diagnostic] {
        do {
            var templates: [String: LayoutTemplate] = [:]
            for (name, text) in files { templates[name] = try LayoutTemplate(text, file: "templates/\(name).mustache") }
            _ = try LayoutPlan(layout: layout, templates: templates, data: .object(schema))
            XCTFail("no problem found")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func problem(_ text: String, partials: [String: String] = [:]) -> String {
        problems(partials.merging(["page": text]) { $1 }).map(\.description).joined(separator: "\n")
    }

    func testAnUnknownFieldInAPartialIsLocatedWithTheNearestName() throws {
        var footer = try DefaultLayoutTests.sources(exampleFooter: true)["footer"]!
        footer = footer.replacingOccurrences(of: "{{t.generatedBy}}", with: "{{t.generatedBx}}")
        var templates: [String: LayoutTemplate] = [:]
        for (name, text) in try DefaultLayoutTests.sources() { templates[name] = try LayoutTemplate(text, file: "(built-in \(name).mustache)") }
        templates["footer"] = try LayoutTemplate(footer, file: "templates/partials/footer.mustache")
        XCTAssertThrowsError(try LayoutPlan(layout: "report", templates: templates, data: .object(SitePageTypes.report))) { error in
            let problems = (error as! DiagnosticError).diagnostics
            XCTAssertEqual(problems.count, 1)
            XCTAssertEqual(problems.first?.location, SourceLocation(file: "templates/partials/footer.mustache", line: 7, column: 23))
            XCTAssertEqual(problems.first?.message, "no field 't.generatedBx'; did you mean 't.generatedBy'?")
            XCTAssertTrue(problems.first?.description.contains("^") ?? false)
        }
    }

    func testAnUnknownNameInsideAListLooksAtTheItemAndOutward() {
        let text = "{{#report.keyFigures}}{{valeu}}{{/report.keyFigures}}"
        XCTAssertTrue(problem(text).contains("page.mustache:1:25: error: no field 'valeu'; did you mean 'value'?"), problem(text))
        XCTAssertTrue(problem("{{#report.keyFigures}}{{t.note}}{{/report.keyFigures}}").contains("did you mean 't.notes'?"))
        XCTAssertTrue(problem("{{valeu}}").contains("no field 'valeu'\n"), "an item's field is not visible outside its list")
    }

    func testEveryProblemIsReportedNotOnlyTheFirst() {
        XCTAssertEqual(problems(["page": "{{a}}\n{{b}}\n{{#c}}{{d}}{{/c}}"]).map(\.location?.line), [1, 2, 3])
    }

    func testAnUnknownPartialSuggestsTheNearest() {
        let text = problem("<body>\n  {{> fotter}}\n", partials: ["footer": "x"])
        XCTAssertTrue(text.contains("page.mustache:2:7: error: there is no partial 'fotter'; did you mean 'footer'?"), text)
    }

    func testAPartialCycleNamesEachInclude() {
        let text = problem("{{> a}}", partials: ["a": "x\n{{> b}}", "b": "{{#next}}{{> a}}{{/next}}"])
        XCTAssertTrue(text.contains("templates/b.mustache:1:14: error: the partial 'a' includes itself: "
            + "a → b (templates/a.mustache:2) → a (templates/b.mustache:1)"), text)
    }

    func testASectionMustBeOverAListAFlagOrAnOptionalField() {
        XCTAssertTrue(problem("{{#site.title}}x{{/site.title}}").contains(
            "1:4: error: {{#site.title}} always renders: 'site.title' is text that is always there"), problem("{{#site.title}}x{{/site.title}}"))
        XCTAssertTrue(problem("{{^site}}x{{/site}}").contains("{{^site}} never renders: 'site' is an object that is always there"))
        XCTAssertTrue(problem("{{#report.asOf}}{{.}}{{/report.asOf}}{{#site}}{{title}}{{/site}}{{x}}").contains("no field 'x'"),
                      "a section over optional text or an object is fine")
    }

    func testTagsMustFitTheirFieldsType() {
        XCTAssertTrue(problem("{{{pageTitle}}}").contains("'pageTitle' is text from data: {{{pageTitle}}} would put it in the page unescaped"))
        XCTAssertTrue(problem("{{&pageTitle}}").contains("hint: write {{pageTitle}}"))
        XCTAssertTrue(problem("{{breadcrumbs}}").contains("'breadcrumbs' is a list, which {{breadcrumbs}} cannot write"))
        XCTAssertTrue(problem("{{site}}").contains("(e.g. {{site.title}})"))
        XCTAssertTrue(problem("{{#breadcrumbs}}{{.}}{{/breadcrumbs}}").contains("'.' is an object"))
    }

    func testOnlyTheSupportedTransformsAreAccepted() {
        XCTAssertTrue(problem("{{#sorted(breadcrumbs)}}{{/sorted(breadcrumbs)}}").contains(
            "'sorted' in 'sorted(breadcrumbs)' is not a transform sitrep's layouts support\n"))
        XCTAssertTrue(problem("{{uppercase(pageTitle)}}").contains("hint: use one of: empty(list), first(list), last(list), count(list), reversed(list), first(), last(), odd(), even(), index()"))
        XCTAssertTrue(problem("{{^empty(pageTitle)}}{{/empty(pageTitle)}}").contains("empty(…) applies to a list, and 'empty(pageTitle)' gives text"))
        XCTAssertTrue(problem("{{#last()}}{{/last()}}").contains("last() tests the position in a list, and it is not inside one"))
    }

    func testParseErrorsAreLocatedWithAHint() {
        XCTAssertTrue(problem("<p>\n  {{#breadcrumbs}}\n").contains(
            "page.mustache:2:6: error: the section '{{#breadcrumbs}}' is not closed\n"), problem("<p>\n  {{#breadcrumbs}}\n"))
        XCTAssertTrue(problem("{{#a}}{{#b}}{{/a}}{{/b}}").contains(
            "1:16: error: '{{/a}}' closes the section 'b' opened at line 1"), problem("{{#a}}{{#b}}{{/a}}{{/b}}"))
        XCTAssertTrue(problem("x\n{{/a}}").contains("2:4: error: '{{/a}}' closes a section that was not opened"))
        XCTAssertTrue(problem("<p>{{pageTitle}</p>\n{{root}}").contains(
            "1:4: error: a tag is not closed: '{{' has no '}}' after it on its line"), problem("<p>{{pageTitle}</p>\n{{root}}"))
        XCTAssertTrue(problem("{{=<% %>=}}<%pageTitle").contains("'<%' has no '%>' after it"))
        XCTAssertTrue(problem("{{page title}}").contains("'page title' is not a name"))
        XCTAssertTrue(problem("{{a..b}}").contains("'a..b' is not a name"))
        XCTAssertTrue(problem("{{= | =}}").contains("does not set two delimiters"))
        XCTAssertTrue(problem("{{< base}}{{/base}}").contains("template inheritance"))
        XCTAssertTrue(problem("{{>*name}}").contains("a partial named by data"))
        XCTAssertTrue(problem("{{% CONTENT_TYPE: TEXT}}").contains("'{{% CONTENT_TYPE: TEXT}}' is not supported"))
    }

    func testAColumnCountsCharactersNotBytes() {
        XCTAssertTrue(problem("Отчёт — {{nope}}").contains("1:11: error: no field 'nope'"), problem("Отчёт — {{nope}}"))
        XCTAssertTrue(problem("{{#отчёт}}{{/отчёт}}").contains("1:4: error: no field 'отчёт'\n"), "a name may be in any alphabet")
    }

    func testAMissingLayoutIsReported() {
        XCTAssertEqual(problems(["page": ""], layout: "pgae").first?.message, "there is no layout 'pgae'")
    }
}

extension LayoutErrorTests {
    /// The lead's way in: all three layouts at once, a problem in the footer they share given once.
    func testAProblemInASharedPartialIsGivenOnceForAllLayouts() throws {
        var templates: [String: LayoutTemplate] = [:]
        for (name, text) in try DefaultLayoutTests.sources() { templates[name] = try LayoutTemplate(text, file: "\(name).mustache") }
        let layouts: [String: LayoutType] = ["report": .object(SitePageTypes.report), "series": .object(SitePageTypes.seriesArchive),
                                             "index": .object(SitePageTypes.home)]
        XCTAssertEqual(try LayoutPlan.compile(layouts, templates: templates).keys.sorted(), ["index", "report", "series"])
        templates["footer"] = try LayoutTemplate("{{t.generatedBx}}", file: "footer.mustache")
        XCTAssertThrowsError(try LayoutPlan.compile(layouts, templates: templates)) { error in
            XCTAssertEqual((error as! DiagnosticError).diagnostics.map(\.message), ["no field 't.generatedBx'; did you mean 't.generatedBy'?"])
        }
    }
}
