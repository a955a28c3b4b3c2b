import SitrepContent
import SitrepDiagnostics
import XCTest

/// A table larger than sitrep reads stops with an error naming the limit, before the build can
/// run out of memory. The limits are injected small here; EndToEndTests checks the real one.
final class CSVLimitsTests: XCTestCase {
    func testAFileOverTheSizeLimitIsRefusedBeforeItIsParsed() {
        let bytes = Array("region,count\nNorth,1\n\"never closed".utf8)
        do {
            _ = try CSVReader.read(bytes, file: "big.csv", limits: CSVLimits(bytes: 20, rows: 10))
            XCTFail("the file was read")
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertEqual(error.diagnostics.first?.location, SourceLocation(file: "big.csv"))
            XCTAssertEqual(error.diagnostics.first?.message, "the file is 34 bytes; sitrep reads tables of at most 20 bytes")
            XCTAssertTrue(error.diagnostics.first?.hint?.contains("aggregate the rows") ?? false)
        }
    }

    func testAFileAtTheLimitsIsRead() throws {
        let text = "region,count\nNorth,1\n\nSouth,2\n"
        let document = try CSVReader.read(Array(text.utf8), file: "t.csv", limits: CSVLimits(bytes: text.utf8.count, rows: 2))
        XCTAssertEqual(document.records.count, 2)
    }

    func testTheFirstRowOverTheRowLimitIsLocated() {
        let text = "region,count\nNorth,1\n\nSouth,2\nEast,3\nWest,4\n"
        do {
            _ = try CSVReader.read(Array(text.utf8), file: "t.csv", limits: CSVLimits(bytes: 1000, rows: 2))
            XCTFail("the file was read")
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1)
            XCTAssertEqual(error.diagnostics.first?.location, SourceLocation(file: "t.csv", line: 5, column: 1))
            XCTAssertEqual(error.diagnostics.first?.message, "the table has more than 2 rows; sitrep reads tables of at most 2 rows")
            XCTAssertEqual(error.diagnostics.first?.sourceLine, "East,3")
        }
    }

    func testTheStandardLimits() {
        XCTAssertEqual(CSVLimits.standard.bytes, 32 * 1024 * 1024)
        XCTAssertEqual(CSVLimits.standard.rows, 1_000_000)
    }
}
