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

    /// CR LF is one Character: the lines of a Windows file must still be told apart.
    func testDatesAreReadFromFrontMatterWithWindowsLineEnds() throws {
        let dates = try XCTUnwrap(SeriesTimeline.StatedDates(simpleFrontMatter: "title: A\r\nperiod: {start: 2022-05-27, end: 2022-06-09}\r\nas_of: 2022-06-09\r\n"))
        XCTAssertEqual(dates.start, Day(year: 2022, month: 5, day: 27))
        XCTAssertEqual(dates.end, Day(year: 2022, month: 6, day: 9))
        XCTAssertEqual(dates.asOf, Day(year: 2022, month: 6, day: 9))
    }

    func testAYAMLErrorInAWindowsFileQuotesItsOwnLine() throws {
        func diagnostic(_ text: String) -> Diagnostic? {
            do {
                _ = try YAMLNode.parse(text, file: "f.yml")
                return nil
            } catch {
                return error.diagnostics.first
            }
        }
        let unix = try XCTUnwrap(diagnostic("title: A\nstaff: {gomel: 2\nnotes: x\n"))
        let windows = try XCTUnwrap(diagnostic("title: A\r\nstaff: {gomel: 2\r\nnotes: x\r\n"))
        XCTAssertEqual(windows.location, unix.location)
        XCTAssertEqual(windows.sourceLine, unix.sourceLine)
        XCTAssertNotNil(unix.sourceLine)
        XCTAssertFalse(unix.sourceLine?.contains("\n") ?? true)
        XCTAssertEqual(Diagnostic.sourceLine(2, of: "a\r\nb\r\nc"), "b")
        XCTAssertEqual(Diagnostic.sourceLine(3, of: "a\nb\nc"), "c")
        XCTAssertNil(Diagnostic.sourceLine(4, of: "a\nb\nc"))
        XCTAssertEqual(Diagnostic.sourceLine(3, of: "a\nb\n"), "")
    }
}
