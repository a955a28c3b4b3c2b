import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// The figures derived from one table with no configuration: total, per-value sums, shares,
/// ranks, pairs, counts, lists and top-N with the rest as "other".
final class TableFiguresTests: XCTestCase {
    // MARK: Helpers

    /// A table read from CSV text, as the loader builds it.
    private func table(_ name: String, _ csv: String, valueColumn: String = "count",
                       _ caller: StaticString = #filePath, line: UInt = #line) throws -> Table {
        let document = try CSVReader.read(Array(csv.utf8), file: "r/\(name).csv")
        return try Table(name: name, source: document, valueColumn: valueColumn)
    }

    /// The figures of a report holding the given tables, as the build computes them.
    private func figures(_ tables: Table...) throws(DiagnosticError) -> FigureSet {
        try OnePeriodReport.figures(tables)
    }

    /// Pairs are grouped from the two one-dimension groupings' positions; the groups, their order
    /// (first appearance) and their sums must be those of grouping by both values.
    func testPairingTwoGroupingsGivesTheGroupsOfBothDimensions() throws {
        let avrr = try table("avrr", """
            country,sex,age,count
            Iraq,male,adult,5
            Cuba,female,child,2
            Iraq,female,adult,3
            Cuba,female,adult,4
            Iraq,male,child,1
            Sri Lanka,male,adult,7
            Cuba,male,child,6
            Iraq,female,child,8

            """)
        let single = try (0..<3).map { index throws(DiagnosticError) in try Aggregation(avrr, by: index) }
        for (first, second) in [(0, 1), (0, 2), (1, 2)] {
            // What grouping by both values gives, in order of first appearance, computed here by hand.
            var expected: [KeyedSum] = []
            for row in avrr.rows {
                let keys = [row.keys[first], row.keys[second]]
                if let position = expected.firstIndex(where: { $0.keys == keys }) { expected[position].total += row.value }
                else { expected.append(KeyedSum(keys: keys, total: row.value)) }
            }
            let paired = try KeyedSum.pairs(of: avrr, single[first], single[second])
            XCTAssertEqual(paired, expected, "\(first), \(second)")
            // The cross totals hold the same sums, by group positions, and 0 where no row is in both.
            let cross = try single[first].crossTotals(with: single[second], in: avrr)
            for (row, firstGroup) in single[first].groups.enumerated() {
                for (column, secondGroup) in single[second].groups.enumerated() {
                    let sum = expected.first { $0.keys == [firstGroup.key, secondGroup.key] }?.total ?? 0
                    XCTAssertEqual(cross[row][column], sum, "\(firstGroup.key), \(secondGroup.key)")
                }
            }
        }
        XCTAssertEqual(try single[0].crossTotals(with: single[1], in: avrr), [[5 + 1, 3 + 8], [6, 2 + 4], [7, 0]])
        XCTAssertEqual(try KeyedSum.pairs(of: avrr, single[0], single[1]).map(\.keys),
                       [["Iraq", "male"], ["Cuba", "female"], ["Iraq", "female"], ["Sri Lanka", "male"], ["Cuba", "male"]])
    }

