import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// Names spelt by `FigureName` are the names string interpolation gave, and a derived figure's
/// name is still told from a table's by its suffix alone.
final class FigureNameTests: XCTestCase {
    func testDottedNamesAreTheInterpolatedOnes() {
        let parts = ["", "a", "arrivals", "nationality", "Côte d'Ivoire", "Congo, Republic of", "İstanbul", "a very long value name past fifteen bytes"]
        for first in parts {
            for second in parts {
                XCTAssertEqual(FigureName.dotted(first, second), "\(first).\(second)")
                XCTAssertEqual(FigureName.dotted(first, second).utf8.count, first.utf8.count + 1 + second.utf8.count)
                for third in parts.prefix(4) {
                    XCTAssertEqual(FigureName.dotted(first, second, third), "\(first).\(second).\(third)")
                }
            }
        }
        for n in 1...FigureWord.maximumTop { XCTAssertEqual(FigureName.top(n), "top\(n)") }
    }

    func testEveryDerivationIsSplitOffAndOtherNamesAreLeftWhole() throws {
        for derivation in Derivation.allCases {
            let split = try XCTUnwrap(Derivation.split("arrivals.nationality.Syria\(derivation.suffix)"), derivation.suffix)
            XCTAssertEqual(String(split.base), "arrivals.nationality.Syria")
            XCTAssertEqual(split.derivation, derivation)
        }
        XCTAssertEqual(Derivation.split("assessments.total.change.relative")?.derivation, .relativeChange)
        for name in ["arrivals.total", "arrivals.nationality.Syria.share", "avrr.country.top3.other.list", "x.status", "x.average",
                     "x.range", "x.spread", "x.period2", "previous", ".period", "a.cumulativ", "d", ""] {
            XCTAssertNil(Derivation.split(name), name)
        }
    }
}
