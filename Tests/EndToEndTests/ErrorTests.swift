import Foundation
import XCTest

/// Content errors (exit 1, compiler-style `file:line:col: error:` on stderr, previous output
/// untouched), `sitrep check`, `sitrep figures`, and command-line errors (exit 2) and help.
final class ErrorTests: XCTestCase {
    static let report = "content/belarus/2022-06/report.md"

    /// The example, built once: a project with a good output/ and that output's snapshot.
    private struct Built {
        var project: URL
        var run: SitrepRun
        var output: [String: Data?]
    }

    private static let shared = ClassFixture<Built> { [$0.project] }

    override class func setUp() {
        super.setUp()
        shared.make {
            let project = try SitrepProcess.copyExample()
            let run = try SitrepProcess.run(["build"], in: project)
            return Built(project: project, run: run, output: try SitrepProcess.snapshot(of: project.appendingPathComponent("output")))
        }
    }

    override class func tearDown() {
        shared.remove()
        super.tearDown()
    }

    private func built() throws -> Built {
        let built = try Self.shared.get()
        XCTAssertEqual(built.run.status, 0, "\(built.run)")
        SitrepProcess.assertHasRequiredFiles(built.output)
        return built
    }

    /// A fresh copy of the built example (with its output/), removed after the test.
    private func builtCopy() throws -> URL {
        let project = try SitrepProcess.copy(try built().project)
        addTeardownBlock { SitrepProcess.remove(project) }
        return project
    }

