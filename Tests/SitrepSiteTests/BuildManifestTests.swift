import Foundation
import XCTest

import SitrepContent
@testable import SitrepSite

/// The no-op shortcut: a build whose inputs and output are as the last build left them renders
/// nothing, and any change to an input or to the output makes it render again.
final class BuildManifestTests: XCTestCase {
    private var project: URL!
    private var output: String { project.appendingPathComponent("output").path }

    override func setUpWithError() throws {
        project = try ExampleProject.copy()
    }

    override func tearDownWithError() throws {
        if project.lastPathComponent.hasPrefix("sitrep-example-") { try? FileManager.default.removeItem(at: project) }
    }

    func testASecondBuildWithNothingChangedRendersNothing() throws {
        let first = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertFalse(first.upToDate)
        XCTAssertGreaterThan(first.files, 5)
        let second = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertTrue(second.upToDate)
        XCTAssertEqual(second.files, 0)
        let (stale, summary) = try SiteBuilder.compare(projectRoot: project.path, output: output)
        XCTAssertTrue(stale.isCurrent)
        XCTAssertTrue(summary.upToDate)
    }

    /// The listings a build takes from the manifest's scan are the folders as they are: every
    /// folder of content/ and templates/ with its names, every file with its size; a folder the
    /// scan did not list (outside the inputs) has none.
    func testTheScansListingsAreTheFoldersAsTheyAre() throws {
        try Data("x\n".utf8).write(to: project.appendingPathComponent("content/belarus/2022-06/.hidden"))
        let manifest = BuildManifest.inputs(projectRoot: project.path)
        let listings = manifest.inputListings(inputBytes: manifest.byteCount)
        let manager = FileManager.default
        var folders = 0
        for top in ["content", "templates"] {
            let walker = manager.enumerator(atPath: project.appendingPathComponent(top).path)
            var relatives = [top]
            while let path = walker?.nextObject() as? String { relatives.append(top + "/" + path) }
            for relative in relatives {
                let absolute = project.appendingPathComponent(relative).path
                let attributes = try manager.attributesOfItem(atPath: absolute)
                if attributes[.type] as? FileAttributeType == .typeDirectory {
                    folders += 1
                    XCTAssertTrue(listings.isFolder(relative), relative)
                    XCTAssertEqual(Set(listings.names(in: relative) ?? []), Set(try manager.contentsOfDirectory(atPath: absolute)), relative)
                } else {
                    XCTAssertFalse(listings.isFolder(relative), relative)
                    XCTAssertEqual(listings.size(ofFile: relative), (attributes[.size] as? NSNumber)?.intValue, relative)
                }
            }
        }
        XCTAssertGreaterThan(folders, 5)
        XCTAssertTrue(listings.names(in: "content/belarus/2022-06")?.contains(".hidden") ?? false)
        XCTAssertNil(listings.names(in: "output"))
        XCTAssertNil(listings.size(ofFile: "sitrep.yml"), "a file at the top is in no listed folder")
        XCTAssertNil(listings.size(ofFile: "content/belarus/2022-06/none.csv"))
        XCTAssertNil(listings.names(in: "content/belarus/2022-06/report.md"))
        XCTAssertNil(listings.names(in: ""))
        XCTAssertFalse(listings.isFolder(""))
        XCTAssertNil(listings.size(ofFile: "/report.md"))
    }

    /// A first build records its output from the files it wrote, stat'ed by path, without
    /// listing a folder; the lines are a scan's of the same output, byte for byte. A later build,
    /// whose output may hold files it did not write, scans (and agrees too).
    func testAFirstBuildRecordsItsOutputAsAScanWould() throws {
        func scan() -> String {
            var scanned = BuildManifest.inputs(projectRoot: project.path)
            scanned.addOutputs(of: output)
            return String(decoding: scanned.files, as: UTF8.self)
        }
        func recorded() throws -> String {
            String(decoding: try XCTUnwrap(BuildManifest.read(BuildManifest.path(for: output))).files, as: UTF8.self)
        }
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let first = try recorded()
        XCTAssertTrue(first.contains("\nF "), first)
        XCTAssertTrue(first.contains(" belarus/2022-06/figures.json\n"), first)
        XCTAssertTrue(first.contains(" .sitrep-output\n"), first)
        XCTAssertEqual(first, scan())
        try Data("x\n".utf8).write(to: URL(fileURLWithPath: output + "/.nojekyll"))
        try ExampleProject.changeArrivalsFromBelarus(in: project, to: 904)
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertEqual(try recorded(), scan())
    }

