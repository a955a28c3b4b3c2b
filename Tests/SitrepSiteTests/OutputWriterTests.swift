import Foundation
import XCTest

@testable import SitrepSite

final class OutputWriterTests: XCTestCase {
    /// A fresh folder to hold `output` and its staging siblings, removed after the test.
    private var parent: URL!
    private var destination: String { parent.appendingPathComponent("output").path }

    override func setUpWithError() throws {
        try super.setUpWithError()
        parent = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-output-writer-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let parent, parent.lastPathComponent.hasPrefix("sitrep-output-writer-") {
            try? FileManager.default.removeItem(at: parent)
        }
        try super.tearDownWithError()
    }

    // MARK: Helpers

    private func write(_ files: [String: String], under root: String) throws {
        for (path, text) in files {
            let url = URL(fileURLWithPath: root).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Every file under `root`, relative path to text; folders as "/" entries. The site's list
    /// of files (`.sitrep-output`) is left out: OutputOwnershipTests test it.
    private func tree(_ root: String) -> [String: String] {
        var result: [String: String] = [:]
        let manager = FileManager.default
        for case let relative as String in manager.enumerator(atPath: root)?.allObjects ?? [] where relative != ".sitrep-output" {
            var isDirectory: ObjCBool = false
            _ = manager.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory)
            result[relative] = isDirectory.boolValue ? "/" : String(decoding: manager.contents(atPath: root + "/" + relative) ?? Data(),
                                                                     as: UTF8.self)
        }
        return result
    }

    private func siblings() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
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

    // MARK: Commit

    func testCommitCreatesTheDestination() throws {
        let writer = try OutputWriter(destination: destination)
        try writer.write("index.html", Array("home".utf8))
        try writer.write("a/b/c.json", Array("{}".utf8))
        XCTAssertFalse(FileManager.default.fileExists(atPath: destination), "nothing appears before the commit")
        try writer.commit()
        XCTAssertEqual(tree(destination), ["index.html": "home", "a": "/", "a/b": "/", "a/b/c.json": "{}"])
        XCTAssertEqual(try siblings(), ["output"])
        // Put where there was nothing, the output holds the files written and their list, and
        // the writer says so (the manifest records them without listing a folder).
        XCTAssertEqual(writer.outputFiles?.sorted(), [".sitrep-output", "a/b/c.json", "index.html"])
    }

    func testCommitReplacesAnExistingFolderWholly() throws {
        try write(["old.html": "old", "stale/page.html": "stale", "index.html": "previous home", ".hidden": "h"], under: destination)
        let writer = try OutputWriter(destination: destination)
        try writer.write("index.html", Array("new home".utf8))
        try writer.write("new/page.html", Array("new".utf8))
        // Until the commit, the old site is what readers see.
        XCTAssertEqual(tree(destination)["index.html"], "previous home")
        try writer.commit()
        XCTAssertEqual(tree(destination), ["index.html": "new home", "new": "/", "new/page.html": "new"])
        XCTAssertEqual(try siblings(), ["output"], "no staging or old folder is left beside the output")
        XCTAssertNil(writer.outputFiles, "an output that was there may hold files kept for publishing: it is scanned")
    }

    func testCommitTwiceInARow() throws {
        for round in 1...3 {
            let writer = try OutputWriter(destination: destination)
            try writer.write("round-\(round).txt", Array("\(round)".utf8))
            try writer.commit()
            XCTAssertEqual(tree(destination), ["round-\(round).txt": "\(round)"])
            XCTAssertEqual(try siblings(), ["output"])
        }
    }

    func testUnchangedFilesAreKeptFromThePreviousOutput() throws {
        try write(["same.html": "same", "changed.html": "before"], under: destination)
        let old = try FileManager.default.attributesOfItem(atPath: destination + "/same.html")
        let writer = try OutputWriter(destination: destination)
        try writer.write("same.html", Array("same".utf8))
        try writer.write("changed.html", Array("after".utf8))
        try writer.commit()
        XCTAssertEqual(writer.unchanged, 1)
        XCTAssertEqual(tree(destination), ["same.html": "same", "changed.html": "after"])
        let new = try FileManager.default.attributesOfItem(atPath: destination + "/same.html")
        XCTAssertEqual(new[.systemFileNumber] as? Int, old[.systemFileNumber] as? Int, "the unchanged file is the same file")
        XCTAssertEqual(new[.modificationDate] as? Date, old[.modificationDate] as? Date)
        XCTAssertEqual(try siblings(), ["output"])
    }

    func testDestinationIsStandardized() throws {
        let writer = try OutputWriter(destination: parent.path + "/x/../output/")
        XCTAssertEqual(writer.destination, destination)
        XCTAssertEqual((writer.staging as NSString).deletingLastPathComponent, parent.path)
    }

    // MARK: No commit

    func testWriterWithoutCommitLeavesTheDestinationAndRemovesItsStaging() throws {
        try write(["index.html": "previous home", "belarus/index.html": "series"], under: destination)
        let before = tree(destination)
        var staging = ""
        do {
            let writer = try OutputWriter(destination: destination)
            staging = writer.staging
            try writer.write("index.html", Array("half-built".utf8))
            try writer.write("other.html", Array("half-built".utf8))
            XCTAssertTrue(FileManager.default.fileExists(atPath: staging + "/other.html"))
            XCTAssertEqual(try siblings().count, 2, "the staging folder sits beside the output")
        }
        XCTAssertFalse(staging.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging), "the staging folder is removed on deinit")
        XCTAssertEqual(tree(destination), before)
        XCTAssertEqual(try siblings(), ["output"])
    }

