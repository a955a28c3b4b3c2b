import Foundation
import SitrepContent
import SitrepDiagnostics
import XCTest

@testable import SitrepFigures

/// Figures `computed:` declares in series.yml: computed exactly per report, compared with the
/// previous report like any figure, unavailable with a reason where a period lacks a table, and
/// located errors for names that do not exist, values that are not numbers and division by 0.
///
/// Each test writes a small project into a temporary folder and computes its periods in order,
/// as a build does.
final class ComputedFiguresTests: XCTestCase {
    private var disk: SeriesOnDisk!

    override func setUpWithError() throws {
        try super.setUpWithError()
        disk = try SeriesOnDisk(label: "computed-figures", name: "b")
    }

    override func tearDownWithError() throws {
        disk?.remove()
        try super.tearDownWithError()
    }

    // MARK: Helpers

    private func write(_ path: String, _ text: String) throws { try disk.write(path, text) }

    /// series.yml: the arrivals table reported cumulatively, and `computed` under `computed:`.
    private func series(_ computed: String) throws {
        try write("series.yml", """
            title: B
            onset: 2022-02-24
            tables:
              arrivals:
                reported: cumulative
            computed:
            \(computed)
            """)
    }

    /// A period folder with the arrivals table (when given) and other files.
    private func period(_ name: String, arrivals: (belarus: Int, ukraine: Int, third: Int)?, _ files: [String: String] = [:]) throws {
        try write("\(name)/report.md", "---\ntitle: \"B\"\n---\n\nText.\n")
        if let arrivals {
            try write("\(name)/arrivals.csv",
                      "nationality,count\nBelarus,\(arrivals.belarus)\nUkraine,\(arrivals.ukraine)\nThird countries,\(arrivals.third)\n")
        }
        for (file, text) in files { try write("\(name)/\(file)", text) }
    }

