import Foundation
import XCTest

/// Values from the user's files, through the real executable: YAML aliases refused wherever
/// YAML is read, one reading of numbers, no raw control characters on the terminal, and a
/// table over the size limit stopped with an error that names the limit.
final class InputValuesTests: XCTestCase {
    static let period = "content/belarus/2022-06"

    /// Eight levels of nine aliases: 9^8 (43 million) strings once expanded, written as one
    /// YAML value at the indentation given.
    static func laughs(indent: String = "") -> String {
        var lines = ["\(indent)lol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...8 {
            let refs = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("\(indent)lol\(level): &l\(level) [\(refs)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func build(_ project: URL) throws -> SitrepRun {
        try SitrepProcess.run(["build", "--project", project.path, "--output", project.appendingPathComponent("output").path],
                              in: project)
    }

    private func assertRefused(_ change: (URL) throws -> Void, at location: String,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        try change(project)
        let started = Date()
        let run = try build(project)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, "the build took too long", file: file, line: line)
        XCTAssertEqual(run.status, 1, run.description, file: file, line: line)
        XCTAssertTrue(run.stderr.contains("\(location): error: YAML anchors and aliases (&name, *name) are not supported"),
                      run.description, file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path), file: file, line: line)
    }

    func testBillionLaughsInFiguresYAML() throws {
        try assertRefused({ try SitrepProcess.append(Self.laughs(), to: "\(Self.period)/figures.yml", in: $0) },
                          at: "\(Self.period)/figures.yml:40:7")
    }

    func testBillionLaughsInFrontMatter() throws {
        try assertRefused({
            try SitrepProcess.edit("\(Self.period)/report.md", in: $0, replacing: "as_of: 2022-06-09\n",
                                   with: "as_of: 2022-06-09\n" + Self.laughs())
        }, at: "\(Self.period)/report.md:5:7")
    }

    func testBillionLaughsInSiteConfig() throws {
        try assertRefused({ try SitrepProcess.append(Self.laughs(), to: "sitrep.yml", in: $0) }, at: "sitrep.yml:4:7")
    }

    func testBillionLaughsInSeriesConfig() throws {
        try assertRefused({ try SitrepProcess.append(Self.laughs(), to: "content/belarus/series.yml", in: $0) },
                          at: "content/belarus/series.yml:23:7")
    }

    func testBillionLaughsInATableBlock() throws {
        try assertRefused({
            try SitrepProcess.edit("\(Self.period)/report.md", in: $0, replacing: "```sitrep-table\ntable: arrivals\n",
                                   with: "```sitrep-table\ntable: arrivals\n" + Self.laughs())
        }, at: "\(Self.period)/report.md:18:7")
    }

    func testAnAmbiguousStatedNumberIsALocatedError() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        try SitrepProcess.append("checked.leaflets: 6.000\n", to: "\(Self.period)/figures.yml", in: project)
        let run = try build(project)
        XCTAssertEqual(run.status, 1, run.description)
        XCTAssertTrue(run.stderr.contains("error: the figure 'checked.leaflets' is written '6.000', which is ambiguous"), run.description)
    }

    func testAnEscapeSequenceInACSVValueNeverReachesTheTerminalRaw() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        try SitrepProcess.append("Mogilev\u{1B}[2J\u{1B}]0;pwned\u{07},3\n", to: "\(Self.period)/assessments.csv", in: project)
        let run = try build(project)
        XCTAssertEqual(run.status, 1, run.description)
        XCTAssertTrue(run.stderr.contains("assessments.csv:8:8: error: the value for 'region' holds an invisible character, "
            + "U+001B (escape)"), run.description)
        XCTAssertTrue(run.stderr.contains("Mogilev\\u{1B}[2J\\u{1B}]0;pwned\\u{7},3"), run.description)
        XCTAssertFalse(run.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" },
                       run.description.debugDescription)
    }

    /// The size is checked before the file is parsed, so this 33 MB file costs a read, no more.
    func testATableOverTheSizeLimitStopsWithTheLimit() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        var csv = Data("region,count\n".utf8)
        let row = Data("Region \(String(repeating: "x", count: 1000)),1\n".utf8)
        while csv.count <= 33 * 1024 * 1024 { csv.append(row) }
        try csv.write(to: project.appendingPathComponent("\(Self.period)/assessments.csv"))
        let run = try build(project)
        XCTAssertEqual(run.status, 1, run.description)
        XCTAssertTrue(run.stderr.contains("\(Self.period)/assessments.csv: error: the file is 33 MB; "
            + "sitrep reads tables of at most 32 MB"), run.description)
    }
}