    func testChangingAnInputRendersAgain() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        try ExampleProject.changeArrivalsFromBelarus(in: project, to: 903)
        let (stale, _) = try SiteBuilder.compare(projectRoot: project.path, output: output)
        XCTAssertTrue(stale.changed.contains("belarus/2022-06/figures.json"), "\(stale)")
        let rebuilt = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertFalse(rebuilt.upToDate)
        let json = try String(contentsOfFile: output + "/belarus/2022-06/figures.json", encoding: .utf8)
        XCTAssertTrue(json.contains("\"arrivals.total\": 32323"))
    }

    func testADamagedOutputIsRenderedAgain() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        try FileManager.default.removeItem(atPath: output + "/feed.xml")
        let (stale, _) = try SiteBuilder.compare(projectRoot: project.path, output: output)
        XCTAssertEqual(stale.added, ["feed.xml"])
        let rebuilt = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertFalse(rebuilt.upToDate)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/feed.xml"))
    }

    func testANewFileInTheContentIsNoticed() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        try Data("x\n".utf8).write(to: project.appendingPathComponent("content/belarus/NOTES.txt"))
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
    }

    /// The no-op check lists no folder: a removed file, a file added to the output, and a
    /// `templates/` folder that did not exist are each noticed by the folders' recorded times.
    func testAddedAndRemovedFilesAreNoticedWithoutListingFolders() throws {
        try FileManager.default.removeItem(at: project.appendingPathComponent("templates"))
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertTrue(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))

        let stray = output + "/belarus/2022-06/stray.txt"
        try Data("stray\n".utf8).write(to: URL(fileURLWithPath: stray))
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        // A build refuses a file sitrep did not write (OutputSafetyTests); once it is moved out,
        // the output is as the last build left it, but its folder's time says it was touched.
        try FileManager.default.removeItem(atPath: stray)
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertTrue(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))

        try FileManager.default.createDirectory(at: project.appendingPathComponent("templates"), withIntermediateDirectories: false)
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)

        try FileManager.default.removeItem(at: project.appendingPathComponent("content/belarus/2022-06/hotline.csv"))
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
    }

    /// Entries are looked up by name in their open folder: a folder swapped for a link to
    /// itself, or removed with its files, is still noticed.
    func testAFolderReplacedByALinkOrRemovedIsNoticed() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let period = project.appendingPathComponent("content/belarus/2022-06")
        let moved = project.appendingPathComponent("content/belarus-june-moved")
        try FileManager.default.moveItem(at: period, to: moved)
        try FileManager.default.createSymbolicLink(at: period, withDestinationURL: moved)
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        try FileManager.default.removeItem(at: period)
        try FileManager.default.moveItem(at: moved, to: period)
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertTrue(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))

        try FileManager.default.removeItem(atPath: output + "/belarus/2022-06")
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
    }

    func testAManifestOfAnOlderFormatIsNotTrusted() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let path = BuildManifest.path(for: output)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "sitrep-manifest 6 ", with: "sitrep-manifest 5 ").utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        XCTAssertFalse(try SiteBuilder.build(projectRoot: project.path, output: output).upToDate)
        XCTAssertTrue(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
    }

    /// The manifest sits beside the output folder, however the folder is spelled.
    func testTheManifestSitsBesideTheOutputFolder() throws {
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertEqual(BuildManifest.path(for: "/srv/site/output"), "/srv/site/.output.sitrep-manifest")
        XCTAssertEqual(BuildManifest.path(for: "/srv/./site/../www/output/"), "/srv/www/.output.sitrep-manifest")
        XCTAssertEqual(BuildManifest.path(for: "output"), cwd + "/.output.sitrep-manifest")
        XCTAssertEqual(BuildManifest.path(for: "./public/"), cwd + "/.public.sitrep-manifest")
        for spelling in ["/srv/site/output", "/a/./b/../c/", "out", "../x/y", "./z/.", "/top"] {
            let url = URL(fileURLWithPath: spelling).standardizedFileURL
            XCTAssertEqual(BuildManifest.path(for: spelling),
                           url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).sitrep-manifest").path,
                           spelling)
        }
    }

    /// The header gives the length of the entry lines, which the check reads alone: a manifest
    /// cut short (a full disk, a killed copy), empty, or with a wrong length is not trusted.
    func testAManifestCutShortOrWithAWrongLengthIsNotTrusted() throws {
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let path = BuildManifest.path(for: output)
        let whole = try XCTUnwrap(FileManager.default.contents(atPath: path))
        let firstLine = try XCTUnwrap(String(decoding: whole, as: UTF8.self).split(separator: "\n").first)
        let length = try XCTUnwrap(Int(firstLine.split(separator: " ").last ?? ""))
        XCTAssertLessThan(firstLine.utf8.count + 1 + length, whole.count, "the S lines follow the entries")
        XCTAssertNotNil(BuildManifest.read(path))

        for broken in [whole.prefix(firstLine.utf8.count + length / 2), Data(),
                       Data(String(decoding: whole, as: UTF8.self)
                           .replacingOccurrences(of: "\(firstLine)\n", with: "sitrep-manifest 6 \(length - 1)\n").utf8)] {
            try broken.write(to: URL(fileURLWithPath: path))
            XCTAssertNil(BuildManifest.read(path))
            XCTAssertFalse(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
        }
        XCTAssertFalse(try SiteBuilder.build(projectRoot: project.path, output: output).upToDate)
        XCTAssertTrue(SiteBuilder.isUpToDate(projectRoot: project.path, output: output))
    }
}

