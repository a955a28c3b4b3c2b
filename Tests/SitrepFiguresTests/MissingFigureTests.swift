import SitrepContent
import XCTest

@testable import SitrepFigures

/// A figure a report does not have is described one way wherever it is named (a placeholder,
/// a chart): why it cannot be computed, or that no figure has the name, with the nearest.
final class MissingFigureTests: XCTestCase {
    func testAMissingFigureIsDescribedOneWay() {
        var set = FigureSet()
        _ = set.add("arrivals.total", .number(Rational(5)), origin: .report)
        set.markUnavailable("arrivals.ratio", because: "the total it would be a share of is 0")

        let misspelt = set.missingFigure("arrivals.totl")
        XCTAssertEqual(misspelt.message, "no figure is called 'arrivals.totl'")
        XCTAssertEqual(misspelt.hint, "did you mean 'arrivals.total'? (`sitrep figures` lists every name)")
        let unknown = set.missingFigure("leaflets")
        XCTAssertEqual(unknown.message, "no figure is called 'leaflets'")
        XCTAssertEqual(unknown.hint, "`sitrep figures SERIES/PERIOD` lists every figure name")
        let unavailable = set.missingFigure("arrivals.ratio")
        XCTAssertEqual(unavailable.message, "'arrivals.ratio' cannot be computed for this report: the total it would be a share of is 0")
        XCTAssertTrue(unavailable.hint.contains("add the missing period"), unavailable.hint)
    }
}
