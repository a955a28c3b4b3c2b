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

    func testEveryDayIsWrittenWithFourDigitsOfYearAndTwoOfMonthAndDay() {
        XCTAssertEqual(Day(year: 7, month: 3, day: 9)?.description, "0007-03-09")
        XCTAssertEqual(Day(year: 1, month: 1, day: 1)?.description, "0001-01-01")
        XCTAssertEqual(Day(year: 9999, month: 12, day: 31)?.description, "9999-12-31")
        XCTAssertEqual(Day(year: 2022, month: 11, day: 30)?.description, "2022-11-30")
        // Every day of a leap year reads back as itself.
        var day = Day(year: 2024, month: 1, day: 1)!
        for _ in 0..<366 {
            XCTAssertEqual(Day(iso: day.description), day)
            day = day.adding(days: 1)
        }
    }

    func testAnythingButYYYYMMDDIsNoDate() {
        for text in ["", "2022-6-09", "2022-06-9", "22-06-09", "2022/06/09", "2022-06-09 ", " 2022-06-09", "2022-06-091",
                     "2022-0a-09", "２０２２-06-09", "2022-06", "2022-13-01", "2022-02-30", "2023-02-29", "2022-00-10", "2022-06-00"] {
            XCTAssertNil(Day(iso: text), text)
        }
    }
}