    /// A table read from a file is grouped by the numbers its checks gave its values, one built in
    /// code by hashing its values: the same groups, in the same order, with the same spelling
    /// (the first row's, where two spellings of a value are equal as Strings: é composed and not),
    /// a totals row before the first data row left out.
    func testGroupingByNumberedValuesGivesTheGroupsOfHashedValues() throws {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let read = try table("t", """
            place,kind,count
            Total,all,40
            \(decomposed),a,1
            Bar,b,2
            \(composed),b,3
            Bar,a,4
            Inn,a,5
            \(decomposed),c,6

            """)
        XCTAssertNotNil(read.valueNumbers(ofDimension: 0))
        var built = Table(name: read.name, file: read.file, dimensions: read.dimensions, rows: read.rows)
        built.statedTotals = read.statedTotals
        XCTAssertNil(built.valueNumbers(ofDimension: 0))
        XCTAssertEqual(read, built)
        for dimension in 0..<2 {
            let numbered = try Aggregation(read, by: dimension)
            let hashed = try Aggregation(built, by: dimension)
            XCTAssertEqual(numbered.groups, hashed.groups, "dimension \(dimension)")
            XCTAssertEqual(try numbered.crossTotals(with: Aggregation(read, by: 1 - dimension), in: read),
                           try hashed.crossTotals(with: Aggregation(built, by: 1 - dimension), in: built))
        }
        XCTAssertEqual(try Aggregation(read, by: 0).groups.map(\.key), [decomposed, "Bar", "Inn"])
        XCTAssertEqual(try Aggregation(read, by: 0).groups.map(\.total), [1 + 3 + 6, 2 + 4, 5])
        XCTAssertEqual(try Aggregation(read, by: 1).groups.map(\.key), ["a", "b", "c"])

        // Many values (past those found by comparing each), both spellings among them.
        let names = (0..<30).map { "v\($0)" } + [decomposed]
        let rows = names.map { "\($0),x" } + names.reversed().map { "\($0),y" } + ["\(composed),z"]
        let many = try table("m", "name,kind,count\n" + rows.enumerated().map { "\($1),\($0)" }.joined(separator: "\n") + "\n")
        var manyBuilt = Table(name: many.name, file: many.file, dimensions: many.dimensions, rows: many.rows)
        manyBuilt.statedTotals = many.statedTotals
        XCTAssertEqual(try Aggregation(many, by: 0).groups, try Aggregation(manyBuilt, by: 0).groups)
        XCTAssertEqual(try Aggregation(many, by: 0).groups.last?.total, 30 + 31 + 62)
        XCTAssertEqual(try Aggregation(many, by: 0).groups.count, 31)
        XCTAssertThrowsError(try table("d", "name,count\n" + (names + [composed]).map { "\($0),1" }.joined(separator: "\n") + "\n")) { error in
            XCTAssertTrue("\(error)".contains("a second row for name '\(composed)'"), "\(error)")
        }
    }

    /// A table with many more possible pairs of values than rows (each column nearly unique)
    /// keeps its pairs in a dictionary rather than an array as large as every pair: the same groups.
    func testPairsOfColumnsWithManyValuesGroupLikeFewer() throws {
        let rows = (0..<300).map { Table.Row(keys: ["a\($0 % 290)", "b\($0 % 287)"], value: $0, position: $0 + 2) }
        let table = Table(name: "t", file: "r/t.csv", dimensions: ["first", "second"], rows: rows)
        let paired = try KeyedSum.pairs(of: table, Aggregation(table, by: 0), Aggregation(table, by: 1))
        var expected: [KeyedSum] = []
        for row in rows {
            if let position = expected.firstIndex(where: { $0.keys == row.keys }) { expected[position].total += row.value }
            else { expected.append(KeyedSum(keys: row.keys, total: row.value)) }
        }
        XCTAssertEqual(paired, expected)
        XCTAssertEqual(paired.count, 300)
    }

    /// A pair of values and the sum of their rows, as the test computes it.
    private struct KeyedSum: Equatable {
        var keys: [String]
        var total: Int

        /// `Aggregation.pairs`, with each pair's values spelt out.
        static func pairs(of table: Table, _ first: Aggregation, _ second: Aggregation) throws -> [KeyedSum] {
            try Aggregation.pairs(of: table, first, second).map {
                KeyedSum(keys: [first.groups[$0.first].key, second.groups[$0.second].key], total: $0.total)
            }
        }
    }

    /// The names of the figures derived from tables, leaving out those of the report itself.
    private func tableNames(_ set: FigureSet) -> [String] {
        Array(set.names.prefix { $0 != "period.start" })
    }

    private func value(_ set: FigureSet, _ name: String) -> FigureValue? { set[name]?.value }

    private func number(_ numerator: Int, _ denominator: Int = 1) -> FigureValue {
        .number(Rational(numerator, denominator)!)
    }