/// A series whose content did not change keeps its pages from the last build; the result is
/// byte for byte what a fresh build gives.
final class SeriesReuseTests: XCTestCase {
    func testAnUnchangedSeriesIsKeptAndTheSiteEqualsAFreshBuild() throws {
        try checkReuse(copy: "second", changed: "belarus", kept: "second")
    }

    /// The manifest's lines of `belarus` and `belarus-north` sit next to each other; each series
    /// is still compared on its own lines, in either direction.
    func testASeriesWhoseNameStartsAnotherIsComparedOnItsOwnFiles() throws {
        try checkReuse(copy: "belarus-north", changed: "belarus-north", kept: "belarus")
        try checkReuse(copy: "belarus-north", changed: "belarus", kept: "belarus-north")
    }

    /// A page edited by hand in output/ is not kept: `--check` renders its series and reports it.
    func testCheckFindsAHandEditedPageOfAnUnchangedSeries() throws {
        let project = try ExampleProject.copy(withSeriesCopiedAs: "second")
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        try ExampleProject.changeArrivalsFromBelarus(in: project, to: 912)
        let page = output + "/second/2022-05-12/index.html"
        try Data((try String(contentsOfFile: page, encoding: .utf8) + "<!-- edited -->").utf8).write(to: URL(fileURLWithPath: page))

        let (stale, checked) = try SiteBuilder.compare(projectRoot: project.path, output: output)
        XCTAssertEqual(checked.keptSeries, 1, "only the example's workbook series, belarus-assistance")
        XCTAssertTrue(stale.changed.contains("second/2022-05-12/index.html"), "\(stale)")
        XCTAssertTrue(stale.changed.contains("belarus/2022-06/figures.json"), "\(stale)")

        // The build renders that series again from the outline the manifest kept (its files did
        // not change): the site is the fresh build's, byte for byte.
        let rebuilt = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertEqual(rebuilt.keptSeries, 1)
        let fresh = project.appendingPathComponent("fresh").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: fresh)
        XCTAssertEqual(BuildManifestTests.files(under: output), BuildManifestTests.files(under: fresh))
        for path in BuildManifestTests.files(under: output) {
            XCTAssertEqual(FileManager.default.contents(atPath: output + "/" + path),
                           FileManager.default.contents(atPath: fresh + "/" + path), path)
        }
    }

    /// A series whose files did not change is not read again for its outline: the periods,
    /// their order and their dates come from the manifest, as the last build found them.
    func testTheOutlineOfAnUnchangedSeriesComesFromTheManifest() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let manifest = try XCTUnwrap(BuildManifest.read(BuildManifest.path(for: output)))
        var current = BuildManifest.inputs(projectRoot: project.path)
        current.addOutputs(of: output)
        let reuse = try XCTUnwrap(SeriesReuse(previous: manifest, current: current))
        let loaded = try Project.load(root: project.path)
        let recorded = try XCTUnwrap(reuse.outlines["belarus"])
        XCTAssertEqual(recorded, loaded.series(named: "belarus")?.periods)
        XCTAssertEqual(recorded.map(\.name), ["2022-05-12", "2022-05-26", "2022-06"])

        // Once a file of the series changes, its outline is read again.
        let csv = project.appendingPathComponent("content/belarus/2022-06/arrivals.csv")
        try Data((try String(contentsOf: csv, encoding: .utf8)).utf8).write(to: csv)
        var changed = BuildManifest.inputs(projectRoot: project.path)
        changed.addOutputs(of: output)
        XCTAssertNil(SeriesReuse(previous: manifest, current: changed)?.outlines["belarus"])
    }

    /// Builds the example with a copy of its series named `copy`, changes one CSV value of
    /// `changed`, builds again, and checks that `kept` kept its files and that the site equals a
    /// fresh build.
    private func checkReuse(copy: String, changed: String, kept: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let project = try ExampleProject.copy(withSeriesCopiedAs: copy)
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        func inode(_ path: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: output + "/" + path)[.systemFileNumber] as? NSNumber)?.intValue ?? -1
        }
        let keptBefore = try inode("\(kept)/2022-06/index.html")
        let changedBefore = try inode("\(changed)/2022-06/index.html")

        try ExampleProject.changeArrivalsFromBelarus(in: project, series: changed, to: 912)
        // --check keeps the unchanged series too, and still finds what changed.
        let (stale, checked) = try SiteBuilder.compare(projectRoot: project.path, output: output)
        // The unchanged series and the example's workbook series, belarus-assistance.
        XCTAssertEqual(checked.keptSeries, 2, file: file, line: line)
        XCTAssertTrue(stale.changed.contains("\(changed)/2022-06/figures.json"), "\(stale)", file: file, line: line)
        XCTAssertEqual(stale.changed.filter { $0.hasPrefix("\(kept)/") }, [], file: file, line: line)
        XCTAssertEqual(stale.added + stale.removed, [], file: file, line: line)
        let summary = try SiteBuilder.build(projectRoot: project.path, output: output)

        XCTAssertEqual(summary.keptSeries, 2, "the unchanged series was rendered again", file: file, line: line)
        XCTAssertEqual(try inode("\(kept)/2022-06/index.html"), keptBefore, file: file, line: line)
        XCTAssertNotEqual(try inode("\(changed)/2022-06/index.html"), changedBefore, file: file, line: line)
        XCTAssertGreaterThan(summary.unchanged, 0, file: file, line: line)
        let fresh = project.appendingPathComponent("fresh").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: fresh)
        for path in BuildManifestTests.files(under: output) {
            XCTAssertEqual(FileManager.default.contents(atPath: output + "/" + path),
                           FileManager.default.contents(atPath: fresh + "/" + path), path, file: file, line: line)
        }
        XCTAssertEqual(BuildManifestTests.files(under: output), BuildManifestTests.files(under: fresh), file: file, line: line)
        XCTAssertTrue(try String(contentsOfFile: output + "/index.html", encoding: .utf8).contains("\(copy)/index.html"), file: file, line: line)
        // The kept series' index is written again as recorded; it is what a fresh build records.
        func seriesLines(_ output: String) throws -> [Substring] {
            try String(contentsOfFile: BuildManifest.path(for: output), encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("S ") }
        }
        XCTAssertEqual(try seriesLines(output), try seriesLines(fresh), file: file, line: line)
        XCTAssertEqual(try seriesLines(output).count, 3, "belarus, its copy and belarus-assistance", file: file, line: line)
    }
}

extension BuildManifestTests {
    static func files(under root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter {
            var directory: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + $0, isDirectory: &directory) && !directory.boolValue
        }.sorted()
    }
}
