import Foundation
import XCTest

/// `sitrep serve` end to end: the real executable on a copy of the example, on a free port of
/// 127.0.0.1; pages fetched over a socket; an edited CSV value seen on the page after the
/// reload event; a broken table shown on every page as the terminal prints it, and cleared by
/// the fix; Ctrl-C (SIGINT) ends it with status 0. Every wait is bounded (10 s).
final class ServeTests: XCTestCase {
    private static let period = "content/belarus/2022-06"

    /// A running `sitrep serve` and what it printed.
    private final class Serving {
        let process = Process()
        let project: URL
        let capture: URL
        private(set) var port = 0

        init(project: URL, arguments: [String] = ["--port", "0"]) throws {
            self.project = project
            capture = try SitrepProcess.temporaryFolder("serve-output")
            try Data().write(to: capture.appendingPathComponent("stdout"))
            try Data().write(to: capture.appendingPathComponent("stderr"))
            process.executableURL = try SitrepProcess.executable()
            process.arguments = ["serve", "--project", project.path] + arguments
            process.standardOutput = try FileHandle(forWritingTo: capture.appendingPathComponent("stdout"))
            process.standardError = try FileHandle(forWritingTo: capture.appendingPathComponent("stderr"))
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var stdout: String { (try? SitrepProcess.read("stdout", in: capture)) ?? "" }
        var stderr: String { (try? SitrepProcess.read("stderr", in: capture)) ?? "" }

        /// Waits for the line `serving http://127.0.0.1:PORT/` and keeps the port.
        func waitUntilServing() throws {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, process.isRunning {
                if let range = stdout.range(of: #"serving http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) {
                    port = Int(stdout[range].split(separator: ":").last!.dropLast()) ?? 0
                    return
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            throw SitrepProcessError.badFixture("sitrep serve did not start:\n\(stdout)\n\(stderr)")
        }

        func get(_ path: String, method: String = "GET") throws -> LoopbackHTTP.Response {
            try LoopbackHTTP.get(port: port, path, method: method)
        }

        /// Waits at most 10 s for the process to end by itself; its exit status.
        func waitForExit() -> Int32? {
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return process.isRunning ? nil : process.terminationStatus
        }

        /// Ends the process if a test left it running, and removes the capture folder.
        func finish() {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
            SitrepProcess.remove(capture)
        }
    }

    private func serve(_ project: URL, arguments: [String] = ["--port", "0"]) throws -> Serving {
        let serving = try Serving(project: project, arguments: arguments)
        addTeardownBlock { serving.finish() }
        try serving.waitUntilServing()
        return serving
    }

    /// Whether `condition` holds within 10 s, asked every 50 ms. A save can be seen half written
    /// and rendered once more when complete: the page is asked until it shows the saved file.
    private func eventually(_ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(10)
        repeat {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }

    private func example() throws -> URL {
        let project = try SitrepProcess.copyExample()
        addTeardownBlock { SitrepProcess.remove(project) }
        return project
    }

    func testAnEditedNumberAppearsAfterTheReloadAndAnErrorShowsUntilItIsFixed() throws {
        let project = try example()
        let serving = try serve(project)
        let page = "/belarus/2022-06/"
        let arrivalsPath = "\(Self.period)/arrivals.csv"

        let first = try serving.get(page)
        XCTAssertEqual(first.status, 200, "\(first)")
        XCTAssertEqual(first.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertTrue(SitrepProcess.visibleText(ofHTML: first.body).contains("902 Belarusians"), first.body)
        XCTAssertTrue(first.body.contains("new EventSource(\"/_sitrep/events\")"), "no reload script")

        let events = try LoopbackHTTP.Events(port: serving.port, path: "/_sitrep/events")
        let generation = try XCTUnwrap(try events.next(after: nil), "no event on connecting: \(events.text)")
        XCTAssertTrue(events.text.contains("Content-Type: text/event-stream"), events.text)

        // Edit a value: the page reloads with the new number and the new total.
        try SitrepProcess.edit(arrivalsPath, in: project, replacing: "Belarus,902\n", with: "Belarus,4321\n")
        let arrivals = SimpleCSV(try SitrepProcess.read(arrivalsPath, in: project))
        XCTAssertNotNil(try events.next(after: generation), "no reload event after the edit: \(serving.stdout)")
        let total = SitrepProcess.grouped(arrivals.sum())
        let belarusians = SitrepProcess.grouped(arrivals.sum(["nationality": "Belarus"]))
        XCTAssertEqual(belarusians, "4,321")
        XCTAssertTrue(try eventually {
            SitrepProcess.visibleText(ofHTML: try serving.get(page).body)
                .contains("\(total) people have entered the country (\(belarusians) Belarusians")
        }, "the page does not show the edited number")
        let edited = try XCTUnwrap(events.latest)

        // Break the table: every page shows the located message, quoted line and hint, as the terminal does.
        try SitrepProcess.append("Nowhere,many\n", to: arrivalsPath, in: project)
        XCTAssertNotNil(try events.next(after: edited), "no reload event after the error")
        let located = "\(arrivalsPath):5:9: error: the value 'many' in column 'count' is not a whole number"
            + "\n    Nowhere,many\n            ^\n    hint: "
        XCTAssertTrue(try eventually { SitrepProcess.decodeEntities(try serving.get(page).body).contains(located) },
                      "the page does not show the error")
        for path in [page, "/", "/belarus/", "/no/such/page"] {
            let shown = try serving.get(path)
            XCTAssertEqual(shown.status, 500, path)
            XCTAssertTrue(SitrepProcess.decodeEntities(shown.body).contains(located), shown.body)
            XCTAssertTrue(shown.body.contains("new EventSource"), "the errors page does not reload")
        }
        XCTAssertTrue(eventually { serving.stderr.contains(located) }, serving.stderr)
        let broken = try XCTUnwrap(events.latest)

        // Fix it: the page is back, with the edited number.
        try SitrepProcess.edit(arrivalsPath, in: project, replacing: "Nowhere,many\n", with: "")
        XCTAssertNotNil(try events.next(after: broken), "no reload event after the fix")
        XCTAssertTrue(try eventually {
            let fixed = try serving.get(page)
            return fixed.status == 200 && SitrepProcess.visibleText(ofHTML: fixed.body).contains("\(belarusians) Belarusians")
        }, "the fixed page is not shown")

        // Ctrl-C: a clean stop with status 0, and nothing was ever written to the project.
        serving.process.interrupt()
        XCTAssertEqual(serving.waitForExit(), 0, serving.stderr)
        XCTAssertTrue(serving.stdout.hasSuffix("stopped\n"), serving.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
    }

    func testAProjectBrokenAtTheStartIsServedAsItsErrorsUntilFixed() throws {
        let project = try example()
        let arrivalsPath = "\(Self.period)/arrivals.csv"
        try SitrepProcess.edit(arrivalsPath, in: project, replacing: "Belarus,902\n", with: "Belarus,-902\n")
        let serving = try serve(project)
        let broken = try serving.get("/")
        XCTAssertEqual(broken.status, 500)
        XCTAssertTrue(SitrepProcess.decodeEntities(broken.body).contains("\(arrivalsPath):2:9: error: the value '-902' in column 'count' is negative"),
                      broken.body)
        XCTAssertTrue(serving.stderr.contains("\(arrivalsPath):2:9: error: the value '-902' in column 'count' is negative"), serving.stderr)
        try SitrepProcess.edit(arrivalsPath, in: project, replacing: "Belarus,-902\n", with: "Belarus,902\n")
        XCTAssertTrue(try eventually { try serving.get("/belarus/2022-06/").status == 200 }, "the fix was not served")
        serving.process.interrupt()
        XCTAssertEqual(serving.waitForExit(), 0, serving.stderr)
    }

    func testOnlyTheSitesFilesAreServed() throws {
        let project = try example()
        let serving = try serve(project)
        for path in ["/../sitrep.yml", "/%2e%2e/sitrep.yml", "/..%2fsitrep.yml", "/belarus/..%2F..%2Fsitrep.yml",
                     "/content/belarus/series.yml", "/sitrep.yml", "/belarus/2022-06/arrivals.csv", "/%00", "/%zz"] {
            let response = try serving.get(path)
            XCTAssertEqual(response.status, 404, path)
            XCTAssertFalse(response.body.contains("base_url"), "\(path) showed sitrep.yml")
            XCTAssertTrue(response.body.contains("<h1>Not found</h1>"), path)
        }
        let folder = try serving.get("/belarus")
        XCTAssertEqual(folder.status, 301)
        XCTAssertEqual(folder.headers["location"], "/belarus/")
        XCTAssertEqual(try serving.get("/assets/sitrep.css").headers["content-type"], "text/css; charset=utf-8")
        let json = try serving.get("/belarus/2022-06/figures.json")
        XCTAssertEqual(json.headers["content-type"], "application/json")
        XCTAssertFalse(json.body.contains("EventSource"), "the reload script went into a file that is not a page")
        XCTAssertEqual(try serving.get("/feed.xml").headers["content-type"], "application/xml")
        XCTAssertEqual(try serving.get("/", method: "POST").status, 405)
        serving.process.interrupt()
        XCTAssertEqual(serving.waitForExit(), 0, serving.stderr)
    }

    func testAPortInUseIsAnErrorWithAHint() throws {
        let project = try example()
        let first = try serve(project)
        let second = try Serving(project: project, arguments: ["--port", String(first.port)])
        addTeardownBlock { second.finish() }
        XCTAssertEqual(second.waitForExit(), 1, second.stdout)
        XCTAssertTrue(second.stderr.contains("error: cannot listen on 127.0.0.1:\(first.port): Address already in use\n"
                                             + "    hint: choose another port with --port, or --port 0 for a free one"), second.stderr)
        first.process.interrupt()
        XCTAssertEqual(first.waitForExit(), 0, first.stderr)
    }

    func testAHostThatIsNotAnAddressIsAUsageError() throws {
        let project = try example()
        let run = try SitrepProcess.run(["serve", "--host", "example.org", "--port", "0"], in: project)
        XCTAssertEqual(run.status, 2, "\(run)")
        XCTAssertTrue(run.stderr.contains("'example.org' is not an address to listen on"), run.stderr)
    }
}
