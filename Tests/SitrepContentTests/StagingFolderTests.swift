import Foundation
import XCTest

@testable import SitrepContent

/// The rules shared by the output writer's and `sitrep new`'s staging folders: a left-over is
/// removed only when it is a real folder, named exactly as sitrep names them, whose process has
/// ended; the folder of work that fails is removed, that of finished work is not.
final class StagingFolderTests: XCTestCase {
    private var base: String!
    private let naming = StagingFolder.Naming(prefix: ".site.staging-", suffixes: ["", ".old"])
    /// No process has this id (Linux allows at most 2^22).
    private let endedProcess = Int32.max

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if (base as NSString).lastPathComponent.hasPrefix("sitrep-staging-") { try? FileManager.default.removeItem(atPath: base) }
    }

    private func makeFolder(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: base + "/" + name + "/inner", withIntermediateDirectories: true)
    }

    private func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: base).sorted()
    }

    func testTheFoldersOfEndedProcessesAreRemoved() throws {
        try makeFolder(".site.staging-\(endedProcess)")
        try makeFolder(".site.staging-\(endedProcess).old")
        StagingFolder.removeLeftovers(in: base, naming: naming)
        XCTAssertEqual(try names(), [])
    }

    func testTheFolderOfARunningProcessIsKept() throws {
        let sleeper = Process()
        sleeper.executableURL = URL(fileURLWithPath: "/bin/sleep")
        sleeper.arguments = ["30"]
        try sleeper.run()
        defer { sleeper.terminate(); sleeper.waitUntilExit() }
        let live = [".site.staging-\(sleeper.processIdentifier)", ".site.staging-\(getppid())", ".site.staging-\(getpid()).old"]
        for name in live { try makeFolder(name) }
        StagingFolder.removeLeftovers(in: base, naming: naming)
        XCTAssertEqual(try names(), live.sorted())
    }

    func testNamesThatOnlyLookLikeStagingFoldersAreKept() throws {
        let nearMisses = [
            ".site.staging-", ".site.staging-\(endedProcess)x", ".site.staging-\(endedProcess).bak", ".site.staging-0",
            ".site.staging-0\(endedProcess)", ".site.staging-+12", ".site.staging-99999999999", "site.staging-\(endedProcess)",
            ".other.staging-\(endedProcess)", ".site.staging-\(endedProcess) ",
        ]
        for name in nearMisses { try makeFolder(name) }
        StagingFolder.removeLeftovers(in: base, naming: naming)
        XCTAssertEqual(try names(), nearMisses.sorted())
    }

    func testALinkOrAFileWithAStagingNameIsKept() throws {
        try makeFolder("target")
        try FileManager.default.createSymbolicLink(atPath: base + "/.site.staging-\(endedProcess)", withDestinationPath: base + "/target")
        _ = FileManager.default.createFile(atPath: base + "/.site.staging-\(endedProcess).old", contents: Data("x".utf8))
        StagingFolder.removeLeftovers(in: base, naming: naming)
        XCTAssertEqual(try names(), [".site.staging-\(endedProcess)", ".site.staging-\(endedProcess).old", "target"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: base + "/target/inner"))
    }

    func testAFolderItsOwnerCannotEmptyIsKept() throws {
        try makeFolder(".site.staging-\(endedProcess)")
        var asked: [String] = []
        StagingFolder.removeLeftovers(in: base, naming: naming) { asked.append($0); return false }
        XCTAssertEqual(asked, [base + "/.site.staging-\(endedProcess)"])
        XCTAssertEqual(try names(), [".site.staging-\(endedProcess)"])
    }

    func testAFolderWithThisProcesssNameIsAnEarlierProcesssAndIsReplaced() throws {
        // In a container a command often gets the same process id each run.
        try makeFolder(".site.staging-\(getpid())")
        let staging = try StagingFolder(in: base, naming: naming)
        XCTAssertEqual(staging.path, base + "/.site.staging-\(getpid())")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: staging.path), [])
        staging.finish()
    }

    func testTheFolderOfWorkThatFailsIsRemovedAndThatOfFinishedWorkKept() throws {
        var failed: StagingFolder? = try StagingFolder(in: base + "/made", naming: naming)
        try failed?.createFile("page.html", Array("<p>".utf8))
        failed = nil
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: base + "/made"), [])

        var finished: StagingFolder? = try StagingFolder(in: base, naming: naming)
        let path = try XCTUnwrap(finished?.path)
        try finished?.createFile("page.html", Array("<p>".utf8))
        try finished?.syncToDisk()
        finished?.finish()
        finished = nil
        XCTAssertEqual(FileManager.default.contents(atPath: path + "/page.html"), Data("<p>".utf8))
    }

    func testAFileIsCreatedWithItsBytesAndNeverOverwritten() throws {
        let staging = try StagingFolder(in: base, naming: naming)
        let bytes = (0..<100_000).map { UInt8(truncatingIfNeeded: $0) }
        try staging.createFile("data.bin", bytes)
        XCTAssertEqual(FileManager.default.contents(atPath: staging.path + "/data.bin").map(Array.init), bytes)
        let mode = try FileManager.default.attributesOfItem(atPath: staging.path + "/data.bin")[.posixPermissions] as? Int
        XCTAssertEqual((mode ?? 0) & 0o022, 0, "the file is writable by others")
        XCTAssertThrowsError(try staging.createFile("data.bin", [1])) { error in
            XCTAssertTrue(error.localizedDescription.contains("data.bin"), error.localizedDescription)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: staging.path + "/data.bin").map(Array.init), bytes)
    }
}
