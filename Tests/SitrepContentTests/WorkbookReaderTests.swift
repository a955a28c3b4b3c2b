import Foundation
import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// Excel workbooks as tables: the workbooks in Fixtures/Workbooks were written by openpyxl and
/// edited as Excel writes them (make_workbooks.py says how each was made).
final class WorkbookReaderTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Workbooks")

    private func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
    }

    private func read(_ name: String, sheet: String? = nil, valueColumn: String = "count",
                      limits: WorkbookLimits = .standard) throws -> WorkbookTable {
        try WorkbookReader.read(bytes(name), file: name, sheet: sheet, valueColumn: valueColumn, limits: limits)
    }

    /// The messages a read gives, each as printed.
    private func problems(_ name: String, sheet: String? = nil, valueColumn: String = "count",
                          limits: WorkbookLimits = .standard) throws -> [String] {
        do {
            _ = try read(name, sheet: sheet, valueColumn: valueColumn, limits: limits)
            XCTFail("\(name) was read without error")
            return []
        } catch let error as DiagnosticError {
            return error.diagnostics.map(\.description)
        }
    }

    // MARK: Cells

    func testEveryKindOfCellReadsAsExcelShowsIt() throws {
        let sheet = try read("cells.xlsx", valueColumn: "beneficiaries")
        XCTAssertEqual(sheet.sheet, "Distributions", "the first sheet")
        XCTAssertEqual(sheet.header, ["region", "day", "item", "beneficiaries"])
        XCTAssertEqual(sheet.rows, [
            ["Gomel", "2022-06-09", "Food kit", "49"],          // shared strings, a date, a number
            ["Gomel", "2022-06-09", "Hygiene kit", "50"],       // an inline string; a number stored as text
            ["Minsk", "2022-06-08", "Clothes", "24"],           // a formula's saved value
            ["Minsk", "2022-06-08T14:30:00", "Transport", "6"], // a date and time; 6.0000000000000009 as Excel shows it
        ], "the styled empty cell in H20 and the empty row 30 are not rows")
        let table = try Table(name: "distributions", source: sheet, valueColumn: "beneficiaries")
        XCTAssertEqual(table.rows.map(\.value), [49, 50, 24, 6])
        XCTAssertEqual(table.dimensions, ["region", "day", "item"])
    }

    func testTheTableMayStartAnywhereAndMergedRegionsFillTheirRows() throws {
        let sheet = try read("layout.xlsx")
        XCTAssertEqual(sheet.sheet, "Assessments", "the hidden first sheet is passed over")
        XCTAssertEqual(sheet.header, ["region", "district", "count"], "the table starts at B2; column C is hidden and read")
        XCTAssertEqual(sheet.rows, [
            ["Gomel", "Gomel", "120"], ["Gomel", "Mozyr", "21"], ["Minsk", "Minsk", "46"], ["Brest", "Pinsk", "8"],
        ], "B3:B4 is merged; row 6 is hidden and read")
        XCTAssertEqual(sheet.location(ofRow: 1, column: 0).location.description, "layout.xlsx: sheet 'Assessments', cell B4")
        XCTAssertEqual(sheet.location(ofRow: nil, column: 2).location.description, "layout.xlsx: sheet 'Assessments', cell D2")
        let table = try Table(name: "assessments", source: sheet)
        XCTAssertEqual(table.location(of: table.rows[3]).description, "layout.xlsx: sheet 'Assessments', row 6")
        XCTAssertEqual(table.headerLocation.description, "layout.xlsx: sheet 'Assessments', row 2")
    }

    func testTheTablesChecksPointAtTheWorkbooksCells() throws {
        let sheet = try read("cells.xlsx", valueColumn: "item")
        XCTAssertThrowsError(try Table(name: "distributions", source: sheet, valueColumn: "item")) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.description, """
                cells.xlsx: sheet 'Distributions', cell C2: error: the value 'Food kit' in column 'item' is not a whole number
                    hint: write a whole number with digits only, such as 1234
                """)
        }
    }

    func testASheetIsChosenByName() throws {
        XCTAssertEqual(try read("layout.xlsx", sheet: "Brest").rows, [["Pinsk", "8"]])
        XCTAssertEqual(try read("layout.xlsx", sheet: "brest").sheet, "Brest", "sheet names are matched regardless of case, as in Excel")
        XCTAssertEqual(try problems("layout.xlsx", sheet: "Brst"), ["""
            layout.xlsx: error: the workbook has no sheet 'Brst'; its sheets are 'Lookup', 'Assessments', 'Brest'
                hint: did you mean 'Brest'? write the name of the sheet that holds the table after `sheet:` \
            in the table's declaration in series.yml
            """])
    }

    // MARK: Problems

    func testAMergedHeaderCellIsRefused() throws {
        XCTAssertEqual(try problems("merged-header.xlsx"), ["""
            merged-header.xlsx: sheet 'Arrivals', cell B1: error: the header cells B1:C1 are merged
                hint: unmerge them (in Excel: Home > Merge & Center) and write a name for each column in row 1
            """])
    }

    func testAMergeInTheValueColumnIsRefused() throws {
        let messages = try problems("layout.xlsx", valueColumn: "region")
        XCTAssertEqual(messages.first?.components(separatedBy: "\n").first,
                       "layout.xlsx: sheet 'Assessments', cell B3: error: the cells B3:B4 of the column 'region' are merged: a count belongs to one row")
    }

    func testAFormulaWithoutItsSavedValueSaysToSaveTheWorkbook() throws {
        XCTAssertEqual(try problems("unsaved-formula.xlsx"), ["""
            unsaved-formula.xlsx: sheet 'Arrivals', cell B3: error: the cell has a formula whose value was never saved
                hint: open the workbook in Excel (or LibreOffice Calc) and save it: sitrep reads the value a formula \
            had when the file was last saved, and the program that wrote this file did not save it
            """])
    }

    func testAnErrorValueIsLocated() throws {
        XCTAssertEqual(try problems("error-value.xlsx").first?.components(separatedBy: "\n").first,
                       "error-value.xlsx: sheet 'Arrivals', cell B2: error: the cell shows the error #DIV/0!")
    }

    func testFilesThatAreNotWorkbooksSayWhatTheyAre() throws {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                _ = try WorkbookReader.read(bytes, file: "t.xlsx")
                return nil
            } catch { return error.diagnostics.first.map { "\($0.location?.description ?? ""): \($0.message)" } }
        }
        XCTAssertEqual(try problems("corrupt.xlsx").first?.components(separatedBy: "\n").first,
                       "corrupt.xlsx: error: the workbook cannot be read: it is not a complete zip archive, as an .xlsx file is")
        XCTAssertEqual(message(Array("region,count\nNorth,1\n".utf8)), "t.xlsx: the file holds text, not an Excel workbook")
        XCTAssertEqual(message([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)),
                       "t.xlsx: the file is an Excel 97–2003 workbook (.xls) or a workbook protected by a password, not an .xlsx file")
        XCTAssertEqual(message([]), "t.xlsx: the file is empty")
    }

    func testLimitsAreCheckedBeforeAndWhileUnpacking() throws {
        let small = WorkbookLimits(file: .standard, unpackedBytes: 4_000)
        XCTAssertTrue(try problems("cells.xlsx", limits: small).first?
            .contains("unpacks to more than sitrep reads") ?? false)
        let rows = WorkbookLimits(file: CSVLimits(bytes: 1 << 20, rows: 2), unpackedBytes: 1 << 20)
        XCTAssertEqual(try problems("cells.xlsx", valueColumn: "beneficiaries", limits: rows).first?.components(separatedBy: "\n").first,
                       "cells.xlsx: sheet 'Distributions', row 4: error: the table has more than 2 rows; sitrep reads tables of at most 2 rows")
        let understated = WorkbookLimits(file: .standard, unpackedBytes: 50_000)
        XCTAssertTrue(try problems("understated.xlsx", limits: understated).first?
            .contains("the workbook's part xl/worksheets/sheet1.xml unpacks to more than sitrep reads") ?? false,
                      "a part that unpacks to more than its zip headers say is stopped while it is unpacked")
        let tiny = WorkbookLimits(file: CSVLimits(bytes: 1_000, rows: 10), unpackedBytes: 1 << 20)
        XCTAssertTrue(try problems("cells.xlsx", limits: tiny).first?.contains("sitrep reads tables of at most 1000 bytes") ?? false)
    }

    // MARK: A new period

    func testANewPeriodStartsFromAWorkbookWithTheHeaderOnly() throws {
        let declaration = SeriesConfig.TableDeclaration(valueColumn: "count")
        let new = try TableFormat.xlsx.headerOnly(bytes("layout.xlsx"), "layout.xlsx", declaration)
        XCTAssertEqual(new, try TableFormat.xlsx.headerOnly(bytes("layout.xlsx"), "layout.xlsx", declaration), "the same bytes each time")
        let sheet = try WorkbookReader.read(new, file: "new.xlsx")
        XCTAssertEqual(sheet.sheet, "Assessments")
        XCTAssertEqual(sheet.header, ["region", "district", "count"])
        XCTAssertEqual(sheet.location(ofRow: nil, column: 0).location.description, "new.xlsx: sheet 'Assessments', cell B2",
                       "the header stays in its cells")
        XCTAssertEqual(sheet.rowCount, 0)
        XCTAssertThrowsError(try TableFormat.xlsx.headerOnly(bytes("corrupt.xlsx"), "corrupt.xlsx", declaration),
                             "a broken workbook is reported, not copied")
    }

    /// The second example's workbook has a row of HXL hashtags under its header, as an HDX or
    /// KoboToolbox export does: the table reads without it, keeps the tags, and a new period's
    /// workbook keeps the row.
    func testTheExampleWorkbooksHashtagRowIsKeptAsTagsAndInANewPeriod() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("content/belarus-assistance/2022-06/distributions.xlsx")
        let workbook = [UInt8](try Data(contentsOf: example))
        var declaration = SeriesConfig.TableDeclaration(valueColumn: "beneficiaries")
        declaration.sheet = SeriesConfig.DeclaredSheet(name: "Distributions", location: SourceLocation(file: "content/x/series.yml", line: 7, column: 12))
        let table = try TableFormat.xlsx.readTable(workbook, "distributions.xlsx", "distributions", declaration)
        XCTAssertEqual(table.hxlColumns.map(\.tag), ["#item+name", "#adm1+name", "#reached+ind"])
        XCTAssertEqual(table.rows.reduce(0) { $0 + $1.value }, 168, "the tags are not a row of data")
        XCTAssertEqual(table.location(of: table.rows[0]).description, "distributions.xlsx: sheet 'Distributions', row 3")

        let new = try TableFormat.xlsx.headerOnly(workbook, "distributions.xlsx", declaration)
        let sheet = try WorkbookReader.read(new, file: "new.xlsx")
        XCTAssertEqual(sheet.header, ["item", "region", "beneficiaries"])
        XCTAssertEqual(sheet.rowCount, 1, "the hashtag row, and no data")
        XCTAssertNotNil(HXLRow(sheet), "the new workbook keeps the hashtags")
    }

    /// A cell of spaces above the header (formatting left in row 1) is not the header, and the
    /// header and rows below it read as usual.
    func testACellOfSpacesAboveTheHeaderIsSkipped() throws {
        func text(_ address: String, _ value: String) -> String {
            "<c r=\"\(address)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(value)</t></is></c>"
        }
        let sheetXML = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\">\(text("A1", "  "))</row>"
            + "<row r=\"2\">\(text("A2", "region"))\(text("B2", "count"))</row>"
            + "<row r=\"3\">\(text("A3", "Gomel"))<c r=\"B3\"><v>12</v></c></row>"
            + "</sheetData></worksheet>"
        let sheet = try WorkbookReader.read(try WorkbookWriter.workbook(sheet: "S", sheetXML: sheetXML), file: "t.xlsx")
        XCTAssertEqual(sheet.header, ["region", "count"])
        XCTAssertEqual(sheet.rows, [["Gomel", "12"]])
    }

    /// Rows above a declared `header_row` (a title merged across the columns, a blank row) are
    /// not read; the rows keep the sheet's numbers.
    func testTitleRowsAboveTheDeclaredHeaderRowAreSkipped() throws {
        func text(_ address: String, _ value: String) -> String {
            "<c r=\"\(address)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>"
        }
        let sheetXML = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\">\(text("A1", "Distributions, 27 May - 9 June 2022"))</row>"
            + "<row r=\"3\">\(text("A3", "region"))\(text("B3", "count"))</row>"
            + "<row r=\"4\">\(text("A4", "Gomel"))<c r=\"B4\"><v>12</v></c></row>"
            + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>"
        let workbook = try WorkbookWriter.workbook(sheet: "Distributions", sheetXML: sheetXML)
        XCTAssertThrowsError(try WorkbookReader.read(workbook, file: "t.xlsx"), "without header_row, the title is the header")
        var declaration = SeriesConfig.TableDeclaration(valueColumn: "count")
        declaration.layout.headerRow = 3
        let table = try TableFormat.xlsx.readTable(workbook, "t.xlsx", "t", declaration)
        XCTAssertEqual(table.dimensions, ["region"])
        XCTAssertEqual(table.rows, [Table.Row(keys: ["Gomel"], value: 12, position: 4)])
        XCTAssertEqual(table.location(of: table.rows[0]).description, "t.xlsx: sheet 'Distributions', row 4")
    }

    func testExcelLockFilesAreNotTables() throws {
        XCTAssertNil(TableFormat.reader(forFileNamed: "~$arrivals.xlsx"))
        XCTAssertEqual(TableFormat.reader(forFileNamed: "Arrivals.XLSX")?.format.suffix, ".xlsx")
        let files = TableFiles(["arrivals.csv", "arrivals.xlsx"], in: "content/s/2022-06")
        XCTAssertEqual(files.problems.map(\.message), ["the table 'arrivals' is given twice: by arrivals.csv and by arrivals.xlsx"])
    }

    // MARK: Cell text

    func testNumbersReadAsTheGeneralFormatShowsThem() {
        XCTAssertEqual(WorkbookCellText.number("1234"), "1234")
        XCTAssertEqual(WorkbookCellText.number("3.0000000000000004"), "3")
        XCTAssertEqual(WorkbookCellText.number("12.5"), "12.5")
        XCTAssertEqual(WorkbookCellText.number("-0"), "0")
        XCTAssertEqual(WorkbookCellText.number("1.5E+3"), "1500")
        XCTAssertNil(WorkbookCellText.number("abc"))
    }

    func testDatesReadAsISO8601() {
        XCTAssertEqual(WorkbookCellText.date(serial: 44721, kind: .date, date1904: false), "2022-06-09")
        XCTAssertEqual(WorkbookCellText.date(serial: 1, kind: .date, date1904: false), "1900-01-01")
        XCTAssertEqual(WorkbookCellText.date(serial: 61, kind: .date, date1904: false), "1900-03-01")
        XCTAssertEqual(WorkbookCellText.date(serial: 0, kind: .date, date1904: true), "1904-01-01")
        XCTAssertEqual(WorkbookCellText.date(serial: 44720.5, kind: .dateTime, date1904: false), "2022-06-08T12:00:00")
        XCTAssertEqual(WorkbookCellText.date(serial: 0.75, kind: .time, date1904: false), "18:00:00")
        XCTAssertNil(WorkbookCellText.date(serial: -1, kind: .date, date1904: false))
        XCTAssertEqual(WorkbookNumberFormat.kind(code: "dd/mm/yyyy"), .date)
        XCTAssertEqual(WorkbookNumberFormat.kind(code: "[$-409]h:mm AM/PM;@"), .time)
        XCTAssertEqual(WorkbookNumberFormat.kind(code: "#,##0.00"), .number)
        XCTAssertEqual(WorkbookNumberFormat.kind(code: "0 \"days\""), .number, "quoted text is not a format")
        XCTAssertEqual(WorkbookNumberFormat.kind(id: 14, custom: [:]), .date)
        XCTAssertEqual(WorkbookCellText.unescaped("a_x000D_b_x005F_x"), "a\rb_x")
    }
}
