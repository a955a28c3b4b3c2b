import Foundation
import XCTest

@testable import SitrepContent
@testable import SitrepSite

/// Officers edit on Windows too: a project whose every text file has CRLF line ends must give
/// the same site, byte for byte, as the same project with LF line ends.
final class LineEndingTests: XCTestCase {
    private var root: URL!
    private var unix: URL { root.appendingPathComponent("lf") }
    private var windows: URL { root.appendingPathComponent("crlf") }

    /// Two copies of the example: `lf` as it is, `crlf` with every text file's line ends CR LF.
    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-crlf-\(UUID().uuidString)")
        for project in [unix, windows] { _ = try ExampleProject.copy(into: project) }
        var converted = 0
        for case let relative as String in FileManager.default.enumerator(atPath: windows.path)!
        where [".md", ".yml", ".csv"].contains(where: relative.hasSuffix) {
            let file = windows.appendingPathComponent(relative)
            let text = try String(contentsOf: file, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: file)
            converted += 1
        }
        XCTAssertGreaterThan(converted, 10)
    }

    override func tearDownWithError() throws {
        if root.lastPathComponent.hasPrefix("sitrep-crlf-") { try? FileManager.default.removeItem(at: root) }
    }

    /// `sitrep new` on a Windows project starts the same period, keeping the CR LF line ends.
    func testANewPeriodOfAWindowsProjectIsTheSamePeriodWithWindowsLineEnds() throws {
        let unixFiles = try NewPeriod.create(projectRoot: unix.path, series: "belarus", period: "2022-07")
        let windowsFiles = try NewPeriod.create(projectRoot: windows.path, series: "belarus", period: "2022-07")
        XCTAssertEqual(unixFiles.count, windowsFiles.count)
        for name in ["report.md", "figures.yml", "arrivals.csv"] {
            let lf = try String(contentsOf: unix.appendingPathComponent("content/belarus/2022-07/\(name)"), encoding: .utf8)
            let crlf = try String(contentsOf: windows.appendingPathComponent("content/belarus/2022-07/\(name)"), encoding: .utf8)
            XCTAssertEqual(crlf, lf.replacingOccurrences(of: "\n", with: "\r\n"), name)
        }
    }

    func testAProjectSavedWithWindowsLineEndsRendersTheSameSite() throws {
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
