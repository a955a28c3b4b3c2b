import Foundation
import XCTest

/// `sitrep build` reads its plainest command lines without swift-argument-parser (see
/// `PlainBuildCommandLine`): they must give what the parser's spellings of the same options give,
/// and every other command line must still reach the parser, its errors included.
final class PlainBuildCommandLineTests: XCTestCase {
    func testThePlainAndTheParsedSpellingsGiveTheSameResults() throws {
        let folder = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(folder) }
        let (project, output) = (folder.path, folder.appendingPathComponent("site").path)
        let elsewhere = try SitrepProcess.temporaryFolder("cwd")
        addTeardownBlock { SitrepProcess.remove(elsewhere) }

        let built = try SitrepProcess.run(["build", "--project", project, "-o", output], in: elsewhere)
        XCTAssertEqual(built.status, 0, "\(built)")
        XCTAssertTrue(built.stdout.hasPrefix("wrote "), built.stdout)
        let pairs: [(plain: [String], parsed: [String], stdout: String)] = [
            (["build", "--project", project, "--output", output], ["build", "--output=\(output)", "--project=\(project)"],
             "\(output) is up to date: nothing changed since the last build\n"),
            (["build", "--check", "--project", project, "-o", output], ["build", "--project=\(project)", "--check", "--output=\(output)"],
             "\(output) is up to date (nothing changed since the last build)\n"),
        ]
        for (plain, parsed, stdout) in pairs {
            let viaPlain = try SitrepProcess.run(plain, in: elsewhere)
            let viaParser = try SitrepProcess.run(parsed, in: elsewhere)
            XCTAssertEqual(viaPlain.status, 0, "\(plain): \(viaPlain)")
            XCTAssertEqual(viaPlain.stdout, stdout)
            XCTAssertEqual([viaPlain.stdout, viaPlain.stderr], [viaParser.stdout, viaParser.stderr], "\(plain)")
        }

        // A changed output: the same report of what differs, and the same exit status.
        try FileManager.default.removeItem(atPath: output + "/feed.xml")
        let stalePlain = try SitrepProcess.run(["build", "--project", project, "--output", output, "--check"], in: elsewhere)
        let staleParsed = try SitrepProcess.run(["build", "--check", "--project=\(project)", "--output=\(output)"], in: elsewhere)
        XCTAssertEqual(stalePlain.status, 1, "\(stalePlain)")
        XCTAssertEqual([stalePlain.stdout, stalePlain.stderr], [staleParsed.stdout, staleParsed.stderr])
        XCTAssertTrue(stalePlain.stdout.contains("new      feed.xml"), stalePlain.stdout)
    }

    /// A value that looks like an option, an unknown option, or an option given twice is the
    /// parser's to judge (given twice, its last value counts).
    func testOtherCommandLinesReachTheParser() throws {
        let folder = try SitrepProcess.temporaryFolder("empty")
        addTeardownBlock { SitrepProcess.remove(folder) }
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["build", "--project", "--check"], 2, "Missing value for '--project <path>'"),
            (["build", "--check", "--nope"], 2, "Unknown option '--nope'"),
            (["build", "-o", "a", "--output", "b"], 1, "nothing was written; b was left as it was"),
        ]
        for (arguments, status, message) in cases {
            let run = try SitrepProcess.run(arguments, in: folder)
            XCTAssertEqual(run.status, status, "\(arguments): \(run)")
            XCTAssertTrue(run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
