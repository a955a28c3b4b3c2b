import XCTest

@testable import SitrepContent

/// Dates as data files, front matter and the build manifest write them: `YYYY-MM-DD`.
final class DayTests: XCTestCase {
    func testAnISODateIsReadAsWritten() throws {
        let day = try XCTUnwrap(Day(iso: "2022-06-09"))
        XCTAssertEqual([day.year, day.month, day.day], [2022, 6, 9])
        XCTAssertEqual(day.description, "2022-06-09")
        XCTAssertEqual(Day(iso: "2024-02-29")?.description, "2024-02-29")
        XCTAssertEqual(Day(iso: Substring("x2022-01-31").dropFirst())?.description, "2022-01-31")
    }

    func testAnythingButYYYYMMDDIsNoDate() {
        for text in ["", "2022-6-09", "2022-06-9", "22-06-09", "2022/06/09", "2022-06-09 ", " 2022-06-09", "2022-06-091",
                     "2022-0a-09", "２０２２-06-09", "2022-06", "2022-13-01", "2022-02-30", "2023-02-29", "2022-00-10", "2022-06-00"] {
            XCTAssertNil(Day(iso: text), text)
        }
    }
}
