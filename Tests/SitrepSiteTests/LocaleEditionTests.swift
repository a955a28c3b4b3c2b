import Foundation
import XCTest

@testable import SitrepSite

/// A series in another locale gets its numbers, dates and the layouts' words in that language.
final class LocaleEditionTests: XCTestCase {
    /// The example's last report page and home page, its series in `locale`.
    private func pages(locale: String) throws -> (report: String, home: String) {
        let project = try ExampleProject.copy()
        defer { try? FileManager.default.removeItem(at: project) }
        let seriesFile = project.appendingPathComponent("content/belarus/series.yml")
        let series = try String(contentsOf: seriesFile, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: \(locale)")
        try Data(series.utf8).write(to: seriesFile)

        let output = project.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        return try (String(contentsOfFile: output + "/belarus/2022-06/index.html", encoding: .utf8),
                    String(contentsOfFile: output + "/index.html", encoding: .utf8))
    }

    func testARussianSeriesWritesRussianNumbersAndLabels() throws {
        let (page, home) = try pages(locale: "ru")
        XCTAssertTrue(page.contains("<html lang=\"ru\" dir=\"ltr\">"))
        XCTAssertTrue(page.contains("Ключевые показатели"))
        XCTAssertTrue(page.contains("Отчётный период"))
        XCTAssertTrue(page.contains("32\u{00A0}322"), "thousands with a no-break space")
        XCTAssertTrue(page.contains("(74,7\u{00A0}%)"), "a decimal comma and a spaced per cent sign")
        XCTAssertTrue(page.contains("27 мая – 9 июня 2022"), "month names in the genitive in a period")
        XCTAssertFalse(page.contains("Key figures"))
        // The home page follows sitrep.yml's locale, still English here.
        XCTAssertTrue(home.contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    /// Spanish dates as Spanish writes them: "9 de junio de 2022".
    func testASpanishSeriesWritesSpanishDates() throws {
        let (page, _) = try pages(locale: "es")
        XCTAssertTrue(page.contains("<dd class=\"report-period\">27 de mayo – 9 de junio de 2022</dd>"), page)
        XCTAssertTrue(page.contains("<dd>9 de junio de 2022</dd>"), "the data's date")
        XCTAssertTrue(page.contains("Cifras clave"))
        XCTAssertTrue(page.contains("32.322"))
    }

    /// An Arabic series is right to left, with the months and numbers of the UN's Arabic
    /// documents: Western digits grouped by a (no-break) space, a decimal point, "في المائة".
    func testAnArabicSeriesIsRightToLeftInUNArabicStyle() throws {
        let (page, home) = try pages(locale: "ar")
        XCTAssertTrue(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
        XCTAssertTrue(page.contains("27 أيار/مايو – 9 حزيران/يونيه 2022"), "both month names, as UN documents give them")
        XCTAssertTrue(page.contains("32\u{00A0}322"), "thousands with a no-break space")
        XCTAssertTrue(page.contains("(74.7 في المائة)"))
        XCTAssertTrue(page.contains("أرقام رئيسية"))
        XCTAssertTrue(home.contains("<html lang=\"en\" dir=\"ltr\">"))
    }

    /// Every language has a word for every label the layouts print; a regional locale gets its
    /// language's words, and an unknown language English.
    func testEveryLanguageLabelsEveryKey() {
        XCTAssertEqual(PageLabels.languages, ["ar", "en", "es", "fr", "ru"])
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
