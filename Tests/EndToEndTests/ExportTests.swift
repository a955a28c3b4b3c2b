import Foundation
import XCTest

/// A table as an officer exports it, built with the real executable: the example's hotline
/// table saved as Excel's "Unicode text" (UTF-16 with a byte order mark, tab-separated, CR LF),
/// with two title rows above the header, the header in Russian, a row of HXL hashtags below it
/// and one value column per topic. Declared in series.yml, it gives the figures and pages the
/// long CSV gave, and figures.json keeps its tags.
final class ExportTests: XCTestCase {
    private static let table = "content/belarus/2022-06/hotline.csv"

    /// The long table `week,topic,count` as a wide sheet: one row per week, one column per topic.
    private func exported(_ long: String) throws -> [UInt8] {
        let rows = long.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let weeks = rows.map { $0[0] }.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        func count(_ week: String, _ topic: String) throws -> String {
            try XCTUnwrap(rows.first { $0[0] == week && $0[1] == topic }?[2], "no \(week)/\(topic) in \(long)")
        }
        var lines = ["Горячая линия: обращения по неделям и темам\t\t", "\t\t",
                     "Неделя\tУкраина\tДругое", "#week\t#reached+ukraine\t#reached+other"]
        for week in weeks { lines.append("\(week)\t\(try count(week, "Ukraine"))\t\(try count(week, "other"))") }
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in (lines.joined(separator: "\r\n") + "\r\n").utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        return bytes
    }

    func testAWideHXLExportInUnicodeTextGivesTheLongTablesFigures() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        let before = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(before.status, 0, "\(before)")
        let output = project.appendingPathComponent("output")
        let longOutput = try SitrepProcess.snapshot(of: output)

        try Data(try exported(try SitrepProcess.read(Self.table, in: project))).write(to: project.appendingPathComponent(Self.table))
        try SitrepProcess.edit("content/belarus/series.yml", in: project, replacing: "  hotline:\n", with: """
              hotline:
                header_row: 3
                names: hxl
                values: {topic: {Ukraine: "#reached+ukraine", other: "#reached+other"}}

            """)
        let after = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(after.status, 0, "\(after)")
        let wideOutput = try SitrepProcess.snapshot(of: output)

        let figuresFile = "belarus/2022-06/figures.json"
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: XCTUnwrap(wideOutput[figuresFile] ?? nil)) as? [String: Any])
        let longJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: XCTUnwrap(longOutput[figuresFile] ?? nil)) as? [String: Any])
        XCTAssertEqual(json["figures"] as? NSDictionary, longJSON["figures"] as? NSDictionary, "the figures differ")
        XCTAssertEqual(json["hxl"] as? NSDictionary, [
            "hotline": ["Неделя": "#week", "Украина": "#reached+ukraine", "Другое": "#reached+other"],
        ] as NSDictionary)
        XCTAssertNotNil((json["figures"] as? [String: Any])?["hotline.week.last.topic.Ukraine"])
        // Every page but figures.json is the same, byte for byte.
        var pages = wideOutput
        pages[figuresFile] = longOutput[figuresFile]
        SitrepProcess.assertSameTree(longOutput, pages, "the site built from the export:")
    }
}