    /// The diagnostics thrown while deriving the figures of `table`.
    private func problems(_ table: Table, _ caller: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let set = try figures(table)
            XCTFail("expected an error, got \(set.names)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// North 8 (5 male, 3 female), South 3 (3 male, 0 female), East 3 (1 male, 2 female),
    /// West 1 (female); 15 in all, 9 male and 6 female.
    private let regions = """
        region,sex,count
        North,male,5
        North,female,3
        South,male,3
        East,female,2
        East,male,1
        West,female,1
        South,female,0
        """

    /// The AVRR caseload of the Belarus example: Iraq 398 of 533.
    private let avrr = """
        country,sex,age,count
        Iraq,male,adult,206
        Iraq,female,adult,68
        Iraq,male,child,66
        Iraq,female,child,58
        Cuba,male,adult,29
        Cuba,female,adult,17
        Cuba,male,child,1
        Cuba,female,child,1
        Sri Lanka,male,adult,10
        Sri Lanka,female,adult,2
        Sri Lanka,male,child,1
        Sri Lanka,female,child,1
        Guinea,male,adult,9
        Nigeria,male,adult,6
        Nigeria,female,adult,1
        Nigeria,male,child,1
        Turkey,male,adult,4
        Turkey,female,adult,1
        Turkey,male,child,1
        Turkey,female,child,1
        Ghana,male,adult,6
        Egypt,male,adult,5
        India,male,adult,5
        Russia,male,adult,2
        Russia,female,adult,1
        Russia,female,child,1
        Cameroon,male,adult,3
        Cameroon,female,adult,1
        Somalia,male,adult,3
        Republic of Congo,male,adult,2
        Republic of Congo,female,adult,1
        Turkmenistan,male,adult,3
        Tajikistan,male,adult,2
        Pakistan,male,adult,2
        Democratic Republic of Congo,male,adult,1
        Democratic Republic of Congo,female,adult,1
        Burkina-Faso,male,adult,2
        Kyrgyzstan,male,adult,2
        Moldova,male,adult,1
        Iran,male,adult,1
        Kenya,male,adult,1
        Algeria,male,adult,1
        Georgia,male,adult,1
        Norway,male,adult,1
        """

    // MARK: Totals and per-value figures

    func testNamesOfValuesInAnyScriptAreSpelledAsWritten() throws {
        let set = try figures(table("arrivals", "région,pays,count\nМинск,Україна,5\nGomel,Côte d’Ivoire,3\n"))
        XCTAssertEqual(set["arrivals.région.Минск"]?.value, .number(Rational(5)))
        XCTAssertEqual(set["arrivals.région.Минск.share"]?.value, Rational(5, 8).map(FigureValue.number))
        XCTAssertEqual(set["arrivals.région.Gomel.pays.Côte d’Ivoire"]?.value, .number(Rational(3)))
        XCTAssertEqual(set["arrivals.pays.top1.other.list"]?.value, .list(["Côte d’Ivoire"]))
    }

    func testTotalIsTheSumOfEveryRow() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.total"), number(15))
        XCTAssertEqual(try value(figures(table("avrr", avrr)), "avrr.total"), number(533))
    }

    func testTableWithoutDimensionsHasOnlyItsTotal() throws {
        let set = try figures(table("leaflets", "count\n6000\n"))
        XCTAssertEqual(tableNames(set), ["leaflets.total"])
        XCTAssertEqual(value(set, "leaflets.total"), number(6000))
    }

    func testValueColumnOtherThanCount() throws {
        let set = try figures(table("d", "item,beneficiaries,region\nFood kit,40,Gomel\nFood kit,2,Grodno\n",
                                    valueColumn: "beneficiaries"))
        XCTAssertEqual(value(set, "d.total"), number(42))
        XCTAssertEqual(value(set, "d.item.Food kit"), number(42))
        XCTAssertEqual(value(set, "d.region.Grodno"), number(2))
        XCTAssertNil(set["d.beneficiaries.40"], "the value column is not a dimension")
    }

    func testPerValueSumsOfEachDimension() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.North"), number(8))
        XCTAssertEqual(value(set, "t.region.South"), number(3))
        XCTAssertEqual(value(set, "t.region.East"), number(3))
        XCTAssertEqual(value(set, "t.region.West"), number(1))
        XCTAssertEqual(value(set, "t.sex.male"), number(9))
        XCTAssertEqual(value(set, "t.sex.female"), number(6))
    }

    func testValuesWithSpacesAndPunctuationKeepTheirName() throws {
        let set = try figures(table("avrr", avrr))
        XCTAssertEqual(value(set, "avrr.country.Sri Lanka"), number(14))
        XCTAssertEqual(value(set, "avrr.country.Burkina-Faso"), number(2))
        XCTAssertEqual(value(set, "avrr.country.Democratic Republic of Congo"), number(2))
    }

    func testSharesAreExactFractionsOfTheTotal() throws {
        let avrrFigures = try figures(table("avrr", avrr))
        XCTAssertEqual(value(avrrFigures, "avrr.country.Iraq.share"), number(398, 533))
        XCTAssertEqual(value(avrrFigures, "avrr.country.Cuba.share"), number(48, 533))
        XCTAssertEqual(value(avrrFigures, "avrr.country.Iraq.share")?.number?.numerator, 398)
        XCTAssertEqual(value(avrrFigures, "avrr.country.Iraq.share")?.number?.denominator, 533)

        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.North.share"), number(8, 15))
        XCTAssertEqual(value(set, "t.region.South.share"), number(1, 5), "3/15 is kept in lowest terms")
        XCTAssertEqual(value(set, "t.sex.male.share"), number(3, 5))
        XCTAssertEqual(value(set, "t.sex.female.share"), number(2, 5))
    }

