import Foundation
import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// Files are read only from inside the project: a link, to a file or to a folder, that leads
/// outside is refused; one that stays inside is followed.
final class ContentFilesTests: XCTestCase {
    private var base: URL!

    override func setUpWithError() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-files-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: base.appendingPathComponent("project/content/s/p"), withIntermediateDirectories: true)
        try manager.createDirectory(at: base.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try Data("a\n".utf8).write(to: base.appendingPathComponent("project/content/s/p/a.csv"))
        try Data("b\n".utf8).write(to: base.appendingPathComponent("outside/b.csv"))
        try manager.createSymbolicLink(at: base.appendingPathComponent("project/content/s/p/link.csv"),
                                       withDestinationURL: base.appendingPathComponent("outside/b.csv"))
        try manager.createSymbolicLink(at: base.appendingPathComponent("project/content/s/q"),
                                       withDestinationURL: base.appendingPathComponent("outside"))
        try manager.createSymbolicLink(at: base.appendingPathComponent("project/content/s/r"),
                                       withDestinationURL: base.appendingPathComponent("project/content/s/p"))
    }

    override func tearDownWithError() throws {
        if base.lastPathComponent.hasPrefix("sitrep-files-") { try? FileManager.default.removeItem(at: base) }
    }

    func testLinksLeadingOutsideTheProjectAreRefusedAndOthersFollowed() throws {
        let files = ContentFiles(root: base.appendingPathComponent("project").path)
        XCTAssertEqual(try files.read("content/s/p/a.csv"), Array("a\n".utf8))
        XCTAssertEqual(try files.read("content/s/r/a.csv"), Array("a\n".utf8), "a link inside the project is followed")
        for outside in ["content/s/p/link.csv", "content/s/q/b.csv"] {
            XCTAssertThrowsError(try files.read(outside), outside) { error in
                XCTAssertTrue((error as! DiagnosticError).description.contains("outside the project"), "\(error)")
            }
        }
        // Asked again, from the folders already resolved: the same answers.
        XCTAssertThrowsError(try files.read("content/s/q/b.csv"))
        XCTAssertEqual(try files.read("content/s/p/a.csv"), Array("a\n".utf8))
    }
}
