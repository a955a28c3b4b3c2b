import Foundation
import XCTest

import SitrepContent
import SitrepDiagnostics
import SitrepSeries
import SitrepSite

/// The series stream walks the example series in reporting order, once, for every consumer.
final class SeriesStreamTests: XCTestCase {
    private func stream(_ project: URL) throws -> SeriesStream {
        let loaded = try Project.load(root: project.path)
        return try SeriesStream(project: loaded, series: XCTUnwrap(loaded.series(named: "belarus")))
    }

    func testReportsComeInReportingOrderWithTheirNarrative() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let stream = try stream(project)
        let (reports, warnings) = try stream.map { ($0.position, $0.folder.name, $0.label, $0.body) }
        XCTAssertEqual(reports.map(\.0), Array(0..<stream.series.periods.count))
        XCTAssertEqual(reports.map(\.1), stream.series.periods.map(\.name))
        XCTAssertEqual(reports.map(\.2), stream.labels)
        XCTAssertEqual(reports.last?.2, "27 May – 9 June 2022")
        XCTAssertTrue(reports.allSatisfy { ($0.3 ?? "").contains("<p>") }, "every report's narrative is rendered")
        XCTAssertEqual(warnings, [])
    }

    func testFiguresOnlyStopsAtTheReportAskedFor() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let stream = try stream(project)
        let (reports, _) = try stream.map(through: 1, stages: .figures) { ($0.position, $0.body, $0.figures["arrivals.total"]?.value) }
        XCTAssertEqual(reports.map(\.0), [0, 1])
        XCTAssertTrue(reports.allSatisfy { $0.1 == nil }, "no narrative is rendered for figures only")
        let (all, _) = try stream.map { $0.figures["arrivals.total"]?.value }
        XCTAssertEqual(reports.map(\.2), Array(all.prefix(2)), "the figures do not depend on where the walk stops")
    }

    func testAPeriodThatCannotBeLoadedStopsTheWalkAndSaysSo() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let stream = try stream(project)
        let second = stream.series.periods[1].path
        try Data("country,count\nIraq,-1\n".utf8).write(to: project.appendingPathComponent("\(second)/avrr.csv"))
        let consumed = Locked([Int]())
        XCTAssertThrowsError(try stream.map { report in consumed.withLock { $0.append(report.position) } }) { error in
            let diagnostics = (error as? DiagnosticError)?.diagnostics ?? []
            XCTAssertEqual(diagnostics.first?.location?.file, "\(second)/avrr.csv")
            XCTAssertEqual(diagnostics.last?.severity, .warning)
            XCTAssertEqual(diagnostics.last?.location?.file, stream.series.periods[2].path,
                           "the later periods are named as not checked")
        }
        XCTAssertEqual(consumed.withLock { $0 }, [0], "the periods after the broken one are not walked")
    }

    func testANarrativeErrorAndAKeyFigureErrorAreReportedTogether() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let file = project.appendingPathComponent("content/belarus/2022-06/report.md")
        let text = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "{figure: avrr.total,", with: "{figure: avrr.totl,")
            .replacingOccurrences(of: "Since {{ series.onset | date: short }}, {{ arrivals.total }}",
                                  with: "Since {{ series.onset | date: short }}, {{ arrivals.totl }}")
        try Data(text.utf8).write(to: file)
        XCTAssertThrowsError(try SiteBuilder.check(projectRoot: project.path)) { error in
            let messages = (error as? DiagnosticError)?.diagnostics.map(\.message) ?? []
            XCTAssertTrue(messages.contains { $0.contains("'arrivals.totl'") }, "the narrative's error: \(messages)")
            XCTAssertTrue(messages.contains { $0.contains("'avrr.totl'") }, "the key figure's error: \(messages)")
        }
    }

    func testAnUnknownLocaleIsAnErrorAtTheSeries() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let file = project.appendingPathComponent("content/belarus/series.yml")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: xx")
        try Data(text.utf8).write(to: file)
        XCTAssertThrowsError(try stream(project)) { error in
            XCTAssertEqual((error as? DiagnosticError)?.diagnostics.map(\.message), ["unknown locale 'xx'"])
        }
    }
}