    func testZeroTotalHasNoShares() throws {
        let set = try figures(table("z", "region,count\nNorth,0\nSouth,0\n"))
        XCTAssertEqual(value(set, "z.total"), number(0))
        XCTAssertEqual(value(set, "z.region.North"), number(0))
        XCTAssertNil(set["z.region.North.share"], "a share of nothing is not a number")
        XCTAssertNil(set["z.region.top1.share"])
        XCTAssertEqual(value(set, "z.region.top1.other"), number(0))
        // A placeholder naming it is told why, not that the name is unknown.
        XCTAssertEqual(set.unavailable["z.region.North.share"], "the total it would be a share of is 0")
        XCTAssertEqual(set.unavailable["z.region.top1.other.share"], "the total it would be a share of is 0")
    }

    // MARK: Ranks

    func testRankIsLargestFirstWithTiesInFileOrder() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.North.rank"), number(1))
        XCTAssertEqual(value(set, "t.region.South.rank"), number(2), "South comes before East in the file")
        XCTAssertEqual(value(set, "t.region.East.rank"), number(3))
        XCTAssertEqual(value(set, "t.region.West.rank"), number(4))
        XCTAssertEqual(value(set, "t.sex.male.rank"), number(1))
        XCTAssertEqual(value(set, "t.sex.female.rank"), number(2))
    }

    func testReorderingTiedRowsReordersTheirRanks() throws {
        let set = try figures(table("t", "region,count\nEast,3\nNorth,8\nSouth,3\n"))
        XCTAssertEqual(value(set, "t.region.East.rank"), number(2))
        XCTAssertEqual(value(set, "t.region.South.rank"), number(3))
        XCTAssertEqual(value(set, "t.region.list"), .list(["North", "East", "South"]))
    }

    func testRanksOfTheExampleCaseload() throws {
        let set = try figures(table("avrr", avrr))
        XCTAssertEqual(value(set, "avrr.country.Iraq.rank"), number(1))
        XCTAssertEqual(value(set, "avrr.country.Cuba.rank"), number(2))
        XCTAssertEqual(value(set, "avrr.country.Egypt.rank"), number(8))
        XCTAssertEqual(value(set, "avrr.country.India.rank"), number(9))
        XCTAssertEqual(value(set, "avrr.country.Norway.rank"), number(25))
    }

    // MARK: Pairs of dimensions

    func testPairFiguresAndTheirShareOfTheParent() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.North.sex.male"), number(5))
        XCTAssertEqual(value(set, "t.region.North.sex.male.share"), number(5, 8))
        XCTAssertEqual(value(set, "t.region.North.sex.female"), number(3))
        XCTAssertEqual(value(set, "t.region.North.sex.female.share"), number(3, 8))
        XCTAssertEqual(value(set, "t.region.South.sex.male.share"), number(1))
        XCTAssertEqual(value(set, "t.region.South.sex.female"), number(0))
        XCTAssertEqual(value(set, "t.region.South.sex.female.share"), number(0))
        XCTAssertEqual(value(set, "t.region.East.sex.female.share"), number(2, 3))
        XCTAssertEqual(value(set, "t.region.West.sex.female.share"), number(1))
        XCTAssertNil(set["t.region.West.sex.male"], "a combination absent from the file has no figure")
        XCTAssertNil(set["t.sex.male.region.North"], "pairs follow the column order of the file")
    }

    func testPairsOfThreeDimensionsSumOverTheThird() throws {
        let set = try figures(table("avrr", avrr))
        XCTAssertEqual(value(set, "avrr.country.Iraq.sex.male"), number(272))
        XCTAssertEqual(value(set, "avrr.country.Iraq.sex.male.share"), number(272, 398))
        XCTAssertEqual(value(set, "avrr.country.Iraq.age.child"), number(124))
        XCTAssertEqual(value(set, "avrr.sex.female.age.child"), number(58 + 1 + 1 + 1 + 1))
        XCTAssertEqual(value(set, "avrr.age.child"), number(124 + 2 + 2 + 1 + 2 + 1))
    }

    func testPairWhoseParentIsZeroHasNoShare() throws {
        let set = try figures(table("t", "region,sex,count\nNorth,male,0\nSouth,male,4\n"))
        XCTAssertEqual(value(set, "t.region.North.sex.male"), number(0))
        XCTAssertNil(set["t.region.North.sex.male.share"])
        XCTAssertNotNil(set.unavailable["t.region.North.sex.male.share"])
        XCTAssertEqual(value(set, "t.region.South.sex.male.share"), number(1))
    }

    // MARK: Count, list, top N and other

    func testCountAndListLargestFirst() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.count"), number(4))
        XCTAssertEqual(value(set, "t.region.list"), .list(["North", "South", "East", "West"]))
        XCTAssertEqual(value(set, "t.sex.count"), number(2))
        XCTAssertEqual(value(set, "t.sex.list"), .list(["male", "female"]))
        XCTAssertEqual(try value(figures(table("avrr", avrr)), "avrr.country.count"), number(25))
    }

    func testTopNAndTheRestAsOther() throws {
        let set = try figures(table("t", regions))
        XCTAssertEqual(value(set, "t.region.top1"), .list(["North"]))
        XCTAssertEqual(value(set, "t.region.top1.total"), number(8))
        XCTAssertEqual(value(set, "t.region.top1.share"), number(8, 15))
        XCTAssertEqual(value(set, "t.region.top1.other"), number(7))
        XCTAssertEqual(value(set, "t.region.top1.other.share"), number(7, 15))
        XCTAssertEqual(value(set, "t.region.top1.other.count"), number(3))
        XCTAssertEqual(value(set, "t.region.top1.other.list"), .list(["South", "East", "West"]))

        XCTAssertEqual(value(set, "t.region.top2"), .list(["North", "South"]))
        XCTAssertEqual(value(set, "t.region.top2.total"), number(11))
        XCTAssertEqual(value(set, "t.region.top2.other"), number(4))
        XCTAssertEqual(value(set, "t.region.top2.other.count"), number(2))
        XCTAssertEqual(value(set, "t.region.top2.other.list"), .list(["East", "West"]))

        XCTAssertEqual(value(set, "t.region.top3"), .list(["North", "South", "East"]))
        XCTAssertEqual(value(set, "t.region.top3.other"), number(1))
        XCTAssertEqual(value(set, "t.region.top3.other.share"), number(1, 15))
        XCTAssertEqual(value(set, "t.region.top3.other.count"), number(1))
        XCTAssertEqual(value(set, "t.region.top3.other.list"), .list(["West"]))
        XCTAssertNil(set["t.region.top4"], "a top N with nothing left over is just the list")

        XCTAssertEqual(value(set, "t.sex.top1"), .list(["male"]))
        XCTAssertEqual(value(set, "t.sex.top1.other.list"), .list(["female"]))
        XCTAssertNil(set["t.sex.top2"])
    }

    func testTopNStopsAtTen() throws {
        let set = try figures(table("avrr", avrr))
        XCTAssertEqual(value(set, "avrr.country.top2.other.list"), .list([
            "Sri Lanka", "Guinea", "Nigeria", "Turkey", "Ghana", "Egypt", "India", "Russia", "Cameroon",
            "Somalia", "Republic of Congo", "Turkmenistan", "Tajikistan", "Pakistan", "Democratic Republic of Congo",
            "Burkina-Faso", "Kyrgyzstan", "Moldova", "Iran", "Kenya", "Algeria", "Georgia", "Norway",
        ]))
        XCTAssertEqual(value(set, "avrr.country.top2.other"), number(533 - 446))
        XCTAssertEqual(value(set, "avrr.country.top2.other.count"), number(23))
        XCTAssertEqual(value(set, "avrr.country.top10.total"), number(504))
        XCTAssertEqual(value(set, "avrr.country.top10.other.count"), number(15))
        XCTAssertNil(set["avrr.country.top11"])
    }

    func testSingleValueDimensionHasNoTopN() throws {
        let set = try figures(table("t", "region,count\nNorth,4\n"))
        XCTAssertEqual(value(set, "t.region.count"), number(1))
        XCTAssertEqual(value(set, "t.region.list"), .list(["North"]))
        XCTAssertEqual(value(set, "t.region.North.share"), number(1))
        XCTAssertNil(set["t.region.top1"])
    }

    // MARK: Origin and order

    func testFiguresComeFromTheTableFileInAStableOrder() throws {
        let set = try figures(table("t", "region,count\nNorth,4\nSouth,1\n"))
        XCTAssertEqual(tableNames(set), [
            "t.total",
            "t.region.North", "t.region.North.share", "t.region.North.rank",
            "t.region.South", "t.region.South.share", "t.region.South.rank",
            "t.region.count", "t.region.list",
            "t.region.top1", "t.region.top1.total", "t.region.top1.share", "t.region.top1.other",
            "t.region.top1.other.share", "t.region.top1.other.count", "t.region.top1.other.list",
        ])
        XCTAssertEqual(set.all.map(\.name), set.names)
        XCTAssertEqual(set.all.first?.value, .number(Rational(5)))
        XCTAssertEqual(set["t.total"]?.origin, .table("r/t.csv"))
    }

    // MARK: Name clashes

    /// A table built in code, without the checks of reading a CSV file (which turn these names
    /// away first, see NameCollisionTests): the figures still refuse to give two figures one name.
    private func unchecked(_ keys: [String]) -> Table {
        Table(name: "t", file: "r/t.csv", dimensions: ["region"],
              rows: keys.enumerated().map { Table.Row(keys: [$0.element], value: 4 - $0.offset, position: $0.offset + 2) })
    }

    func testValueNamedLikeADerivedFigureIsAClearError() throws {
        let diagnostics = problems(unchecked(["North", "count"]))
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location?.file, "r/t.csv")
        XCTAssertEqual(diagnostic.message, "two figures of this table would both be called 't.region.count'")
        let hint = try XCTUnwrap(diagnostic.hint)
        XCTAssertTrue(hint.contains("named like a derived figure ('count')"), hint)
        XCTAssertTrue(hint.contains("'Count'"), hint)
    }

    func testOtherDerivedNamesClashToo() throws {
        for name in ["list", "top1"] {
            let diagnostics = problems(unchecked(["North", name, "South"]))
            XCTAssertEqual(diagnostics.first?.message, "two figures of this table would both be called 't.region.\(name)'")
        }
    }

    func testValueNamedLikeAShareOfAnotherValueClashes() throws {
        let diagnostics = problems(unchecked(["North", "North.share"]))
        XCTAssertEqual(diagnostics.first?.message, "two figures of this table would both be called 't.region.North.share'")
    }

    /// A period's names are taken from the period before where they are spelt the same, and
    /// made afresh where they are not: the names and values are those of the period alone.
    func testNamesLentByThePeriodBeforeAreOnlyTheOnesSpeltTheSame() throws {
        let before = try figures(table("arrivals", """
            nationality,region,count
            Syria,North,5
            Iraq,North,3
            Iraq,South,2
            """))
        let tables = [try table("arrivals", """
            nationality,region,count
            Syria,North,7
            Iran,North,1
            Iraq,South,4
            """)]
        var lent = FigureSet()
        try TableFigures.add(tables[0], measure: Measure(reported: .period), to: &lent, namesLike: before)
        var alone = FigureSet()
        try TableFigures.add(tables[0], measure: Measure(reported: .period), to: &alone)
        XCTAssertEqual(lent.ownNames, alone.ownNames)
        XCTAssertTrue(lent.ownNames.contains("arrivals.nationality.Iran"))
        XCTAssertFalse(lent.ownNames.contains("arrivals.nationality.Syria.region.South"))
        for name in alone.ownNames { XCTAssertEqual(lent[name]?.value, alone[name]?.value, name) }
    }

    func testANameIsSpeltByItsPartsAndDotsOnly() {
        XCTAssertTrue(FigureName.spells("a.b", "a", "b", nil))
        XCTAssertTrue(FigureName.spells("arrivals.nationality.Côte d'Ivoire", "arrivals", "nationality", "Côte d'Ivoire"))
        XCTAssertTrue(FigureName.spells("a.b.c", "a.b", "c", nil), "the same bytes are the same name")
        for (name, parts) in [("a.b", ("a", "c", nil)), ("a.bc", ("a", "b", "c")), ("a-b", ("a", "b", nil)), ("a.b.c", ("a", "b", nil)),
                              ("a.b", ("a", "b", "c")), ("ab.", ("a", "b", nil)), ("", ("", "", nil))] as [(String, (String, String, String?))] {
            XCTAssertFalse(FigureName.spells(name, parts.0, parts.1, parts.2), name)
        }
        XCTAssertEqual(FigureName.dotted("t", "d", "v", reusing: "t.d.w"), "t.d.v")
        XCTAssertEqual(FigureName.dotted("t", "d", reusing: nil), "t.d")
    }
}
