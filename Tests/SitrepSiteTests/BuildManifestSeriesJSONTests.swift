import Foundation
import XCTest

import SitrepContent
@testable import SitrepSite

/// The manifest's series lines are written by hand: they must be the bytes JSONEncoder writes
/// with sorted keys, which JSONDecoder reads back.
final class BuildManifestSeriesJSONTests: XCTestCase {
    private func handWritten(_ index: SiteRenderer.SeriesIndex) -> [UInt8] {
        var json = ByteWriter(capacity: 256)
        BuildManifest.appendJSON(of: index, into: &json)
        return json.bytes()
    }

    private func encoded(_ index: SiteRenderer.SeriesIndex) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return Array(try encoder.encode(index))
    }

    /// Every character JSONEncoder escapes, and the optionals both present and absent.
    func testTheHandWrittenJSONIsJSONEncodersWithEscapesAndMissingOptionals() throws {
        let day = try XCTUnwrap(Day(year: 2022, month: 6, day: 30))
        let awkward = "a\"b\\c/d\u{8}e\u{C}f\ng\rh\ti\u{0}j\u{1F}k\u{7F}l — ü 🙂 \u{2028}"
        let entry = AtomFeed.Entry(id: "urn:sitrep:\(awkward)", title: awkward, url: "https://example.org/a/b/", updated: day,
                                   author: "", summary: "6,279 people")
        let full = SiteRenderer.SeriesIndex(
            summary: .init(url: "belarus/index.html", title: awkward, office: "IOM", reportCount: 2,
                           latestURL: "belarus/2022-06/index.html", latestPeriodLabel: "June 2022"),
            feed: [entry, entry],
            pages: [.init(path: "belarus/2022-06/index.html", modified: day), .init(path: "a/b c", modified: nil)],
            outline: [.init(name: "2022-06", start: day, end: day, asOf: day), .init(name: awkward, start: day, end: day, asOf: nil)])
        let bare = SiteRenderer.SeriesIndex(summary: .init(url: "", title: "", office: "", reportCount: 0, latestURL: nil,
                                                           latestPeriodLabel: nil))
        for index in [full, bare] {
            let bytes = handWritten(index)
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: try encoded(index), as: UTF8.self))
            let decoded = try JSONDecoder().decode(SiteRenderer.SeriesIndex.self, from: Data(bytes))
            XCTAssertEqual(handWritten(decoded), bytes)
        }
    }

    /// The example's series, as a build records them.
    func testTheExamplesSeriesLinesAreJSONEncoders() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let manifest = try XCTUnwrap(BuildManifest.read(BuildManifest.path(for: output)))
        let series = manifest.recordedSeries()
        XCTAssertFalse(series.isEmpty)
        for (slug, range) in series {
            let index = try XCTUnwrap(manifest.recordedIndex(at: range), slug)
            XCTAssertEqual(Array(manifest.recordedJSON(at: range)), try encoded(index), slug)
            XCTAssertEqual(handWritten(index), try encoded(index), slug)
        }
    }
}
