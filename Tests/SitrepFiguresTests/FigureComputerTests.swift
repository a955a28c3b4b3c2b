import SitrepDiagnostics
import XCTest

@testable import SitrepContent
@testable import SitrepFigures

/// Every figure of a report: its tables' figures, its dates and series, and the stated figures,
/// which must agree with any figure of the same name that sitrep computes.
final class FigureComputerTests: XCTestCase {
    // MARK: Helpers

    private func table(_ name: String, _ csv: String) throws -> Table {
        let document = try CSVReader.read(Array(csv.utf8), file: "r/\(name).csv")
        return try Table(name: name, source: document)
    }

    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func stated(_ name: String, _ value: FigureValue, line: Int) -> StatedFigure {
        StatedFigure(name: name, value: value, location: SourceLocation(file: "r/figures.yml", line: line, column: 3))
    }

    private func report(tables: [Table], stated: [StatedFigure] = [], asOf: Day? = nil) -> Report {
        Report(
            folder: "2022-06", title: "Belarus: response to the war in Ukraine",
            period: Period(start: day("2022-05-27"), end: day("2022-06-09"), asOf: asOf),
            keyFigures: [], notes: [], narrative: "", narrativeFile: "r/report.md", narrativeLineOffset: 0,
            tables: tables, statedFigures: stated)
    }

    private func series(_ yaml: String = "title: Belarus\noffice: IOM Belarus\nonset: 2022-02-24\n") throws -> SeriesConfig {
        try SeriesConfig(slug: "belarus", file: "content/belarus/series.yml",
                         yaml: YAMLNode.parse(yaml, file: "content/belarus/series.yml"), defaultLocale: "en")
    }

