import SitrepDiagnostics
import XCTest

@testable import SitrepContent

final class TableTests: XCTestCase {
    // MARK: Helpers

    private func table(_ text: String, valueColumn: String = "count") throws -> Table {
        let csv = try CSVReader.read(Array(text.utf8), file: "r/arrivals.csv")
        return try Table(name: "arrivals", source: csv, valueColumn: valueColumn)
    }

    /// The diagnostics thrown by `Table.init` for `text` (which must be valid CSV).
    private func problems(_ text: String, valueColumn: String = "count",
                          _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        let csv: CSVDocument
        do {
            csv = try CSVReader.read(Array(text.utf8), file: "r/arrivals.csv")
        } catch {
            XCTFail("the CSV itself is invalid: \(error)", file: caller, line: line)
            return []
        }
        do {
            let table = try Table(name: "arrivals", source: csv, valueColumn: valueColumn)
            XCTFail("expected an error, built \(table)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func only(_ diagnostics: [Diagnostic], _ caller: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)", file: caller, line: line)
        return diagnostics.first
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "r/arrivals.csv", line: line, column: column)
    }

    // MARK: Valid tables

    func testLongFormatTable() throws {
        let table = try table("region,month,count\nNorth,2024-01,12\nNorth,2024-02, 0 \nSouth,2024-01,\"007\"\n")
        XCTAssertEqual(table, Table(
            name: "arrivals", file: "r/arrivals.csv", dimensions: ["region", "month"], valueColumn: "count",
            rows: [
                Table.Row(keys: ["North", "2024-01"], value: 12, position: 2),
                Table.Row(keys: ["North", "2024-02"], value: 0, position: 3),
                Table.Row(keys: ["South", "2024-01"], value: 7, position: 4),
            ]))
    }

    func testValueColumnAnywhereAndDeclared() throws {
        let table = try table("people;region\n5;North\n6;South\n", valueColumn: "people")
        XCTAssertEqual(table.dimensions, ["region"])
        XCTAssertEqual(table.valueColumn, "people")
        XCTAssertEqual(table.rows, [
            Table.Row(keys: ["North"], value: 5, position: 2),
            Table.Row(keys: ["South"], value: 6, position: 3),
        ])
    }

    func testTotalOnlyTable() throws {
        let table = try table("\ncount\n\n1234\n")
        XCTAssertEqual(table.dimensions, [])
        XCTAssertEqual(table.rows, [Table.Row(keys: [], value: 1234, position: 4)])
    }

    func testLargestValue() throws {
        let table = try table("count\n9223372036854775807\n")
        XCTAssertEqual(table.rows.first?.value, Int.max)
    }

    func testQuotedKeysKeepTheirCommasButNotTheSpacesAroundThem() throws {
        let table = try table("region,count\n\"North, upper\",1\n\" South \",2\n")
        XCTAssertEqual(table.rows.map(\.keys), [["North, upper"], ["South"]])
    }

    // MARK: Header problems

