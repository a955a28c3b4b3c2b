import Foundation
import XCTest

/// A partial that includes itself used to recurse until the stack overflowed (SIGSEGV), leaving
/// a staging folder behind: it is now an error at load, and nothing is written.
final class PartialCycleTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws { project = try SitrepProcess.copyExample() }
    override func tearDownWithError() throws { SitrepProcess.remove(project) }

    func testAPartialCycleStopsTheBuildAndWritesNothing() throws {
        try Data("<footer>\n  {{> legal}}\n</footer>\n".utf8).write(to: project.appendingPathComponent("templates/partials/footer.mustache"))
        try Data("Legal\n{{#site}}{{> footer}}{{/site}}\n".utf8).write(to: project.appendingPathComponent("templates/partials/legal.mustache"))
        let before = try SitrepProcess.snapshot(of: project)
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("templates/partials/legal.mustache:2:14: error: the partial 'footer' includes itself: "
                                          + "footer → legal (templates/partials/footer.mustache:2) → footer (templates/partials/legal.mustache:2)"),
                      "\(run)")
        XCTAssertTrue(run.stderr.contains("\n1 error;"), "the cycle is reported once, whichever layouts include it: \(run)")
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: project), "a failed build changed the project:")
        let beside = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains("staging") }
        XCTAssertEqual(beside, [], "a staging folder was left behind")
    }

    func testATemplateThatIsNotUTF8IsALocatedError() throws {
        try Data([0x3C, 0x70, 0x3E, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: project.appendingPathComponent("templates/partials/footer.mustache"))
        let run = try SitrepProcess.run(["build"], in: project)
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains("templates/partials/footer.mustache:1:7: error: the file is not valid UTF-8"), "\(run)")
    }
}
