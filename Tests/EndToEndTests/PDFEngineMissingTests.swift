import Foundation
import XCTest

/// PDFs need WeasyPrint only when asked for: without it on PATH, `build --pdf` (or `pdf: true`)
/// fails naming the package to install and leaves output/ as it was, and a build without PDFs
/// works as before.
final class PDFEngineMissingTests: XCTestCase {
    func testWithoutWeasyPrintOnPathAskingForPDFsFailsNamingThePackage() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        let emptyPath = try SitrepProcess.temporaryFolder("path")
        defer { SitrepProcess.remove(emptyPath) }
        let environment = ["PATH": emptyPath.path]

        let built = try SitrepProcess.run(["build"], in: project, environment: environment)
        XCTAssertEqual(built.status, 0, "a build without PDFs never needs WeasyPrint: \(built)")
        let before = try SitrepProcess.snapshot(of: project.appendingPathComponent("output"))
        XCTAssertFalse(before.keys.contains { $0.hasSuffix(".pdf") })

        for (arguments, setting) in [(["build", "--pdf"], ""), (["build", "--check", "--pdf"], ""), (["build"], "pdf: true\n")] {
            if !setting.isEmpty { try SitrepProcess.append(setting, to: "sitrep.yml", in: project) }
            let run = try SitrepProcess.run(arguments, in: project, environment: environment)
            let label = "\(arguments) \(setting)"
            XCTAssertEqual(run.status, 1, "\(label): \(run)")
            XCTAssertTrue(run.stderr.contains("error: making PDFs needs WeasyPrint, and there is no `weasyprint` command on PATH"),
                          "\(label): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("hint: install WeasyPrint: `apt-get install weasyprint`"), "\(label): \(run.stderr)")
            XCTAssertEqual(try SitrepProcess.snapshot(of: project.appendingPathComponent("output")), before, label)
        }
    }

    /// A site built with PDFs, checked without `--pdf`, is out of date (its PDFs would go), and the
    /// message says how to check it with them.
    func testCheckingASiteWithPDFsWithoutThemSaysHowToCheckThem() throws {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        let built = try SitrepProcess.run(["build", "--pdf"], in: project)
        XCTAssertEqual(built.status, 0, "\(built)")
        let check = try SitrepProcess.run(["build", "--check"], in: project)
        XCTAssertEqual(check.status, 1, "\(check)")
        XCTAssertTrue(check.stdout.contains("removed  belarus/2022-06/belarus-2022-06.pdf"), check.stdout)
        XCTAssertTrue(check.stderr.contains("it has PDFs, which a build without them removes: `sitrep build --check --pdf` compares them too"),
                      check.stderr)
        let withPDFs = try SitrepProcess.run(["build", "--check", "--pdf"], in: project)
        XCTAssertEqual(withPDFs.status, 0, "\(withPDFs)")
    }
}
