import Foundation
import XCTest

/// `sitrep build --output` writes and deletes only inside a folder it made, or an empty one:
/// any other path is refused with exit 1, a message naming it, and nothing touched.
///
/// Every path given is inside the test's own folder, even the project's parents: were a
/// protection broken, the build would harm nothing else. `/` is given only with a project that
/// cannot load, so that the refusal is seen to come first and nothing could be written.
final class OutputSafetyTests: XCTestCase {
    /// A folder of the test's own: it holds the project and the paths given as --output.
    private var place: URL!
    private var project: URL!

    override func setUpWithError() throws {
        place = try SitrepProcess.temporaryFolder("place")
        project = place.appendingPathComponent("project")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: false)
        for item in SitrepProcess.exampleItems {
            try FileManager.default.copyItem(at: SitrepProcess.packageRoot.appendingPathComponent(item),
                                             to: project.appendingPathComponent(item))
        }
    }

    override func tearDown() {
        if let place { SitrepProcess.remove(place) }
    }

    // MARK: Helpers

    private func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func build(_ output: String? = nil, _ extra: [String] = []) throws -> SitrepRun {
        try SitrepProcess.run(["build"] + (output.map { ["--output", $0] } ?? []) + extra, in: project)
    }

    /// Runs a build into `output` that must be refused: exit 1, an error located at `output` as
    /// given and saying `message`, and `watched` (a folder holding the path) the same before and
    /// after, with no staging folder or manifest left in it.
    private func assertRefused(_ output: String, saying message: String, watching watched: URL,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let before = try SitrepProcess.snapshot(of: watched)
        let run = try build(output)
        XCTAssertEqual(run.status, 1, "\(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.hasPrefix("\(output): error: "), "\(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains(message), "\(run)", file: file, line: line)
        XCTAssertTrue(run.stderr.contains("hint: "), "\(run)", file: file, line: line)
        XCTAssertEqual(run.stdout, "", file: file, line: line)
        SitrepProcess.assertSameTree(before, try SitrepProcess.snapshot(of: watched), "refusing \(output):", file: file, line: line)
    }

    // MARK: Paths that are not sitrep's

    func testAFolderOfTheUsersIsRefusedAndKept() throws {
        try write("my notes", to: "documents/notes.txt", in: place)
        try write("draft", to: "documents/drafts/one.txt", in: place)
        let output = place.appendingPathComponent("documents").path
        try assertRefused(output, saying: "\(output) is not empty and was not made by sitrep", watching: place)
        let run = try build(output)
        XCTAssertTrue(run.stderr.contains("drafts/, notes.txt"), "the message names what it would delete: \(run)")
    }

    func testAHiddenFileAloneMakesAFolderTheUsers() throws {
        try write("x", to: "site/.DS_Store", in: place)
        try assertRefused(place.appendingPathComponent("site").path, saying: "was not made by sitrep (it has no .sitrep-output list): .DS_Store", watching: place)
    }

    func testAnExistingFileIsRefusedAndKept() throws {
        try write("keep me", to: "notes.txt", in: place)
        try assertRefused(place.appendingPathComponent("notes.txt").path, saying: "is a file, not a folder", watching: place)
    }

    func testALinkToAFolderIsRefusedAndItsFolderKept() throws {
        try write("a", to: "real/a.txt", in: place)
        try write("b", to: "real/sub/deeper/b.txt", in: place)
        let link = place.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: place.appendingPathComponent("real").path)
        try assertRefused(link.path, saying: "is a symbolic link (to \(place.path)/real)", watching: place)
        // With a trailing slash, the link is followed by the system, but not by sitrep.
        try assertRefused(link.path + "/", saying: "is a symbolic link", watching: place)
    }

    func testALinkToSitrepsOwnOutputIsRefusedToo() throws {
        let real = place.appendingPathComponent("site").path
        XCTAssertEqual(try build(real).status, 0)
        let link = place.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real)
        try assertRefused(link.path, saying: "hint: give the real folder's path, --output \(real)", watching: place)
    }

    func testTheProjectAndItsParentsAreRefused() throws {
        XCTAssertEqual(try build().status, 0)
        try write("a document", to: "notes.txt", in: place)
        try assertRefused(project.path, saying: "is the project folder", watching: place)
        try assertRefused(".", saying: "is the project folder", watching: place)
        try assertRefused(place.path, saying: "holds the project folder \(project.path)", watching: place)
        try assertRefused("..", saying: "holds the project folder", watching: place)
        try assertRefused("output/../..", saying: "holds the project folder", watching: place)
    }

    func testContentAndTemplatesAreRefused() throws {
        for path in ["content", "content/new-site", "templates", "templates/x/y"] {
            try assertRefused(path, saying: "would replace or sit inside \(project.path)/\(path.prefix { $0 != "/" })", watching: project)
        }
    }

    /// `/` is refused from its path alone, before the project is loaded: the project given here
    /// has no content, so a build that went on would stop at loading it, before writing anything.
    func testTheRootIsRefusedFirst() throws {
        let empty = place.appendingPathComponent("no-project")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        for given in ["/", "/tmp/../", "//"] {
            let run = try SitrepProcess.run(["build", "--project", empty.path, "--output", given], in: place)
            XCTAssertEqual(run.status, 1, "\(run)")
            XCTAssertTrue(run.stderr.hasPrefix("\(given): error: the output folder is /, the root of the file system"), "\(run)")
        }
        XCTAssertEqual(try SitrepProcess.snapshot(of: place).keys.filter { $0.hasPrefix("no-project") }, ["no-project"])
    }

    // MARK: sitrep's own output

    func testAnEmptyFolderIsAccepted() throws {
        let output = place.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        let run = try build(output.path)
        XCTAssertEqual(run.status, 0, "\(run)")
        SitrepProcess.assertHasRequiredFiles(try SitrepProcess.snapshot(of: output))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: place.path).filter { $0.contains("staging") }, [])
    }

    func testASecondBuildReplacesSitrepsOwnOutputAndANoOpIsUpToDate() throws {
        XCTAssertEqual(try build().status, 0)
        let output = project.appendingPathComponent("output")
        let list = try SitrepProcess.read(".sitrep-output", in: output).split(separator: "\n").map(String.init)
        XCTAssertTrue(list.first?.hasPrefix("sitrep-output 1: ") ?? false, "\(list)")
        let site = try SitrepProcess.snapshot(of: output).filter { $0.value != nil && $0.key != ".sitrep-output" }
        XCTAssertEqual(Array(list.dropFirst()), site.keys.sorted(), "the list names every file of the site, sorted")

        let noOp = try build()
        XCTAssertEqual(noOp.status, 0)
        XCTAssertTrue(noOp.stdout.contains("up to date"), "\(noOp)")
        try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project, replacing: "Belarus,902", with: "Belarus,912")
        let rebuilt = try build()
        XCTAssertEqual(rebuilt.status, 0, "\(rebuilt)")
        XCTAssertTrue(rebuilt.stdout.hasPrefix("wrote "), "\(rebuilt)")
        XCTAssertTrue(try SitrepProcess.read("belarus/2022-06/figures.json", in: output).contains("32332"))
        let check = try build(nil, ["--check"])
        XCTAssertEqual(check.status, 0, "\(check)")
    }

    func testAFileDroppedIntoSitrepsOutputIsRefusedAndKept() throws {
        XCTAssertEqual(try build().status, 0)
        try write("mine", to: "output/belarus/notes.txt", in: project)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("output/empty-folder"), withIntermediateDirectories: false)
        try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project, replacing: "Belarus,902", with: "Belarus,912")
        try assertRefused("output", saying: "holds files sitrep did not write, which a build would delete: belarus/notes.txt, empty-folder/",
                          watching: project.appendingPathComponent("output"))
        let check = try build(nil, ["--check"])
        XCTAssertTrue(check.stdout.contains("removed  belarus/notes.txt"), "\(check)")
    }

    /// GitHub Pages' CNAME and .nojekyll and a git checkout's .git stay in the output folder:
    /// carried into each new site, not listed as sitrep's, not reported by --check.
    func testPublishingFilesAreKeptAcrossBuilds() throws {
        XCTAssertEqual(try build().status, 0)
        let output = project.appendingPathComponent("output")
        try write("reports.example.org\n", to: "CNAME", in: output)
        try write("", to: ".nojekyll", in: output)
        try write("ref: refs/heads/gh-pages\n", to: ".git/HEAD", in: output)
        try write("object", to: ".git/objects/ab/cdef", in: output)
        func publishing(_ snapshot: [String: Data?]) -> [String: Data?] {
            snapshot.filter { [".git", "CNAME", ".nojekyll"].contains(String($0.key.prefix { $0 != "/" })) }
        }
        let kept = publishing(try SitrepProcess.snapshot(of: output))
        XCTAssertEqual(kept.count, 7)
        for value in [912, 922] {
            try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project, replacing: "Belarus,\(value - 10)", with: "Belarus,\(value)")
            let run = try build()
            XCTAssertEqual(run.status, 0, "\(run)")
            XCTAssertTrue(run.stdout.hasPrefix("wrote "), "\(run)")
            let after = try SitrepProcess.snapshot(of: output)
            SitrepProcess.assertSameTree(kept, publishing(after), "after the build with \(value):")
            XCTAssertTrue(try SitrepProcess.read("belarus/2022-06/figures.json", in: output).contains("\"arrivals.total\": \(32322 + value - 902)"))
        }
        let list = try SitrepProcess.read(".sitrep-output", in: output)
        XCTAssertFalse(list.contains("CNAME") || list.contains(".git") || list.contains(".nojekyll"), list)
        let check = try build(nil, ["--check"])
        XCTAssertEqual(check.status, 0, "\(check)")
        XCTAssertFalse(check.stdout.contains("removed"), "\(check)")
    }

    /// A build killed at any moment loses no publishing file: each is in `output/`, or in the
    /// killed build's staging folder, from which the next build puts it back.
    func testKilledBuildsLoseNoPublishingFile() throws {
        XCTAssertEqual(try build().status, 0)
        let output = project.appendingPathComponent("output")
        try write("reports.example.org\n", to: "CNAME", in: output)
        try write("ref: refs/heads/gh-pages\n", to: ".git/HEAD", in: output)
        for (round, delay) in [0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3].enumerated() {
            try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project,
                                   replacing: "Belarus,\(902 + round)", with: "Belarus,\(903 + round)")
            let process = Process()
            process.executableURL = try SitrepProcess.executable()
            process.arguments = ["build"]
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let staged = try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.hasPrefix(".output.staging-") }
            let places = [output.path] + staged.map { project.path + "/" + $0 }
            for kept in ["CNAME", ".git/HEAD"] {
                XCTAssertEqual(places.filter { FileManager.default.fileExists(atPath: $0 + "/" + kept) }.count, 1,
                               "killed after \(delay) s: \(kept) is in exactly one of \(places)")
            }
        }
        let run = try build()
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertEqual(try SitrepProcess.read("CNAME", in: output), "reports.example.org\n")
        XCTAssertEqual(try SitrepProcess.read(".git/HEAD", in: output), "ref: refs/heads/gh-pages\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: project.path).filter { $0.contains("staging") }, [])
    }

    /// A mounted output folder (a container volume) cannot be renamed: its contents are swapped.
    /// Needs the right to mount a tmpfs (root in a container that allows it); skipped otherwise.
    func testAMountedOutputFolderIsBuiltByItsContents() throws {
        let output = place.appendingPathComponent("volume")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        guard try runTool("/bin/mount", ["-t", "tmpfs", "sitrep-test", output.path]) == 0 else {
            throw XCTSkip("cannot mount a tmpfs here")
        }
        defer { _ = try? runTool("/bin/umount", [output.path]) }
        XCTAssertEqual(try build(output.path).status, 0)
        try write("reports.example.org\n", to: "CNAME", in: output)
        try SitrepProcess.edit("content/belarus/2022-06/arrivals.csv", in: project, replacing: "Belarus,902", with: "Belarus,912")
        let run = try build(output.path)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertTrue(try SitrepProcess.read("belarus/2022-06/figures.json", in: output).contains("\"arrivals.total\": 32332"))
        XCTAssertEqual(try SitrepProcess.read("CNAME", in: output), "reports.example.org\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.contains("staging") }, [])
        XCTAssertEqual(try build(output.path, ["--check"]).status, 0)
    }

    private func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAFolderHoldingOnlyPublishingFilesIsAccepted() throws {
        try write("reports.example.org\n", to: "site/CNAME", in: place)
        let run = try build(place.appendingPathComponent("site").path)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertEqual(try SitrepProcess.read("site/CNAME", in: place), "reports.example.org\n")
    }

    func testAPageNamedLikeAPublishingFileIsAnError() throws {
        try FileManager.default.moveItem(at: project.appendingPathComponent("content/belarus"),
                                         to: project.appendingPathComponent("content/CNAME"))
        let run = try build()
        XCTAssertEqual(run.status, 1, "\(run)")
        XCTAssertTrue(run.stderr.contains(": error: the site would write CNAME/"), "\(run)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
    }
}
