import SitrepContent
import SitrepDiagnostics
import XCTest

/// Two values that look the same to a reader are never two different keys: characters nobody
/// can see are located errors, spaces that only look different are made plain, and messages
/// never carry a raw control character to the terminal.
final class InvisibleCharacterTests: XCTestCase {
    private func table(_ csv: String) throws(DiagnosticError) -> Table {
        try Table(name: "t", source: CSVReader.read(Array(csv.utf8), file: "t.csv"))
    }

    private func problem(_ csv: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try table(csv)
            XCTFail("the table was read", file: file, line: line)
        } catch {
            return error.diagnostics.first
        }
        return nil
    }

    func testInvisibleCharactersInAValueAreLocatedErrors() throws {
        let cases: [(String, String)] = [
            ("\u{200B}", "U+200B (zero width space)"), ("\u{2060}", "U+2060 (word joiner)"),
            ("\u{FEFF}", "U+FEFF (byte order mark)"), ("\u{200D}", "U+200D (zero width joiner)"),
            ("\u{1B}", "U+001B (escape)"), ("\u{85}", "U+0085 (a control character)"), ("\u{7F}", "U+007F (delete)"),
        ]
        for (character, described) in cases {
            let diagnostic = try XCTUnwrap(problem("region,count\nNorth,1\nNo\(character)rth,2\n"), described)
            XCTAssertEqual(diagnostic.message, "the value for 'region' holds an invisible character, \(described)")
            XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 3, column: 3), described)
        }
    }

    func testTheColumnCountsTheQuoteOfAQuotedValue() throws {
        let diagnostic = try XCTUnwrap(problem("region,count\n\"North\u{200B}\",1\n"))
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "t.csv", line: 2, column: 7))
    }

    func testJoinersBetweenLettersOfOtherScriptsAreKept() throws {
        // Persian needs the zero width non-joiner between its letters: می‌خواهم.
        let persian = "می\u{200C}خواهم"
        XCTAssertEqual(try table("region,count\n\(persian),1\n").rows.first?.keys, [persian])
    }

    func testNoBreakSpacesAndSpacesAroundAValueMakeOneKey() throws {
        for (first, second) in [("Minsk Region", "Minsk\u{00A0}Region"), ("Minsk", "\" Minsk \""), ("Minsk", "Minsk\u{202F}")] {
            let diagnostic = try XCTUnwrap(problem("region,count\n\(first),1\n\(second),2\n"), second)
            XCTAssertEqual(diagnostic.message, "a second row for region '\(first)'; the first is on line 2", second)
        }
    }

    func testPrecomposedAndDecomposedLettersAreOneKey() throws {
        let diagnostic = try XCTUnwrap(problem("region,count\n\u{00CE}le,1\nI\u{0302}le,2\n"))
        XCTAssertTrue(diagnostic.message.hasPrefix("a second row for region"), diagnostic.message)
    }

    func testHeaderNamesUseTheSameRule() throws {
        let diagnostic = try XCTUnwrap(problem("region,co\u{200B}unt\nNorth,1\n"))
        XCTAssertEqual(diagnostic.message, "the name of column 2 of the header holds an invisible character, U+200B (zero width space)")
    }

    func testATrailingCtrlZIsDropped() throws {
        XCTAssertEqual(try table("region,count\nNorth,1\n\u{1A}").rows.count, 1)
        XCTAssertEqual(try table("region,count\nNorth,1\u{1A}").rows.first?.value, 1)
    }

    func testFigureNamesAndTextInYAML() throws {
        for (yaml, message, column) in [
            ("leaf\u{200B}lets: 6000\n", "the figure name holds an invisible character, U+200B (zero width space)", 5),
            ("note: \"ok\\e[31m\"\n", "the value of 'note' holds an invisible character, U+001B (escape)", 7),
            ("origin: [Ukraine, \"Po\\u200Bland\"]\n", "a name in 'origin' holds an invisible character, U+200B (zero width space)", 19),
        ] {
            do {
                _ = try StatedFigures.read(YAMLNode.parse(yaml, file: "figures.yml"))
                XCTFail("read \(yaml)")
            } catch {
                XCTAssertEqual(error.diagnostics.first?.message, message)
                XCTAssertEqual(error.diagnostics.first?.location?.column, column, yaml)
            }
        }
    }

    // MARK: Messages

    func testMessagesNeverCarryRawControlCharacters() throws {
        let diagnostic = try XCTUnwrap(problem("region,count\nNorth,1\nSouth\u{1B}[2J\u{1B}]0;pwned\u{07},2\n"))
        let shown = diagnostic.description
        XCTAssertFalse(shown.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" }, shown)
        XCTAssertTrue(shown.contains("South\\u{1B}[2J\\u{1B}]0;pwned\\u{7},2"), shown)
    }

    func testEscapesInMessageSourceLineAndHintLineUpTheCaret() {
        let diagnostic = Diagnostic(at: SourceLocation(file: "a\u{1B}.csv", line: 1, column: 3), "bad \u{1B}[31m value",
                                    hint: "remove \u{202E}this\nthen that", sourceLine: "\u{1B}\tx")
        XCTAssertEqual(diagnostic.description, """
            a\\u{1B}.csv:1:3: error: bad \\u{1B}[31m value
                \\u{1B}    x
                          ^
                hint: remove \\u{202E}this
                      then that
            """)
    }
}
