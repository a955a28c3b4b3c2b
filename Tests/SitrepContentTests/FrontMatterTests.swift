import SitrepDiagnostics
import XCTest

@testable import SitrepContent

final class FrontMatterTests: XCTestCase {
    func testSplitsFrontMatterAndNarrativeKeepingLineNumbers() throws {
        let parts = try FrontMatter.split("---\ntitle: A\nas_of: 2022-06-09\n---\n\nText {{ x }}\n", file: "r.md")
        XCTAssertEqual(parts.yaml, "title: A\nas_of: 2022-06-09\n")
        XCTAssertEqual(parts.narrative, "\nText {{ x }}\n")
        XCTAssertEqual(parts.narrativeLineOffset, 4)
        XCTAssertEqual(parts.yamlLineOffset, 1)
    }

    func testAcceptsWindowsLineEndsAByteOrderMarkAndTrailingSpaces() throws {
        let parts = try FrontMatter.split("\u{FEFF}---  \r\ntitle: A\r\n--- \r\nBody\r\n", file: "r.md")
        XCTAssertEqual(parts.yaml, "title: A\r\n")
        XCTAssertEqual(parts.narrative, "Body\r\n")
        XCTAssertEqual(parts.narrativeLineOffset, 3)
    }

    func testMissingAndUnclosedFrontMatterAreErrors() {
        XCTAssertThrowsError(try FrontMatter.split("# Title\n", file: "r.md")) { error in
            XCTAssertTrue((error as! DiagnosticError).description.contains("r.md:1:1: error: report.md has no front matter"))
        }
        XCTAssertThrowsError(try FrontMatter.split("---\ntitle: A\n", file: "r.md")) { error in
            XCTAssertTrue((error as! DiagnosticError).description.contains("the front matter is not closed"))
        }
    }

    func testDatesInTheUsualFormsAreReadWithoutYAML() throws {
        let dates = try XCTUnwrap(SeriesTimeline.StatedDates(simpleFrontMatter: "title: A\nperiod: {start: 2022-05-27, end: 2022-06-09}\nas_of: 2022-06-09\n"))
        XCTAssertEqual(dates.start, Day(year: 2022, month: 5, day: 27))
        XCTAssertEqual(dates.end, Day(year: 2022, month: 6, day: 9))
        XCTAssertEqual(dates.asOf, Day(year: 2022, month: 6, day: 9))
        // Other forms are left to the YAML parser.
        XCTAssertNil(SeriesTimeline.StatedDates(simpleFrontMatter: "period:\n  start: 2022-05-27\n"))
        XCTAssertNil(SeriesTimeline.StatedDates(simpleFrontMatter: "as_of: '2022-06-09'\n"))
    }
}
