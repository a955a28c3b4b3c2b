import Foundation
import XCTest

/// `sitrep new SERIES PERIOD` on a copy of the example: the new folder, the messages, the exit
/// status, and that nothing is written or overwritten on an error.
final class NewCommandTests: XCTestCase {
    static let latest = "content/belarus/2022-06"
    static let new = "content/belarus/2022-07"
    static let cumulativeTables = ["arrivals.csv", "avrr.csv", "hotline.csv"]
    static let periodTables = ["assessments.csv", "distributions.csv", "employment.csv"]

    /// A fresh copy of the example, removed after the test.
    private func example() throws -> URL {
        let project = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(project) }
        return project
    }

    private func data(_ path: String, in root: URL) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(path))
    }

    /// The text after the front matter's closing `---`.
    private func narrative(_ report: String) -> Substring {
        let lines = report.split(separator: "\n", omittingEmptySubsequences: false)
        let closing = lines.indices.dropFirst().first { lines[$0] == "---" } ?? 0
        return lines[(closing + 1)...].joined(separator: "\n")[...]
    }

    func testNewStartsTheNextPeriodAndTheBuildWaitsForItsNumbers() throws {
        let project = try example()
        let run = try SitrepProcess.run(["new", "belarus", "2022-07"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(run.stdout.hasPrefix("created \(Self.new) (2022-06-10 to 2022-07-31) from 2022-06:\n"), run.stdout)
        for name in ["report.md", "figures.yml"] + Self.cumulativeTables + Self.periodTables {
            XCTAssertTrue(run.stdout.contains("\(Self.new)/\(name)"), "\(name) is not listed: \(run.stdout)")
        }
        XCTAssertTrue(run.stdout.contains("add this period's rows to assessments.csv, distributions.csv, employment.csv"), run.stdout)
        XCTAssertTrue(run.stdout.contains("update the running totals in arrivals.csv, avrr.csv, hotline.csv"), run.stdout)
        XCTAssertTrue(run.stdout.contains("run `sitrep check` until it reports no errors"), run.stdout)
        XCTAssertEqual(run.stderr, "")

        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(Self.new).path).sorted(),
                       (["figures.yml", "report.md"] + Self.cumulativeTables + Self.periodTables).sorted())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent("content/belarus").path)
                           .filter { $0.hasPrefix(".") }, [], "no staging folder is left")

        let report = try SitrepProcess.read("\(Self.new)/report.md", in: project)
        let previous = try SitrepProcess.read("\(Self.latest)/report.md", in: project)
        XCTAssertTrue(report.hasPrefix("---\ntitle: \"Belarus: response to the war in Ukraine\"\n"
                                       + "period: {start: 2022-06-10, end: 2022-07-31}\nas_of: 2022-07-31\nkey_figures:\n"), report)
        XCTAssertEqual(narrative(report), narrative(previous), "the narrative is kept byte for byte")
        for name in Self.cumulativeTables {
            XCTAssertEqual(try data("\(Self.new)/\(name)", in: project), try data("\(Self.latest)/\(name)", in: project), name)
        }
        for name in Self.periodTables {
            let header = try SitrepProcess.read("\(Self.latest)/\(name)", in: project).prefix { $0 != "\n" } + "\n"
            XCTAssertEqual(try SitrepProcess.read("\(Self.new)/\(name)", in: project), String(header), name)
        }
        let figures = try SitrepProcess.read("\(Self.new)/figures.yml", in: project)
        XCTAssertTrue(figures.contains("\nleaflets:\n  disseminated:\n"), figures)
        for line in figures.split(separator: "\n") where !line.hasPrefix("#") {
            XCTAssertTrue(line.hasSuffix(":"), "a value is left in figures.yml: \(line)")
        }

        // The build stops at each number still to be filled in, and writes nothing.
        let check = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(check.status, 1, "\(check)")
        for name in Self.periodTables {
            XCTAssertTrue(check.stderr.contains("\(Self.new)/\(name):1:1: error: the table has a header but no rows"), check.stderr)
        }
        XCTAssertTrue(check.stderr.contains("\(Self.new)/figures.yml:6:16: error: the figure 'leaflets.disseminated' has no value"),
                      check.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))

        // Filled in (here with the previous period's numbers), the new period builds.
        for name in Self.periodTables + ["figures.yml"] {
            try data("\(Self.latest)/\(name)", in: project).write(to: project.appendingPathComponent("\(Self.new)/\(name)"))
        }
        let build = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(build.status, 0, "\(build)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("output/belarus/2022-07/index.html").path))
    }

    func testProjectOptionAndAnIrregularPeriod() throws {
        let project = try example()
        let elsewhere = try SitrepProcess.temporaryFolder("elsewhere")
        addTeardownBlock { SitrepProcess.remove(elsewhere) }
        let run = try SitrepProcess.run(["new", "belarus", "2022-06-23", "--project", project.path], in: elsewhere)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(run.stdout.contains("created content/belarus/2022-06-23 (2022-06-10 to 2022-06-23) from 2022-06"), run.stdout)
        XCTAssertTrue(run.stdout.contains("run `sitrep check --project \(project.path)`"), run.stdout)
        XCTAssertTrue(try SitrepProcess.read("content/belarus/2022-06-23/report.md", in: project)
            .contains("\nperiod: {start: 2022-06-10, end: 2022-06-23}\nas_of: 2022-06-23\n"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [], "nothing is written in the current folder")

        // The next one starts after it.
        let next = try SitrepProcess.run(["new", "belarus", "2022-07", "--project", project.path], in: elsewhere)
        XCTAssertEqual(next.status, 0, "\(next)")
        XCTAssertTrue(next.stdout.contains("(2022-06-24 to 2022-07-31) from 2022-06-23"), next.stdout)
    }

    /// Runs `sitrep arguments…` on a fresh example, expects `status`, and checks nothing changed.
    private func refused(_ arguments: [String], status: Int32, file: StaticString = #filePath, line: UInt = #line) throws -> SitrepRun {
        let project = try example()
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(arguments, in: project)
        XCTAssertEqual(run.status, status, "\(arguments): \(run)", file: file, line: line)
        XCTAssertEqual(run.stdout, "", "\(arguments): \(run)", file: file, line: line)
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project), "after \(arguments)", file: file, line: line)
        return run
    }

    func testAnExistingPeriodIsNeverOverwritten() throws {
        let run = try refused(["new", "belarus", "2022-06"], status: 1)
        XCTAssertTrue(run.stderr.hasPrefix("content/belarus/2022-06: error: content/belarus/2022-06 already exists\n"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: sitrep new never overwrites a period"), run.stderr)
        XCTAssertTrue(run.stderr.contains("e.g. 2022-07"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("\n1 error; nothing was written\n"), run.stderr)
    }

    func testThePeriodMustEndAfterTheLatest() throws {
        for period in ["2022-05", "2022-06-09", "2022-05-20"] {
            let run = try refused(["new", "belarus", period], status: 1)
            XCTAssertTrue(run.stderr.contains("which is not after the latest period 2022-06 (ending 2022-06-09)"), run.stderr)
            XCTAssertTrue(run.stderr.contains("hint: the new period starts on 2022-06-10; name it after its end, e.g. 2022-07"), run.stderr)
        }
    }

    func testAnUnknownSeriesSuggestsTheNearest() throws {
        let run = try refused(["new", "belaruss", "2022-07"], status: 1)
        XCTAssertTrue(run.stderr.contains("error: there is no series 'belaruss'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("hint: did you mean 'belarus'?"), run.stderr)
    }

    func testABadPeriodNameIsACommandLineError() throws {
        for period in ["2022-7", "July", "2022-07-32", "belarus/2022-07"] {
            let run = try refused(["new", "belarus", period], status: 2)
            XCTAssertTrue(run.stderr.contains("'\(period)' is not a period folder name"), run.stderr)
            XCTAssertTrue(run.stderr.contains("hint: write YYYY-MM for a calendar month"), run.stderr)
        }
        let missing = try refused(["new", "belarus"], status: 2)
        XCTAssertTrue(missing.stderr.contains("<period>"), missing.stderr)
    }

    func testHelpDescribesNew() throws {
        let project = try example()
        let top = try SitrepProcess.run(["--help"], in: project)
        XCTAssertEqual(top.status, 0, "\(top)")
        XCTAssertTrue(top.stdout.contains("new") && top.stdout.contains("Start the next period of a series"), top.stdout)
        let help = try SitrepProcess.run(["new", "--help"], in: project)
        XCTAssertEqual(help.status, 0, "\(help)")
        for text in ["<series>", "<period>", "--project", "YYYY-MM"] {
            XCTAssertTrue(help.stdout.contains(text), "\(text): \(help.stdout)")
        }
    }
}