    func testWriterWithoutCommitCreatesNoDestination() throws {
        do {
            let writer = try OutputWriter(destination: destination)
            try writer.write("index.html", Array("x".utf8))
        }
        XCTAssertEqual(try siblings(), [])
    }

    func testWriteFailureDoesNotTouchTheDestination() throws {
        try write(["index.html": "previous home"], under: destination)
        do {
            let writer = try OutputWriter(destination: destination)
            try writer.write("page", Array("a file".utf8))
            XCTAssertThrowsError(try writer.write("page/inner.html", Array("under a file".utf8)))
        }
        XCTAssertEqual(tree(destination), ["index.html": "previous home"])
        XCTAssertEqual(try siblings(), ["output"])
    }

    // MARK: Stale staging folders

    func testStaleStagingOfDeadProcessesIsCleaned() throws {
        let dead = try deadProcessID()
        let stale = ".output.staging-\(dead)"
        try write(["index.html": "left by a killed build"], under: parent.appendingPathComponent(stale).path)
        try write(["index.html": "left mid-swap"], under: parent.appendingPathComponent(stale + ".old").path)
        // Not ours: another output folder's staging, and an unrelated hidden folder.
        try write(["keep": "k"], under: parent.appendingPathComponent(".site.staging-\(dead)").path)
        try write(["keep": "k"], under: parent.appendingPathComponent(".output-notes").path)

        let writer = try OutputWriter(destination: destination)
        XCTAssertEqual(try siblings(), [".output-notes", ".output.staging-\(getpid())", ".site.staging-\(dead)"])
        try writer.write("index.html", Array("fresh".utf8))
        try writer.commit()
        XCTAssertEqual(try siblings(), [".output-notes", ".site.staging-\(dead)", "output"])
        XCTAssertEqual(tree(destination), ["index.html": "fresh"])
    }

    func testStagingOfALiveProcessIsKept() throws {
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["20"]
        try sleeper.run()
        defer {
            kill(sleeper.processIdentifier, SIGKILL)
            sleeper.waitUntilExit()
        }
        let live = ".output.staging-\(sleeper.processIdentifier)"
        try write(["index.html": "another build in progress"], under: parent.appendingPathComponent(live).path)

        let writer = try OutputWriter(destination: destination)
        try writer.write("index.html", Array("fresh".utf8))
        try writer.commit()
        XCTAssertEqual(try siblings(), [live, "output"])
        XCTAssertEqual(tree(parent.appendingPathComponent(live).path), ["index.html": "another build in progress"])
    }
}