    /// Runs `sitrep build` on `project`, expects exit 1, and checks output/ is exactly as the
    /// good build left it and that no staging folder remains.
    private func failingBuild(_ project: URL, file: StaticString = #filePath, line: UInt = #line) throws -> SitrepRun {
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)", file: file, line: line)
        XCTAssertFalse(run.stdout.contains("wrote"), "\(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("nothing was written"), "\(run)", file: file, line: line)
        SitrepProcess.assertSameTree(try built().output, try SitrepProcess.snapshot(of: project.appendingPathComponent("output")),
                                     "after a failed build", file: file, line: line)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted(),
                       [".output.sitrep-manifest", "content", "output", "sitrep.yml", "templates"], "a staging folder was left behind", file: file, line: line)
        return run
    }

    /// Puts `inserted` into report.md just before `anchor`, and returns the 1-based line and
    /// the column (in characters) at which `target` (part of `inserted`) then starts.
    private func insert(_ inserted: String, before anchor: String, target: String, in project: URL) throws -> (line: Int, column: Int) {
        try SitrepProcess.edit(Self.report, in: project, replacing: anchor, with: inserted + anchor)
        let text = try SitrepProcess.read(Self.report, in: project)
        let lines = text.components(separatedBy: "\n")
        let index = try XCTUnwrap(lines.firstIndex { $0.contains(inserted + anchor) })
        let line = lines[index]
        let start = line.range(of: inserted + anchor)!.lowerBound
        let offset = line[start...].range(of: target)!.lowerBound
        return (index + 1, line[..<offset].count + 1)
    }

    // MARK: Placeholders

    func testUnknownPlaceholderNamesFileLineAndColumnAndSuggests() throws {
        let project = try builtCopy()
        // Mid-paragraph, after non-ASCII text (– and ’) on the same line: the column counts characters.
        let at = try insert("{{ arrivals.totl }} ", before: "leaflets on IOM’s assistance", target: "arrivals.totl", in: project)
        XCTAssertEqual(at.line, 46)
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/report.md:\(at.line):\(at.column): error:"), "\(at) \(run)")
        XCTAssertTrue(run.stderr.contains("no figure is called 'arrivals.totl'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'arrivals.total'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("1 error; nothing was written"), run.stderr)
    }

    func testUnknownPlaceholderAtKnownPosition() throws {
        let project = try builtCopy()
        // Line 14 is the first paragraph; "Since " is 6 characters, so "{{" is at column 7, the name at 10.
        try SitrepProcess.edit(Self.report, in: project, replacing: "Since {{ series.onset | date: short }}",
                               with: "Since {{ arrivals.totl }}")
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/report.md:14:10: error: no figure is called 'arrivals.totl'"),
                      run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'arrivals.total'"), run.stderr)
        // The source line is quoted with a caret under the column.
        XCTAssertTrue(run.stderr.contains("\n    Since {{ arrivals.totl }}, {{ arrivals.total }} people"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\n             ^\n"), run.stderr)
    }

    func testEveryProblemIsReportedAtOnce() throws {
        let project = try builtCopy()
        let first = try insert("{{ arrivals.totl }} ", before: "leaflets on IOM’s assistance", target: "arrivals.totl", in: project)
        let second = try insert("{{ avrr.totl }} ", before: "migrants (", target: "avrr.totl", in: project)
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("report.md:\(first.line):\(first.column): error: no figure is called 'arrivals.totl'"),
                      "\(first) \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("report.md:\(second.line):\(second.column): error: no figure is called 'avrr.totl'"),
                      "\(second) \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("did you mean 'avrr.total'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("2 errors; nothing was written"), run.stderr)
    }

    func testUnclosedPlaceholder() throws {
        let project = try builtCopy()
        let at = try insert("{{ arrivals.total ", before: "leaflets on IOM’s assistance", target: "{{", in: project)
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/report.md:\(at.line):\(at.column): error:"), "\(at) \(run)")
        XCTAssertTrue(run.stderr.contains("not closed"), run.stderr)
    }

    func testUnknownFilter() throws {
        let project = try builtCopy()
        let at = try insert("{{ arrivals.total | percnt }} ", before: "leaflets on IOM’s assistance", target: "percnt", in: project)
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/report.md:\(at.line):\(at.column): error:"), "\(at) \(run)")
        XCTAssertTrue(run.stderr.contains("there is no filter called 'percnt'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'percent'"), run.stderr)
    }

    func testUnknownKeyFigure() throws {
        let project = try builtCopy()
        try SitrepProcess.edit(Self.report, in: project, replacing: "{figure: avrr.total,", with: "{figure: avrr.totl,")
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/report.md:8"), run.stderr)
        XCTAssertTrue(run.stderr.contains("'avrr.totl'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("did you mean 'avrr.total'"), run.stderr)
    }

    // MARK: Data files

    func testRaggedCSVRowNamesFileAndLine() throws {
        let project = try builtCopy()
        try SitrepProcess.edit("content/belarus/2022-06/assessments.csv", in: project, replacing: "Brest,8\n", with: "Brest,8,3\n")
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/assessments.csv:5:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("expected 2 columns"), run.stderr)
        XCTAssertTrue(run.stderr.contains("Brest,8,3"), run.stderr)
    }

    func testShortCSVRowNamesFileAndLine() throws {
        let project = try builtCopy()
        try SitrepProcess.append("Algeria,male\n", to: "content/belarus/2022-06/avrr.csv", in: project)
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/avrr.csv:46:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("expected 4 columns"), run.stderr)
    }

    func testNonNumericCountNamesFileLineAndColumn() throws {
        let project = try builtCopy()
        try SitrepProcess.edit("content/belarus/2022-06/hotline.csv", in: project, replacing: "last,other,95", with: "last,other,9x5")
        let run = try failingBuild(project)
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/hotline.csv:5:12: error:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("'9x5'"), run.stderr)
    }

    func testFailedBuildIntoAFreshFolderCreatesNothing() throws {
        let project = try builtCopy()
        try SitrepProcess.append("\n{{ nope }}\n", to: Self.report, in: project)
        let elsewhere = try SitrepProcess.temporaryFolder("out")
        addTeardownBlock { SitrepProcess.remove(elsewhere) }
        let run = try SitrepProcess.run(["build", "--output", elsewhere.appendingPathComponent("site").path], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    // MARK: check

    func testCheckWritesNothing() throws {
        let project = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(project) }
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(["check"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(run.stdout.hasPrefix("ok: "), run.stdout)
        XCTAssertTrue(run.stdout.contains("files would be written"), run.stdout)
        XCTAssertEqual(run.stderr, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project))
    }

    func testCheckReportsErrorsAndWritesNothing() throws {
        let project = try builtCopy()
        try SitrepProcess.append("\n{{ arrivals.totl }}\n", to: Self.report, in: project)
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(["check", "--project", project.path], in: project.deletingLastPathComponent())
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("no figure is called 'arrivals.totl'"), run.stderr)
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project))
    }

    // MARK: figures

    func testFiguresListsEveryFigure() throws {
        let built = try built()
        let run = try SitrepProcess.run(["figures", "belarus/2022-06"], in: built.project)
        XCTAssertEqual(run.status, 0, "\(run)")
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        XCTAssertTrue(lines.contains { $0 == ["arrivals.total", "32322"] }, run.stdout)
        XCTAssertTrue(lines.contains { $0 == ["avrr.total", "533"] }, run.stdout)
        XCTAssertTrue(lines.contains { $0 == ["leaflets.disseminated", "6000"] }, run.stdout)
        // One line per figure of figures.json and per comparison with the previous report (which
        // figures.json leaves out), then the figures that cannot be computed, with why.
        let json = try XCTUnwrap(built.output["belarus/2022-06/figures.json"] ?? nil)
        let figures = try XCTUnwrap((try JSONSerialization.jsonObject(with: json) as? [String: Any])?["figures"] as? [String: Any])
        let unavailable = run.stdout.split(separator: "\n").filter { $0.contains("(not available: ") }
        let available = run.stdout.split(separator: "\n").filter { !$0.contains("(not available: ") }
        let comparisons = available.filter { line in
            let name = line.components(separatedBy: "  ")[0]
            return [".previous", ".change", ".change.relative"].contains { name.hasSuffix($0) }
        }
        XCTAssertTrue(lines.contains { $0 == ["arrivals.total.change", "2311"] }, run.stdout)
        XCTAssertNil(figures["arrivals.total.change"])
        XCTAssertEqual(figures["arrivals.total.period"] as? Int, 2311)
        XCTAssertEqual(available.count, figures.count + comparisons.count)
        XCTAssertEqual(lines.count - unavailable.count, available.count)
        XCTAssertTrue(unavailable.contains { $0.hasPrefix("hotline.total.previous ") && $0.contains("is not in the previous period") },
                      unavailable.joined(separator: "\n"))
    }

    func testFiguresJSONEqualsTheBuiltFile() throws {
        let built = try built()
        let run = try SitrepProcess.run(["figures", "--json", "belarus/2022-06", "--project", built.project.path],
                                        in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(run.status, 0, "\(run)")
        let file = try XCTUnwrap(built.output["belarus/2022-06/figures.json"] ?? nil)
        XCTAssertEqual(run.stdout, String(decoding: file, as: UTF8.self))
        let printed = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? NSDictionary)
        let written = try XCTUnwrap(try JSONSerialization.jsonObject(with: file) as? NSDictionary)
        XCTAssertEqual(printed, written)
        XCTAssertEqual(((printed["figures"] as? NSDictionary)?["arrivals.total"] as? NSNumber)?.intValue, 32322)
    }

    func testFiguresOfAnUnknownReport() throws {
        let built = try built()
        let period = try SitrepProcess.run(["figures", "belarus/2022-07"], in: built.project)
        XCTAssertEqual(period.status, 1, "\(period)")
        XCTAssertTrue(period.stderr.contains("there is no period '2022-07'"), period.stderr)
        XCTAssertTrue(period.stderr.contains("did you mean '2022-06'"), period.stderr)
        let series = try SitrepProcess.run(["figures", "belarys/2022-06"], in: built.project)
        XCTAssertEqual(series.status, 1, "\(series)")
        XCTAssertTrue(series.stderr.contains("did you mean 'belarus'"), series.stderr)
        XCTAssertEqual(series.stdout, "")
    }

    func testFiguresOfANonsenseName() throws {
        let run = try SitrepProcess.run(["figures", "nonsense"], in: try built().project)
        // Whether this is a content error (1) or a usage error (2) is the CLI's choice; it must fail, and say why.
        XCTAssertNotEqual(run.status, 0, "\(run)")
        XCTAssertTrue([1, 2].contains(run.status), "\(run)")
        XCTAssertTrue(run.stderr.contains("'nonsense' does not name a report"), run.stderr)
        XCTAssertTrue(run.stderr.contains("SERIES/PERIOD"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }

    // MARK: Command line

    func testUsageErrorsExitTwo() throws {
        let built = try built()
        let project = built.project
        let cases: [(arguments: [String], message: String)] = [
            (["bogus"], "Unexpected argument 'bogus'"),
            (["figures"], "Missing expected argument '<series/period>'"),
            (["build", "--nope"], "Unknown option '--nope'"),
            (["build", "--output"], "Missing value for '--output <path>'"),
            (["check", "extra"], "Unexpected argument 'extra'"),
            (["figures", "belarus/2022-06", "--json", "--yaml"], "Unknown option '--yaml'"),
        ]
        for (arguments, message) in cases {
            let run = try SitrepProcess.run(arguments, in: project)
            XCTAssertEqual(run.status, 2, "\(arguments): \(run)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, "", "\(arguments)")
        }
        SitrepProcess.assertSameTree(built.output, try SitrepProcess.snapshot(of: project.appendingPathComponent("output")))
    }

    func testMissingProjectIsAContentError() throws {
        let folder = try SitrepProcess.temporaryFolder("empty")
        addTeardownBlock { SitrepProcess.remove(folder) }
        let run = try SitrepProcess.run(["build"], in: folder)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("--project"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testHelp() throws {
        let project = try built().project
        let cases: [(arguments: [String], mentions: [String])] = [
            (["--help"], ["build", "check", "figures", "Exit status"]),
            (["build", "--help"], ["--project", "--output", "-o"]),
            (["check", "--help"], ["--project", "write nothing"]),
            (["figures", "--help"], ["--project", "--json", "<series/period>"]),
            (["help", "build"], ["--output"]),
        ]
        for (arguments, mentions) in cases {
            let run = try SitrepProcess.run(arguments, in: project)
            XCTAssertEqual(run.status, 0, "\(arguments): \(run)")
            for word in mentions {
                XCTAssertTrue(run.stdout.contains(word), "\(arguments) does not mention \(word): \(run.stdout)")
            }
        }
    }
}
