import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// A stated figure that disagrees with the computed one is reported with the numbers as the
/// officer wrote them: a share stated in per cent in per cent, the computed one with one decimal
/// more than stated, counts with thousands separators, and a share's two sums by name.
final class StatedMessageTests: XCTestCase {
    /// 1,234 of 19,321 people in region A: 6.387 per cent.
    private static let csv = "region,sex,count\nA,f,1000\nA,m,234\nB,f,9000\nB,m,9087\n"

    /// The messages of the disagreements between `figuresYML` and the table above.
    private func messages(_ figuresYML: String, _ caller: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let document = try CSVReader.read(Array(Self.csv.utf8), file: "r/t.csv")
        let table = try Table(name: "t", source: document)
        let stated = try StatedFigures.read(YAMLNode.parse(figuresYML, file: "r/figures.yml"))
        do {
            _ = try OnePeriodReport.figures([table], stated: stated)
            XCTFail("expected a disagreement", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics.map(\.message)
        }
    }

    func testAShareStatedInPerCentIsShownInPerCentWithItsTwoSums() throws {
        XCTAssertEqual(try messages("t.region.A.share: 7%\n"), [
            "'t.region.A.share' is stated as 7 per cent but computed as 6.4 per cent from 1,234 (t.region.A) of 19,321 (t.total) "
                + "in r/t.csv (compared at the precision written)",
        ])
        XCTAssertEqual(try messages("t.region.A.share: 6.25%\n"), [
            "'t.region.A.share' is stated as 6.25 per cent but computed as 6.387 per cent from 1,234 (t.region.A) of 19,321 "
                + "(t.total) in r/t.csv (compared at the precision written)",
        ])
    }

    func testAShareStatedAsAFractionIsShownAsAFraction() throws {
        XCTAssertEqual(try messages("t.region.A.share: 0.07\n"), [
            "'t.region.A.share' is stated as 0.07 but computed as 0.064 from 1,234 (t.region.A) of 19,321 (t.total) "
                + "in r/t.csv (compared at the precision written)",
        ])
    }

    func testTheSumsOfAPairShareAndATopShare() throws {
        XCTAssertEqual(try messages("t.region.A.sex.m.share: 20%\nt.region.top1.share: 90%\nt.sex.top1.other.share: 50%\n"), [
            "'t.region.A.sex.m.share' is stated as 20 per cent but computed as 19.0 per cent from 234 (t.region.A.sex.m) "
                + "of 1,234 (t.region.A) in r/t.csv (compared at the precision written)",
            "'t.region.top1.share' is stated as 90 per cent but computed as 93.6 per cent from 18,087 (t.region.top1.total) "
                + "of 19,321 (t.total) in r/t.csv (compared at the precision written)",
            "'t.sex.top1.other.share' is stated as 50 per cent but computed as 48.2 per cent from 9,321 (t.sex.top1.other) "
                + "of 19,321 (t.total) in r/t.csv (compared at the precision written)",
        ])
    }

    func testCountsAndTolerancesAreWrittenWithSeparatorsAndInPerCent() throws {
        XCTAssertEqual(try messages("t.total: 19000\nt.region.B: {value: 17000, approximate: true, tolerance: 2.5%}\n"
                                        + "t.region.A: {value: 1000, approximate: true, tolerance: 200.5}\n"), [
            "'t.total' is stated as 19,000 but computed as 19,321 from r/t.csv",
            "'t.region.B' is stated as 17,000 but computed as 18,087 from r/t.csv (more than the tolerance of 2.5 per cent)",
            "'t.region.A' is stated as 1,000 but computed as 1,234 from r/t.csv (more than the tolerance of 200.5)",
        ])
    }

    func testNumbersInMessages() {
        XCTAssertEqual([0, 7, 999, 1000, 4884, 19321, 1_268_600, -1250].map(MessageNumbers.whole),
                       ["0", "7", "999", "1,000", "4,884", "19,321", "1,268,600", "-1,250"])
        XCTAssertEqual(MessageNumbers.decimal(Rational(12345, 10)!, decimals: 2), "1,234.50")
        XCTAssertEqual(MessageNumbers.decimal(Rational(-1, 20)!, decimals: 1), "-0.1")
        XCTAssertEqual(MessageNumbers.percent(Rational(1234, 19321)!, decimals: 1), "6.4 per cent")
        XCTAssertEqual(MessageNumbers.percent(Rational(1, 40)!), "2.5 per cent")
        XCTAssertEqual(MessageNumbers.number(Rational(1, 3)!), "0.3333")
    }
}
