import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// A totals row (`Total`, `Grand total`, `Итого`…) is not data: it is a total the file states,
/// checked against the rows it adds up, and an error with both numbers at its cell when they differ.
final class TotalsRowsTests: XCTestCase {
    // MARK: Helpers

    private func table(_ csv: String, totals: TotalsWords = .standard) throws -> Table {
        try Table(name: "t", source: CSVReader.read(Array(csv.utf8), file: "r/t.csv"), valueColumn: "n", totals: totals)
    }

    /// The figures of the table, or the errors computing them gives.
    private func compute(_ csv: String, totals: TotalsWords = .standard) throws -> Result<FigureSet, DiagnosticError> {
        let table = try table(csv, totals: totals)
        do { return .success(try OnePeriodReport.figures([table])) } catch { return .failure(error) }
    }

    private func problems(_ csv: String, totals: TotalsWords = .standard, file: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        switch try compute(csv, totals: totals) {
        case .success: XCTFail("expected an error", file: file, line: line); return []
        case .failure(let error): return error.diagnostics
        }
    }

    // MARK: Matching totals

    func testAMatchingTotalsRowIsAcceptedAndNotCountedTwice() throws {
        for label in ["Total", "TOTAL", "total", "Totals", "Grand total", "Total:", "Итого", "Total général", "المجموع"] {
            let csv = "region,n\nNorth,4\nSouth,1\n\(label),5\n"
            let read = try table(csv)
            XCTAssertEqual(read.rows.map(\.keys), [["North"], ["South"]], label)
            XCTAssertEqual(read.statedTotals.map(\.value), [5], label)
            guard case .success(let set) = try compute(csv) else { return XCTFail(label) }
            XCTAssertEqual(set["t.total"]?.value, .number(Rational(5)), label)
            XCTAssertEqual(set["t.region.count"]?.value, .number(Rational(2)), label)
            XCTAssertNil(set["t.region.\(label)"], label)
        }
    }

    func testSubtotalsOfGroupsAndTotalsOfOneValueAcrossOthers() throws {
        let csv = """
            country,sex,n
            Iraq,female,3
            Iraq,male,4
            Iraq,Total,7
            Cuba,female,1
            Cuba,Total,1
            Total,female,4
            Total,Total,8
            Total,,8

            """
        let read = try table(csv)
        XCTAssertEqual(read.rows.count, 3)
        XCTAssertEqual(read.statedTotals.map(\.keys), [["Iraq", nil], ["Cuba", nil], [nil, "female"], [nil, nil], [nil, nil]])
        guard case .success(let set) = try compute(csv) else { return XCTFail("the totals agree") }
        XCTAssertEqual(set["t.total"]?.value, .number(Rational(8)))
    }

    // MARK: Disagreements

    func testATotalThatDiffersIsAnErrorAtItsCellWithBothNumbers() throws {
        let found = try problems("region,n\nNorth,1204\nSouth,1\nTotal,1215\n")
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.location, SourceLocation(file: "r/t.csv", line: 4, column: 7))
        XCTAssertEqual(found.first?.message, "the totals row 'Total' states 1,215, but the rows add up to 1,205 (t.total)")
        XCTAssertEqual(found.first?.sourceLine, "Total,1215")
        XCTAssertEqual(found.first?.hint, "correct the totals row or the rows it adds up (sitrep computes the totals itself, so the row "
            + "can also be removed); if 'Total' is a category of its own and not a sum, rename it, e.g. 'Total (category)'")
    }

    func testASubtotalThatDiffersNamesItsGroup() throws {
        let found = try problems("country,sex,n\nIraq,female,3\nIraq,male,4\nIraq,Итого,8\nTotal,female,2\nSyria,Total,1\n")
        XCTAssertEqual(found.map(\.message), [
            "the totals row 'Итого' for country 'Iraq' states 8, but the rows for country 'Iraq' add up to 7 (t.country.Iraq)",
            "the totals row 'Total' for sex 'female' states 2, but the rows for sex 'female' add up to 3 (t.sex.female)",
            "the totals row 'Total' for country 'Syria' states 1, but the table has no row for country 'Syria'",
        ])
        XCTAssertEqual(found.map(\.location?.line), [4, 5, 6])
    }

    // MARK: Words

    func testWordsFromSeriesYAMLMarkTotalsRows() throws {
        let csv = "region,n\nNorth,4\nSouth,1\nAll regions,6\n"
        XCTAssertEqual(try table(csv).rows.count, 3, "not a totals word by default")
        let found = try problems(csv, totals: TotalsWords(adding: ["All regions"]))
        XCTAssertEqual(found.first?.message, "the totals row 'All regions' states 6, but the rows add up to 5 (t.total)")
    }

    func testATableOfTotalsOnlyIsAnError() throws {
        XCTAssertThrowsError(try table("region,n\nTotal,5\n")) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.first?.message, "the table has only totals rows ('Total') and no rows for them to add up")
            XCTAssertEqual(diagnostics.first?.location?.line, 1)
        }
    }

    func testAnEmptyCellIsStillAnErrorInARowThatIsNotATotal() throws {
        XCTAssertThrowsError(try table("country,sex,n\nIraq,female,3\nIraq,,3\n")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.message, "the value for 'sex' is empty")
        }
    }

    func testAReservedWordInATotalsRowIsStillAnError() throws {
        XCTAssertThrowsError(try table("country,sex,n\nIraq,female,3\nTotal,count,3\n")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location?.column, 7)
        }
    }
}
