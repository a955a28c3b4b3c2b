import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// One place says which files are tables and how each is read (``TableFormat``), and ``Table``
/// checks the cells of any reader's ``TableSource`` and points at them where that reader says.
final class TableFormatTests: XCTestCase {
    func testFilesArePickedByTheirSuffixInAnyCase() throws {
        let arrivals = try XCTUnwrap(TableFormat.reader(forFileNamed: "arrivals.csv"))
        XCTAssertEqual(arrivals.table, "arrivals")
        XCTAssertEqual(arrivals.format.suffix, ".csv")
        XCTAssertEqual(TableFormat.reader(forFileNamed: "Arrivals.CSV")?.table, "Arrivals")
        XCTAssertEqual(TableFormat.reader(forFileNamed: "région nord.Csv")?.table, "région nord")
        for other in ["report.md", "figures.yml", "arrivals.csv.bak", "csv", "arrivals_csv", "README.md"] {
            XCTAssertNil(TableFormat.reader(forFileNamed: other), other)
        }
    }

    func testATableGivenByTwoFilesIsAnErrorAtTheSecond() throws {
        let files = TableFiles(["arrivals.CSV", "arrivals.csv", "avrr.csv", "report.md"], in: "content/s/2022-06")
        XCTAssertEqual(files.entry(forFileNamed: "arrivals.CSV")?.table, "arrivals")
        XCTAssertNil(files.entry(forFileNamed: "arrivals.csv"), "the second file is not read")
        XCTAssertEqual(files.entry(forFileNamed: "avrr.csv")?.table, "avrr")
        XCTAssertNil(files.entry(forFileNamed: "report.md"))
        XCTAssertEqual(files.problems.map(\.description), ["""
            content/s/2022-06/arrivals.csv: error: the table 'arrivals' is given twice: by arrivals.CSV and by arrivals.csv
                hint: keep one file for the table 'arrivals' and remove or rename the other
            """])
    }

    func testTableNamesThatDifferOnlyInCaseAreAnError() throws {
        let files = TableFiles(["Arrivals.csv", "arrivals.csv", "avrr.csv"], in: "content/s/2022-06")
        XCTAssertEqual(files.entry(forFileNamed: "Arrivals.csv")?.table, "Arrivals")
        XCTAssertNil(files.entry(forFileNamed: "arrivals.csv"))
        XCTAssertEqual(files.problems.map(\.description), ["""
            content/s/2022-06/arrivals.csv: error: the tables 'Arrivals' (Arrivals.csv) and 'arrivals' (arrivals.csv) \
            have names that differ only in case: on Windows and macOS their files are one file
                hint: keep one of the files, or rename one so that the names differ in more than case
            """])
    }

    func testTheCSVFormatReadsAndChecksATable() throws {
        let table = try TableFormat.csv.readTable(Array("region;people\nNorth;12\n".utf8), "r/t.csv", "t",
                                                  SeriesConfig.TableDeclaration(valueColumn: "people"))
        XCTAssertEqual(table, Table(name: "t", file: "r/t.csv", dimensions: ["region"], valueColumn: "people",
                                    rows: [Table.Row(keys: ["North"], value: 12, position: 2)]))
        XCTAssertEqual(table.location(of: table.rows[0]), SourceLocation(file: "r/t.csv", line: 2))
        XCTAssertEqual(table.headerLocation, SourceLocation(file: "r/t.csv", line: 1))
    }

    // MARK: Another reader

    /// A grid of cells as a workbook reader would give it: rows numbered from 3 (a title above
    /// the header), cells located by the reader itself.
    private struct Grid: TableSource {
        var file = "arrivals.xlsx"
        var header: [String]
        var cells: [[String]]
        var rowCount: Int { cells.count }
        func cell(row: Int, column: Int) -> String { cells[row][column] }
        func position(ofRow row: Int) -> Int { row + 4 }
        var headerPosition: Int { 3 }
        func describe(row: Int) -> String { "row \(position(ofRow: row))" }
        func location(ofRow row: Int?, column: Int?) -> CellLocation {
            let line = row.map(position(ofRow:)) ?? headerPosition
            return CellLocation(SourceLocation(file: file, line: line, column: column.map { $0 + 1 }), sourceLine: nil)
        }
    }

    func testATableIsCheckedWhateverItsReader() throws {
        let table = try Table(name: "arrivals", source: Grid(header: ["count", "region"], cells: [["12", " North "], ["3", "South"]]))
        XCTAssertEqual(table.file, "arrivals.xlsx")
        XCTAssertEqual(table.dimensions, ["region"])
        XCTAssertEqual(table.rows, [Table.Row(keys: ["North"], value: 12, position: 4), Table.Row(keys: ["South"], value: 3, position: 5)])
        XCTAssertEqual(table.headerPosition, 3)
    }

    /// A workbook names a cell by its sheet and address, not by a line.
    private struct Sheet: TableSource {
        var file = "arrivals.xlsx"
        var header = ["country", "count"]
        var cells = [["Iraq", "12"], ["Syria", "1.234"]]
        var rowCount: Int { cells.count }
        func cell(row: Int, column: Int) -> String { cells[row][column] }
        func position(ofRow row: Int) -> Int { row + 2 }
        var headerPosition: Int { 1 }
        func describe(row: Int) -> String { "row \(position(ofRow: row))" }
        func location(ofRow row: Int?, column: Int?) -> CellLocation {
            let address = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(column ?? 0))) + String(row.map(position(ofRow:)) ?? headerPosition)
            return CellLocation(SourceLocation(file: file, place: "sheet 'Arrivals', cell \(address)"), sourceLine: nil)
        }
    }

    func testAWorkbookCellIsNamedBySheetAndAddress() throws {
        XCTAssertThrowsError(try Table(name: "arrivals", source: Sheet())) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.count, 1)
            XCTAssertTrue(diagnostics.first?.description.hasPrefix("arrivals.xlsx: sheet 'Arrivals', cell B3: error: the value '1.234'") ?? false,
                          diagnostics.first?.description ?? "no diagnostic")
        }
    }

    func testProblemsArePlacedWhereTheReaderSays() throws {
        let grid = Grid(header: ["region", "count", "total"], cells: [["North", "1,234", "1"], ["North", "5", "1"], ["", "5", "3"]])
        XCTAssertThrowsError(try Table(name: "arrivals", source: grid)) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.map(\.location), [
                SourceLocation(file: "arrivals.xlsx", line: 3, column: 3),
                SourceLocation(file: "arrivals.xlsx", line: 4, column: 2),
                SourceLocation(file: "arrivals.xlsx", line: 5, column: 1),
                SourceLocation(file: "arrivals.xlsx", line: 6, column: 1),
            ])
            XCTAssertEqual(diagnostics.map(\.message), [
                "the column 'total' is named with a word sitrep keeps for the names of derived figures, "
                    + "so a name such as 'arrivals.total.…' could mean a value of this column or a derived figure",
                "the value '1,234' in column 'count' has separators in it",
                "a second row for region 'North', total '1'; the first is on row 4",
                "the value for 'region' is empty",
            ])
        }
    }
}
