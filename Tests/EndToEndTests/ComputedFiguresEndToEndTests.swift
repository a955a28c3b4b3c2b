import Foundation
import XCTest

/// Through the real executable: a computed figure declared in series.yml prints in the narrative
/// with its change since the previous report, is listed by `sitrep figures` and in figures.json,
/// and a matching `Total` row in a table is accepted without doubling the table's total.
/// Expected values are computed here from the example's CSV files, not typed in.
final class ComputedFiguresEndToEndTests: XCTestCase {
    private static let june = "content/belarus/2022-06"
    private static let may = "content/belarus/2022-05-26"

    func testAComputedFigureAndATotalsRowThroughABuild() throws {
        let project = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(project) }
        let juneArrivals = SimpleCSV(try SitrepProcess.read("\(Self.june)/arrivals.csv", in: project))
        let mayArrivals = SimpleCSV(try SitrepProcess.read("\(Self.may)/arrivals.csv", in: project))
        let nonUkrainian = juneArrivals.sum() - juneArrivals.sum(["nationality": "Ukraine"])
        let before = mayArrivals.sum() - mayArrivals.sum(["nationality": "Ukraine"])

        try SitrepProcess.append("computed:\n  arrivals.non_ukrainian: arrivals.total − arrivals.nationality.Ukraine\n",
                                 to: "content/belarus/series.yml", in: project)
        try SitrepProcess.append("Total,\(juneArrivals.sum())\n", to: "\(Self.june)/arrivals.csv", in: project)
        try SitrepProcess.append("\n\nOther nationals: {{ arrivals.non_ukrainian }}, {{ arrivals.non_ukrainian.change }} more than on "
                                 + "{{ period.start | date: short }}.\n", to: "\(Self.june)/report.md", in: project)

        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        let text = SitrepProcess.visibleText(ofHTML: try SitrepProcess.read("output/belarus/2022-06/index.html", in: project))
        XCTAssertTrue(text.contains("Other nationals: \(SitrepProcess.grouped(nonUkrainian)), \(nonUkrainian - before) more than on"), text)

        let json = try Data(contentsOf: project.appendingPathComponent("output/belarus/2022-06/figures.json"))
        let figures = try XCTUnwrap((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["figures"] as? [String: Any])
        XCTAssertEqual((figures["arrivals.non_ukrainian"] as? NSNumber)?.intValue, nonUkrainian)
        XCTAssertEqual((figures["arrivals.total"] as? NSNumber)?.intValue, juneArrivals.sum(), "the Total row is not counted")
        XCTAssertNil(figures["arrivals.nationality.Total"])

        let listing = try SitrepProcess.run(["figures", "belarus/2022-06"], in: project)
        XCTAssertEqual(listing.status, 0, "\(listing)")
        XCTAssertTrue(listing.stdout.range(of: "(?m)^arrivals\\.non_ukrainian +\(nonUkrainian)$", options: .regularExpression) != nil,
                      listing.stdout)
        XCTAssertTrue(listing.stdout.range(of: "(?m)^arrivals\\.non_ukrainian\\.change +\(nonUkrainian - before)$",
                                           options: .regularExpression) != nil, listing.stdout)
    }
}