    func testMissingValueColumn() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,month,total\nNorth,2024-01,12\n")))
        XCTAssertEqual(diagnostic.location, at(1, 1))
        XCTAssertEqual(diagnostic.message, "the table has no value column 'count'; its columns are 'region', 'month', 'total'")
        XCTAssertEqual(diagnostic.sourceLine, "region,month,total")
        let hint = try XCTUnwrap(diagnostic.hint)
        XCTAssertTrue(hint.contains("rename"), hint)
        XCTAssertTrue(hint.contains("`value: total`"), hint)
        XCTAssertTrue(hint.contains("series.yml"), hint)
    }

    func testMissingValueColumnSuggestsNearName() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,Count\nNorth,12\n")))
        XCTAssertEqual(
            diagnostic.hint,
            "rename the column 'Count' to 'count', or declare `value: Count` for the table in series.yml")
    }

    func testTabSeparatedFileIsRead() throws {
        let table = try Table(name: "t", source: CSVReader.read(Array("region\tcount\nNorth\t12\n".utf8), file: "t.csv"))
        XCTAssertEqual(table.rows, [Table.Row(keys: ["North"], value: 12, position: 2)])
    }

    func testHeaderButNoRows() throws {
        let diagnostic = try XCTUnwrap(only(problems("\nregion,count\n\n")))
        XCTAssertEqual(diagnostic.location, at(2, 1))
        XCTAssertEqual(diagnostic.message, "the table has a header but no rows")
        XCTAssertEqual(diagnostic.sourceLine, "region,count")
        XCTAssertNotNil(diagnostic.hint)
    }

    func testMissingValueColumnAndNoRows() {
        let diagnostics = problems("region,total\n")
        XCTAssertEqual(diagnostics.map(\.message), [
            "the table has no value column 'count'; its columns are 'region', 'total'",
            "the table has a header but no rows",
        ])
    }

    // MARK: Value problems

    private func valueProblem(_ value: String, _ caller: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        only(problems("region;count\nNorth;\(value)\n", caller, line: line), caller, line: line)
    }

    func testEmptyValue() throws {
        let diagnostic = try XCTUnwrap(valueProblem(""))
        XCTAssertEqual(diagnostic.location, at(2, 7))
        XCTAssertEqual(diagnostic.message, "the value in column 'count' is empty")
        XCTAssertEqual(diagnostic.sourceLine, "North;")
        XCTAssertNotNil(diagnostic.hint)
    }

    func testNonNumericValue() throws {
        for value in ["n/a", "twelve", "12a", "١٢", "-"] {
            let diagnostic = try XCTUnwrap(valueProblem(value), value)
            XCTAssertEqual(diagnostic.location, at(2, 7), value)
            XCTAssertEqual(diagnostic.message, "the value '\(value)' in column 'count' is not a whole number", value)
            XCTAssertEqual(diagnostic.hint, "write a whole number with digits only, such as 1234", value)
        }
    }

    func testNegativeValue() throws {
        let diagnostic = try XCTUnwrap(valueProblem("-5"))
        XCTAssertEqual(diagnostic.location, at(2, 7))
        XCTAssertEqual(diagnostic.message, "the value '-5' in column 'count' is negative")
    }

    func testFractionalValue() throws {
        let diagnostic = try XCTUnwrap(valueProblem("12.5"))
        XCTAssertEqual(diagnostic.message, "the value '12.5' in column 'count' is not a whole number")
        XCTAssertEqual(diagnostic.hint, "counts are whole numbers: round the value or correct it at the source")

        let zero = try XCTUnwrap(valueProblem("12.00"))
        XCTAssertEqual(zero.hint, "write 12 without the decimal part")

        let comma = try XCTUnwrap(valueProblem("7,5"))
        XCTAssertEqual(comma.message, "the value '7,5' in column 'count' is not a whole number")
    }

    func testThousandsSeparators() throws {
        let cases = [
            ("1,234", "1234"), ("1.234", "1234"), ("1 234", "1234"), ("1'234", "1234"),
            ("1\u{00A0}234", "1234"), ("1\u{202F}234\u{202F}567", "1234567"), ("12.345.678", "12345678"),
        ]
        for (value, plain) in cases {
            let diagnostic = try XCTUnwrap(valueProblem(value), value)
            XCTAssertEqual(diagnostic.location, at(2, 7), value)
            XCTAssertEqual(diagnostic.message, "the value '\(value)' in column 'count' has separators in it", value)
            XCTAssertEqual(diagnostic.hint, "write \(plain) without separators", value)
        }
    }

    func testQuotedThousandsInCommaFile() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,count\nNorth,\"1,234\"\n")))
        XCTAssertEqual(diagnostic.location, at(2, 7))
        XCTAssertEqual(diagnostic.hint, "write 1234 without separators")
    }

    func testOverflow() throws {
        let diagnostic = try XCTUnwrap(valueProblem("9223372036854775808"))
        XCTAssertEqual(diagnostic.message, "the value '9223372036854775808' in column 'count' is too large")
        XCTAssertTrue(diagnostic.hint?.contains("9223372036854775807") ?? false)
    }

    func testCountParsing() {
        XCTAssertEqual(TableCount.parse("  42\t"), .value(42))
        XCTAssertEqual(TableCount.parse("0"), .value(0))
        XCTAssertEqual(TableCount.parse("   "), .empty)
        XCTAssertEqual(TableCount.parse("−3"), .negative)
        XCTAssertEqual(TableCount.parse("1,234.00"), .fractional(whole: "1234"))
        XCTAssertEqual(TableCount.parse("1,234.5"), .fractional(whole: nil))
        XCTAssertEqual(TableCount.parse("1,23"), .fractional(whole: nil))
        XCTAssertEqual(TableCount.parse("1,2345"), .fractional(whole: nil))
        XCTAssertEqual(TableCount.parse("12 5"), .notANumber)
        XCTAssertEqual(TableCount.parse("1,,234"), .notANumber)
        XCTAssertEqual(TableCount.parse("1,234,"), .notANumber)
        XCTAssertEqual(TableCount.parse("99999999999999999999"), .tooLarge)
    }

    // MARK: Key problems

    func testEmptyDimensionValue() throws {
        let diagnostic = try XCTUnwrap(only(problems("region,month,count\nNorth,  ,5\n")))
        XCTAssertEqual(diagnostic.location, at(2, 7))
        XCTAssertEqual(diagnostic.message, "the value for 'month' is empty")
        XCTAssertTrue(diagnostic.hint?.contains("Unknown") ?? false)

        let quoted = try XCTUnwrap(only(problems("region,month,count\n\"  \",2024-01,5\n")))
        XCTAssertEqual(quoted.location, at(2, 1))
        XCTAssertEqual(quoted.message, "the value for 'region' is empty")
    }

    func testDuplicateRows() throws {
        let diagnostic = try XCTUnwrap(only(problems(
            "region,month,count\nNorth,2024-01,1\nSouth,2024-01,2\nNorth,2024-02,3\n\nNorth,2024-01,4\n")))
        XCTAssertEqual(diagnostic.location, at(6, 1))
        XCTAssertEqual(diagnostic.message, "a second row for region 'North', month '2024-01'; the first is on line 2")
        XCTAssertEqual(diagnostic.sourceLine, "North,2024-01,4")
        XCTAssertTrue(diagnostic.hint?.contains("region, month") ?? false)
    }

    /// One value written in several ways (quoted, blanks around, a no-break space, é composed or
    /// not, a doubled quote) is one value, numbered once; each row keeps its own spelling, and a
    /// second row of one combination is a duplicate however it is written.
    func testKeysWrittenDifferentlyAreOneValueAndEachRowKeepsItsSpelling() throws {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let read = try table("""
            place,kind,count
            North,a,1
            "North",b,2
              North ,c,3
            North\u{A0},d,4
            \(decomposed),a,5
            \(composed),b,6
            \(decomposed),c,7
            "S""q",a,8
            "S""q",b,9

            """)
        XCTAssertEqual(read.rows.map { $0.keys[0] },
                       ["North", "North", "North", "North", decomposed, composed, decomposed, "S\"q", "S\"q"])
        XCTAssertEqual(read.rows.map { $0.keys[0].utf8.count }, [5, 5, 5, 5, 6, 5, 6, 3, 3])
        XCTAssertEqual(read.valueNumbers(ofDimension: 0)?.ofRow, [0, 0, 0, 0, 1, 1, 1, 2, 2])
        XCTAssertEqual(read.valueNumbers(ofDimension: 1)?.ofRow, [0, 1, 2, 3, 0, 1, 2, 0, 1])

        let duplicates = problems("place,kind,count\nNorth,a,1\n\"North\",a,2\n\(composed),a,3\n\(decomposed),a,4\n")
        XCTAssertEqual(duplicates.map(\.message), [
            "a second row for place 'North', kind 'a'; the first is on line 2",
            "a second row for place '\(decomposed)', kind 'a'; the first is on line 4",
        ])
    }

    /// Thousands of combinations, many sharing values: each is found once, and only the row that
    /// repeats one is a duplicate (the set of combinations probes by a hash of value numbers).
    func testManyCombinationsHaveOnlyTheirRealDuplicate() throws {
        var lines = ["a,b,c,count"]
        for a in 0..<40 { for b in 0..<30 { for c in 0..<3 { lines.append("a\(a),b\(b),c\(c),1") } } }
        let unique = try table(lines.joined(separator: "\n") + "\n")
        XCTAssertEqual(unique.rows.count, 3_600)
        lines.append("a17,b29,c2,5")
        let repeated = problems(lines.joined(separator: "\n") + "\n")
        let firstLine: Int = 2 + 17 * 90 + 29 * 3 + 2
        XCTAssertEqual(repeated.map(\.message), ["a second row for a 'a17', b 'b29', c 'c2'; the first is on line \(firstLine)"])
    }

    func testDuplicateTotals() throws {
        let diagnostic = try XCTUnwrap(only(problems("count\n1\n2\n")))
        XCTAssertEqual(diagnostic.location, at(3, 1))
        XCTAssertTrue(diagnostic.message.contains("first row is on line 2"), diagnostic.message)
    }

    func testAllProblemsAreCollected() {
        let text = """
            region,month,count
            North,2024-01,12.5
            ,2024-01,3
            South,2024-01,1 234
            South,2024-01,-1
            East,"",x

            """
        let diagnostics = problems(text)
        XCTAssertEqual(diagnostics.map { $0.location?.line }, [2, 3, 4, 5, 5, 6, 6])
        XCTAssertEqual(diagnostics.map { $0.location?.column }, [15, 1, 15, 1, 15, 6, 9])
        XCTAssertEqual(diagnostics.map(\.message), [
            "the value '12.5' in column 'count' is not a whole number",
            "the value for 'region' is empty",
            "the value '1 234' in column 'count' has separators in it",
            "a second row for region 'South', month '2024-01'; the first is on line 4",
            "the value '-1' in column 'count' is negative",
            "the value for 'month' is empty",
            "the value 'x' in column 'count' is not a whole number",
        ])
        XCTAssertTrue(diagnostics.allSatisfy { $0.hint != nil && $0.sourceLine != nil })
    }

    func testErrorOnLineAfterMultiLineKey() throws {
        let diagnostic = try XCTUnwrap(only(problems("note,count\n\"two\nlines\",x\n")))
        XCTAssertEqual(diagnostic.location, at(3, 8))
        XCTAssertEqual(diagnostic.sourceLine, "lines\",x")
    }
}
