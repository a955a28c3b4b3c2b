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

    /// The outline's reading of a report's YAML from its bytes gives what `split` gives, and the
    /// same errors: for files of ASCII bytes (checked eight at a time), of other UTF-8, with a byte
    /// order mark, and for a file that is not UTF-8, the error of `decodeUTF8` wherever the bad
    /// byte is (in the narrative too, which the outline does not otherwise read).
    func testTheOutlinesYAMLFromBytesIsSplitsYAMLWithTheSameErrors() throws {
        func outcome(_ result: () throws -> String) -> String {
            do { return try result() } catch { return "\(error)" }
        }
        let texts = [
            "---\ntitle: A\nas_of: 2022-06-09\n---\n\nText {{ x }}\n",
            "---\ntitle: Gomel — Гомель\n---\nBody ü\n",
            "\u{FEFF}---  \r\ntitle: A\r\n--- \r\nBody\r\n",
            "---\ntitle: A\n---", "# Title\n", "# Ünïcode title\n", "---\ntitle: A\n", "", "\n",
        ]
        for text in texts {
            let split = outcome { try FrontMatter.split(text, file: "r.md").yaml }
            let fromBytes = outcome { try FrontMatter.yaml(ofReport: Array(text.utf8), file: "r.md").text }
            XCTAssertEqual(fromBytes, split, text.debugDescription)
        }
        let invalid: [UInt8] = Array("---\ntitle: A\n---\nBody\n".utf8) + [0x41, 0xFF, 0x0A]
        let decoded = outcome { try ContentFiles.decodeUTF8(invalid, file: "r.md") }
        XCTAssertTrue(decoded.contains("r.md:5:2: error: the file is not valid UTF-8"), decoded)
        XCTAssertEqual(outcome { try FrontMatter.yaml(ofReport: invalid, file: "r.md").text }, decoded)
    }

    /// A byte of 0x80 or more anywhere, at every offset of buffers of 0 to 24 bytes, is found.
    func testASCIIIsCheckedAtEveryOffset() {
        for count in 0...24 {
            XCTAssertTrue(FrontMatter.isASCII([UInt8](repeating: 0x7F, count: count)))
            for offset in 0..<count {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                bytes[offset] = 0x80
                XCTAssertFalse(FrontMatter.isASCII(bytes), "\(count) bytes, 0x80 at \(offset)")
            }
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
