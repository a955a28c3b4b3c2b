import Foundation
import XCTest

/// sitrep reads nothing outside the project folder, whatever links point where: a link from any
/// input (settings, series, data, partials, assets, whole folders) to a file holding a secret
/// stops the build with an error naming the link and where it points, and the secret appears
/// in no output file and not in the terminal.
final class ReadSafetyTests: XCTestCase {
    private static let secret = "TOP-SECRET-7f3a9c"

    private var project: URL!
    private var outside: URL!

    override func setUpWithError() throws {
        project = try SitrepProcess.copyExample()
        outside = try SitrepProcess.temporaryFolder("outside")
        try Data("\(Self.secret)\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        try FileManager.default.createDirectory(at: outside.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try Data("\(Self.secret)\n".utf8).write(to: outside.appendingPathComponent("folder/secret.txt"))
    }

    override func tearDownWithError() throws {
        SitrepProcess.remove(project)
        SitrepProcess.remove(outside)
    }

    /// Replaces (or creates) `path` in the project by a link to `target`.
    private func link(_ path: String, to target: URL) throws {
        let url = project.appendingPathComponent(path)
        try? FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: target)
    }

    /// Builds, and checks the refusal: exit 1, the link and its target named, no secret anywhere.
    private func assertRefused(link path: String, pointingTo target: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(path): \(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("\(path): error: this "), "the error is not at the link \(path): \(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("is a link to \(target.path), outside the project"), "\(path): \(run)", file: file, line: line)
        XCTAssertFalse((run.stdout + run.stderr).contains(Self.secret), "\(path): the secret is in the terminal", file: file, line: line)
        let written = try SitrepProcess.snapshot(of: project.appendingPathComponent("output"))
        XCTAssertTrue(written.isEmpty, "\(path): the failed build wrote \(written.keys.sorted())", file: file, line: line)
        let everything = try SitrepProcess.snapshot(of: project)
        for (name, data) in everything where !name.hasPrefix("content/") && !name.hasPrefix("templates/") && name != "sitrep.yml" {
            XCTAssertFalse(String(decoding: data ?? Data(), as: UTF8.self).contains(Self.secret),
                           "\(path): the secret was written to \(name)", file: file, line: line)
        }
    }

    func testLinksToAFileOutsideTheProjectAreRefusedWhereverTheyAre() throws {
        let secret = outside.appendingPathComponent("secret.txt")
        for path in ["templates/partials/footer.mustache", "templates/assets/secret.css", "content/belarus/2022-06/arrivals.csv",
                     "content/belarus/series.yml", "sitrep.yml"] {
            let original = project.appendingPathComponent(path)
            let saved = try? Data(contentsOf: original)
            try link(path, to: secret)
            try assertRefused(link: path, pointingTo: secret)
            try FileManager.default.removeItem(at: original)
            if let saved { try saved.write(to: original) }
        }
    }

    func testLinksToAFolderOutsideTheProjectAreRefused() throws {
        let folder = outside.appendingPathComponent("folder")
        try link("templates/assets", to: folder)
        try assertRefused(link: "templates/assets", pointingTo: folder)
        try FileManager.default.removeItem(at: project.appendingPathComponent("templates/assets"))

        try link("templates", to: folder)
        try assertRefused(link: "templates", pointingTo: folder)
        try FileManager.default.removeItem(at: project.appendingPathComponent("templates"))

        // A whole series copied outside and linked in: its files are readable there, and refused.
        let series = outside.appendingPathComponent("series")
        try FileManager.default.copyItem(at: project.appendingPathComponent("content/belarus"), to: series)
        try Data("\(Self.secret)\n".utf8).write(to: series.appendingPathComponent("2022-06/secret.csv"))
        try link("content/copy", to: series)
        try assertRefused(link: "content/copy", pointingTo: series)
    }

    func testLinksThatStayInsideTheProjectAreFollowed() throws {
        let shared = project.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try Data("<footer>Shared footer 4412</footer>\n".utf8).write(to: shared.appendingPathComponent("footer.mustache"))
        try Data("p { color: black }\n".utf8).write(to: shared.appendingPathComponent("extra.css"))
        try link("templates/partials/footer.mustache", to: shared.appendingPathComponent("footer.mustache"))
        try link("templates/assets", to: shared)
        try link("templates/loop", to: project.appendingPathComponent("templates"))

        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(try SitrepProcess.read("output/index.html", in: project).contains("Shared footer 4412"))
        XCTAssertEqual(try SitrepProcess.read("output/assets/extra.css", in: project), "p { color: black }\n")
    }
}

/// `sitrep new` copies the latest period's tables: a table that is a link to a file outside the
/// project is refused rather than copied into the new period.
final class NewPeriodReadSafetyTests: XCTestCase {
    func testSitrepNewDoesNotCopyAFileOutsideTheProject() throws {
        let project = try SitrepProcess.copyExample()
        let outside = try SitrepProcess.temporaryFolder("outside")
        defer { SitrepProcess.remove(project); SitrepProcess.remove(outside) }
        let secret = outside.appendingPathComponent("secret.csv")
        try Data("country,count\nTOP-SECRET-5521,1\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: project.appendingPathComponent("content/belarus/2022-06/extra.csv"),
                                                   withDestinationURL: secret)
        let run = try SitrepProcess.run(["new", "belarus", "2022-07"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("content/belarus/2022-06/extra.csv: error: this file is a link to \(secret.path), outside the project"),
                      "\(run)")
        XCTAssertFalse((run.stdout + run.stderr).contains("TOP-SECRET-5521"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("content/belarus/2022-07").path))
    }
}
