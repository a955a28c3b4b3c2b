import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// A dimension column or value named like a derived figure (`count`, `share`, `previous`…) would
/// make a figure name that means two things: an error at the header or the cell, when the table
/// is read.
final class NameCollisionTests: XCTestCase {
    // MARK: Helpers

    /// The diagnostics from reading `csv` as the table `t` (value column `n`), or a failure.
    private func problems(_ csv: String, _ caller: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        let document = try CSVReader.read(Array(csv.utf8), file: "r/t.csv")
        do {
            let table = try Table(name: "t", source: document, valueColumn: "n")
            XCTFail("expected an error, read \(table.rows.count) rows", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The figures of the table `t` read from `csv` (value column `n`).
    private func figures(_ csv: String) throws -> FigureSet {
        let document = try CSVReader.read(Array(csv.utf8), file: "r/t.csv")
        let table = try Table(name: "t", source: document, valueColumn: "n")
        return try OnePeriodReport.figures([table])
    }

    private static let allReserved = ["total", "count", "list", "share", "rank", "previous", "change", "cumulative", "period"]
        + (1...10).map { "top\($0)" }

    // MARK: The list

    func testTheReservedWordsAreTheWordsThatFollowANameInAFigureName() {
        XCTAssertEqual(FigureWord.reserved, Set(Self.allReserved))
        XCTAssertEqual(FigureWord.reservedForMessages,
                       "total, count, list, top1 to top10, share, rank, previous, change, cumulative, period")
    }

    /// Every figure a table derives is named with the table's, columns' and values' names and the
    /// words of `FigureWord`; every word right after a table, column or value name is reserved.
    /// A new derived figure named with a word of its own fails here.
    func testEveryDerivedNameIsMadeOfReservedWords() throws {
        let set = try figures("region,sex,n\nA,m,5\nA,f,3\nB,m,2\nC,f,1\n")
        let names: Set<String> = ["region", "sex", "A", "B", "C", "m", "f"]
        let words = Set(FigureWord.allCases.map(\.rawValue)).union((1...10).map(FigureWord.top))
        let tableNames = set.names.prefix { $0 != "period.start" }
        XCTAssertGreaterThan(tableNames.count, 20)
        for name in tableNames {
            let parts = ["t"] + name.split(separator: ".").dropFirst().map(String.init)
            for (previous, part) in zip(parts, parts.dropFirst()) where !names.contains(part) {
                XCTAssertTrue(words.contains(part), "'\(part)' in \(name) is not a FigureWord")
                if previous == "t" || names.contains(previous) {
                    XCTAssertTrue(FigureWord.reserved.contains(part), "'\(part)' follows a name in \(name) but is not reserved")
                }
            }
        }
        for derivation in Derivation.allCases {
            XCTAssertEqual(derivation.suffix, derivation.words.map { ".\($0)" }.joined())
            XCTAssertTrue(FigureWord.reserved.contains(derivation.words[0].rawValue), derivation.suffix)
        }
    }

    // MARK: Each reserved word

    func testEveryReservedWordAsAValueIsAnErrorAtItsCell() throws {
        for word in Self.allReserved where word != "total" {
            let diagnostics = try problems("sex,region,n\nf,North,4\nm,\(word),1\n")
            XCTAssertEqual(diagnostics.count, 1, word)
            let diagnostic = try XCTUnwrap(diagnostics.first)
            XCTAssertEqual(diagnostic.location, SourceLocation(file: "r/t.csv", line: 3, column: 3), word)
            XCTAssertEqual(diagnostic.message, "the value '\(word)' in column 'region' is named with a word sitrep keeps for the names "
                + "of derived figures, so 't.region.\(word)' could mean this value or a derived figure")
            let capitalised = word.prefix(1).uppercased() + word.dropFirst()
            XCTAssertEqual(diagnostic.hint, "rename the value in the data, e.g. '\(capitalised)' (names are case-sensitive); the words "
                + "kept for derived figures are total, count, list, top1 to top10, share, rank, previous, change, cumulative, period")
            // Renamed as the hint says, the table reads and the value is a figure of its own.
            let set = try figures("sex,region,n\nf,North,4\nm,\(capitalised),1\n")
            XCTAssertEqual(set["t.region.\(capitalised)"]?.value, .number(Rational(1)), word)
        }
    }

    func testEveryReservedWordAsAColumnNameIsAnErrorAtTheHeader() throws {
        for word in Self.allReserved {
            let diagnostics = try problems("\n\"sex\";n;\(word)\nf;4;North\n")
            XCTAssertEqual(diagnostics.count, 1, word)
            let diagnostic = try XCTUnwrap(diagnostics.first)
            XCTAssertEqual(diagnostic.location, SourceLocation(file: "r/t.csv", line: 2, column: 9), word)
            XCTAssertEqual(diagnostic.message, "the column '\(word)' is named with a word sitrep keeps for the names of derived "
                + "figures, so a name such as 't.\(word).…' could mean a value of this column or a derived figure")
            XCTAssertEqual(diagnostic.hint?.hasPrefix("rename the column in the data, e.g. '"), true, word)
        }
    }

    /// The case that printed a wrong number: a column `total` with a value `previous` made
    /// `t.total.previous` the value's sum instead of the previous report's total.
    func testAColumnAndValueThatShadowADerivedFigureAreBothReported() throws {
        let diagnostics = try problems("total,n\nprevious,4\nNorth,1\n")
        XCTAssertEqual(diagnostics.map(\.location), [
            SourceLocation(file: "r/t.csv", line: 1, column: 1),
            SourceLocation(file: "r/t.csv", line: 2, column: 1),
        ])
    }

    func testAReservedWordAfterADotInAValueIsAnError() throws {
        let diagnostics = try problems("region,n\nNorth,4\nNorth.previous,1\n")
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "r/t.csv", line: 3, column: 1))
        XCTAssertEqual(diagnostics.first?.message, "the value 'North.previous' in column 'region' is named with '.previous', a word "
            + "sitrep keeps for the names of derived figures, so 't.region.North.previous' could mean this value or a derived figure")
        XCTAssertEqual(diagnostics.first?.hint?.hasPrefix("rename the value in the data, e.g. 'North previous' "), true)
    }

    // MARK: What is allowed

    /// `other` and `relative` only follow a reserved word (`top2.other`, `change.relative`), so
    /// they make no name that means two things: the example's hotline has a topic `other`.
    func testWordsThatOnlyFollowReservedWordsAreAllowed() throws {
        let set = try figures("topic,relative,n\nUkraine,other,3\nother,relative,1\nSt. Petersburg,x,1\n")
        XCTAssertEqual(set["t.topic.other"]?.value, .number(Rational(1)))
        XCTAssertEqual(set["t.relative.other"]?.value, .number(Rational(3)))
        XCTAssertEqual(set["t.topic.top1.other"]?.value, .number(Rational(2)))
    }

    // MARK: Totals rows (see TotalsRowsTests)

    func testValuesThatOnlyStartLikeTotalAreData() throws {
        let set = try figures("item,n\nTotal hygiene kit,4\nTotally new,1\n")
        XCTAssertEqual(set["t.total"]?.value, .number(Rational(5)))
    }
}
