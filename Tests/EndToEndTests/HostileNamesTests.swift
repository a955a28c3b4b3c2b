import Foundation
import XCTest

/// Folder names and `base_url` go into web addresses: a name outside the documented safe set
/// is a located error with a safe name to use instead, and nothing is published.
final class HostileNamesTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws { project = try SitrepProcess.copyExample() }
    override func tearDownWithError() throws { SitrepProcess.remove(project) }

    static let hostileNames: [(name: String, suggestion: String)] = [
        ("javascript:alert(1)", "javascript-alert-1"), ("#x", "x"), ("?q", "q"), ("%2e%2e", "2e-2e"),
        ("two words", "two-words"), ("Côte d'Ivoire", "cote-d-ivoire"), ("-dash", "dash"),
    ]

    func testSeriesFolderNamesOutsideTheSafeSetAreLocatedErrors() throws {
        for (name, _) in Self.hostileNames {
            try FileManager.default.copyItem(at: project.appendingPathComponent("content/belarus"),
                                             to: project.appendingPathComponent("content/\(name)"))
        }
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        for (name, suggestion) in Self.hostileNames {
            XCTAssertTrue(run.stderr.contains("content/\(name): error: '\(name)' cannot name a series folder"), "\(name): \(run)")
            XCTAssertTrue(run.stderr.contains("rename the folder to '\(suggestion)'"), "\(name): \(run)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
    }

    func testBaseURLMustBeHTTPOrAPath() throws {
        for bad in ["javascript:alert(1)", "data:text/html,x", "//evil.example/", "https:///x", "sitreps/", "https://a b/"] {
            try Data("title: Reports\nbase_url: \"\(bad)\"\n".utf8).write(to: project.appendingPathComponent("sitrep.yml"))
            let run = try SitrepProcess.run(["build"], in: project)
            XCTAssertEqual(run.status, 1, "\(bad): \(run)")
            XCTAssertTrue(run.stderr.contains("sitrep.yml:2:11: error: base_url "), "\(bad): \(run)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
        }
        for (good, base) in [("https://example.org/sitreps/", "https://example.org/sitreps/"), ("HTTP://example.org", "http://example.org/")] {
            try Data("title: Reports\nbase_url: \"\(good)\"\n".utf8).write(to: project.appendingPathComponent("sitrep.yml"))
            let run = try SitrepProcess.run(["build"], in: project)
            XCTAssertEqual(run.status, 0, "\(good): \(run)")
            XCTAssertTrue(try SitrepProcess.read("output/sitemap.xml", in: project).contains("<loc>\(base)belarus/2022-06/index.html</loc>"))
        }
        try Data("title: Reports\nbase_url: /sitreps\n".utf8).write(to: project.appendingPathComponent("sitrep.yml"))
        XCTAssertEqual(try SitrepProcess.run(["build"], in: project).status, 0)
    }
}
