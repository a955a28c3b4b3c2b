import Foundation
import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// The CSV files spreadsheet programs export, read as they come (``CSVExportQuirks``,
/// ``CSVTextDecoding``, ``CSVLegacyEncoding``).
final class CSVExportTests: XCTestCase {
    private func read(_ bytes: [UInt8], headerRow: Int = 1) throws -> CSVDocument {
        try CSVReader.read(bytes, file: "t.csv", headerRow: headerRow)
    }

    private func read(_ text: String, headerRow: Int = 1) throws -> CSVDocument {
        try read(Array(text.utf8), headerRow: headerRow)
    }

    private func problems(_ bytes: [UInt8], file: String = "t.csv", headerRow: Int = 1,
                          _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let document = try CSVReader.read(bytes, file: file, headerRow: headerRow)
            XCTFail("expected an error, read \(document)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func utf16(_ text: String, bigEndian: Bool, mark: Bool = true) -> [UInt8] {
        var bytes: [UInt8] = !mark ? [] : bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    private func values(_ document: CSVDocument) -> [[String]] { document.records.map(\.fields) }

    // MARK: sep=

    func testSeparatorLineNamesTheDelimiterAndKeepsLineNumbers() throws {
        let document = try read("sep=;\r\nregion;count\r\nGomel;1,5\r\n")
        XCTAssertEqual(document.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(document.header, ["region", "count"])
        XCTAssertEqual(document.headerLine, 2)
        XCTAssertEqual(document.records, [CSVRecord(fields: ["Gomel", "1,5"], line: 3, columns: [1, 7])])
    }

    func testSeparatorLineOverridesDetection() throws {
        // More semicolons than commas on the header line, but the sep line says commas.
        let quoted = try read("\"sep=,\"\nname;alias,count\nA;B,3\n")
        XCTAssertEqual(quoted.header, ["name;alias", "count"])
        XCTAssertEqual(try read("SEP=\t\na\tb\n1\t2\n").header, ["a", "b"])
        XCTAssertEqual(try read("sep=|\na|b\n1|2\n").records.map(\.fields), [["1", "2"]])
    }

    func testSeparatorLineWithAnUnreadSeparatorIsLocated() throws {
        let diagnostic = try XCTUnwrap(problems(Array("sep=:\na:b\n".utf8)).first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 5))
        XCTAssertTrue(diagnostic.message.contains("names ':' as the separator"), diagnostic.message)
        XCTAssertTrue(diagnostic.hint?.contains("CSV UTF-8") ?? false, diagnostic.hint ?? "")
    }

    func testAHeaderCalledSepIsAHeader() throws {
        XCTAssertEqual(try read("sep=x,count\na,1\n").header, ["sep=x", "count"])
    }

    // MARK: Empty columns and rows

    func testEmptyTrailingColumnsAndRowsAreLeftOut() throws {
        let document = try read("region,count,,\nGomel,141,,\n,,,\nMinsk,46,,\n,,,\n,,,\n")
        XCTAssertEqual(document.header, ["region", "count"])
        XCTAssertEqual(values(document), [["Gomel", "141"], ["Minsk", "46"]])
        XCTAssertEqual(document.records.map(\.line), [2, 4])
    }

    func testRowsWithMoreEmptyValuesThanTheHeaderAreRead() throws {
        XCTAssertEqual(values(try read("region,count\nGomel,141,,,\n")), [["Gomel", "141"]])
    }

    func testAValueUnderAColumnWithoutNameIsLocated() throws {
        let diagnostics = problems(Array("region,count,\nGomel,141,\nMinsk,46,note\n".utf8))
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "t.csv", line: 3, column: 10))
        XCTAssertEqual(diagnostics.first?.message, "a value in column 3, which has no name in the header")
        XCTAssertTrue(diagnostics.first?.hint?.contains("name column 3 in the header line") ?? false)
    }

