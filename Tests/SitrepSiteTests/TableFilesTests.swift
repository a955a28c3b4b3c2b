import Foundation
import XCTest

@testable import SitrepContent
import SitrepDiagnostics

/// A table given by two files of a period folder (`arrivals.csv` and `arrivals.CSV`, which a
/// case-sensitive file system allows) stops a build and `sitrep new` with an error at the second.
final class TableFilesTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws {
        project = try ExampleProject.copy()
        let folder = project.appendingPathComponent("content/belarus/2022-06")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("arrivals.csv"),
                                         to: folder.appendingPathComponent("arrivals.CSV"))
    }

    override func tearDownWithError() throws {
        if project.lastPathComponent.hasPrefix("sitrep-example-") { try? FileManager.default.removeItem(at: project) }
    }

    private let expected = "content/belarus/2022-06/arrivals.csv: error: the table 'arrivals' is given twice: "
        + "by arrivals.CSV and by arrivals.csv\n    hint: keep one file for the table 'arrivals' and remove or rename the other"

    func testLoadingRefusesATableGivenTwice() throws {
        let loaded = try Project.load(root: project.path)
        let series = try XCTUnwrap(loaded.series(named: "belarus"))
        let june = try XCTUnwrap(series.periods.last)
        XCTAssertThrowsError(try loaded.loadReport(series: series, folder: june)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, expected)
        }
    }

    func testNewPeriodRefusesATableGivenTwice() throws {
        XCTAssertThrowsError(try NewPeriod.start(projectRoot: project.path, series: "belarus", period: "2022-07")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.description, expected)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("content/belarus/2022-07").path))
    }
}