    private func problems(_ report: Report, _ caller: StaticString = #filePath, line: UInt = #line) throws -> [Diagnostic] {
        let series = try series()
        do {
            let set = try FigureComputer.figures(for: report, in: series)
            XCTFail("expected an error, got \(set.names)", file: caller, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private let avrr = """
        country,sex,count
        Iraq,male,272
        Iraq,female,126
        Cuba,male,30
        Cuba,female,18
        Sri Lanka,male,14
        Guinea,male,73
        """

    // MARK: Table figures

    func testTableFiguresOfEveryTableInFileOrder() throws {
        let set = try FigureComputer.figures(
            for: report(tables: [table("avrr", avrr), table("hotline", "topic,count\nUkraine,20\nOther,5\n")]),
            in: series())
        XCTAssertEqual(set["avrr.total"]?.value, .number(Rational(533)))
        XCTAssertEqual(set["avrr.country.Iraq"]?.value, .number(Rational(398)))
        XCTAssertEqual(set["avrr.country.Iraq.share"]?.value, .number(Rational(398, 533)!))
        XCTAssertEqual(set["avrr.country.Guinea.rank"]?.value, .number(Rational(2)))
        XCTAssertEqual(set["avrr.country.top2.other.list"]?.value, .list(["Cuba", "Sri Lanka"]))
        XCTAssertEqual(set["hotline.topic.Ukraine.share"]?.value, .number(Rational(4, 5)!))
        XCTAssertEqual(set.names.first, "avrr.total")
        let hotline = try XCTUnwrap(set.names.firstIndex(of: "hotline.total"))
        XCTAssertLessThan(try XCTUnwrap(set.names.firstIndex(of: "avrr.country.Iraq.sex.male")), hotline)
        XCTAssertLessThan(hotline, try XCTUnwrap(set.names.firstIndex(of: "period.start")))
    }

    // MARK: Built-in figures

    func testBuiltInFiguresOfTheReportAndSeries() throws {
        let set = try FigureComputer.figures(for: report(tables: []), in: series())
        XCTAssertEqual(set["period.start"]?.value, .date(day("2022-05-27")))
        XCTAssertEqual(set["period.end"]?.value, .date(day("2022-06-09")))
        XCTAssertEqual(set["period.as_of"]?.value, .date(day("2022-06-09")), "as of defaults to the end")
        XCTAssertEqual(set["series.onset"]?.value, .date(day("2022-02-24")))
        XCTAssertEqual(set["series.title"]?.value, .text("Belarus"))
        XCTAssertEqual(set["series.office"]?.value, .text("IOM Belarus"))
        XCTAssertEqual(set["report.title"]?.value, .text("Belarus: response to the war in Ukraine"))
        XCTAssertEqual(set["period.start"]?.origin, .report)
    }

    func testAsOfDateWhenGiven() throws {
        let set = try FigureComputer.figures(for: report(tables: [], asOf: day("2022-06-06")), in: series())
        XCTAssertEqual(set["period.as_of"]?.value, .date(day("2022-06-06")))
        XCTAssertEqual(set["period.end"]?.value, .date(day("2022-06-09")))
    }

    func testSeriesWithoutOnsetOrOfficeHasNoSuchFigures() throws {
        let set = try FigureComputer.figures(for: report(tables: []), in: series("title: Belarus\n"))
        XCTAssertNil(set["series.onset"])
        XCTAssertNil(set["series.office"])
        XCTAssertEqual(set["series.title"]?.value, .text("Belarus"))
    }

    // MARK: Stated figures

    func testStatedFiguresAreAddedWithTheirLocation() throws {
        let set = try FigureComputer.figures(for: report(tables: [], stated: [
            stated("leaflets.disseminated", .number(Rational(6000)), line: 5),
            stated("dtm.trainings.regions", .list(["Gomel", "Vitebsk"]), line: 9),
        ]), in: series())
        XCTAssertEqual(set["leaflets.disseminated"]?.value, .number(Rational(6000)))
        XCTAssertEqual(set["leaflets.disseminated"]?.origin, .stated(SourceLocation(file: "r/figures.yml", line: 5, column: 3)))
        XCTAssertEqual(set["dtm.trainings.regions"]?.value, .list(["Gomel", "Vitebsk"]))
        XCTAssertEqual(set.names.suffix(2), ["leaflets.disseminated", "dtm.trainings.regions"])
    }

    func testStatedFigureAgreeingWithComputedIsFine() throws {
        let set = try FigureComputer.figures(for: report(
            tables: [table("avrr", avrr)],
            stated: [
                stated("avrr.total", .number(Rational(decimal: "533.0")!), line: 2),
                stated("avrr.country.Iraq.share", .number(Rational(398, 533)!), line: 3),
                stated("period.end", .date(day("2022-06-09")), line: 4),
            ]), in: series())
        XCTAssertEqual(set["avrr.total"]?.value, .number(Rational(533)))
        XCTAssertEqual(set["avrr.total"]?.origin, .table("r/avrr.csv"), "the computed figure is kept")
        XCTAssertEqual(set.names.filter { $0 == "avrr.total" }.count, 1)
    }

    func testStatedFigureDisagreeingPrintsBothValues() throws {
        let diagnostics = try problems(report(tables: [table("avrr", avrr)],
                                              stated: [stated("avrr.total", .number(Rational(500)), line: 7)]))
        XCTAssertEqual(diagnostics.count, 1)
        let diagnostic = try XCTUnwrap(diagnostics.first)
        XCTAssertEqual(diagnostic.severity, .error)
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "r/figures.yml", line: 7, column: 3))
        XCTAssertEqual(diagnostic.message, "'avrr.total' is stated as 500 but computed as 533 from r/avrr.csv")
        XCTAssertNotNil(diagnostic.hint)
        XCTAssertTrue(diagnostic.description.hasPrefix("r/figures.yml:7:3: error: 'avrr.total' is stated as 500"),
                      diagnostic.description)
    }

    /// The top N groups are made only when named: a stated figure named like one is still
    /// checked against it, and never stands beside it.
    func testAStatedTopGroupFigureIsCheckedAgainstTheComputedOne() throws {
        let diagnostics = try problems(report(tables: [table("avrr", avrr)],
                                              stated: [stated("avrr.country.top2.total", .number(Rational(470)), line: 4)]))
        XCTAssertEqual(diagnostics.map(\.message), ["'avrr.country.top2.total' is stated as 470 but computed as 471 from r/avrr.csv"])

        let set = try FigureComputer.figures(for: report(
            tables: [table("avrr", avrr)],
            stated: [stated("avrr.country.top2.total", .number(Rational(471)), line: 4),
                     stated("avrr.country.top2.other.list", .list(["Cuba", "Sri Lanka"]), line: 5)]), in: series())
        XCTAssertEqual(set["avrr.country.top2.total"]?.origin, .table("r/avrr.csv"), "the computed figure is kept")
        XCTAssertEqual(set.names.filter { $0 == "avrr.country.top2.total" }.count, 1)
        XCTAssertEqual(set.names.filter { $0 == "avrr.country.top2.other.list" }.count, 1)
    }

    func testStatedDateDisagreeingWithTheReport() throws {
        let diagnostics = try problems(report(tables: [], stated: [stated("period.start", .date(day("2022-05-28")), line: 1)]))
        XCTAssertEqual(diagnostics.map(\.message), ["'period.start' is stated as 2022-05-28 but computed as 2022-05-27"])
    }

    func testEveryProblemIsReportedTogether() throws {
        // Built in code: read from a CSV file, the value 'count' is turned away first (NameCollisionTests).
        let clash = Table(name: "bad", file: "r/bad.csv", dimensions: ["region"],
                          rows: [Table.Row(keys: ["North"], value: 4, position: 2), Table.Row(keys: ["count"], value: 1, position: 3)])
        let diagnostics = try problems(report(
            tables: [clash, table("avrr", avrr)],
            stated: [stated("avrr.total", .number(Rational(1)), line: 2),
                     stated("avrr.country.Cuba", .number(Rational(47)), line: 3)]))
        XCTAssertEqual(diagnostics.count, 3, "\(diagnostics)")
        XCTAssertEqual(diagnostics.first?.message, "two figures of this table would both be called 'bad.region.count'")
        XCTAssertEqual(diagnostics.dropFirst().map(\.location?.line), [2, 3])
        XCTAssertTrue(diagnostics[2].message.contains("stated as 47 but computed as 48"), diagnostics[2].message)
    }
}