    func testAnEmptyNameBetweenNamesIsStillAnError() throws {
        let diagnostic = try XCTUnwrap(problems(Array("region,,count\nN,x,1\n".utf8)).first)
        XCTAssertEqual(diagnostic.message, "column 2 of the header has no name")
    }

    // MARK: Tabs and UTF-16

    func testTabSeparatedFileKeepsEmptyValues() throws {
        let document = try read("region\tnote\tcount\nGomel\t\t141\n Minsk \t\"a\tb\"\t46\n")
        XCTAssertEqual(document.delimiter, 0x09)
        XCTAssertEqual(values(document), [["Gomel", "", "141"], ["Minsk", "a\tb", "46"]])
    }

    /// Excel's "Unicode text": UTF-16 little endian with a byte order mark, tab-separated, CR LF.
    func testExcelUnicodeTextLittleAndBigEndian() throws {
        let text = "region\tcount\r\nГомель\t141\r\nBrest\t8\r\n"
        for bigEndian in [false, true] {
            let document = try read(utf16(text, bigEndian: bigEndian))
            XCTAssertEqual(document.header, ["region", "count"])
            XCTAssertEqual(values(document), [["Гомель", "141"], ["Brest", "8"]])
            XCTAssertEqual(document.records.map(\.line), [2, 3])
            let table = try Table(name: "t", source: document)
            XCTAssertEqual(table.rows.map(\.value), [141, 8])
        }
    }

    func testUTF16WithoutByteOrderMarkIsReadByItsNulBytes() throws {
        let text = "region\tcount\r\nGomel\t141\r\n"
        for bigEndian in [false, true] {
            let bytes = utf16(text, bigEndian: bigEndian, mark: false)
            XCTAssertEqual(CSVTextDecoding.utf16ByteOrder(bytes), bigEndian)
            XCTAssertEqual(values(try read(bytes)), [["Gomel", "141"]])
        }
    }

    func testNulBytesOnBothSidesAreNotUTF16() throws {
        let bytes: [UInt8] = [0x61, 0x00, 0x00, 0x2C, 0x62, 0x00]
        XCTAssertNil(CSVTextDecoding.utf16ByteOrder(bytes))
        let diagnostic = try XCTUnwrap(problems(bytes).first)
        XCTAssertTrue(diagnostic.message.contains("NUL"), diagnostic.message)
    }

    func testUTF16WithAFewNulBytesIsNotGuessed() {
        // One NUL in a long odd-side text is not a quarter of the pairs.
        XCTAssertNil(CSVTextDecoding.utf16ByteOrder(Array("abcdefghijklmnopqrstuvwxyz".utf8) + [0x61, 0x00]))
    }

    // MARK: 8-bit encodings

