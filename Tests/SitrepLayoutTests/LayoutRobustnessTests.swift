import SitrepDiagnostics
import SitrepLayout
import XCTest

/// A layout half-edited by hand never crashes the build: every variant of the default report
/// layout with one piece of Mustache syntax cut out or doubled either renders or gives
/// located errors.
final class LayoutRobustnessTests: XCTestCase {
    func testEveryOneCharacterEditOfTheReportLayoutLoadsOrIsALocatedError() throws {
        let sources = try DefaultLayoutTests.sources()
        var templates: [String: LayoutTemplate] = [:]
        for (name, text) in sources { templates[name] = try LayoutTemplate(text, file: "\(name).mustache") }
        let report = Array(sources["report"]!)
        let data = SamplePages.reportPage.value(as: .object(SitePageTypes.report))
        var rendered = 0
        var refused = 0
        for (offset, character) in report.enumerated() where "{}#^/>!=&()".contains(character) {
            for edit in [String(report[..<offset]) + String(report[(offset + 1)...]),
                         String(report[...offset]) + String(report[offset...])] {
                do {
                    templates["report"] = try LayoutTemplate(edit, file: "report.mustache")
                    let plan = try LayoutPlan(layout: "report", templates: templates, data: .object(SitePageTypes.report))
                    _ = plan.render(data)
                    rendered += 1
                } catch {
                    XCTAssertFalse(error.diagnostics.isEmpty)
                    for problem in error.diagnostics {
                        XCTAssertNotNil(problem.location?.line, problem.description)
                        XCTAssertNotNil(problem.hint, problem.description)
                    }
                    refused += 1
                }
            }
        }
        XCTAssertGreaterThan(rendered, 100)
        XCTAssertGreaterThan(refused, 100)
    }
}
