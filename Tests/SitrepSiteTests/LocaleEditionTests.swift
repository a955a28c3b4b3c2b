import Foundation
import SitrepSite
import XCTest

/// A series in another locale gets its numbers, dates and the layouts' words in that language.
final class LocaleEditionTests: XCTestCase {
    func testARussianSeriesWritesRussianNumbersAndLabels() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-locale-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for item in ["sitrep.yml", "content", "templates"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(item), to: project.appendingPathComponent(item))
        }
        let seriesFile = project.appendingPathComponent("content/belarus/series.yml")
        let series = try String(contentsOf: seriesFile, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: ru")
        try Data(series.utf8).write(to: seriesFile)

        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        let page = try String(contentsOfFile: output + "/belarus/2022-06/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<html lang=\"ru\">"))
        XCTAssertTrue(page.contains("Ключевые показатели"))
        XCTAssertTrue(page.contains("Отчётный период"))
        XCTAssertTrue(page.contains("32\u{00A0}322"), "thousands with a no-break space")
        XCTAssertTrue(page.contains("(74,7\u{00A0}%)"), "a decimal comma and a spaced per cent sign")
        XCTAssertTrue(page.contains("27 мая – 9 июня 2022"), "month names in the genitive in a period")
        XCTAssertFalse(page.contains("Key figures"))
        // The home page follows sitrep.yml's locale, still English here.
        let home = try String(contentsOfFile: output + "/index.html", encoding: .utf8)
        XCTAssertTrue(home.contains("<html lang=\"en\">"))
    }
}