    private func figures(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [String: FigureSet] {
        try disk.figures(caller, line: line)
    }

    private func diagnostics(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        try disk.diagnostics(caller, line: line)
    }

    private func number(_ set: FigureSet?, _ name: String) -> Rational? { set?[name]?.value.number }

    // MARK: Values

    func testAComputedFigureIsExactAndRounded() throws {
        try series("""
              arrivals.non_ukrainian: arrivals.total − arrivals.nationality.Ukraine
              arrivals.third_share: arrivals.nationality.Third countries / arrivals.non_ukrainian
              arrivals.third_percent: round(arrivals.third_share × 100, 1)
              arrivals.back: arrivals.third_share * arrivals.non_ukrainian
            """)
        try period("2022-06", arrivals: (902, 31176, 244))
        let june = try figures()["2022-06"]
        XCTAssertEqual(number(june, "arrivals.non_ukrainian"), Rational(1146))
        XCTAssertEqual(number(june, "arrivals.third_share"), Rational(244, 1146))
        XCTAssertEqual(number(june, "arrivals.third_percent"), Rational(213, 10), "21.291… per cent rounded to one decimal")
        XCTAssertEqual(number(june, "arrivals.back"), Rational(244), "exact: no binary fraction in between")
        XCTAssertEqual(june?["arrivals.non_ukrainian"]?.origin, .computed(SourceLocation(file: "content/b/series.yml", line: 7, column: 27)))
    }

    func testAComputedFigureIsComparedWithThePreviousReportAndRunsLikeItsTerms() throws {
        try series("  arrivals.non_ukrainian: arrivals.total - arrivals.nationality.Ukraine\n  arrivals.ratio: arrivals.total / 2\n")
        try period("2022-05-26", arrivals: (845, 28950, 216))
        try period("2022-06-09", arrivals: (902, 31176, 244))
        let june = try figures()["2022-06-09"]
        XCTAssertEqual(number(june, "arrivals.non_ukrainian.previous"), Rational(845 + 216))
        XCTAssertEqual(number(june, "arrivals.non_ukrainian.change"), Rational(85))
        XCTAssertEqual(number(june, "arrivals.non_ukrainian.change.relative"), Rational(85, 1061))
        XCTAssertEqual(number(june, "arrivals.non_ukrainian.period"), Rational(85), "a difference of cumulative counts is one")
        XCTAssertEqual(number(june, "arrivals.ratio.change"), Rational(2311, 2))
        XCTAssertNil(june?["arrivals.ratio.period"], "a quotient is not a count")
        XCTAssertTrue(june?.names.contains("arrivals.non_ukrainian.change") == true, "listed like any figure")
    }

    func testAFigureMissingFromAPeriodMakesItUnavailableThereWithTheReason() throws {
        try series("  people.all: arrivals.total + assessments.total\n")
        try period("2022-05-26", arrivals: (845, 28950, 216), ["assessments.csv": "region,count\nGomel,38\n"])
        try period("2022-06-09", arrivals: (902, 31176, 244))
        let sets = try figures()
        XCTAssertEqual(number(sets["2022-05-26"], "people.all"), Rational(845 + 28950 + 216 + 38))
        XCTAssertNil(sets["2022-06-09"]?["people.all"])
        XCTAssertEqual(sets["2022-06-09"]?.unavailableReason("people.all"),
                       "its formula needs 'assessments.total', and 2022-06-09 has no table or stated figure 'assessments'")
        XCTAssertNil(sets["2022-06-09"]?["people.all.change"])
    }

    func testAStatedFigureOfTheSameNameIsCheckedAgainstIt() throws {
        try series("  arrivals.non_ukrainian: arrivals.total - arrivals.nationality.Ukraine\n")
        try period("2022-06", arrivals: (902, 31176, 244), ["figures.yml": "arrivals:\n  non_ukrainian: 1200\n"])
        let found = try diagnostics()
        XCTAssertEqual(found.map(\.message), [
            "'arrivals.non_ukrainian' is stated as 1,200 but computed as 1,146 by the formula at content/b/series.yml:7:27",
        ])
    }

    // MARK: Errors

    func testAnUnknownNameIsAnErrorAtTheNameWithTheNearestOne() throws {
        try series("  arrivals.non_ukrainian: arrivals.total - arrivals.nationality.Ukrain\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        let found = try diagnostics()
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, SourceLocation(file: "content/b/series.yml", line: 7, column: 44))
        XCTAssertEqual(found.first?.message, "no figure is called 'arrivals.nationality.Ukrain' in 2022-06, in the formula of 'arrivals.non_ukrainian'")
        XCTAssertEqual(found.first?.hint, "did you mean 'arrivals.nationality.Ukraine'? `sitrep figures b/2022-06` lists every figure of the report; "
                       + "if the value has no row in content/b/2022-06/arrivals.csv in this period, add one with 0")
    }

    func testAMisspeltTableIsAnErrorNotAMissingTable() throws {
        try series("  arrivals.non_ukrainian: arival.total - arrivals.nationality.Ukraine\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        XCTAssertEqual(try diagnostics().first?.hint,
                       "did you mean 'arrivals.total'? `sitrep figures b/2022-06` lists every figure of the report")
    }

    func testAHyphenWithoutSpacesIsReadAsPartOfAName() throws {
        try series("  arrivals.non_ukrainian: arrivals.total-arrivals.nationality.Ukraine\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        XCTAssertEqual(try diagnostics().first?.hint,
                       "to subtract, put spaces around the minus sign: arrivals.total - arrivals.nationality.Ukraine")
    }

    func testDivisionByZeroIsAnErrorAtTheOperatorNamingThePeriod() throws {
        try series("  arrivals.rate: arrivals.total / arrivals.nationality.Belarus\n")
        try period("2022-06", arrivals: (0, 31176, 244))
        let found = try diagnostics()
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, SourceLocation(file: "content/b/series.yml", line: 7, column: 33))
        XCTAssertEqual(found.first?.message, "the formula of 'arrivals.rate' divides by 0 in 2022-06: arrivals.nationality.Belarus is 0")
    }

    /// Results at the edge of a machine integer are reported, never a crash: the smallest one has
    /// no positive counterpart, and a fraction with a huge denominator is still rounded.
    func testANumberTooLargeIsAnErrorNotACrash() throws {
        try series("  arrivals.edge: 0 - 9223372036854775807 - 1\n  arrivals.tiny: 500000000000000000 / 9000000000000000001\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        let found = try diagnostics()
        XCTAssertEqual(found.map(\.message), ["the formula of 'arrivals.edge' gives a number too large to compute exactly in 2022-06"])
    }

    func testATextOrDateIsNotANumber() throws {
        try series("  x.days: series.onset + 1\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        let found = try diagnostics()
        XCTAssertEqual(found.first?.message, "'series.onset' is a date, not a number, in the formula of 'x.days'")
        XCTAssertEqual(found.first?.location, SourceLocation(file: "content/b/series.yml", line: 7, column: 11))
    }

    func testADerivedFigureCannotBeAnOperand() throws {
        try series("  x.before: arrivals.total.previous\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        XCTAssertEqual(try diagnostics().first?.message,
                       "'arrivals.total.previous' is derived from the periods before, and a formula is computed from a report's own figures")
    }

    func testTheNameOfATableFigureIsTaken() throws {
        try series("  arrivals.total: 1 + 2\n")
        try period("2022-06", arrivals: (902, 31176, 244))
        let found = try diagnostics()
        XCTAssertEqual(found.first?.message,
                       "the computed figure 'arrivals.total' has the name of a figure from content/b/2022-06/arrivals.csv")
        XCTAssertEqual(found.first?.location, SourceLocation(file: "content/b/series.yml", line: 7, column: 3))
    }
}
