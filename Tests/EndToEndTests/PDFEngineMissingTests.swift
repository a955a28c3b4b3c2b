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
}
