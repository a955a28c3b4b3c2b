import SitrepContent
import SitrepDiagnostics
import XCTest

/// One reading of numbers: the same text means the same thing in a CSV table and in
/// figures.yml, and a number written ambiguously is a located error in both.
final class NumberTextTests: XCTestCase {
    func testTheSharedReader() {
        XCTAssertEqual(NumberText.read("6000"), .number(Rational(6000), decimals: 0))
        XCTAssertEqual(NumberText.read(" 007\t"), .number(Rational(7), decimals: 0))
        XCTAssertEqual(NumberText.read("-5"), .number(Rational(-5), decimals: 0))
        XCTAssertEqual(NumberText.read("\u{2212}5"), .number(Rational(-5), decimals: 0))
        XCTAssertEqual(NumberText.read("22.50"), .number(Rational(45, 2)!, decimals: 2))
        XCTAssertEqual(NumberText.read("0.125"), .number(Rational(1, 8)!, decimals: 3))
        XCTAssertEqual(NumberText.read("6,000"), .grouped(digits: "6000", ambiguous: true))
        XCTAssertEqual(NumberText.read("6.000"), .grouped(digits: "6000", ambiguous: true))
        XCTAssertEqual(NumberText.read("-1.234"), .grouped(digits: "-1234", ambiguous: true))
        XCTAssertEqual(NumberText.read("6 000"), .grouped(digits: "6000", ambiguous: false))
        XCTAssertEqual(NumberText.read("6\u{00A0}000"), .grouped(digits: "6000", ambiguous: false))
        XCTAssertEqual(NumberText.read("1,234,567"), .grouped(digits: "1234567", ambiguous: false))
        XCTAssertEqual(NumberText.read("1,5"), .decimalSeparators(plain: "1.5"))
        XCTAssertEqual(NumberText.read("1,234.5"), .decimalSeparators(plain: "1234.5"))
        XCTAssertEqual(NumberText.read("+5"), .otherNotation(plain: "5"))
        XCTAssertEqual(NumberText.read("1e3"), .otherNotation(plain: "1000"))
        XCTAssertEqual(NumberText.read("2.5E-2"), .otherNotation(plain: "0.025"))
        XCTAssertEqual(NumberText.read("0x10"), .otherNotation(plain: "16"))
        XCTAssertEqual(NumberText.read(".5"), .otherNotation(plain: "0.5"))
        XCTAssertEqual(NumberText.read("5."), .otherNotation(plain: "5"))
        XCTAssertEqual(NumberText.read("99999999999999999999"), .outOfRange)
        XCTAssertEqual(NumberText.read("0.1234567890123"), .tooPrecise)
        XCTAssertEqual(NumberText.read("12 5"), .malformed)
        XCTAssertEqual(NumberText.read("  "), .empty)
        XCTAssertEqual(NumberText.read("North"), .notANumber)
        XCTAssertEqual(NumberText.read("2022-06-09"), .notANumber)
    }

    // MARK: The same text in both files

    /// What a CSV count column and figures.yml make of each text: the number, or an error.
    private static let cases: [(text: String, csv: Int?, yaml: Rational?)] = [
        ("6000", 6000, Rational(6000)),
        ("007", 7, Rational(7)),
        ("6,000", nil, nil), ("6.000", nil, nil), ("1.234", nil, nil),
        ("6 000", nil, nil), ("6\u{00A0}000", nil, nil), ("6\u{202F}000", nil, nil),
        ("22.5", nil, Rational(45, 2)),  // a decimal: not a count, but a stated figure may be one
        ("-5", nil, Rational(-5)),       // negative: not a count
        ("+5", nil, nil), ("1e3", nil, nil), ("0x10", nil, nil), (".5", nil, nil), ("5.", nil, nil),
    ]

    func testCSVAndYAMLReadTheSameText() throws {
        for (text, csv, yaml) in Self.cases {
            let file = "region;count\nNorth;\(text)\n"
            let table = try? Table(name: "t", source: CSVReader.read(Array(file.utf8), file: "t.csv"))
            XCTAssertEqual(table?.rows.first?.value, csv, text)
            let figures = try? StatedFigures.read(YAMLNode.parse("leaflets: \(text)\n", file: "figures.yml"))
            XCTAssertEqual(figures?.first?.value, yaml.map(FigureValue.number), text)
        }
    }

