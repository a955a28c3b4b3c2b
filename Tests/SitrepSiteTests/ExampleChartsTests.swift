import Foundation
import XCTest

import SitrepSite

/// The example report's charts as its printed original carries them, and the key figures'
/// trends on the series page, in a build of the example.
final class ExampleChartsTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func build() throws -> (project: URL, output: URL) {
        let project = try ExampleProject.copy()
        let output = project.appendingPathComponent("output")
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)
        return (project, output)
    }

    private func page(_ path: String, in output: URL) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Each `<figure class="sitrep-chart …">…</figure>` of a page.
    private func charts(_ html: String) -> [String] {
        html.matches(of: /<figure class="sitrep-chart[\s\S]*?<\/figure>/).map { String($0.0) }
    }

    func testTheReportPageHasItsThreeCharts() throws {
        let (project, output) = try build()
        defer { try? FileManager.default.removeItem(at: project) }
        let charts = charts(try page("belarus/2022-06/index.html", in: output))
        XCTAssertEqual(charts.count, 3)
        XCTAssertTrue(charts[0].hasPrefix("<figure class=\"sitrep-chart sitrep-chart-bar\">\n<figcaption>People who entered Belarus since 24 February 2022, by nationality</figcaption>"), charts[0])
        XCTAssertTrue(charts[1].contains("<desc id=\"sitrep-chart-2-desc\">24 February – 12 May 2022: 27,806 people; 13–26 May 2022: 30,011 people; 27 May – 9 June 2022: 32,322 people.</desc>"), charts[1])
        XCTAssertTrue(charts[2].hasPrefix("<figure class=\"sitrep-chart sitrep-chart-stacked\">\n<figcaption>AVRR beneficiaries in 2022 by country of origin and sex</figcaption>"), charts[2])
        XCTAssertTrue(charts[2].contains("Iraq: 398 migrants (male: 272, female: 126)"), charts[2])
        // The earlier reports have no chart block.
        XCTAssertEqual(self.charts(try page("belarus/2022-05-26/index.html", in: output)).count, 0)
    }

    /// The arrivals chart, byte for byte: `Fixtures/arrivals-chart.html` is what a reviewer looked
    /// at (docs/images/arrivals-chart.png is its screenshot). Numbers are printed from rounded
    /// integers, so the bytes are the same on every machine.
    func testTheArrivalsChartIsTheOneReviewed() throws {
        let (project, output) = try build()
        defer { try? FileManager.default.removeItem(at: project) }
        let chart = try XCTUnwrap(charts(try page("belarus/2022-06/index.html", in: output)).first)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("arrivals-chart.html"), encoding: .utf8)
        XCTAssertEqual(chart + "\n", expected)
    }

    func testTheSeriesPageShowsEachKeyFigureOverTheReports() throws {
        let (project, output) = try build()
        defer { try? FileManager.default.removeItem(at: project) }
        let trends = charts(try page("belarus/index.html", in: output))
        XCTAssertEqual(trends.count, 4, "one per key figure of the latest report")
        XCTAssertTrue(trends[0].contains("<title id=\"trend-1-title\">people entered Belarus since 24 February</title>"), trends[0])
        XCTAssertTrue(trends[0].contains("24 February – 12 May 2022: 27,806; 13–26 May 2022: 30,011; 27 May – 9 June 2022: 32,322."), trends[0])
        // The hotline figure is a key figure of the latest report only: the earlier reports are gaps.
        XCTAssertTrue(trends[3].contains("24 February – 12 May 2022: –; 13–26 May 2022: –; 27 May – 9 June 2022: 381."), trends[3])
        XCTAssertTrue(trends.allSatisfy { $0.contains("role=\"img\"") })
    }

    func testTheDefaultStylesheetStylesChartsOnScreenAndPaper() throws {
        let (project, output) = try build()
        defer { try? FileManager.default.removeItem(at: project) }
        let css = try page("assets/sitrep.css", in: output)
        // How deep in braces each chart rule starts: 0 is a rule for every medium, not one left
        // inside an unclosed `@media print`.
        var depth = 0
        var depths: [Int] = []
        for line in css.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(".sitrep-chart") { depths.append(depth) }
            depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
        }
        XCTAssertEqual(depth, 0, "every brace is closed")
        XCTAssertGreaterThan(depths.count, 5)
        XCTAssertEqual(Set(depths), [0], "chart rules apply on screen")
    }

    func testTheArabicExampleMirrorsItsBarChartsAndKeepsItsLineLeftToRight() throws {
        let project = try ExampleProject.copy(locale: "ar")
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output")
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)
        let charts = charts(try page("belarus/2022-06/index.html", in: output))
        XCTAssertEqual(charts.count, 3)
        // The arrivals bar chart: Ukraine's bar ends at the right edge, its label ends there too.
        let bar = try XCTUnwrap(charts[0].firstMatch(of: /<rect class="bar s1" x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)"/))
        XCTAssertEqual(Double(bar.1)! + Double(bar.2)!, 400, accuracy: 0.1, charts[0])
        XCTAssertTrue(charts[0].contains("<text class=\"label\" x=\"400\" y=\"15\" font-size=\"13\" text-anchor=\"end\">&#x2067;Ukraine&#x2069;</text>"), charts[0])
        // The line: the earliest report at the left.
        let points = charts[1].matches(of: /<circle class="point s1" cx="([0-9.]+)"/).map { Double($0.1)! }
        XCTAssertEqual(points.count, 3)
        XCTAssertEqual(points, points.sorted(), charts[1])
    }
}