    func testWindows1252IsRefusedWithACommandNamingTheFile() throws {
        let bytes = Array("region,count\nC".utf8) + [0xF4] + Array("te d'Ivoire,3\n".utf8)
        let diagnostic = try XCTUnwrap(problems(bytes, file: "content/b/2022-06/it's.csv").first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "content/b/2022-06/it's.csv", line: 2, column: 2))
        XCTAssertTrue(diagnostic.message.contains("it looks like 'ô' in the Windows-1252 encoding"), diagnostic.message)
        let hint = try XCTUnwrap(diagnostic.hint)
        XCTAssertTrue(hint.contains("File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)'"), hint)
        XCTAssertTrue(hint.contains(
            "`iconv -f WINDOWS-1252 -t UTF-8 'content/b/2022-06/it'\\''s.csv' > 'content/b/2022-06/it'\\''s.csv.utf8' "
                + "&& mv 'content/b/2022-06/it'\\''s.csv.utf8' 'content/b/2022-06/it'\\''s.csv'`"), hint)
    }

    func testWindows1251IsRecognisedAndRefused() throws {
        // "Гомель,141" and "Брест,8" in Windows-1251.
        let gomel: [UInt8] = [0xC3, 0xEE, 0xEC, 0xE5, 0xEB, 0xFC]
        let brest: [UInt8] = [0xC1, 0xF0, 0xE5, 0xF1, 0xF2]
        let bytes = Array("region,count\n".utf8) + gomel + Array(",141\n".utf8) + brest + Array(",8\n".utf8)
        XCTAssertEqual(CSVLegacyEncoding.likely(in: bytes), .windows1251)
        let diagnostic = try XCTUnwrap(problems(bytes).first)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 1))
        XCTAssertTrue(diagnostic.message.contains("it looks like 'Г' in the Windows-1251 encoding"), diagnostic.message)
        XCTAssertEqual(diagnostic.sourceLine, "Гомель,141", "the line as Windows-1251 reads it")
        XCTAssertTrue(diagnostic.hint?.contains("iconv -f WINDOWS-1251 -t UTF-8 't.csv'") ?? false, diagnostic.hint ?? "")
    }

    /// The command the hint gives converts the file: run it as an officer would.
    func testTheHintsCommandConvertsTheFile() throws {
        let iconv = URL(fileURLWithPath: "/usr/bin/iconv")
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: iconv.path), "no iconv on this machine")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-iconv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = Array("region,count\n".utf8) + [0xC3, 0xEE, 0xEC, 0xE5, 0xEB, 0xFC] + Array(",141\n".utf8)
        try Data(bytes).write(to: folder.appendingPathComponent("arrivals.csv"))
        let hint = try XCTUnwrap(problems(bytes, file: "arrivals.csv").first?.hint)
        let command = try XCTUnwrap(hint.split(separator: "`").dropFirst().first.map(String.init))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", command]
        shell.currentDirectoryURL = folder
        try shell.run()
        shell.waitUntilExit()
        XCTAssertEqual(shell.terminationStatus, 0, command)
        let converted = try read([UInt8](Data(contentsOf: folder.appendingPathComponent("arrivals.csv"))))
        XCTAssertEqual(values(converted), [["Гомель", "141"]])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["arrivals.csv"])
    }

    // MARK: Title rows

    func testRowsAboveTheDeclaredHeaderAreSkippedUnread() throws {
        let text = "IOM Belarus\nArrivals, June 2022;\"with a \"\"quoted\"\"\nline\"\n\nregion,count\nGomel,141\n"
        let document = try read(text, headerRow: 4)
        XCTAssertEqual(document.header, ["region", "count"])
        XCTAssertEqual(document.headerLine, 5)
        XCTAssertEqual(document.records.map(\.line), [6])
    }

    func testTitleRowsAfterASeparatorLine() throws {
        let document = try read("sep=;\nTitle;;\nregion;count\nGomel;141\n", headerRow: 2)
        XCTAssertEqual(document.header, ["region", "count"])
        XCTAssertEqual(document.headerLine, 3)
    }

    func testAFileShorterThanItsHeaderRow() throws {
        let diagnostic = try XCTUnwrap(problems(Array("Title\n".utf8), headerRow: 3).first)
        XCTAssertTrue(diagnostic.message.contains("the file ends before row 3"), diagnostic.message)
        XCTAssertTrue(diagnostic.hint?.contains("header_row") ?? false, diagnostic.hint ?? "")
    }

    // MARK: A new period's copy

    func testHeaderOnlyKeepsTheSeparatorLineTitleRowsAndTags() throws {
        let text = "sep=;\r\nTitle;\r\nregion;count\r\n#adm1;#affected\r\nGomel;141\r\n"
        let copy = try CSVReader.headerOnly(Array(text.utf8), file: "t.csv", headerRow: 2)
        XCTAssertEqual(String(decoding: copy, as: UTF8.self), "sep=;\r\nTitle;\r\nregion;count\r\n#adm1;#affected\r\n")
        let plain = try CSVReader.headerOnly(Array("\nregion,count\nGomel,1\n".utf8), file: "t.csv")
        XCTAssertEqual(String(decoding: plain, as: UTF8.self), "region,count\n")
    }
}
