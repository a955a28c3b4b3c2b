import SitrepDiagnostics
import XCTest

@testable import SitrepContent

final class CSVReaderTests: XCTestCase {
    // MARK: Helpers

    private func read(_ text: String, file: String = "t.csv") throws -> CSVDocument {
        try CSVReader.read(Array(text.utf8), file: file)
    }

    /// The diagnostics thrown for `bytes`; fails when reading succeeds.
    private func problems(_ bytes: [UInt8], file: String = "t.csv",
                          _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let document = try CSVReader.read(bytes, file: file)
            XCTFail("expected an error, read \(document)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func problems(_ text: String, file: String = "t.csv",
                          _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        problems(Array(text.utf8), file: file, caller, line: line)
    }

    private func only(_ diagnostics: [Diagnostic], _ caller: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)", file: caller, line: line)
        return diagnostics.first
    }

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    // MARK: Basics

    func testSimpleFile() throws {
        let document = try read("region,month,count\nNorth,2024-01,12\nSouth,2024-01,7\n")
        XCTAssertEqual(document.header, ["region", "month", "count"])
        XCTAssertEqual(document.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(document.headerLine, 1)
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["North", "2024-01", "12"], line: 2, columns: [1, 7, 15]),
            CSVRecord(fields: ["South", "2024-01", "7"], line: 3, columns: [1, 7, 15]),
        ])
    }

    func testNoFinalLineEnd() throws {
        let document = try read("a,b\n1,2")
        XCTAssertEqual(document.records, [CSVRecord(fields: ["1", "2"], line: 2, columns: [1, 3])])
    }

    func testHeaderOnly() throws {
        let document = try read("a,b\n")
        XCTAssertEqual(document.header, ["a", "b"])
        XCTAssertEqual(document.records, [])
    }

    func testSingleColumn() throws {
        let document = try read("total\n5\n")
        XCTAssertEqual(document.header, ["total"])
        XCTAssertEqual(document.records, [CSVRecord(fields: ["5"], line: 2, columns: [1])])
    }

    func testSourceIsKept() throws {
        let document = try read("a,b\n1,2\n")
        XCTAssertEqual(document.source, Array("a,b\n1,2\n".utf8))
        XCTAssertEqual(document.sourceLine(2), "1,2")
        XCTAssertNil(document.sourceLine(9))
    }

    // MARK: Encodings

    func testUTF8ByteOrderMarkIsStripped() throws {
        let document = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("région,count\nÎle,3\n".utf8), file: "t.csv")
        XCTAssertEqual(document.header, ["région", "count"])
        XCTAssertEqual(document.records, [CSVRecord(fields: ["Île", "3"], line: 2, columns: [1, 5])])
        XCTAssertEqual(document.sourceLine(1), "région,count")
    }

    func testUTF16LittleEndian() throws {
        let document = try CSVReader.read(utf16("région;count\r\nÎle-de-France;3\r\n𝒳;4\r\n", bigEndian: false), file: "t.csv")
        XCTAssertEqual(document.header, ["région", "count"])
        XCTAssertEqual(document.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["Île-de-France", "3"], line: 2, columns: [1, 15]),
            CSVRecord(fields: ["𝒳", "4"], line: 3, columns: [1, 3]),
        ])
    }

    func testUTF16BigEndian() throws {
        let document = try CSVReader.read(utf16("name,count\nZürich,5\n", bigEndian: true), file: "t.csv")
        XCTAssertEqual(document.header, ["name", "count"])
        XCTAssertEqual(document.records, [CSVRecord(fields: ["Zürich", "5"], line: 2, columns: [1, 8])])
    }

    func testUTF16UnpairedSurrogate() throws {
        var bytes = utf16("a,b\n1,", bigEndian: false)
        bytes += [0x00, 0xD8, 0x41, 0x00]  // high surrogate, then "A"
        let diagnostic = try XCTUnwrap(only(problems(bytes)))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 3))
        XCTAssertTrue(diagnostic.message.contains("UTF-16 little endian"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("byte offset 14"), diagnostic.message)
    }

    func testUTF16OddLength() throws {
        let bytes = utf16("a,b\n", bigEndian: true) + [0x00]
        let diagnostic = try XCTUnwrap(only(problems(bytes)))
        XCTAssertTrue(diagnostic.message.contains("ends in the middle of a character"), diagnostic.message)
        XCTAssertEqual(diagnostic.location?.line, 2)
    }

    func testWindows1252IsRejectedWithPosition() throws {
        // "café" saved by Excel as Windows-1252: é is the single byte 0xE9.
        let bytes = Array("name,count\n".utf8) + Array("caf".utf8) + [0xE9] + Array(",3\n".utf8)
        let diagnostic = try XCTUnwrap(only(problems(bytes)))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 4))
        XCTAssertTrue(diagnostic.message.contains("not valid UTF-8"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("0xE9"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("line 2, column 4"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("byte offset 14"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("'é'"), diagnostic.message)
        XCTAssertTrue(diagnostic.hint?.contains("`iconv -f WINDOWS-1252 -t UTF-8 't.csv' > 't.csv.utf8' && mv 't.csv.utf8' 't.csv'`") ?? false,
                      diagnostic.hint ?? "")
        XCTAssertEqual(diagnostic.sourceLine, "café,3", "the line as Windows-1252 reads it")
    }

    func testInvalidUTF8AfterByteOrderMarkCountsTheMarkInTheOffset() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("é,".utf8) + [0x80]
        let diagnostic = try XCTUnwrap(only(problems(bytes)))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 3))
        XCTAssertTrue(diagnostic.message.contains("0x80"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("byte offset 6"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("'€'"), diagnostic.message)
    }

    func testInvalidUTF8Sequences() {
        let cases: [([UInt8], Int?)] = [
            (Array("plain ascii text, long enough for the fast path".utf8), nil),
            (Array("ünïcödé — ✓ 𝒳".utf8), nil),
            ([0x41, 0xC3], 1),  // truncated 2-byte sequence
            ([0xC0, 0x80], 0),  // overlong
            ([0xE0, 0x80, 0x80], 0),  // overlong 3-byte
            ([0xED, 0xA0, 0x80], 0),  // surrogate
            ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
            ([0xE2, 0x82, 0x41], 0),  // bad continuation
            (Array("12345678".utf8) + [0xFF] + Array("abcdefgh".utf8), 8),
            (Array("1234567890".utf8) + [0x00], 10),
        ]
        for (bytes, expected) in cases {
            XCTAssertEqual(CSVTextDecoding.firstInvalidUTF8(bytes), expected, "\(bytes)")
        }
    }

    func testNulByteSuggestsUTF16WithoutByteOrderMark() throws {
        // NUL bytes on both sides of their pairs: not UTF-16 (CSVExportTests reads what is).
        let bytes: [UInt8] = [0x61, 0x00, 0x2C, 0x00, 0x00, 0x62]
        let diagnostic = try XCTUnwrap(only(problems(bytes)))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 2))
        XCTAssertTrue(diagnostic.message.contains("NUL"), diagnostic.message)
        XCTAssertTrue(diagnostic.message.contains("UTF-16"), diagnostic.message)
    }

    // MARK: Delimiters

    func testSemicolons() throws {
        let document = try read("region;count\nNorth;1,5\n")
        XCTAssertEqual(document.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(document.header, ["region", "count"])
        XCTAssertEqual(document.records, [CSVRecord(fields: ["North", "1,5"], line: 2, columns: [1, 7])])
    }

    func testDelimiterCountsOnlyOutsideQuotes() throws {
        let document = try read("\"a;b;c\",d,e\n1,2,3\n")
        XCTAssertEqual(document.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(document.header, ["a;b;c", "d", "e"])

        let semicolons = try read("\"a,b,c\";d;e\n1;2;3\n")
        XCTAssertEqual(semicolons.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(semicolons.header, ["a,b,c", "d", "e"])
    }

    func testDelimiterTieIsComma() throws {
        let document = try read("a;b,c\n1;2,3\n")
        XCTAssertEqual(document.delimiter, UInt8(ascii: ","))
        XCTAssertEqual(document.header, ["a;b", "c"])
    }

    // MARK: Line ends and blank lines

    func testCRLF() throws {
        let document = try read("a,b\r\n1,2\r\n\r\n3,4\r\n")
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["1", "2"], line: 2, columns: [1, 3]),
            CSVRecord(fields: ["3", "4"], line: 4, columns: [1, 3]),
        ])
    }

    func testLoneCR() throws {
        let document = try read("a,b\r1,2\r\r3,4")
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["1", "2"], line: 2, columns: [1, 3]),
            CSVRecord(fields: ["3", "4"], line: 4, columns: [1, 3]),
        ])
    }

    func testBlankLinesAreSkippedAndLinesStayTrue() throws {
        let document = try read("\n\na,b\n\n1,2\n   \n\t\n3,4\n\n\n")
        XCTAssertEqual(document.headerLine, 3)
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["1", "2"], line: 5, columns: [1, 3]),
            CSVRecord(fields: ["3", "4"], line: 8, columns: [1, 3]),
        ])
    }

    // MARK: Trimming and quoting

    func testUnquotedFieldsAreTrimmedQuotedKept() throws {
        let document = try read(" a ,\tb\t\n  1 , \" 2 \"  \n")
        XCTAssertEqual(document.header, ["a", "b"])
        XCTAssertEqual(document.records, [CSVRecord(fields: ["1", " 2 "], line: 2, columns: [3, 7])])
    }

    func testEmptyFields() throws {
        // A row with no value at all is left out (CSVExportTests).
        let document = try read("a,b,c\n,,\n  ,\"\",x\n")
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["", "", "x"], line: 3, columns: [1, 4, 7]),
        ])
    }

    func testQuotedDelimitersAndQuotes() throws {
        let document = try read("name,note\n\"Smith, J.\",\"said \"\"hi\"\"\"\n\"\"\"\",\"\"\n")
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["Smith, J.", "said \"hi\""], line: 2, columns: [1, 13]),
            CSVRecord(fields: ["\"", ""], line: 3, columns: [1, 6]),
        ])
    }

    func testQuotedLineBreaksKeepLineNumbersTrue() throws {
        let text = "name,note,count\n\"North\",\"two\nlines\",5\n\"South\",\"three\r\nlines\rhere\",6\nEast,x,7\n"
        let document = try read(text)
        XCTAssertEqual(document.records, [
            CSVRecord(fields: ["North", "two\nlines", "5"], line: 2, columns: [1, 9, 8]),
            CSVRecord(fields: ["South", "three\r\nlines\rhere", "6"], line: 4, columns: [1, 9, 7]),
            CSVRecord(fields: ["East", "x", "7"], line: 7, columns: [1, 6, 8]),
        ])
        XCTAssertEqual(document.location(ofRow: 0, column: 0).location.line, 2)
        XCTAssertEqual(document.location(ofRow: 0, column: 2).location.line, 3)
        XCTAssertEqual(document.location(ofRow: 1, column: 2).location.line, 6)
        XCTAssertEqual(document.sourceLine(6), "here\",6")
    }

    func testErrorAfterMultiLineFieldHasTrueLine() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\n\"x\ny\",1\n1,2,3\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 4, column: 5))
        XCTAssertEqual(diagnostic.sourceLine, "1,2,3")
    }

    func testColumnsCountCharactersNotBytes() throws {
        let document = try read("ville,pays,n\nQuébec,Canada,1\n🇨🇦é,x,2\n")
        XCTAssertEqual(document.records[0].columns, [1, 8, 15])
        XCTAssertEqual(document.records[1].columns, [1, 4, 6])
    }

    func testColumnsWithCyrillicCombiningMarksAndEmoji() throws {
        let document = try read("a,b,c\nМінск,Брэст,1\nCafe\u{301},👩‍👩‍👧,2\n1\u{FE0F}\u{20E3},ĳ,3\n")
        XCTAssertEqual(document.records.map(\.columns), [[1, 7, 13], [1, 6, 8], [1, 3, 5]])
        XCTAssertEqual(document.records[1].fields, ["Cafe\u{301}", "👩‍👩‍👧", "2"])
    }

    func testErrorColumnAfterNonASCII() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\nМінск,\"x\"y\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 10))
        XCTAssertEqual(diagnostic.sourceLine, "Мінск,\"x\"y")
    }

    func testErrorsInUTF16FileHaveTrueLines() throws {
        let diagnostic = try XCTUnwrap(only(problems(utf16("a;b\r\n\r\n1;2;3\r\n", bigEndian: false))))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 3, column: 5))
        XCTAssertEqual(diagnostic.sourceLine, "1;2;3")
    }

    func testSourceLineWithMixedLineEnds() throws {
        let document = try read("a\r\n1\r2\n\n3")
        XCTAssertEqual((1...5).map { document.sourceLine($0) }, ["a", "1", "2", "", "3"])
        XCTAssertNil(document.sourceLine(0))
        XCTAssertNil(document.sourceLine(6))
    }

    func testSpacesBeforeAndAfterQuotes() throws {
        let document = try read("a,b\n  \"x, y\"  ,\t\"z\"\t\n")
        XCTAssertEqual(document.records, [CSVRecord(fields: ["x, y", "z"], line: 2, columns: [3, 13])])
    }

    // MARK: Errors

    func testEmptyFile() throws {
        let diagnostic = try XCTUnwrap(only(problems("")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 1))
        XCTAssertEqual(diagnostic.message, "the file is empty")
        XCTAssertNotNil(diagnostic.hint)

        let bom = try XCTUnwrap(only(problems([0xEF, 0xBB, 0xBF])))
        XCTAssertEqual(bom.message, "the file is empty")

        let blank = try XCTUnwrap(only(problems("\n \r\n\t\n")))
        XCTAssertTrue(blank.message.contains("only blank lines"), blank.message)
    }

    func testUnterminatedQuotePointsAtOpeningQuote() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\n1,2\nx, \"unclosed,3\n4,5\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 3, column: 4))
        XCTAssertTrue(diagnostic.message.contains("no closing quote"), diagnostic.message)
        XCTAssertEqual(diagnostic.sourceLine, "x, \"unclosed,3")
        XCTAssertTrue(diagnostic.hint?.contains("closing quote") ?? false)
    }

    func testUnterminatedQuoteInHeader() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,\"b\n1,2\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 3))
    }

    func testStrayQuoteInUnquotedField() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\n1,12\" pipe\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 5))
        XCTAssertTrue(diagnostic.message.contains("quote"), diagnostic.message)
        XCTAssertEqual(diagnostic.sourceLine, "1,12\" pipe")
        XCTAssertTrue(diagnostic.hint?.contains("\"12\"\" pipe\"") ?? false, diagnostic.hint ?? "")
    }

    func testCharactersAfterClosingQuote() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\n\"Smith\" J.,2\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 9))
        XCTAssertTrue(diagnostic.message.contains("after the closing quote"), diagnostic.message)
        XCTAssertEqual(diagnostic.sourceLine, "\"Smith\" J.,2")
    }

    func testRowWithTooManyValues() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,count\nNorth,1,234\n", file: "data/arrivals.csv")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "data/arrivals.csv", line: 2, column: 9))
        XCTAssertEqual(diagnostic.message, "expected 2 columns as in the header (region, count), found 3 values")
        XCTAssertEqual(diagnostic.sourceLine, "North,1,234")
        XCTAssertTrue(diagnostic.hint?.contains("\"Smith, J.\"") ?? false, diagnostic.hint ?? "")
    }

    func testRowWithTooFewValues() throws {
        let diagnostic = try XCTUnwrap(only(problems("region;month;count\r\nNorth;12\r\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 9))
        XCTAssertEqual(diagnostic.message, "expected 3 columns as in the header (region, month, count), found 2 values")
        XCTAssertTrue(diagnostic.hint?.contains("';'") ?? false, diagnostic.hint ?? "")
    }

    func testEmptyHeaderName() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,,count\nN,x,1\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 8))
        XCTAssertEqual(diagnostic.message, "column 2 of the header has no name")
        // A column without name or value at the end is left out: CSVExportTests.
    }

    /// A byte order mark or a control character inside a column name (a header pasted from
    /// another file) would make its figures impossible to name.
    func testInvisibleCharacterInAHeaderName() throws {
        let mark = try XCTUnwrap(only(problems("region;\u{FEFF}count;n\nN;1;2\n")))
        XCTAssertEqual(mark.location, SourceLocation(file: "t.csv", line: 1, column: 8))
        XCTAssertEqual(mark.message, "the name of column 2 of the header holds an invisible character, U+FEFF (byte order mark)")
        let control = try XCTUnwrap(only(problems("reg\u{1A}ion,count\nN,1\n")))
        XCTAssertEqual(control.message, "the name of column 1 of the header holds an invisible character, U+001A (Ctrl-Z)")
        XCTAssertEqual(try CSVReader.read(Array("\u{FEFF}region,count\nN,1\n".utf8), file: "t.csv").header, ["region", "count"],
                       "a byte order mark that starts the file is no part of the header")
    }

    func testDuplicateHeaderName() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,count, region\nN,1,S\n")))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 1, column: 15))
        XCTAssertEqual(diagnostic.message, "the header names two columns 'region': columns 1 and 3")
        XCTAssertEqual(diagnostic.sourceLine, "region,count, region")
    }

    func testAllProblemsAreReportedInOrder() throws {
        let diagnostics = problems("a,a\n1,2,3\n4\"x,5\n6,7\n8\n")
        XCTAssertEqual(diagnostics.map { $0.location?.line }, [1, 2, 3, 5])
        XCTAssertEqual(diagnostics.map { $0.location?.column }, [3, 5, 2, 2])
    }

    func testManyProblemsAreCapped() throws {
        let text = "a,b\n" + String(repeating: "1,2,3\n", count: 100)
        let diagnostics = problems(text)
        XCTAssertEqual(diagnostics.count, CSVProblemList.limit + 1)
        XCTAssertEqual(diagnostics.last?.message, "80 more problems in this file not shown")
        XCTAssertNil(diagnostics.last?.location?.line)
    }

    func testDiagnosticDescriptionShowsCaret() throws {
        let diagnostic = try XCTUnwrap(only(problems("a,b\n1,12\" pipe\n")))
        let lines = diagnostic.description.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "t.csv:2:5: error: a quote (\") in the middle of a value that does not start with a quote")
        XCTAssertEqual(lines[1], "    1,12\" pipe")
        XCTAssertEqual(lines[2], "        ^")
    }

    // MARK: Speed

    func testLargeFileReadsQuickly() throws {
        var text = "region,month,sex,count\n"
        for index in 0..<50_000 {
            text += "Région \(index % 97),2024-\(index % 12 + 1),\"f, m\",\(index)\n"
        }
        let bytes = Array(text.utf8)
        let start = ContinuousClock.now
        let document = try CSVReader.read(bytes, file: "big.csv")
        let elapsed = ContinuousClock.now - start
        XCTAssertEqual(document.records.count, 50_000)
        XCTAssertEqual(document.records[49_999].fields, ["Région 44", "2024-8", "f, m", "49999"])
        XCTAssertEqual(document.records[49_999].line, 50_001)
        XCTAssertLessThan(elapsed, .seconds(5))
    }
}
