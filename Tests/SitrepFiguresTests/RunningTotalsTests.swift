import Foundation
import SitrepContent
import SitrepDiagnostics
import XCTest

@testable import SitrepFigures

/// A table reported cumulatively carries every row forward: a row present in one period and
/// missing from the next is an error at the later file, unless series.yml records a correction.
///
/// The real case: 4,884 Ukrainians left out of one period's file made that period's total fall
/// short by 4,884, and the next period's inflow of 4,938 came out as 9,822.
final class RunningTotalsTests: XCTestCase {
    private var disk: SeriesOnDisk!

    override func setUpWithError() throws {
        try super.setUpWithError()
        disk = try SeriesOnDisk(label: "running-totals", name: "belarus")
    }

    override func tearDownWithError() throws {
        disk?.remove()
        try super.tearDownWithError()
    }

    // MARK: Helpers

    private func write(_ path: String, _ text: String) throws { try disk.write(path, text) }

    /// series.yml with an onset, `arrivals` reported cumulatively and `yml` after it.
    private func series(arrivals since: String = "onset", _ yml: String = "") throws {
        try write("series.yml", """
            title: Belarus
            onset: 2022-02-24
            tables:
              arrivals: {reported: cumulative, since: \(since)}
              assessments: {reported: period}
            \(yml)
            """)
    }

    /// A period folder holding `files` (name: CSV text).
    private func period(_ name: String, _ files: [String: String]) throws {
        try write("\(name)/report.md", "---\ntitle: Belarus\n---\n\nText.\n")
        for (file, text) in files { try write("\(name)/\(file)", text) }
    }

    /// The three periods of the real case; `may26` is the arrivals file of the middle one.
    private func realCase(may26: String) throws {
        try period("2022-05-12", ["arrivals.csv": "nationality,count\nUkraine,4884\nPoland,10000\n"])
        try period("2022-05-26", ["arrivals.csv": may26])
        try period("2022-06-09", ["arrivals.csv": "nationality,count\nUkraine,4884\nPoland,20038\n"])
    }

