import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// Tables as officers' sheets and HXL exports lay them out: a row of HXL hashtags under the
/// header, wide value columns, title rows, as series.yml declares them (``TableLayout``).
final class TableLayoutTests: XCTestCase {
    /// The declaration of table `t` in a series.yml whose table entry is `yaml` (indented lines).
    private func declaration(_ yaml: String) throws -> SeriesConfig.TableDeclaration {
        let text = "title: T\ntables:\n  t:\n" + yaml.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n") + "\n"
        return try SeriesConfig(slug: "s", file: "series.yml", yaml: YAMLNode.parse(text, file: "series.yml")).declaration(for: "t")
    }

    private func table(_ csv: String, _ yaml: String = "") throws -> Table {
        let declaration = yaml.isEmpty ? SeriesConfig.TableDeclaration() : try declaration(yaml)
        let source = try CSVReader.read(Array(csv.utf8), file: "t.csv", headerRow: declaration.layout.headerRow)
        return try Table(name: "t", source: source, declaration: declaration)
    }

    private func problems(_ csv: String, _ yaml: String = "", _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let table = try table(csv, yaml)
            XCTFail("expected an error, read \(table)", file: caller, line: line)
            return []
        } catch {
            return (error as? DiagnosticError)?.diagnostics ?? []
        }
    }

    private func rows(_ table: Table) -> [[String]] { table.rows.map { $0.keys + [String($0.value)] } }

    // MARK: HXL

    func testHashtagRowIsNotDataAndItsTagsAreKept() throws {
        let table = try table("País,Sexo,Personas\n#country+name,,#affected\nUcrania,mujer,12\nUcrania,hombre,7\n", "value: Personas")
        XCTAssertEqual(table.dimensions, ["País", "Sexo"])
        XCTAssertEqual(rows(table), [["Ucrania", "mujer", "12"], ["Ucrania", "hombre", "7"]])
        XCTAssertEqual(table.rows.map(\.position), [3, 4])
        XCTAssertEqual(table.hxlColumns, [HXLColumn(column: "País", tag: "#country+name"), HXLColumn(column: "Personas", tag: "#affected")])
        XCTAssertEqual(table.valueColumn, "Personas")
    }

    func testWithoutDeclarationTheValueColumnIsFoundByItsTag() throws {
        let table = try table("País,Personas\n#country,#affected\nUcrania,12\n", "value: \"#affected\"")
        XCTAssertEqual(rows(table), [["Ucrania", "12"]])
    }

    func testHashtagsAreReadAsHXLWritesThem() {
        XCTAssertEqual(HXLRow.normalisedTag(" #Affected +F + Children "), "#affected+f+children")
        XCTAssertEqual(HXLRow.normalisedTag("#adm1_code"), "#adm1_code")
        for notATag in ["#", "#1", "#N/A", "#VALUE!", "#DIV/0!", "#a+", "#a++b", "#a b", "a#b", "#a+1", "12"] {
            XCTAssertNil(HXLRow.normalisedTag(notATag), notATag)
        }
    }

    func testADataRowWithAnExcelErrorIsNotTakenForTags() throws {
        let problems = problems("region,count\n#N/A,#N/A\n")
        XCTAssertTrue(problems.contains { $0.message.contains("'#N/A' in column 'count' is not a whole number") }, "\(problems)")
    }

    func testColumnsNamedByTags() throws {
        let table = try table("País,Sexo,Personas\n#country,#sex,#affected\nUcrania,mujer,12\n", "names: hxl\nvalue: affected")
        XCTAssertEqual(table.dimensions, ["country", "sex"])
        XCTAssertEqual(table.valueColumn, "affected")
        XCTAssertEqual(rows(table), [["Ucrania", "mujer", "12"]])
    }

    func testUnderNamesByTagsTheFilesNamesStillNameColumns() throws {
        let csv = "País,Hombres,Mujeres,Total\n#country,#affected+m,#affected+f,#affected+total\nUcrania,1,2,3\n"
        let wide = try table(csv, "names: hxl\nvalues: {sex: [Hombres, Mujeres]}\nignore: [Total]")
        XCTAssertEqual(wide.dimensions, ["country", "sex"])
        XCTAssertEqual(rows(wide), [["Ucrania", "Hombres", "1"], ["Ucrania", "Mujeres", "2"]])
        let long = try table("País,Personas\n#country,#affected\nUcrania,12\n", "names: hxl\nvalue: Personas")
        XCTAssertEqual(long.valueColumn, "affected")
        XCTAssertEqual(rows(long), [["Ucrania", "12"]])
    }

    func testTwoColumnsWithOneTagAreLocatedAtTheSecondTag() throws {
        let diagnostic = try XCTUnwrap(problems("a,b,count\n#adm1,#adm1,#affected\nx,y,1\n", "names: hxl\nvalue: affected").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 7))
        XCTAssertEqual(diagnostic.message, "with `names: hxl` two columns are named 'adm1': columns 1 and 2")
    }

    func testNamesByTagsWithoutTagsIsAnError() throws {
        let diagnostic = try XCTUnwrap(problems("region,count\nGomel,1\n", "names: hxl").first)
        XCTAssertEqual(diagnostic.location?.line, 1)
        XCTAssertTrue(diagnostic.message.contains("not a row of hashtags"), diagnostic.message)
    }

    func testAReservedWordAsATagIsLocatedAtTheTag() throws {
        let diagnostic = try XCTUnwrap(problems("a,count\n#share,#affected\nx,1\n", "names: hxl\nvalue: affected").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 1))
    }

    // MARK: Wide tables

    private let longCSV = "region,sex,count\nBrest,Men,12\nBrest,Women,15\nMinsk,Men,3\nMinsk,Women,0\n"
    private let wideCSV = "region,Men,Women\nBrest,12,15\nMinsk,3,0\n"

    func testWideTableReadsAsTheLongTable() throws {
        let wide = try table(wideCSV, "values: {sex: [Men, Women]}")
        let long = try table(longCSV)
        XCTAssertEqual(wide.dimensions, long.dimensions)
        XCTAssertEqual(rows(wide), rows(long))
        XCTAssertEqual(wide.rows.map(\.position), [2, 2, 3, 3])
    }

    func testWideColumnsByTagWithLabels() throws {
        let csv = "Region,Hommes,Femmes,Total\n#adm1+name,#affected+m,#affected+f,#affected+total\nBrest,12,15,27\nMinsk,3,0,3\n"
        let table = try table(csv, "values:\n  sex: {Men: \"#affected+m\", Women: \"#affected+f\"}\nignore: [Total]")
        XCTAssertEqual(table.dimensions, ["Region", "sex"])
        XCTAssertEqual(rows(table), [["Brest", "Men", "12"], ["Brest", "Women", "15"], ["Minsk", "Men", "3"], ["Minsk", "Women", "0"]])
        XCTAssertEqual(table.hxlColumns.map(\.tag), ["#adm1+name", "#affected+m", "#affected+f", "#affected+total"])
    }

    func testAValueColumnNamedTwiceIsAnErrorNotCountedTwice() {
        let csv = "Region,Men,Women\n#adm1+name,#affected+m,#affected+f\nBrest,12,15\n"
        let diagnostics = problems(csv, "values:\n  sex: {m: Men, f: Women, both: \"#affected+m\"}")
        XCTAssertEqual(diagnostics.map(\.message), ["series.yml names the column 'Men' twice in `values:` (as '#affected+m' too)"])
    }

    func testANonNumberInAWideCellIsLocatedAtItsCell() throws {
        let diagnostics = problems("region,Men,Women\nBrest,12,15\nMinsk,3,n/a\n", "values: {sex: [Men, Women]}")
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "t.csv", line: 3, column: 9))
        XCTAssertEqual(diagnostics.first?.message, "the value 'n/a' in column 'Women' is not a whole number")
    }

    func testADeclaredValueColumnMissingIsLocatedAtTheHeader() throws {
        let diagnostic = try XCTUnwrap(problems("region,Men,Wmen\nBrest,12,15\n", "values: {sex: [Men, Women]}").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 1))
        XCTAssertTrue(diagnostic.message.contains("the table has no column 'Women', which series.yml declares as a value column of 'sex'"),
                      diagnostic.message)
        XCTAssertTrue(diagnostic.hint?.contains("'Wmen'") ?? false, diagnostic.hint ?? "")
    }

    func testATotalColumnLeftInAWideTableIsAnError() throws {
        let diagnostic = try XCTUnwrap(problems("region,Men,Women,Total\nBrest,12,15,27\n", "values: {sex: [Men, Women]}").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 18))
        XCTAssertTrue(diagnostic.hint?.contains("ignore: [Total]") ?? false, diagnostic.hint ?? "")
    }

    func testTheDimensionMayNotBeAColumnsName() throws {
        let diagnostic = try XCTUnwrap(problems("region,Men,Women\nBrest,12,15\n", "values: {region: [Men, Women]}").first)
        XCTAssertEqual(diagnostic.location?.file, "series.yml")
        XCTAssertTrue(diagnostic.message.contains("dimension 'region'"), diagnostic.message)
    }

    func testAWideLabelIsCheckedAsAValueAtItsHeaderCell() throws {
        let diagnostic = try XCTUnwrap(problems("region,a,b\nBrest,1,2\n", "values: {sex: {share: a, female: b}}").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 8))
        XCTAssertTrue(diagnostic.message.contains("'share'"), diagnostic.message)
    }

    /// A source of many rows that are never read: the limit is checked before any cell is.
    private struct ManyRows: TableSource {
        let rowCount: Int
        let file = "t.csv"
        let header = ["region", "a", "b"]
        let headerPosition = 1
        func cell(row: Int, column: Int) -> String { "" }
        func position(ofRow row: Int) -> Int { row + 2 }
        func describe(row: Int) -> String { "line \(row + 2)" }
        func location(ofRow row: Int?, column: Int?) -> CellLocation {
            CellLocation(SourceLocation(file: file, line: row.map { $0 + 2 } ?? 1, column: 1), sourceLine: nil)
        }
    }

    func testAWideTableIsHeldToTheRowLimitAsItReads() throws {
        let rows = CSVLimits.standard.rows / 2 + 1
        XCTAssertThrowsError(try Table(name: "t", source: ManyRows(rowCount: rows), declaration: declaration("values: {sex: [a, b]}"))) {
            let diagnostic = ($0 as? DiagnosticError)?.diagnostics.first
            XCTAssertTrue(diagnostic?.message.contains("reads as \(rows * 2) rows") ?? false, "\(String(describing: diagnostic))")
        }
    }

    func testDeclarationsAreChecked() {
        for (yaml, message) in [
            ("values: {sex: [Men]}", "needs at least two value columns"),
            ("values: [Men, Women]", "values must name one dimension"),
            ("header_row: 0", "header_row must be a row number"),
            ("names: tags", "names must be 'header' or 'hxl'"),
        ] {
            XCTAssertThrowsError(try declaration(yaml), yaml) { error in
                let diagnostic = (error as? DiagnosticError)?.diagnostics.first
                XCTAssertTrue(diagnostic?.message.contains(message) ?? false, "\(yaml): \(String(describing: diagnostic))")
            }
        }
    }

    // MARK: Title rows

    func testTitleRowsAndHashtagsAboveAWideTable() throws {
        let csv = "Distributions in June 2022,,\n,,\nregion,Men,Women\n#adm1,#reached+m,#reached+f\nBrest,12,15\nMinsk,3,0\n"
        let table = try table(csv, "header_row: 3\nvalues: {sex: [Men, Women]}")
        XCTAssertEqual(rows(table), rows(try self.table(longCSV)))
        XCTAssertEqual(table.headerPosition, 3)
        XCTAssertEqual(table.rows.map(\.position), [5, 5, 6, 6])
    }
}
