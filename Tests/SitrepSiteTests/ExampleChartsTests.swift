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
}