    private func figures(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [String: FigureSet] {
        try disk.figures(caller, line: line)
    }

    private func diagnostics(_ caller: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        try disk.diagnostics(caller, line: line)
    }

    private func number(_ sets: [String: FigureSet], _ period: String, _ name: String) -> Rational? {
        sets[period]?[name]?.value.number
    }

    // MARK: The real case

    func testTheRealCaseCarriedForwardGivesTheTrueInflow() throws {
        try series()
        try realCase(may26: "nationality,count\nUkraine,4884\nPoland,15100\n")
        let sets = try figures()
        XCTAssertEqual(number(sets, "2022-06-09", "arrivals.total.period"), Rational(4938))
    }

    func testARowDroppedFromACumulativeTableIsAnErrorAtTheLaterFile() throws {
        try series()
        try realCase(may26: "\nnationality,count\nPoland,15100\n")
        let diagnostics = try diagnostics()
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "content/belarus/2022-05-26/arrivals.csv", line: 2))
        XCTAssertEqual(diagnostic.message, "the row 'Ukraine' (4,884 in 2022-05-12) is missing; a cumulative table carries every "
            + "row forward, and a row left out would count as 0")
        XCTAssertEqual(diagnostic.hint, """
            add the row with its running total (4,884 if nothing changed), or, if the source removed it on purpose, record the \
            correction in content/belarus/series.yml:
            corrections:
              - {period: 2022-05-26, figure: arrivals.nationality.Ukraine, reason: "why the row was removed"}
            """)
    }

    /// With the correction the hint gives, the row counts as 0 in that period, as the correction
    /// says: the inflows are computed from the totals as written, 9,822 included.
    func testACorrectionAllowsTheRowToGo() throws {
        try series("""
            corrections:
              - {period: 2022-05-26, figure: arrivals.nationality.Ukraine, reason: "The source withdrew the Ukrainian count."}
            """)
        try realCase(may26: "nationality,count\nPoland,15100\n")
        let sets = try figures()
        XCTAssertEqual(number(sets, "2022-05-26", "arrivals.total.period"), Rational(216))
        XCTAssertEqual(number(sets, "2022-06-09", "arrivals.total.period"), Rational(9822))
        XCTAssertEqual(number(sets, "2022-06-09", "arrivals.nationality.Ukraine.period"), Rational(4884))
    }

    func testACorrectionForAnotherPeriodOrRowDoesNotAllowIt() throws {
        try series("""
            corrections:
              - {period: 2022-06-09, figure: arrivals.nationality.Ukraine, reason: "Another period."}
              - {period: 2022-05-26, figure: arrivals.nationality.Poland, reason: "Another row."}
            """)
        try realCase(may26: "nationality,count\nPoland,15100\n")
        XCTAssertEqual(try diagnostics().map { String($0.message.prefix(24)) }, ["the row 'Ukraine' (4,884"])
    }

    // MARK: Which rows and tables

    func testARowOfSeveralColumnsIsNamedByAllOfThem() throws {
        try series()
        try period("2022-05-12", ["arrivals.csv": "nationality,sex,count\nUkraine,female,3000\nUkraine,male,1884\nPoland,male,5\n"])
        try period("2022-05-26", ["arrivals.csv": "nationality,sex,count\nUkraine,female,3100\nPoland,male,2000\n"])
        let diagnostic = try XCTUnwrap(try diagnostics().first)
        XCTAssertTrue(diagnostic.message.hasPrefix("the row 'Ukraine, male' (1,884 in 2022-05-12) is missing;"), diagnostic.message)
        XCTAssertTrue(diagnostic.hint?.contains("figure: arrivals.nationality.Ukraine.sex.male,") == true, diagnostic.hint ?? "")
    }

    /// Rows are looked for at their own position first, then among all the rows: a file whose
    /// rows come in another order carries them all, and a row missing from it is still found.
    func testRowsInAnotherOrderAreCarriedAndAMissingOneIsStillFound() throws {
        try series()
        try period("2022-05-12", ["arrivals.csv": "nationality,count\nUkraine,4884\nPoland,10000\nIraq,30\nSyria,7\n"])
        try period("2022-05-26", ["arrivals.csv": "nationality,count\nPoland,15000\nSyria,9\nUkraine,4900\nIraq,31\n"])
        try period("2022-06-09", ["arrivals.csv": "nationality,count\nIraq,33\nUkraine,4950\nPoland,16000\n"])
        XCTAssertEqual(try diagnostics().map { String($0.message.prefix(28)) }, ["the row 'Syria' (9 in 2022-0"])
    }

    func testTablesReportedPerPeriodMayLoseRows() throws {
        try series()
        try period("2022-05-12", ["assessments.csv": "region,count\nGomel,31\nMinsk,14\n"])
        try period("2022-05-26", ["assessments.csv": "region,count\nGomel,38\n"])
        XCTAssertEqual(number(try figures(), "2022-05-26", "assessments.total.previous"), Rational(45))
    }

    func testARowThatWasZeroMayGo() throws {
        try series()
        try period("2022-05-12", ["arrivals.csv": "nationality,count\nUkraine,4884\nMoldova,0\n"])
        try period("2022-05-26", ["arrivals.csv": "nationality,count\nUkraine,4900\n"])
        XCTAssertEqual(number(try figures(), "2022-05-26", "arrivals.total.period"), Rational(16))
    }

    /// A year-to-date count starts again on 1 January: last year's rows need not be carried.
    func testANewYearStartsAFreshCount() throws {
        try series(arrivals: "year")
        try period("2022-12", ["arrivals.csv": "nationality,count\nUkraine,4884\nPoland,10\n"])
        try period("2023-01", ["arrivals.csv": "nationality,count\nPoland,3\n"])
        try period("2023-02", ["arrivals.csv": "nationality,count\nPoland,7\n"])
        XCTAssertEqual(number(try figures(), "2023-02", "arrivals.total.period"), Rational(4))
    }
}
