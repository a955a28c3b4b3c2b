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

    /// A file that may be missing is read without a look first: nil when there is none, its
    /// bytes otherwise, and a link leading outside refused as by `read`. A folder is not a file.
    func testReadIfPresentTellsAMissingFileFromOthers() throws {
        let files = ContentFiles(root: base.appendingPathComponent("project").path)
        XCTAssertNil(try files.readIfPresent("content/s/p/missing.csv"))
        XCTAssertNil(try files.readIfPresent("content/s/none/missing.csv"))
        XCTAssertEqual(try files.readIfPresent("content/s/p/a.csv"), Array("a\n".utf8))
        XCTAssertEqual(try files.readIfPresent("content/s/r/a.csv"), Array("a\n".utf8))
        XCTAssertThrowsError(try files.readIfPresent("content/s/p/link.csv")) { error in
            XCTAssertTrue("\(error)".contains("outside the project"), "\(error)")
        }
        XCTAssertThrowsError(try files.readIfPresent("content/s/q/b.csv"))
        XCTAssertThrowsError(try files.read("content/s/p")) { error in
            XCTAssertTrue("\(error)".contains("cannot read the file"), "\(error)")
        }
    }

    /// A folder found missing is not remembered as resolved: made later as a link leading
    /// outside, it is refused like any other.
    func testAFolderMadeAfterItWasFoundMissingIsResolvedAnew() throws {
        let files = ContentFiles(root: base.appendingPathComponent("project").path)
        XCTAssertNil(try files.readIfPresent("content/s/later/b.csv"))
        try FileManager.default.createSymbolicLink(at: base.appendingPathComponent("project/content/s/later"),
                                                   withDestinationURL: base.appendingPathComponent("outside"))
        XCTAssertThrowsError(try files.read("content/s/later/b.csv")) { error in
            XCTAssertTrue("\(error)".contains("outside the project"), "\(error)")
        }
    }

    /// Listings as a scan found them, given in code.
    private struct Listed: FolderListings {
        var folders: [String: [String: Int?]]
        func names(in relative: String) -> [String]? { folders[relative].map { Array($0.keys) } }
        func isFolder(_ relative: String) -> Bool { folders[relative] != nil }
        func size(ofFile relative: String) -> Int? {
            guard let slash = relative.lastIndex(of: "/") else { return nil }
            return folders[String(relative[..<slash])]?[String(relative[relative.index(after: slash)...])] ?? nil
        }
    }

    /// With a scan's listings, a folder's names (hidden ones left out, in order) and a file's size
    /// come from the scan. A file changed since (grown, shrunk, the same size) is read whole as
    /// it is now; what the scan calls a file is still refused when it is a link leading out.
    func testAScansListingsAreUsedAndAFileChangedSinceIsReadAsItIsNow() throws {
        let project = base.appendingPathComponent("project")
        try Data("0123456789\n".utf8).write(to: project.appendingPathComponent("content/s/p/grown.csv"))
        try Data("0123456789\n".utf8).write(to: project.appendingPathComponent("content/s/p/shrunk.csv"))
        try Data("0123456789\n".utf8).write(to: project.appendingPathComponent("content/s/p/same.csv"))
        let listed = Listed(folders: [
            "content/s/p": ["a.csv": 2, "grown.csv": 11, "shrunk.csv": 11, "same.csv": 11, "link.csv": 40, ".hidden": 1, "Z.csv": 3],
            "content/s": ["p": nil, "q": 40, "r": 30],
        ])
        let files = ContentFiles(root: project.path, listings: listed)
        XCTAssertEqual(try files.list("content/s/p"), ["Z.csv", "a.csv", "grown.csv", "link.csv", "same.csv", "shrunk.csv"])
        XCTAssertTrue(files.isDirectory("content/s/p"))
        XCTAssertTrue(files.isDirectory("content/s/r"), "a link to a folder inside, asked of the file system")
        XCTAssertEqual(try files.read("content/s/p/a.csv"), Array("a\n".utf8))
        try Data("0123456789 and more\n".utf8).write(to: project.appendingPathComponent("content/s/p/grown.csv"))
        try Data("01\n".utf8).write(to: project.appendingPathComponent("content/s/p/shrunk.csv"))
        try Data("abcdefghij\n".utf8).write(to: project.appendingPathComponent("content/s/p/same.csv"))
        XCTAssertEqual(try files.read("content/s/p/grown.csv"), Array("0123456789 and more\n".utf8))
        XCTAssertEqual(try files.read("content/s/p/shrunk.csv"), Array("01\n".utf8))
        XCTAssertEqual(try files.read("content/s/p/same.csv"), Array("abcdefghij\n".utf8))
        XCTAssertThrowsError(try files.read("content/s/p/link.csv")) { error in
            XCTAssertTrue("\(error)".contains("outside the project"), "\(error)")
        }
        XCTAssertThrowsError(try files.read("content/s/q/b.csv")) { error in
            XCTAssertTrue("\(error)".contains("outside the project"), "\(error)")
        }
        XCTAssertThrowsError(try files.read("content/s/p"), "a folder is not a file, whatever a scan says")
    }

    /// A file whose name is not UTF-8 is listed with U+FFFD for its bad bytes, and reading it says
    /// why it cannot be read (its name), with what to do.
    func testAFileNamedInAnotherEncodingIsNamedInTheError() throws {
        let folder = base.appendingPathComponent("project/content/s/p").path
        let created = (folder + "/caf").withCString { prefix -> Bool in
            let name = Array(UnsafeBufferPointer(start: UnsafeRawPointer(prefix).assumingMemoryBound(to: UInt8.self), count: strlen(prefix)))
                + [0xE9] + Array(".csv".utf8) + [0]
            return name.withUnsafeBufferPointer { buffer in
                let descriptor = open(UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self), O_WRONLY | O_CREAT, 0o644)
                defer { close(descriptor) }
                return descriptor >= 0
            }
        }
        XCTAssertTrue(created)
        let files = ContentFiles(root: base.appendingPathComponent("project").path)
        let names = try files.list("content/s/p")
        XCTAssertTrue(names.contains("caf\u{FFFD}.csv"), "\(names)")
        XCTAssertThrowsError(try files.read("content/s/p/caf\u{FFFD}.csv")) { error in
            XCTAssertTrue("\(error)".contains("content/s/p/caf\u{FFFD}.csv: error: the file's name is not valid UTF-8"), "\(error)")
            XCTAssertTrue("\(error)".contains("rename the file"), "\(error)")
        }
        XCTAssertThrowsError(try files.read("content/s/p/missing.csv")) { error in
            XCTAssertTrue("\(error)".contains("cannot read the file"), "\(error)")
        }
    }

    /// A folder whose name is not UTF-8 is named in an error (the loaders report it instead of
    /// leaving the series or period out); a name that holds U+FFFD itself is a real name.
    func testAFolderNamedInAnotherEncodingIsReportedAndARealReplacementCharacterIsNot() throws {
        let content = base.appendingPathComponent("project/content").path
        let bad = Array(content.utf8) + Array("/ser".utf8) + [0xE9] + Array("e".utf8) + [0]
        XCTAssertEqual(bad.withUnsafeBufferPointer { mkdir(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), 0o755) }, 0)
        try FileManager.default.createDirectory(atPath: content + "/real\u{FFFD}", withIntermediateDirectories: true)
        let files = ContentFiles(root: base.appendingPathComponent("project").path)
        let names = try files.list("content")
        XCTAssertTrue(names.contains("ser\u{FFFD}e") && names.contains("real\u{FFFD}"), "\(names)")
        let problems = files.unopenableNames(names, in: "content")
        XCTAssertEqual(problems.map { $0.location?.file }, ["content/ser\u{FFFD}e"])
        XCTAssertTrue(problems.first?.message.contains("is not valid UTF-8") == true, "\(problems)")
    }

    /// Text is taken as it is when it is valid UTF-8 (a replacement character or a byte order
    /// mark in it included); otherwise the first invalid byte is named by line and column.
    func testTextMustBeValidUTF8() throws {
        for valid in ["", "plain", "\u{FEFF}title: x\n", "Minsk \u{2013} Brest \u{FFFD} \u{1F600}\n"] {
            XCTAssertEqual(try ContentFiles.decodeUTF8(Array(valid.utf8), file: "f.md"), valid)
        }
        let invalid = Array("one\ntwo ".utf8) + [0xE9] + Array(" three\n".utf8)
        XCTAssertThrowsError(try ContentFiles.decodeUTF8(invalid, file: "f.md")) { error in
            XCTAssertTrue("\(error)".contains("f.md:2:5: error: the file is not valid UTF-8 (byte offset 8)"), "\(error)")
        }
        XCTAssertThrowsError(try ContentFiles.decodeUTF8([0x61, 0xC3], file: "f.md"))
    }
}
