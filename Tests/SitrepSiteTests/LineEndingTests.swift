import Foundation
import XCTest

@testable import SitrepSite

/// Officers edit on Windows too: a project whose every text file has CRLF line ends must give
/// the same site, byte for byte, as the same project with LF line ends.
final class LineEndingTests: XCTestCase {
    func testAProjectSavedWithWindowsLineEndsRendersTheSameSite() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-crlf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let unix = root.appendingPathComponent("lf"), windows = root.appendingPathComponent("crlf")
        for project in [unix, windows] {
            try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
            for item in ["sitrep.yml", "content", "templates"] {
                try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: project.appendingPathComponent(item))
            }
        }
        var converted = 0
        for case let relative as String in FileManager.default.enumerator(atPath: windows.path)!
        where [".md", ".yml", ".csv"].contains(where: relative.hasSuffix) {
            let file = windows.appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: file)
            converted += 1
        }
        XCTAssertGreaterThan(converted, 10)

        _ = try SiteBuilder.build(projectRoot: unix.path, output: unix.appendingPathComponent("output").path)
        _ = try SiteBuilder.build(projectRoot: windows.path, output: windows.appendingPathComponent("output").path)
        let files = BuildManifestTests.files(under: unix.appendingPathComponent("output").path)
        XCTAssertEqual(files, BuildManifestTests.files(under: windows.appendingPathComponent("output").path))
        for path in files {
            XCTAssertEqual(FileManager.default.contents(atPath: unix.appendingPathComponent("output/\(path)").path),
                           FileManager.default.contents(atPath: windows.appendingPathComponent("output/\(path)").path), path)
        }
    }
}