    private func yamlProblem(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        do {
            _ = try StatedFigures.read(YAMLNode.parse("leaflets.disseminated: \(text)\n", file: "figures.yml"))
            XCTFail("'\(text)' was read", file: file, line: line)
        } catch {
            XCTAssertEqual(error.diagnostics.first?.location, SourceLocation(file: "figures.yml", line: 1, column: 24),
                           file: file, line: line)
            return error.diagnostics.first
        }
        return nil
    }

    func testAmbiguousNumbersAreLocatedErrorsInYAML() throws {
        let six = try XCTUnwrap(yamlProblem("6.000"))
        XCTAssertEqual(six.message, "the figure 'leaflets.disseminated' is written '6.000', which is ambiguous: "
            + "the separator may group thousands or mark decimals")
        XCTAssertTrue(six.hint?.hasPrefix("write 6000 if it means 6000") ?? false, six.hint ?? "")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("1,234")).hint?.hasPrefix("write 1234 if"), true)
        XCTAssertEqual(try XCTUnwrap(yamlProblem("12.345%")).hint?.hasPrefix("write 12345% if"), true)
    }

    func testOtherProblemsInYAMLSayWhatToWrite() throws {
        XCTAssertEqual(try XCTUnwrap(yamlProblem("6 000")).hint, "write 6000, without separators; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("1,5")).hint,
                       "write 1.5: a point before the decimals and no separators; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("1e3")).hint, "write 1000, with digits only; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("0x10")).hint, "write 16, with digits only; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("+5")).hint, "write 5, with digits only; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem(".5")).hint, "write 0.5, with digits only; if the value is text, put it in quotes")
        XCTAssertEqual(try XCTUnwrap(yamlProblem("99999999999999999999")).message,
                       "the figure 'leaflets.disseminated' is written '99999999999999999999', which is too large")
    }

    func testAmbiguousNumbersAreLocatedErrorsInCSV() throws {
        for text in ["6.000", "1.234", "6,000"] {
            do {
                let csv = "region,count\nNorth,\"\(text)\"\n"
                _ = try Table(name: "t", source: CSVReader.read(Array(csv.utf8), file: "t.csv"))
                XCTFail("'\(text)' was read")
            } catch {
                XCTAssertEqual(error.diagnostics.first?.location, SourceLocation(file: "t.csv", line: 2, column: 7), text)
                XCTAssertEqual(error.diagnostics.first?.message, "the value '\(text)' in column 'count' has separators in it")
            }
        }
    }

    func testCSVSaysHowToWriteOtherNotations() throws {
        do {
            _ = try Table(name: "t", source: CSVReader.read(Array("region,count\nNorth,1e3\n".utf8), file: "t.csv"))
            XCTFail("1e3 was read")
        } catch {
            XCTAssertEqual(error.diagnostics.first?.message, "the value '1e3' in column 'count' is not written as a plain number")
            XCTAssertEqual(error.diagnostics.first?.hint, "write 1000, with digits only")
        }
    }

    func testQuotedNumbersInYAMLStayText() throws {
        let figures = try StatedFigures.read(YAMLNode.parse("code: \"6,000\"\nplain: '007'\n", file: "figures.yml"))
        XCTAssertEqual(figures.map(\.value), [.text("6,000"), .text("007")])
    }

    func testPercentagesAndDecimalsKeepTheirPlaces() throws {
        let figures = try StatedFigures.read(YAMLNode.parse("share: 74.7%\nrate: 22.50\n", file: "figures.yml"))
        XCTAssertEqual(figures[0].value, .number(Rational(747, 1000)!))
        XCTAssertEqual(figures[0].decimals, 3)
        XCTAssertEqual(figures[1].value, .number(Rational(45, 2)!))
        XCTAssertEqual(figures[1].decimals, 2)
    }
}
