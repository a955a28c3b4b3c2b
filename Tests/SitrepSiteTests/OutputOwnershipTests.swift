import Foundation
import SitrepDiagnostics
import XCTest

@testable import SitrepSite

/// The parts of output safety that the command cannot reach on its own: the list's rules, the
/// contents swap of a mounted output folder, and the removal of killed builds' staging folders.
final class OutputOwnershipTests: XCTestCase {
    /// A fresh folder to hold `output` and its neighbours, removed after the test.
    private var parent: URL!
    private var destination: String { parent.appendingPathComponent("output").path }

    override func setUpWithError() throws {
        parent = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-ownership-\(UUID().uuidString)")
            .resolvingSymlinksInPath()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let parent, parent.lastPathComponent.hasPrefix("sitrep-ownership-") { try? FileManager.default.removeItem(at: parent) }
    }

    // MARK: Helpers

    private func write(_ files: [String: String], under root: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every file under `root` with its text, folders left out.
    private func files(_ root: String) -> [String: String] {
        var result: [String: String] = [:]
        for path in OutputFiles.entries(under: root).files {
            result[path] = String(decoding: FileManager.default.contents(atPath: root + "/" + path) ?? Data(), as: UTF8.self)
        }
        return result
    }

    private func names(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    /// Builds `site` into `destination` with a writer, swapping contents or the whole folder.
    private func build(_ site: [String: String], swapContents: Bool = false) throws {
        let writer = try OutputWriter(destination: destination, swapContents: swapContents)
        for (path, text) in site.sorted(by: { $0.key < $1.key }) { try writer.write(path, Array(text.utf8)) }
        try writer.commit()
    }

    private func check() throws {
        try OutputOwnership.check(OutputTarget(destination: destination, projectRoot: parent.appendingPathComponent("project").path))
    }

    private func assertRefused(_ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try check(), file: file, line: line) { error in
            let text = (error as? DiagnosticError)?.diagnostics.map(\.description).joined() ?? "\(error)"
            XCTAssertTrue(text.contains(expected), text, file: file, line: line)
        }
    }

    /// The id of a process that has ended.
    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // MARK: The path

    /// Links in the folders above the output are resolved before the path is judged.
    func testPathsAreJudgedWithTheirLinksResolved() throws {
        let project = parent.appendingPathComponent("project").path
        try FileManager.default.createDirectory(atPath: project + "/content", withIntermediateDirectories: true)
        let alias = parent.appendingPathComponent("alias").path
        try FileManager.default.createSymbolicLink(atPath: alias, withDestinationPath: project)
        for refused in [alias + "/content/site", alias + "/content", alias, alias + "/..", "/", "/tmp/../.."] {
            XCTAssertThrowsError(try OutputTarget(destination: refused, projectRoot: project), refused)
        }
        XCTAssertThrowsError(try OutputTarget(destination: project, projectRoot: alias), "a project given by a link")
        let target = try OutputTarget(destination: alias + "/output", projectRoot: project)
        XCTAssertEqual(target.path, alias + "/output")
        XCTAssertFalse(target.exists)
    }

    // MARK: The list

    func testTheListNamesEveryFileOfTheSiteSortedAfterItsHeader() throws {
        try build(["index.html": "home", "b/page.html": "b", "a/z/deep.json": "{}"])
        XCTAssertEqual(try String(contentsOfFile: destination + "/.sitrep-output", encoding: .utf8),
                       OutputOwnership.markerHeader + "\na/z/deep.json\nb/page.html\nindex.html\n")
        XCTAssertEqual(OutputOwnership.listedFiles(in: destination), ["a/z/deep.json", "b/page.html", "index.html"])
        XCTAssertNoThrow(try check())
    }

    func testAFolderIsAcceptedOnlyWithNothingButWhatItsListNames() throws {
        XCTAssertNoThrow(try check(), "a folder that does not exist")
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        XCTAssertNoThrow(try check(), "an empty folder")
        try write(["CNAME": "x", ".nojekyll": "", ".git/HEAD": "ref"], under: destination)
        XCTAssertNoThrow(try check(), "a folder with publishing files only")

        try build(["index.html": "home", "a/page.html": "a"])
        try write(["a/extra.html": "mine"], under: destination)
        assertRefused("holds files sitrep did not write, which a build would delete: a/extra.html")
        try FileManager.default.removeItem(atPath: destination + "/a/extra.html")
        try FileManager.default.createDirectory(atPath: destination + "/a/empty", withIntermediateDirectories: false)
        assertRefused("delete: a/empty/")
        try FileManager.default.removeItem(atPath: destination + "/a/empty")
        try FileManager.default.createSymbolicLink(atPath: destination + "/link", withDestinationPath: parent.path)
        assertRefused("delete: link")
        try FileManager.default.removeItem(atPath: destination + "/link")
        XCTAssertNoThrow(try check())

        try Data("not sitrep's list\nindex.html\na/page.html\n".utf8).write(to: URL(fileURLWithPath: destination + "/.sitrep-output"))
        assertRefused("is not empty and was not made by sitrep (it has no .sitrep-output list): a/, index.html")
    }

    func testARefusalNamesTheFirstFiveAndCountsTheRest() throws {
        try write(Dictionary(uniqueKeysWithValues: (1...8).map { ("doc\($0).txt", "d") }), under: destination)
        assertRefused(": doc1.txt, doc2.txt, doc3.txt, doc4.txt, doc5.txt and 3 more")
    }

    // MARK: Kept publishing files

    func testPublishingFilesAreCarriedIntoTheNewSiteByEitherSwap() throws {
        for swapContents in [false, true] {
            try build(["index.html": "one"])
            try write(["CNAME": "reports.example.org", ".nojekyll": "", ".git/objects/ab": "object"], under: destination)
            try build(["index.html": "two", "new.html": "new"], swapContents: swapContents)
            XCTAssertEqual(files(destination), ["index.html": "two", "new.html": "new"], "swapContents: \(swapContents)")
            XCTAssertEqual(try names(destination), [".git", ".nojekyll", ".sitrep-output", "CNAME", "index.html", "new.html"])
            XCTAssertEqual(try String(contentsOfFile: destination + "/CNAME", encoding: .utf8), "reports.example.org")
            XCTAssertEqual(try String(contentsOfFile: destination + "/.git/objects/ab", encoding: .utf8), "object")
            XCTAssertEqual(try names(parent.path), ["output"], "nothing is left beside the output")
            try FileManager.default.removeItem(atPath: destination)
        }
    }

    func testTheSiteCannotWriteAPublishingFilesName() throws {
        let writer = try OutputWriter(destination: destination)
        for path in ["CNAME", "CNAME/index.html", ".git/config", ".nojekyll", ".sitrep-output", ".sitrep-staging-12/x"] {
            XCTAssertThrowsError(try writer.write(path, Array("x".utf8)), path)
        }
        XCTAssertNoThrow(try writer.write("CNAMES/index.html", Array("x".utf8)))
    }

    // MARK: A mounted output folder

    func testTheContentsSwapReplacesTheSiteEntryByEntry() throws {
        try build(["index.html": "old home", "gone/page.html": "gone", "same.html": "same", "series/a.html": "old a"])
        let sameFile = try FileManager.default.attributesOfItem(atPath: destination + "/same.html")[.systemFileNumber] as? Int
        let folder = try FileManager.default.attributesOfItem(atPath: destination)[.systemFileNumber] as? Int

        try build(["index.html": "new home", "same.html": "same", "series/b.html": "new b"], swapContents: true)
        XCTAssertEqual(files(destination), ["index.html": "new home", "same.html": "same", "series/b.html": "new b"])
        XCTAssertEqual(OutputOwnership.listedFiles(in: destination), ["index.html", "same.html", "series/b.html"])
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: destination)[.systemFileNumber] as? Int, folder,
                       "the folder itself stays: only its contents change")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: destination + "/same.html")[.systemFileNumber] as? Int, sameFile,
                       "an unchanged file is the same file")
        XCTAssertEqual(try names(destination), [".sitrep-output", "index.html", "same.html", "series"], "no staging folder is left")
        XCTAssertEqual(try names(parent.path), ["output"])
        XCTAssertNoThrow(try check())
    }

    func testTheContentsSwapLeavesWhatItsListDoesNotName() throws {
        try build(["index.html": "old"])
        let writer = try OutputWriter(destination: destination, swapContents: true)
        try writer.write("index.html", Array("new".utf8))
        // Dropped in while the site rendered: not sitrep's, so not moved or deleted.
        try write(["late.txt": "mine"], under: destination)
        try writer.commit()
        XCTAssertEqual(files(destination), ["index.html": "new", "late.txt": "mine"])
    }

    func testAFailedContentsSwapBuildLeavesTheFolderAsItWas() throws {
        try build(["index.html": "old", "a/page.html": "a"])
        let before = files(destination)
        do {
            let writer = try OutputWriter(destination: destination, swapContents: true)
            try writer.write("index.html", Array("half-built".utf8))
            XCTAssertEqual(try names(destination).filter { $0.hasPrefix(".sitrep-staging-") }.count, 1, "the staging folder is inside")
        }
        XCTAssertEqual(files(destination), before)
        XCTAssertEqual(try names(destination), [".sitrep-output", "a", "index.html"])
    }

    func testMountPointsAreFound() throws {
        XCTAssertFalse(OutputTarget.isMountPoint(parent.path))
        XCTAssertTrue(OutputTarget.isMountPoint("/proc"), "/proc is a mount point on Linux")
    }

    // MARK: Killed builds' staging folders

    func testOnlyPlainStagingFoldersOfEndedBuildsAreRemoved() throws {
        let dead = try deadProcessID()
        let stale = [".output.staging-\(dead)", ".output.staging-\(dead).old"]
        let others = [".output.staging-\(dead)abc", ".output.staging-", ".output.staging-\(dead).older", ".site.staging-\(dead)"]
        for name in stale + others { try write(["index.html": "x"], under: parent.appendingPathComponent(name).path) }
        // A link with a staging folder's name: neither it nor what it points to is removed.
        try write(["precious.txt": "p", "sub/deeper.txt": "d"], under: parent.appendingPathComponent("elsewhere").path)
        try FileManager.default.createSymbolicLink(atPath: parent.appendingPathComponent(".output.staging-\(dead + 1)").path,
                                                   withDestinationPath: parent.appendingPathComponent("elsewhere").path)
        try write([".sitrep-staging-\(dead)/index.html": "x", ".sitrep-staging-x/index.html": "y"], under: destination)

        OutputStaging.removeStale(of: destination)
        XCTAssertEqual(try names(parent.path), (others + [".output.staging-\(dead + 1)", "elsewhere", "output"]).sorted())
        XCTAssertEqual(files(parent.appendingPathComponent("elsewhere").path), ["precious.txt": "p", "sub/deeper.txt": "d"])
        XCTAssertEqual(try names(destination), [".sitrep-staging-x"])
    }

    /// A build killed after moving the publishing files into its new site, before the swap:
    /// the next build moves them back, and removes the staging folder only then.
    func testPublishingFilesInAKilledBuildsStagingAreMovedBack() throws {
        let dead = try deadProcessID()
        try build(["index.html": "home"])
        let staging = parent.appendingPathComponent(".output.staging-\(dead)").path
        try write(["index.html": "new", "CNAME": "reports.example.org", ".git/HEAD": "ref"], under: staging)
        OutputStaging.removeStale(of: destination)
        XCTAssertEqual(files(destination), ["index.html": "home"])
        XCTAssertEqual(try names(destination), [".git", ".sitrep-output", "CNAME", "index.html"])
        XCTAssertEqual(try names(parent.path), ["output"])

        // When the output has its own, the staging folder's are left where they are.
        try write(["CNAME": "other.example.org"], under: staging)
        OutputStaging.removeStale(of: destination)
        XCTAssertEqual(try names(parent.path), [".output.staging-\(dead)", "output"])
        XCTAssertEqual(try String(contentsOfFile: destination + "/CNAME", encoding: .utf8), "reports.example.org")
    }
}
