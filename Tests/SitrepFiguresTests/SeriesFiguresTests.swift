import Foundation
import SitrepContent
import SitrepDiagnostics
import XCTest

@testable import SitrepFigures

/// The figures that need the periods before a report: `X.previous`, `X.change`,
/// `X.change.relative`, `X.cumulative` and `X.period`, when they are unavailable and why, the
/// checks on cumulative counts and on stated figures, and the order of a series' periods.
///
/// Each test writes a small project into a temporary folder, loads it as a build does
/// (`Project.load`, then `loadReport` period by period) and feeds the reports to one
/// `SeriesFigures` in order.
final class SeriesFiguresTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-series-figures-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
        try super.tearDownWithError()
    }

    // MARK: Helpers

    private static let onset = "title: Belarus — response to the war in Ukraine\nonset: 2022-02-24\n"

    private func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes `content/belarus/series.yml`.
    private func series(_ yaml: String) throws {
        try write("content/belarus/series.yml", yaml)
    }

    /// Writes one period folder: `report.md` (with `period:` when a date is given, and any other
    /// front matter lines) and the other files, by name.
    private func period(_ name: String, start: String? = nil, end: String? = nil, frontMatter: String = "",
                        _ files: [String: String] = [:]) throws {
        var yaml = "title: \"Belarus: response to the war in Ukraine\"\n"
        let dates = [start.map { "start: \($0)" }, end.map { "end: \($0)" }].compactMap { $0 }
        if !dates.isEmpty { yaml += "period: {\(dates.joined(separator: ", "))}\n" }
        yaml += frontMatter
        try write("content/belarus/\(name)/report.md", "---\n\(yaml)---\n\nText.\n")
        for (file, text) in files { try write("content/belarus/\(name)/\(file)", text) }
    }

    private func load() throws -> (Project, Project.Series) {
        let project = try Project.load(root: root.path)
        return (project, try XCTUnwrap(project.series(named: "belarus")))
    }

    /// The figures of every period, in reporting order, as a build computes them.
    private func figures() throws -> [(period: String, figures: FigureSet)] {
        let (project, series) = try load()
        var seriesFigures = SeriesFigures(series: series.config)
        var result: [(period: String, figures: FigureSet)] = []
        for folder in series.periods {
            let report = try project.loadReport(series: series, folder: folder)
            result.append((folder.name, try seriesFigures.figures(for: report, folder: folder)))
        }
        return result
    }

    /// The figures of the period called `name`.
    private func figures(of name: String) throws -> FigureSet {
        try XCTUnwrap(try figures().first { $0.period == name }?.figures, "no period \(name)")
    }

    /// The diagnostics thrown for the first period that fails, with that period's name.
    private func failure(_ caller: StaticString = #filePath, line: UInt = #line) throws -> (period: String, diagnostics: [Diagnostic]) {
        let (project, series) = try load()
        var seriesFigures = SeriesFigures(series: series.config)
        for folder in series.periods {
            let report = try project.loadReport(series: series, folder: folder)
            do {
                _ = try seriesFigures.figures(for: report, folder: folder)
            } catch {
                return (folder.name, error.diagnostics)
            }
        }
        XCTFail("expected an error, but every period computed", file: caller, line: line)
        return ("", [])
    }

    private func number(_ set: FigureSet, _ name: String) -> Rational? {
        set[name]?.value.number
    }

    private func n(_ value: Int) -> Rational { Rational(value) }

    private func day(_ text: String) -> Day { Day(iso: text)! }

    /// The arrivals table of the example series: the total since the onset, by nationality.
    private func arrivals(_ belarus: Int, _ ukraine: Int, _ third: Int) -> [String: String] {
        ["arrivals.csv": "nationality,count\nBelarus,\(belarus)\nUkraine,\(ukraine)\nThird countries,\(third)\n"]
    }

    /// The assessments table: people assessed in the period, by region.
    private func assessments(_ rows: [(String, Int)]) -> [String: String] {
        ["assessments.csv": "region,count\n" + rows.map { "\($0.0),\($0.1)\n" }.joined()]
    }

    /// The example series' three periods, with its arrivals (cumulative) and assessments (per period).
    private func exampleSeries() throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            """)
        try period("2022-05-12", arrivals(780, 26840, 186).merging(assessments([("Gomel", 31), ("Minsk", 14), ("Grodno", 7)])) { a, _ in a })
        try period("2022-05-26", arrivals(845, 28950, 216).merging(
            assessments([("Gomel", 38), ("Minsk", 15), ("Grodno", 6), ("Brest", 4)])) { a, _ in a })
        try period("2022-06-09", arrivals(902, 31176, 244).merging(
            assessments([("Gomel", 141), ("Minsk", 46), ("Grodno", 27), ("Brest", 8), ("Vitebsk", 4), ("Mogilev", 2)])) { a, _ in a })
    }

    // MARK: Period dates

    func testPeriodsStartAtTheOnsetThenTheDayAfterThePreviousEnd() throws {
        try exampleSeries()
        let (_, series) = try load()
        XCTAssertEqual(series.periods.map(\.name), ["2022-05-12", "2022-05-26", "2022-06-09"])
        XCTAssertEqual(series.periods.map(\.period.start), [day("2022-02-24"), day("2022-05-13"), day("2022-05-27")])
        XCTAssertEqual(series.periods.map(\.period.end), [day("2022-05-12"), day("2022-05-26"), day("2022-06-09")])
    }

    func testIrregularPeriodsMixDayFoldersAndMonths() throws {
        try series(Self.onset)
        let counts = ["2022-03-10": 10, "2022-03-31": 20, "2022-04": 40, "2022-05-06": 5, "2022-05-20": 7]
        for (name, count) in counts { try period(name, assessments([("Gomel", count)])) }
        let (_, loaded) = try load()
        XCTAssertEqual(loaded.periods.map(\.name), ["2022-03-10", "2022-03-31", "2022-04", "2022-05-06", "2022-05-20"])
        XCTAssertEqual(loaded.periods.map(\.period.start),
                       [day("2022-02-24"), day("2022-03-11"), day("2022-04-01"), day("2022-05-01"), day("2022-05-07")])
        XCTAssertEqual(loaded.periods.map(\.period.end),
                       [day("2022-03-10"), day("2022-03-31"), day("2022-04-30"), day("2022-05-06"), day("2022-05-20")])

        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "assessments.total.cumulative") }, [n(10), n(30), n(70), n(75), n(82)])
        XCTAssertEqual(all.map { number($0.figures, "assessments.total.previous") }, [nil, n(10), n(20), n(40), n(5)])
        XCTAssertEqual(number(all[3].figures, "assessments.total.change"), n(-35))
        XCTAssertEqual(number(all[3].figures, "assessments.total.change.relative"), Rational(-7, 8))
        XCTAssertEqual(all[2].figures["period.start"]?.value, .date(day("2022-04-01")))
        XCTAssertEqual(all[2].figures["period.end"]?.value, .date(day("2022-04-30")))
    }

    func testAMonthAfterAPeriodEndingMidMonthLeavesAGap() throws {
        try series(Self.onset)
        try period("2022-03-20", assessments([("Gomel", 10)]))
        try period("2022-04", assessments([("Gomel", 40)]))
        let april = try figures(of: "2022-04")
        let gap = "there is a gap between 2022-03-20 (ends 2022-03-20) and 2022-04 (starts 2022-04-01): no period covers 2022-03-21 to 2022-03-31"
        XCTAssertNil(april["assessments.total.cumulative"])
        XCTAssertEqual(april.unavailable["assessments.total.cumulative"], gap)
        XCTAssertEqual(april.unavailable["assessments.total.previous"], gap)
    }

    func testOverlappingPeriodsAreAnErrorNamingBothFolders() throws {
        try series(Self.onset)
        try period("2022-05-12")
        try period("2022-05-26", start: "2022-05-10")
        do {
            _ = try Project.load(root: root.path)
            XCTFail("expected overlapping periods to be an error")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.message), [
                "the periods 2022-05-12 (2022-02-24 to 2022-05-12) and 2022-05-26 (2022-05-10 to 2022-05-26) overlap",
            ])
            XCTAssertEqual(error.diagnostics.first?.location?.file, "content/belarus/2022-05-26/report.md")
            XCTAssertEqual(error.diagnostics.first?.hint,
                           "a day can belong to one period only: start 2022-05-26 on 2022-05-13 or end 2022-05-12 earlier")
        }
    }

    func testAMonthOverlappingADayFolderIsAnError() throws {
        try series(Self.onset)
        try period("2022-05-15")
        try period("2022-05")
        do {
            _ = try Project.load(root: root.path)
            XCTFail("expected overlapping periods to be an error")
        } catch {
            XCTAssertEqual(error.diagnostics.map(\.message), [
                "the periods 2022-05-15 (2022-02-24 to 2022-05-15) and 2022-05 (2022-05-01 to 2022-05-31) overlap",
            ])
        }
    }

    // MARK: Cumulative tables

    func testACumulativeTableGivesThePeriodValuePreviousAndChange() throws {
        try exampleSeries()
        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "arrivals.total") }, [n(27806), n(30011), n(32322)])
        // The first period starts at the onset, so its own count is the whole total.
        XCTAssertEqual(all.map { number($0.figures, "arrivals.total.period") }, [n(27806), n(2205), n(2311)])
        XCTAssertEqual(all.map { number($0.figures, "arrivals.total.previous") }, [nil, n(27806), n(30011)])
        XCTAssertEqual(all.map { number($0.figures, "arrivals.total.change") }, [nil, n(2205), n(2311)])
        XCTAssertEqual(number(all[1].figures, "arrivals.total.change.relative"), Rational(2205, 27806))
        XCTAssertEqual(number(all[2].figures, "arrivals.total.change.relative"), Rational(2311, 30011))
        XCTAssertEqual(number(all[2].figures, "arrivals.nationality.Ukraine.period"), n(2226))
        XCTAssertEqual(number(all[2].figures, "arrivals.nationality.Belarus.period"), n(57))
        XCTAssertEqual(number(all[2].figures, "arrivals.nationality.Third countries.period"), n(28))
        // A cumulative table has no running sum of its own: it is one already.
        XCTAssertNil(all[2].figures["arrivals.total.cumulative"])
        XCTAssertNil(all[2].figures.unavailable["arrivals.total.cumulative"])
        // Shares and ranks are compared with the previous period but have no per-period value.
        XCTAssertEqual(number(all[2].figures, "arrivals.nationality.Ukraine.rank.change"), n(0))
        XCTAssertNil(all[2].figures["arrivals.nationality.Ukraine.share.period"])
        // Top-N groups and the number of values describe different sets from period to period.
        XCTAssertNotNil(all[2].figures["arrivals.nationality.top1.total"])
        XCTAssertNil(all[2].figures["arrivals.nationality.top1.total.previous"])
        XCTAssertNil(all[2].figures["arrivals.nationality.count.change"])

        let first = "2022-05-12 is the first period of the series, so there is no previous period"
        XCTAssertEqual(all[0].figures.unavailable["arrivals.total.previous"], first)
        XCTAssertEqual(all[0].figures.unavailable["arrivals.total.change"], first)
        XCTAssertEqual(all[0].figures.unavailable["arrivals.total.change.relative"], first)
    }

    /// A figure's previous value is found by its name wherever the previous period listed it:
    /// rows may come in another order, or be new.
    func testPreviousValuesFollowTheNameWhenRowsMove() throws {
        try series(Self.onset)
        try period("2022-05-12", assessments([("Gomel", 31), ("Minsk", 14), ("Grodno", 7)]))
        try period("2022-05-26", assessments([("Brest", 4), ("Grodno", 6), ("Minsk", 15), ("Gomel", 38)]))
        let all = try figures()
        XCTAssertEqual(number(all[1].figures, "assessments.region.Gomel.previous"), n(31))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Minsk.change"), n(1))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Grodno.share.previous"), Rational(7, 52))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Gomel.rank.previous"), n(1))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Brest.previous"), n(0))
        XCTAssertEqual(number(all[1].figures, "assessments.total.change"), n(11))
    }

    func testACumulativeTableThatStartsAfterTheOnsetHasNoFirstPeriodValue() throws {
        try exampleSeries()
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/belarus/2022-05-12"))
        try write("content/belarus/2022-05-26/report.md",
                  "---\ntitle: Belarus\nperiod: {start: 2022-05-13, end: 2022-05-26}\n---\n\nText.\n")
        let all = try figures()
        XCTAssertEqual(all.map(\.period), ["2022-05-26", "2022-06-09"])
        XCTAssertNil(all[0].figures["arrivals.total.period"])
        XCTAssertEqual(all[0].figures.unavailable["arrivals.total.period"],
                       "the count since the onset begins on 2022-02-24, but the first period counted, 2022-05-26, starts on 2022-05-13: no period covers 2022-02-24 to 2022-05-12")
        XCTAssertEqual(number(all[1].figures, "arrivals.total.period"), n(2311))
    }

    // MARK: Per-period tables

    func testAPerPeriodTableAddsUpSinceTheOnset() throws {
        try exampleSeries()
        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "assessments.total") }, [n(52), n(63), n(228)])
        XCTAssertEqual(all.map { number($0.figures, "assessments.total.cumulative") }, [n(52), n(115), n(343)])
        XCTAssertEqual(all.map { number($0.figures, "assessments.region.Gomel.cumulative") }, [n(31), n(69), n(210)])
        // A row missing from a period whose table is there counts as 0 in that period.
        XCTAssertEqual(number(all[1].figures, "assessments.region.Brest.previous"), n(0))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Brest.cumulative"), n(4))
        XCTAssertEqual(number(all[1].figures, "assessments.region.Brest.change"), n(4))
        XCTAssertEqual(all[1].figures.unavailable["assessments.region.Brest.change.relative"], "its previous value is 0")
        XCTAssertEqual(number(all[2].figures, "assessments.region.Brest.cumulative"), n(12))
        XCTAssertEqual(number(all[2].figures, "assessments.region.Vitebsk.cumulative"), n(4))
        XCTAssertEqual(number(all[2].figures, "assessments.total.change"), n(165))
        XCTAssertEqual(number(all[2].figures, "assessments.total.change.relative"), Rational(165, 63))
        // A per-period table has no per-period view: it is one already.
        XCTAssertNil(all[2].figures["assessments.total.period"])
        XCTAssertNil(all[2].figures.unavailable["assessments.total.period"])
    }

    func testAGapMakesCumulativePreviousAndChangeUnavailable() throws {
        try series(Self.onset)
        try period("2022-05-12", assessments([("Gomel", 52)]))
        try period("2022-05-26", start: "2022-05-15", assessments([("Gomel", 63)]))
        try period("2022-06-09", assessments([("Gomel", 228)]))
        let all = try figures()
        let gap = "there is a gap between 2022-05-12 (ends 2022-05-12) and 2022-05-26 (starts 2022-05-15): no period covers 2022-05-13 to 2022-05-14"
        let second = all[1].figures
        for name in ["assessments.total.cumulative", "assessments.total.previous", "assessments.total.change",
                     "assessments.total.change.relative", "assessments.region.Gomel.cumulative"] {
            XCTAssertNil(second[name], name)
            XCTAssertEqual(second.unavailable[name], gap, name)
        }
        // After the gap the periods are contiguous again, but the running sum still misses two days.
        let third = all[2].figures
        XCTAssertEqual(number(third, "assessments.total.previous"), n(63))
        XCTAssertEqual(number(third, "assessments.total.change"), n(165))
        XCTAssertNil(third["assessments.total.cumulative"])
        XCTAssertEqual(third.unavailable["assessments.total.cumulative"], gap)
    }

    func testASeriesStartingAfterTheOnsetHasNoCumulative() throws {
        try series(Self.onset)
        try period("2022-05-26", start: "2022-05-13", assessments([("Gomel", 63)]))
        try period("2022-06-09", assessments([("Gomel", 228)]))
        let all = try figures()
        let reason = "the count since the onset begins on 2022-02-24, but the first period counted, 2022-05-26, starts on 2022-05-13: no period covers 2022-02-24 to 2022-05-12"
        for set in all.map(\.figures) {
            XCTAssertNil(set["assessments.total.cumulative"])
            XCTAssertEqual(set.unavailable["assessments.total.cumulative"], reason)
        }
        XCTAssertEqual(number(all[1].figures, "assessments.total.previous"), n(63))
    }

    func testAFixedSinceDateCountsFromThatDay() throws {
        try series(Self.onset + """
            tables:
              assessments:
                since: 2022-05-13
            """)
        try period("2022-05-26", start: "2022-05-13", assessments([("Gomel", 63)]))
        try period("2022-06-09", assessments([("Gomel", 228)]))
        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "assessments.total.cumulative") }, [n(63), n(291)])
    }

    func testAPeriodBeforeAFixedSinceDateHasNoCumulative() throws {
        try series(Self.onset + """
            tables:
              assessments:
                since: 2022-05-13
            """)
        try period("2022-05-12", assessments([("Gomel", 52)]))
        try period("2022-05-26", assessments([("Gomel", 63)]))
        let first = try figures()[0].figures
        XCTAssertNil(first["assessments.total.cumulative"])
        XCTAssertEqual(first.unavailable["assessments.total.cumulative"],
                       "2022-05-12 ends before 2022-05-13, where the count since 2022-05-13 begins")
        // The next period starts on the since date: the count starts there, unspoilt.
        XCTAssertEqual(number(try figures()[1].figures, "assessments.total.cumulative"), n(63))
    }

    func testACumulativeTableWithAFixedSinceDateStartsAfresh() throws {
        try series(Self.onset + """
            tables:
              phase:
                reported: cumulative
                since: 2022-05-13
            """)
        try period("2022-05-12", ["phase.csv": "region,count\nGomel,500\n"])
        try period("2022-05-26", ["phase.csv": "region,count\nGomel,63\n"])
        let second = try figures()[1].figures
        XCTAssertEqual(number(second, "phase.total.period"), n(63))
    }

    func testATableMissingFromAPeriodMakesItsCumulativeUnavailable() throws {
        try series(Self.onset)
        try period("2022-05-12", start: "2022-02-24", assessments([("Gomel", 52)]))
        try period("2022-05-26", ["figures.yml": "staff: 2\n"])
        try period("2022-06-09", assessments([("Gomel", 228)]))
        let last = try figures()[2].figures
        XCTAssertNil(last["assessments.total.cumulative"])
        XCTAssertEqual(last.unavailable["assessments.total.cumulative"],
                       "'assessments.total' is not reported in every period since 2022-02-24")
    }

    func testASeriesWithoutOnsetHasNoCumulative() throws {
        try series("title: Belarus\n")
        try period("2022-05-12", start: "2022-04-29", assessments([("Gomel", 52)]))
        try period("2022-05-26", assessments([("Gomel", 63)]))
        let all = try figures()
        XCTAssertEqual(all[1].figures.unavailable["assessments.total.cumulative"], "series.yml gives no onset date to count from")
        XCTAssertEqual(number(all[1].figures, "assessments.total.previous"), n(52))
    }

    func testAStatedFigureDeclaredPerPeriodAddsUp() throws {
        try series(Self.onset + """
            figures:
              leaflets.disseminated: {reported: period}
            """)
        try period("2022-05-12", ["figures.yml": "leaflets:\n  disseminated: 1500\n"])
        try period("2022-05-26", ["figures.yml": "leaflets:\n  disseminated: 2500\n"])
        try period("2022-06-09", ["figures.yml": "leaflets:\n  disseminated: 6000\n"])
        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "leaflets.disseminated.cumulative") }, [n(1500), n(4000), n(10000)])
        XCTAssertEqual(number(all[2].figures, "leaflets.disseminated.change"), n(3500))
    }

    func testAStatedFigureMissingFromAPeriodHasNoCumulative() throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            figures:
              leaflets.disseminated: {reported: period}
            """)
        try period("2022-05-12", arrivals(780, 26840, 186).merging(["figures.yml": "leaflets:\n  disseminated: 1500\n"]) { a, _ in a })
        try period("2022-05-26", arrivals(845, 28950, 216))
        try period("2022-06-09", arrivals(902, 31176, 244).merging(["figures.yml": "leaflets:\n  disseminated: 6000\n"]) { a, _ in a })
        let june = try figures(of: "2022-06-09")
        XCTAssertNil(june["leaflets.disseminated.cumulative"])
        XCTAssertEqual(june.unavailable["leaflets.disseminated.cumulative"],
                       "'leaflets.disseminated' is not reported in every period since 2022-02-24")
        XCTAssertEqual(june.unavailable["leaflets.disseminated.previous"],
                       "'leaflets.disseminated' is not in the previous period, 2022-05-26")
    }

    func testATableMissingFromAPeriodHasNoCumulative() throws {
        try exampleSeries()
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/belarus/2022-05-26/assessments.csv"))
        let june = try figures(of: "2022-06-09")
        XCTAssertNil(june["assessments.total.cumulative"])
        XCTAssertEqual(june.unavailable["assessments.total.cumulative"],
                       "'assessments.total' is not reported in every period since 2022-02-24")
        XCTAssertEqual(june.unavailable["assessments.total.previous"],
                       "'assessments.total' is not in the previous period, 2022-05-26")
    }

    // MARK: Year to date

    func testACumulativeYearToDateTableStartsAgainOnFirstJanuary() throws {
        try series(Self.onset + """
            tables:
              avrr:
                reported: cumulative
                since: year
            """)
        try period("2022-11", ["avrr.csv": "country,count\nIraq,400\nCuba,80\n"])
        try period("2022-12", ["avrr.csv": "country,count\nIraq,430\nCuba,90\n"])
        // Fewer than in December: a new year's count, not a decrease.
        try period("2023-01", ["avrr.csv": "country,count\nIraq,12\nCuba,3\n"])
        try period("2023-02", ["avrr.csv": "country,count\nIraq,30\nCuba,5\n"])
        let all = try figures()
        XCTAssertNil(all[0].figures["avrr.total.period"])
        XCTAssertEqual(all[0].figures.unavailable["avrr.total.period"],
                       "the count since 1 January begins on 2022-01-01, but the first period counted, 2022-11, starts on 2022-11-01: no period covers 2022-01-01 to 2022-10-31")
        XCTAssertEqual(number(all[1].figures, "avrr.total.period"), n(40))
        XCTAssertEqual(number(all[2].figures, "avrr.total.period"), n(15))
        XCTAssertEqual(number(all[2].figures, "avrr.country.Iraq.period"), n(12))
        XCTAssertEqual(number(all[3].figures, "avrr.total.period"), n(20))
        // Previous and change compare with the previous report whatever the count.
        XCTAssertEqual(number(all[2].figures, "avrr.total.previous"), n(520))
        XCTAssertEqual(number(all[2].figures, "avrr.total.change"), n(-505))
    }

    func testAPerPeriodYearToDateTableRestartsItsCumulative() throws {
        try series(Self.onset + """
            tables:
              assessments:
                since: year
            """)
        try period("2021-12-31", start: "2021-01-01", assessments([("Gomel", 300)]))
        try period("2022-01", assessments([("Gomel", 20)]))
        try period("2022-02", assessments([("Gomel", 25)]))
        let all = try figures()
        XCTAssertEqual(all.map { number($0.figures, "assessments.total.cumulative") }, [n(300), n(20), n(45)])
        XCTAssertEqual(number(all[1].figures, "assessments.total.previous"), n(300))
    }

    func testAPeriodStraddlingFirstJanuaryHasNoYearToDateFigure() throws {
        try series(Self.onset + """
            tables:
              assessments:
                since: year
              avrr:
                reported: cumulative
                since: year
            """)
        try period("2021-12-15", start: "2021-01-01", assessments([("Gomel", 300)]).merging(["avrr.csv": "country,count\nIraq,500\n"]) { a, _ in a })
        try period("2022-01-15", assessments([("Gomel", 20)]).merging(["avrr.csv": "country,count\nIraq,10\n"]) { a, _ in a })
        try period("2022-01-31", assessments([("Gomel", 7)]).merging(["avrr.csv": "country,count\nIraq,25\n"]) { a, _ in a })
        let all = try figures()
        let straddles = "2022-01-15 (2021-12-16 to 2022-01-15) starts before 2022-01-01, where the count since 1 January begins"
        XCTAssertNil(all[1].figures["assessments.total.cumulative"])
        XCTAssertEqual(all[1].figures.unavailable["assessments.total.cumulative"], straddles)
        XCTAssertNil(all[1].figures["avrr.total.period"])
        XCTAssertEqual(all[1].figures.unavailable["avrr.total.period"], straddles)
        // The next period is in the new year's count, which never had a clean start.
        XCTAssertEqual(all[2].figures.unavailable["assessments.total.cumulative"], straddles)
        XCTAssertEqual(number(all[2].figures, "avrr.total.period"), n(15))
    }

    // MARK: Decreasing cumulative counts

    func testADecreasingCumulativeFigureIsAnError() throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            """)
        try period("2022-05-26", start: "2022-02-24", ["arrivals.csv": "nationality,count\nUkraine,30011\n"])
        try period("2022-06-09", ["arrivals.csv": "nationality,count\nUkraine,29750\n"])
        let (period, diagnostics) = try failure()
        XCTAssertEqual(period, "2022-06-09")
        XCTAssertEqual(diagnostics.map(\.message), [
            "'arrivals.total' is reported cumulatively but goes down from 30,011 in 2022-05-26 to 29,750 in 2022-06-09",
            "'arrivals.nationality.Ukraine' is reported cumulatively but goes down from 30,011 in 2022-05-26 to 29,750 in 2022-06-09",
        ])
        XCTAssertEqual(diagnostics.first?.location?.file, "content/belarus/2022-06-09/arrivals.csv")
        XCTAssertEqual(diagnostics.first?.hint, """
            correct the data, or record the correction in content/belarus/series.yml:
            corrections:
              - {period: 2022-06-09, figure: arrivals.total, reason: "why the figure was revised"}
            """)
    }

    func testARecordedCorrectionAllowsTheDecrease() throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            corrections:
              - {period: 2022-06-09, figure: arrivals.total, reason: "the border committee revised May"}
              - {period: 2022-06-09, figure: arrivals.nationality.Ukraine, reason: "the border committee revised May"}
            """)
        try period("2022-05-26", start: "2022-02-24", ["arrivals.csv": "nationality,count\nUkraine,30011\n"])
        try period("2022-06-09", ["arrivals.csv": "nationality,count\nUkraine,29750\n"])
        let june = try figures(of: "2022-06-09")
        XCTAssertEqual(number(june, "arrivals.total.period"), n(-261))
        XCTAssertEqual(number(june, "arrivals.total.change"), n(-261))
    }

    func testACorrectionCoversOnlyItsFigureAndPeriod() throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            corrections:
              - {period: 2022-06-09, figure: arrivals.total, reason: "revised"}
              - {period: 2022-05-26, figure: arrivals.nationality.Ukraine, reason: "revised"}
            """)
        try period("2022-05-26", start: "2022-02-24", ["arrivals.csv": "nationality,count\nUkraine,30011\n"])
        try period("2022-06-09", ["arrivals.csv": "nationality,count\nUkraine,29750\n"])
        XCTAssertEqual(try failure().diagnostics.map(\.message), [
            "'arrivals.nationality.Ukraine' is reported cumulatively but goes down from 30,011 in 2022-05-26 to 29,750 in 2022-06-09",
        ])
    }

    func testADecreasingStatedCumulativeFigureIsAnErrorAtItsLine() throws {
        try series(Self.onset + """
            figures:
              registered: {reported: cumulative}
            """)
        try period("2022-05-26", start: "2022-02-24", ["figures.yml": "registered: 1200\n"])
        try period("2022-06-09", ["figures.yml": "# revised\nregistered: 1150\n"])
        let diagnostics = try failure().diagnostics
        XCTAssertEqual(diagnostics.map(\.message),
                       ["'registered' is reported cumulatively but goes down from 1,200 in 2022-05-26 to 1,150 in 2022-06-09"])
        XCTAssertEqual(diagnostics.first?.location?.file, "content/belarus/2022-06-09/figures.yml")
        XCTAssertEqual(diagnostics.first?.location?.line, 2)
    }

    // MARK: Stated figures

    /// A one-period series whose arrivals rows add up to 1,268,600 and whose AVRR rows give Iraq
    /// 398 of 533, with `stated` as figures.yml and `frontMatter` in report.md.
    private func statedSeries(figuresYML stated: String? = nil, frontMatter: String = "") throws {
        try series(Self.onset + """
            tables:
              arrivals:
                reported: cumulative
            """)
        var files = [
            "arrivals.csv": "nationality,count\nUkraine,1200000\nBelarus,60000\nThird countries,8600\n",
            "avrr.csv": "country,count\nIraq,398\nCuba,48\nOther,87\n",
        ]
        if let stated { files["figures.yml"] = stated }
        try period("2022-06", start: "2022-02-24", frontMatter: frontMatter, files)
    }

    private let hint = "correct the data, remove the stated figure and let sitrep compute it, or mark it approximate: {value: …, approximate: true, tolerance: 2%}"

    func testAStatedFigureThatDisagreesIsAnErrorPrintingBothValues() throws {
        try statedSeries(figuresYML: "arrivals.total: 1250000\n")
        let diagnostics = try failure().diagnostics
        XCTAssertEqual(diagnostics.map(\.message), [
            "'arrivals.total' is stated as 1,250,000 but computed as 1,268,600 from content/belarus/2022-06/arrivals.csv",
        ])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "content/belarus/2022-06/figures.yml", line: 1, column: 17))
        XCTAssertEqual(diagnostics.first?.hint, hint)
    }

    func testAStatedFigureThatAgreesPasses() throws {
        try statedSeries(figuresYML: "arrivals:\n  total: 1268600\n")
        let june = try figures(of: "2022-06")
        XCTAssertEqual(number(june, "arrivals.total"), n(1268600))
        XCTAssertEqual(june["arrivals.total"]?.origin, .table("content/belarus/2022-06/arrivals.csv"))
    }

    func testAnApproximateFigureWithinItsTolerancePasses() throws {
        try statedSeries(figuresYML: "arrivals.total: {value: 1250000, approximate: true, tolerance: 2%}\n")
        XCTAssertEqual(number(try figures(of: "2022-06"), "arrivals.total"), n(1268600))
    }

    func testAnApproximateFigureOutsideItsToleranceIsAnError() throws {
        try statedSeries(figuresYML: "arrivals.total: {value: 1250000, approximate: true, tolerance: 1%}\n")
        XCTAssertEqual(try failure().diagnostics.map(\.message), [
            "'arrivals.total' is stated as 1,250,000 but computed as 1,268,600 from content/belarus/2022-06/arrivals.csv (more than the tolerance of 1 per cent)",
        ])
    }

    func testAnAbsoluteToleranceAndTheDefaultOnePercent() throws {
        try statedSeries(figuresYML: "arrivals.total: {value: 1250000, approximate: true, tolerance: 18600}\n")
        XCTAssertNoThrow(try figures())
        try statedSeries(figuresYML: "arrivals.total: {value: 1250000, approximate: true, tolerance: 18599}\n")
        XCTAssertEqual(try failure().diagnostics.map(\.message), [
            "'arrivals.total' is stated as 1,250,000 but computed as 1,268,600 from content/belarus/2022-06/arrivals.csv (more than the tolerance of 18,599)",
        ])
        // approximate without a tolerance allows 1%: 12,686 here.
        try statedSeries(figuresYML: "arrivals.total: {value: 1256000, approximate: true}\n")
        XCTAssertNoThrow(try figures())
        try statedSeries(figuresYML: "arrivals.total: {value: 1255000, approximate: true}\n")
        XCTAssertEqual(try failure().diagnostics.count, 1)
    }

    func testAStatedShareIsComparedAtItsPrecision() throws {
        try statedSeries(figuresYML: "avrr.country.Iraq.share: 74.7%\n")
        XCTAssertEqual(number(try figures(of: "2022-06"), "avrr.country.Iraq.share"), Rational(398, 533))

        try statedSeries(figuresYML: "avrr.country.Iraq.share: 74.6%\n")
        XCTAssertEqual(try failure().diagnostics.map(\.message), [
            "'avrr.country.Iraq.share' is stated as 74.6 per cent but computed as 74.67 per cent from 398 (avrr.country.Iraq) of 533 "
                + "(avrr.total) in content/belarus/2022-06/avrr.csv (compared at the precision written)",
        ])

        // Whole percent: 75% agrees with 74.67%.
        try statedSeries(figuresYML: "avrr.country.Iraq.share: 75%\n")
        XCTAssertNoThrow(try figures())
        // As a fraction with three decimals.
        try statedSeries(figuresYML: "avrr.country.Iraq.share: 0.747\n")
        XCTAssertNoThrow(try figures())
    }

    func testFrontMatterFiguresAreCheckedToo() throws {
        try statedSeries(frontMatter: "figures:\n  arrivals.total: 1268600\n")
        XCTAssertNoThrow(try figures())

        try statedSeries(frontMatter: "figures:\n  arrivals.total: 1250000\n")
        let diagnostics = try failure().diagnostics
        XCTAssertEqual(diagnostics.map(\.message), [
            "'arrivals.total' is stated as 1,250,000 but computed as 1,268,600 from content/belarus/2022-06/arrivals.csv",
        ])
        XCTAssertEqual(diagnostics.first?.location?.file, "content/belarus/2022-06/report.md")
        XCTAssertEqual(diagnostics.first?.location?.line, 5)
    }

    func testAFrontMatterFigureIsAFigureOfTheReport() throws {
        try statedSeries(frontMatter: "figures:\n  staff: {gomel: 2}\n")
        let june = try figures(of: "2022-06")
        XCTAssertEqual(number(june, "staff.gomel"), n(2))
    }

    func testAStatedDerivedFigureIsCheckedAgainstTheComputedOne() throws {
        try exampleSeries()
        try write("content/belarus/2022-06-09/figures.yml", "assessments.total.cumulative: 343\narrivals.total.period: 2311\n")
        let june = try figures(of: "2022-06-09")
        XCTAssertEqual(number(june, "assessments.total.cumulative"), n(343))
        XCTAssertEqual(number(june, "arrivals.total.period"), n(2311))

        try write("content/belarus/2022-06-09/figures.yml", "assessments.total.cumulative: 344\narrivals.total.period: 2311\n")
        let (period, diagnostics) = try failure()
        XCTAssertEqual(period, "2022-06-09")
        XCTAssertEqual(diagnostics.map(\.message), ["'assessments.total.cumulative' is stated as 344 but computed as 343"])
        XCTAssertEqual(diagnostics.first?.location, SourceLocation(file: "content/belarus/2022-06-09/figures.yml", line: 1, column: 31))
        XCTAssertEqual(diagnostics.first?.hint, hint)
    }

    /// Comparisons are computed only when named, but a stated one is still checked; the errors
    /// come in the order of the figures they derive from, whatever order they are stated in.
    func testStatedComparisonsAreCheckedAndReportedInFigureOrder() throws {
        try exampleSeries()
        try write("content/belarus/2022-06-09/figures.yml", """
            assessments.total.previous: 1
            assessments.total.cumulative: 2
            arrivals.total.change: 3
            arrivals.total.period: 4
            arrivals.nationality.Ukraine.change.relative: 5
            arrivals.nationality.Ukraine.share.change: 6
            arrivals.nationality.Ukraine.rank.previous: 7

            """)
        let (_, diagnostics) = try failure()
        XCTAssertEqual(diagnostics.map(\.message), [
            "'arrivals.total.change' is stated as 3 but computed as 2,311",
            "'arrivals.total.period' is stated as 4 but computed as 2,311",
            "'arrivals.nationality.Ukraine.change.relative' is stated as 5 but computed as 0.0769",
            // A share and a rank are kept beside their sum (FigureSet.SumParts): their
            // comparisons are checked all the same, in the order of the figures.
            "'arrivals.nationality.Ukraine.share.change' is stated as 6 but computed as -0.0001",
            "'arrivals.nationality.Ukraine.rank.previous' is stated as 7 but computed as 1",
            "'assessments.total.previous' is stated as 1 but computed as 63",
            "'assessments.total.cumulative' is stated as 2 but computed as 343",
        ])
    }

    /// A derived figure is kept by its base figure, not by name: listing spells the names out,
    /// once each, with the stated figure standing for the derived one of the same name.
    func testDerivedFiguresAreListedOnceEachByName() throws {
        try exampleSeries()
        try write("content/belarus/2022-06-09/figures.yml", "assessments.total.cumulative: 343\n")
        let june = try figures(of: "2022-06-09")
        let names = june.all.map(\.name)
        XCTAssertEqual(names.count, Set(names).count, "a name is listed twice")
        XCTAssertEqual(names.filter { $0 == "assessments.total.cumulative" }.count, 1)
        guard case .stated? = june["assessments.total.cumulative"]?.origin else { return XCTFail("the stated figure should stand") }
        XCTAssertEqual(number(june, "assessments.total.change"), number(june, "assessments.total")!.subtracting(number(june, "assessments.total.previous")!))
        // figures.json's list: the same, in the same order, but the comparisons with the previous report.
        var listing = NameListing()
        june.forEachOwnAndRunning(into: &listing)
        let listed = listing.names
        let comparisons = [".previous", ".change", ".change.relative"]
        XCTAssertEqual(listed, names.filter { name in !comparisons.contains { name.hasSuffix($0) } })
        XCTAssertTrue(listed.contains("assessments.total.cumulative"))
        XCTAssertTrue(names.contains("arrivals.total.previous"))
        XCTAssertNil(june["arrivals.total.previous.previous"])
        XCTAssertNil(june.unavailableReason("arrivals.total.previous"))
    }

    func testAStatedDerivedFigureFillsInWhenTheComputedOneIsUnavailable() throws {
        try series(Self.onset)
        try period("2022-05-26", start: "2022-05-13", assessments([("Gomel", 63)]))
        try period("2022-06-09", assessments([("Gomel", 228)]).merging(["figures.yml": "assessments.total.cumulative: 343\n"]) { a, _ in a })
        let june = try figures(of: "2022-06-09")
        XCTAssertEqual(number(june, "assessments.total.cumulative"), n(343))
        XCTAssertNil(june.unavailable["assessments.total.cumulative"])
        guard case .stated(let location)? = june["assessments.total.cumulative"]?.origin else {
            return XCTFail("the figure should come from figures.yml")
        }
        XCTAssertEqual(location.file, "content/belarus/2022-06-09/figures.yml")
    }
}

/// The names that `FigureSet.forEachOwnAndRunning` lists, spelt.
private struct NameListing: FigureListing {
    var names: [String] = []
    var column = ""

    mutating func figure(_ stem: String, _ suffix: StaticString, _ value: FigureValue) { names.append("\(stem)\(suffix)") }
    mutating func topGroups(_ column: String, keys: [String]) { self.column = column }
    mutating func topFigure(_ n: Int, _ suffix: StaticString, _ value: FigureValue) { names.append("\(column).\(FigureWord.top(n))\(suffix)") }
    mutating func topList(_ n: Int, _ suffix: StaticString, _ items: Range<Int>) { names.append("\(column).\(FigureWord.top(n))\(suffix)") }
}
