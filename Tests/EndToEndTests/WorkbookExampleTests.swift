import Foundation
import XCTest

/// The example's second series, belarus-assistance, keeps its table in an Excel workbook: the
/// table is the sheet `series.yml` names, `sitrep new` starts the next period's workbook, and a
/// workbook's problems are named by sheet and cell.
final class WorkbookExampleTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws {
        project = try SitrepProcess.copyExample()
    }

    override func tearDown() {
        if let project { SitrepProcess.remove(project) }
        super.tearDown()
    }

    func testTheSeriesIsBuiltFromItsWorkbooks() throws {
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        let page = SitrepProcess.visibleText(ofHTML: try SitrepProcess.read("output/belarus-assistance/2022-06/index.html", in: project))
        for text in ["In total, 49 food kits and 50 hygiene kits were distributed", "clothes were procured and delivered to 24 people",
                     "Seven hygiene kits and seven food kits were given to the stranded migrants in Grodno region",
                     "In all, IOM gave 168 services in the period, against 107 in the previous one"] {
            XCTAssertTrue(page.contains(text), "\(text) is not in: \(page)")
        }
    }

    func testNewStartsTheNextWorkbookWithItsHeaderOnly() throws {
        let new = try SitrepProcess.run(["new", "belarus-assistance", "2022-07"], in: project)
        XCTAssertEqual(new.status, 0, "\(new)")
        XCTAssertTrue(new.stdout.contains("content/belarus-assistance/2022-07/distributions.xlsx"), new.stdout)
        let build = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(build.status, 1)
        XCTAssertTrue(build.stderr.contains("content/belarus-assistance/2022-07/distributions.xlsx: sheet 'Distributions', row 1: "
                                            + "error: the table has a header but no rows"), build.stderr)
        XCTAssertTrue(build.stderr.contains("item, region, beneficiaries"), build.stderr)
    }
}
