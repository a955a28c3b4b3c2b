import Foundation
import XCTest

@testable import SitrepSite

/// A series in another locale gets its numbers, dates and the layouts' words in that language.
final class LocaleEditionTests: XCTestCase {
    func testARussianSeriesWritesRussianNumbersAndLabels() throws {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
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

    /// Every language has a word for every label the layouts print; a regional locale gets its
    /// language's words, and an unknown language English.
    func testEveryLanguageLabelsEveryKey() {
        XCTAssertEqual(PageLabels.languages, ["en", "es", "fr", "ru"])
        for language in PageLabels.languages {
            let labels = PageLabels.labels(for: language)
            XCTAssertEqual(Set(labels.keys), Set(PageLabels.keys), language)
            XCTAssertFalse(labels.values.contains { $0.isEmpty }, language)
        }
        XCTAssertEqual(PageLabels.labels(for: "fr-CA")["keyFigures"], "Chiffres clés")
        XCTAssertEqual(PageLabels.labels(for: "ru_RU")["notes"], "Примечания")
        XCTAssertEqual(PageLabels.labels(for: "de")["keyFigures"], "Key figures")
    }
}
