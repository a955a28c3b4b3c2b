import Foundation
import XCTest

import SitrepContent
@testable import SitrepSite

/// `sitrep serve`'s site in memory: the same files a build writes, nothing on disk, rendered
/// again only when an input changed, and a series whose files did not change keeps its pages.
final class PreviewSiteTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws {
        project = try ExampleProject.copy(withSeriesCopiedAs: "second")
    }

    override func tearDownWithError() throws {
        if project.lastPathComponent.hasPrefix("sitrep-example-") { try? FileManager.default.removeItem(at: project) }
    }

    func testTheSiteInMemoryIsTheSiteABuildWritesAndNothingIsWritten() throws {
        var site = PreviewSite(projectRoot: project.path)
        guard case .rendered(let files, let rendered, let kept, let warnings)? = site.rebuildIfChanged() else {
            return XCTFail("the example did not render")
        }
        XCTAssertEqual([files, rendered, kept], [site.files.count, 3, 0], "the example's two series and the copy")
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path).sorted(), ["content", "sitrep.yml", "templates"])

        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-example-output-\(UUID().uuidString)")
        defer {
            // The build's manifest sits beside the output folder, not in it.
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(atPath: BuildManifest.path(for: output.path))
        }
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)
        var built: [String: [UInt8]] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: output.path))
        while let path = enumerator.nextObject() as? String {
            guard enumerator.fileAttributes?[.type] as? FileAttributeType == .typeRegular, path != OutputOwnership.markerName else { continue }
            built[path] = Array(try Data(contentsOf: output.appendingPathComponent(path)))
        }
        XCTAssertEqual(site.files.keys.sorted(), built.keys.sorted())
        for (path, bytes) in built { XCTAssertEqual(site.files[path], bytes, "\(path) differs from the build's") }
    }

    func testNothingChangedRendersNothing() throws {
        var site = PreviewSite(projectRoot: project.path)
        XCTAssertNotNil(site.rebuildIfChanged())
        XCTAssertNil(site.rebuildIfChanged())
    }

    func testAChangedSeriesIsRenderedAndTheOtherKeepsItsPages() throws {
        var site = PreviewSite(projectRoot: project.path)
        _ = site.rebuildIfChanged()
        let otherBefore = site.files.filter { $0.key.hasPrefix("second/") }
        try ExampleProject.changeArrivalsFromBelarus(in: project, to: 97_531)
        guard case .rendered(_, let rendered, let kept, _)? = site.rebuildIfChanged() else {
            return XCTFail("the changed example did not render")
        }
        XCTAssertEqual([rendered, kept], [1, 2])
        XCTAssertEqual(site.files.filter { $0.key.hasPrefix("second/") }, otherBefore)
        let json = String(decoding: try XCTUnwrap(site.files["belarus/2022-06/figures.json"]), as: UTF8.self)
        XCTAssertTrue(json.contains("97531"), json)
        let home = String(decoding: try XCTUnwrap(site.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(home.contains("second/index.html"), "the home page lost the kept series")
    }

    func testAnErrorKeepsTheLastSiteAndItsFixRendersAgain() throws {
        var site = PreviewSite(projectRoot: project.path)
        _ = site.rebuildIfChanged()
        let before = site.files
        let csv = project.appendingPathComponent("content/belarus/2022-06/arrivals.csv")
        let good = try Data(contentsOf: csv)
        try (good + Data("Nowhere,many\n".utf8)).write(to: csv)
        guard case .failed(let problems)? = site.rebuildIfChanged() else { return XCTFail("a broken table rendered") }
        XCTAssertTrue(problems.contains { $0.location?.file == "content/belarus/2022-06/arrivals.csv" && $0.location?.line != nil },
                      "\(problems)")
        XCTAssertEqual(site.files, before)
        try good.write(to: csv)
        guard case .rendered(_, let rendered, let kept, _)? = site.rebuildIfChanged() else { return XCTFail("the fix did not render") }
        // The fixed table was written again (a new modification time): its series is rendered,
        // the others keep their pages, and the site is as before the error.
        XCTAssertEqual([rendered, kept], [1, 2])
        XCTAssertEqual(site.files, before)
    }
}
