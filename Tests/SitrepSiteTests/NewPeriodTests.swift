import Foundation
import XCTest

@testable import SitrepContent
import SitrepDiagnostics
import SitrepSite

final class NewPeriodTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-new-period-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
        try super.tearDownWithError()
    }

    // MARK: Fixtures

    static let seriesYAML = """
        title: Demo
        onset: 2022-01-01
        tables:
          totals:
            reported: cumulative
          visits:
            title: Visits in the period
        """ + "\n"

    static let report = """
        ---
        title: "Demo: a series"
        period: {start: 2022-01-01, end: 2022-01-31}   # the whole month
        as_of: 2022-01-31
        key_figures:
          - {figure: totals.total, label: people since the onset}
        notes:
          - Figures are provisional.
        ---

        ## Overview

        Since {{ series.onset | date: short }}, {{ totals.total }} people; {{ visits.total }} visits;
        {{ leaflets.disseminated }} leaflets.
        """ + "\n"

    static let figures = """
        # Stated by the officer.
        leaflets:
          disseminated: 6000        # a whole number
        """ + "\n"

    /// Writes `files` (path relative to the project root → text) under the project root.
    private func write(_ files: [String: String]) throws {
        for (path, text) in files {
            try writeBytes(path, Array(text.utf8))
        }
    }

    private func writeBytes(_ path: String, _ bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// A series `demo` with one period, 2022-01: a cumulative and a per-period table, figures.yml.
    private func makeProject(report: String = report, extra: [String: String] = [:]) throws {
        try write([
            "content/demo/series.yml": Self.seriesYAML,
            "content/demo/2022-01/report.md": report,
            "content/demo/2022-01/totals.csv": "region,count\nNorth,10\nSouth,5\n",
            "content/demo/2022-01/visits.csv": "region,count\nNorth,3\n",
            "content/demo/2022-01/figures.yml": Self.figures,
        ].merging(extra) { _, new in new })
    }

    private func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
    }

    private func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
    }

    private func names(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path).sorted()
    }

    /// Every file under the project root, relative path to bytes.
    private func tree() -> [String: Data] {
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: root.path)?.allObjects ?? [] {
            result[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) ?? Data("<folder>".utf8)
        }
        return result
    }

    private func create(_ period: String, series: String = "demo") throws(DiagnosticError) -> [String] {
        try NewPeriod.create(projectRoot: root.path, series: series, period: period)
    }

    /// The diagnostics `create` throws; fails the test when it succeeds.
    private func failure(_ period: String, series: String = "demo", file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let files = try create(period, series: series)
            XCTFail("expected an error, created \(files)", file: file, line: line)
            return []
        } catch {
            return error.diagnostics
        }
    }

    private func loadedPeriods(_ series: String = "demo") throws -> [PeriodFolder] {
        let project = try Project.load(root: root.path)
        return try XCTUnwrap(project.series(named: series)).periods
    }

    // MARK: Creating a period

    func testCreatesTheNextMonthFromTheLatestPeriod() throws {
        try makeProject()
        let files = try create("2022-02")
        XCTAssertEqual(files, ["content/demo/2022-02/report.md", "content/demo/2022-02/totals.csv",
                               "content/demo/2022-02/visits.csv", "content/demo/2022-02/figures.yml"])
        XCTAssertEqual(try names(in: "content/demo"), ["2022-01", "2022-02", "series.yml"], "no staging folder is left")
        XCTAssertEqual(try names(in: "content/demo/2022-02"), ["figures.yml", "report.md", "totals.csv", "visits.csv"])

        let expected = Self.report
            .replacingOccurrences(of: "period: {start: 2022-01-01, end: 2022-01-31}   # the whole month",
                                  with: "period: {start: 2022-02-01, end: 2022-02-28}")
            .replacingOccurrences(of: "as_of: 2022-01-31", with: "as_of: 2022-02-28")
        XCTAssertEqual(try read("content/demo/2022-02/report.md"), expected)
        XCTAssertEqual(try bytes("content/demo/2022-02/totals.csv"), try bytes("content/demo/2022-01/totals.csv"),
                       "a cumulative table is copied as it is")
        XCTAssertEqual(try read("content/demo/2022-02/visits.csv"), "region,count\n", "a per-period table keeps its header only")
        XCTAssertEqual(try read("content/demo/2022-02/figures.yml"),
                       "# Stated by the officer.\nleaflets:\n  disseminated:             # a whole number\n")

        let periods = try loadedPeriods()
        XCTAssertEqual(periods.map(\.name), ["2022-01", "2022-02"])
        XCTAssertEqual(periods.last?.period, Period(start: Day(iso: "2022-02-01")!, end: Day(iso: "2022-02-28")!,
                                                    asOf: Day(iso: "2022-02-28")!))
    }

    func testAnIrregularPeriodEndsOnItsNameAndStartsAfterTheLatest() throws {
        try makeProject()
        _ = try create("2022-02-14")
        XCTAssertTrue(try read("content/demo/2022-02-14/report.md")
            .contains("\nperiod: {start: 2022-02-01, end: 2022-02-14}\nas_of: 2022-02-14\n"))
        _ = try create("2022-02")
        XCTAssertTrue(try read("content/demo/2022-02/report.md")
            .contains("\nperiod: {start: 2022-02-15, end: 2022-02-28}\nas_of: 2022-02-28\n"),
                      "a month after an irregular period starts the day after it")
        XCTAssertEqual(try loadedPeriods().map(\.name), ["2022-01", "2022-02-14", "2022-02"])
    }

    func testMissingDatesAreAddedAfterTheTitle() throws {
        try makeProject(report: "---\ntitle: Demo\nkey_figures:\n  - {figure: totals.total, label: people}\n---\nText.\n")
        _ = try create("2022-03")
        XCTAssertEqual(try read("content/demo/2022-03/report.md"),
                       "---\ntitle: Demo\nperiod: {start: 2022-02-01, end: 2022-03-31}\nas_of: 2022-03-31\n"
                           + "key_figures:\n  - {figure: totals.total, label: people}\n---\nText.\n")
    }

    func testABlockPeriodIsReplacedByOneLine() throws {
        let report = "---\nperiod:\n  start: 2022-01-01\n  end: 2022-01-31\ntitle: Demo\n---\nText.\n"
        let new = try NewPeriod.newReport(report, period: Period(start: Day(iso: "2022-02-01")!, end: Day(iso: "2022-02-28")!),
                                          file: "report.md")
        XCTAssertEqual(new, "---\nperiod: {start: 2022-02-01, end: 2022-02-28}\ntitle: Demo\nas_of: 2022-02-28\n---\nText.\n")
    }

    func testWindowsLineEndsAndTheByteOrderMarkAreKept() throws {
        let report = "\u{FEFF}---\r\ntitle: Demo\r\nas_of: 2022-01-31\r\n---\r\n\r\nSome text.\r\n"
        let new = try NewPeriod.newReport(report, period: Period(start: Day(iso: "2022-02-01")!, end: Day(iso: "2022-02-28")!),
                                          file: "report.md")
        XCTAssertEqual(Array(new.utf8), Array(("\u{FEFF}---\r\ntitle: Demo\r\nperiod: {start: 2022-02-01, end: 2022-02-28}\r\n"
                                                + "as_of: 2022-02-28\r\n---\r\n\r\nSome text.\r\n").utf8))
    }

    func testStatedFiguresInTheFrontMatterAreBlankedToo() throws {
        let report = "---\ntitle: Demo\nfigures:\n  leaflets.disseminated: 6000\n  hotline: {calls: 12, from: 2022-01-01}\nnotes: [Kept 12.]\n---\n12 calls.\n"
        let new = try NewPeriod.newReport(report, period: Period(start: Day(iso: "2022-02-01")!, end: Day(iso: "2022-02-28")!),
                                          file: "report.md")
        XCTAssertEqual(new, "---\ntitle: Demo\nperiod: {start: 2022-02-01, end: 2022-02-28}\nas_of: 2022-02-28\nfigures:\n"
                           + "  leaflets.disseminated:\n  hotline: {calls: , from: }\nnotes: [Kept 12.]\n---\n12 calls.\n")
    }

    func testTheNewPeriodStopsTheBuildUntilItIsFilledIn() throws {
        try makeProject()
        _ = try create("2022-02")
        do {
            _ = try SiteBuilder.check(projectRoot: root.path)
            XCTFail("a new period must not build before it is filled in")
        } catch {
            let text = error.description
            XCTAssertTrue(text.contains("content/demo/2022-02/visits.csv:1:1: error: the table has a header but no rows"), text)
            XCTAssertTrue(text.contains("content/demo/2022-02/figures.yml:3:16: error: the figure 'leaflets.disseminated' has no value"), text)
        }
        try write(["content/demo/2022-02/visits.csv": "region,count\nNorth,4\n",
                   "content/demo/2022-02/figures.yml": "leaflets:\n  disseminated: 7000\n"])
        XCTAssertNoThrow(try SiteBuilder.check(projectRoot: root.path))
    }

    func testEveryKindOfBlankedFigureIsReportedAsMissing() throws {
        // The loader stops at the first problem in a figures file: check each form on its own.
        let forms = [
            "a:\n  b: 1\n", "a.b: 2022-01-01\n", "a: [x, y]\n", "a:\n  - x\n  - y\n", "a: {b: 1, c: 2}\n",
            "a: {value: 1250000, approximate: true}\n", "a:\n  value: 12\n  tolerance: 2%\n", "a: |\n  text\n",
            "a: \"quoted # text\"  # note\n",
        ]
        try makeProject()
        let project = try Project.load(root: root.path)
        let series = try XCTUnwrap(project.series(named: "demo"))
        for form in forms {
            try write(["content/demo/2022-01/figures.yml": NewPeriod.blankFigures(form)])
            XCTAssertThrowsError(try project.loadReport(series: series, folder: series.periods[0]), form) { error in
                XCTAssertTrue("\(error)".contains("has no value"), "\(form.debugDescription): \(error)")
            }
        }
    }

    // MARK: Blanking figures

    func testBlankingKeepsKeysCommentsAndLayout() {
        let input = """
            # A comment: 12 stays.
            leaflets:
              disseminated: 6000        # a whole number
            bmmw.referrals: 20
            "quoted: key": 5   # note
            partner: "Business # Women Club"   # text

            dtm:
              trainings:
                regions: [Gomel, Vitebsk]   # a list
                items:
                  - Gomel   # first
                  - Vitebsk
                held: 5
            staff: {gomel: 2, grodno: {x: 1}}   # flow
            arrivals.total: {value: 1250000, approximate: true, tolerance: 2%}
            returns:
              value: 12
              approximate: true
            approximate: 3
            story: |
              Several lines
              of text: 12
            anchored: &a
              x: 1
            """
        let expected = """
            # A comment: 12 stays.
            leaflets:
              disseminated:             # a whole number
            bmmw.referrals:
            "quoted: key":     # note
            partner:                           # text

            dtm:
              trainings:
                regions:                    # a list
                items:
                held:
            staff: {gomel: , grodno: {x: }}     # flow
            arrivals.total: {value: , approximate: true, tolerance: 2%}
            returns:
              value:
              approximate: true
            approximate:
            story:
            anchored: &a
              x:
            """
        XCTAssertEqual(NewPeriod.blankFigures(input), expected)
        XCTAssertEqual(NewPeriod.blankFigures("a: 1\r\nb: 2\r\n"), "a:\r\nb:\r\n", "line ends are kept")
        XCTAssertEqual(NewPeriod.blankFigures(""), "")
    }

    // MARK: Tables

    func testHeaderOnlyKeepsTheHeaderAsWritten() throws {
        func header(_ bytes: [UInt8]) throws -> String {
            String(decoding: try TableFormat.csv.headerOnly(bytes, "t.csv", SeriesConfig.TableDeclaration()), as: UTF8.self)
        }
        XCTAssertEqual(try header(Array("region,count\nNorth,1\n".utf8)), "region,count\n")
        XCTAssertEqual(try header(Array("region , count".utf8)), "region , count\n", "no line end: one is added")
        XCTAssertEqual(try header(Array("\u{FEFF}region;count\r\nNorth;1\r\n".utf8)), "\u{FEFF}region;count\r\n")
        XCTAssertEqual(try header(Array("\n\n\"a\nb\",count\nx,1\n".utf8)), "\"a\nb\",count\n",
                       "blank lines before the header are dropped; a quoted line break stays")
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "région,count\r\nNord,1\r\n".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        XCTAssertEqual(try header(utf16), "\u{FEFF}région,count\r\n", "UTF-16 is written as UTF-8 with a byte order mark")
        XCTAssertThrowsError(try TableFormat.csv.headerOnly([0x72, 0xE9, 0x0A], "t.csv", SeriesConfig.TableDeclaration()), "a broken table is reported, not copied")
    }

    // MARK: Errors

    func testPeriodNamesAreChecked() {
        for bad in ["2022-7", "2022-13", "July", "2022-07-32", "2022/07", "", "2022-07-1"] {
            XCTAssertNotNil(NewPeriod.periodNameProblem(bad), bad)
        }
        for good in ["2022-07", "2022-07-15", "2024-02-29"] {
            XCTAssertNil(NewPeriod.periodNameProblem(good), good)
        }
    }

    func testABadPeriodNameWritesNothing() throws {
        try makeProject()
        let before = tree()
        let problems = failure("2022-2")
        XCTAssertEqual(problems.map(\.message), ["'2022-2' is not a period folder name"])
        XCTAssertTrue(problems.first?.hint?.contains("YYYY-MM") ?? false)
        XCTAssertEqual(tree(), before)
    }

    func testAnUnknownSeriesSuggestsTheNearest() throws {
        try makeProject()
        let problems = failure("2022-02", series: "dem")
        XCTAssertEqual(problems.map(\.message), ["there is no series 'dem'"])
        XCTAssertEqual(problems.first?.hint, "did you mean 'demo'?")
        XCTAssertEqual(failure("2022-02", series: "zzzzzz").first?.hint, "series are the folders of content/: demo")
    }

    func testASeriesWithoutPeriodsIsRefused() throws {
        try write(["content/empty/series.yml": "title: Empty\n"])
        let problems = failure("2022-02", series: "empty")
        XCTAssertEqual(problems.map(\.message), ["the series 'empty' has no period yet"])
        XCTAssertEqual(try names(in: "content/empty"), ["series.yml"])
    }

    func testAnExistingFolderIsNeverOverwritten() throws {
        try makeProject()
        _ = try create("2022-02")
        try write(["content/demo/2022-02/visits.csv": "region,count\nNorth,4\n"])
        let before = tree()
        for name in ["2022-02", "2022-01"] {
            let problems = failure(name)
            XCTAssertEqual(problems.map(\.message), ["content/demo/\(name) already exists"], name)
            XCTAssertTrue(problems.first?.hint?.contains("e.g. 2022-03") ?? false, "\(problems)")
        }
        XCTAssertEqual(tree(), before)
    }

    func testTheNewPeriodMustEndAfterTheLatest() throws {
        try makeProject(report: Self.report.replacingOccurrences(of: "end: 2022-01-31", with: "end: 2022-02-10"))
        let before = tree()
        for name in ["2021-12", "2022-02-10", "2022-02-01"] {
            let problems = failure(name)
            XCTAssertEqual(problems.count, 1, name)
            XCTAssertTrue(problems.first?.message.contains("which is not after the latest period 2022-01 (ending 2022-02-10)") ?? false,
                          "\(problems)")
            XCTAssertEqual(problems.first?.hint, "the new period starts on 2022-02-11; name it after its end, e.g. 2022-02")
        }
        XCTAssertEqual(tree(), before)
        _ = try create("2022-02-11")
        XCTAssertTrue(try read("content/demo/2022-02-11/report.md").contains("period: {start: 2022-02-11, end: 2022-02-11}"),
                      "a one-day period is fine")
    }

    func testAFileLinkedFromOutsideTheProjectIsNotCopied() throws {
        try makeProject()
        let outside = root.deletingLastPathComponent().appendingPathComponent("sitrep-secret-\(UUID().uuidString)")
        try Data("region,count\nSECRET-TOKEN,1\n".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let link = root.appendingPathComponent("content/demo/2022-01/totals.csv")
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: outside)

        let problems = failure("2022-02")
        XCTAssertEqual(problems.map(\.location?.file), ["content/demo/2022-01/totals.csv"])
        XCTAssertTrue(problems.first?.message.contains("outside the project") ?? false, "\(problems)")
        XCTAssertEqual(try names(in: "content/demo"), ["2022-01", "series.yml"], "nothing is created")
    }

    func testAFailureLeavesNothingHalfCreated() throws {
        try makeProject(extra: ["content/demo/2022-01/zz.csv": "region,count\nNorth,1\n"])
        try writeBytes("content/demo/2022-01/visits.csv", Array("region,count\nM".utf8) + [0xE9] + Array("rida,1\n".utf8))
        let before = tree()
        let problems = failure("2022-02")
        XCTAssertEqual(problems.first?.location?.file, "content/demo/2022-01/visits.csv", "\(problems)")
        XCTAssertEqual(tree(), before, "no folder, no staging folder")
    }

    func testAStagingFolderLeftByAKilledRunIsRemoved() throws {
        try makeProject()
        try write(["content/demo/.2022-02.new-\(Int32.max)/report.md": "half"])
        _ = try create("2022-02")
        XCTAssertEqual(try names(in: "content/demo"), ["2022-01", "2022-02", "series.yml"])
    }

    func testTheSummaryListsTheFilesAndTheNextSteps() throws {
        try makeProject()
        let created = try NewPeriod.start(projectRoot: root.path, series: "demo", period: "2022-02")
        XCTAssertEqual(created.folder, "content/demo/2022-02")
        XCTAssertEqual(created.previous, "2022-01")
        XCTAssertEqual(created.files.map(\.content), [.report, .cumulativeTable, .periodTable, .figures])
        XCTAssertEqual(created.summary(checkCommand: "sitrep check --project x"), """
            created content/demo/2022-02 (2022-02-01 to 2022-02-28) from 2022-01:
              content/demo/2022-02/report.md    dates set; the narrative is 2022-01's
              content/demo/2022-02/totals.csv   copied: update the running totals
              content/demo/2022-02/visits.csv   header only: add this period's rows
              content/demo/2022-02/figures.yml  values blanked: fill in every figure

            next steps:
              1. add this period's rows to visits.csv
              2. update the running totals in totals.csv
              3. fill in every value in figures.yml
              4. update the narrative in report.md
              5. run `sitrep check --project x` until it reports no errors

            """)
    }
}
