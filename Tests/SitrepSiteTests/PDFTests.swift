import Foundation
import XCTest

@testable import SitrepSite

/// `sitrep build --pdf`: a PDF per report, made by WeasyPrint (scripts/setup installs it, and
/// poppler-utils to read the PDFs back), linked from its page with its size.
final class PDFTests: XCTestCase {
    private var work: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        work = FileManager.default.temporaryDirectory.appendingPathComponent("sitrep-pdf-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
        try super.tearDownWithError()
    }

    /// The example, its series in `locale`, built with PDFs into `output` (in the test's folder).
    private func build(locale: String = "en", into output: String = "output") throws -> (project: URL, output: URL) {
        let project = try ExampleProject.copy(into: work.appendingPathComponent("project-\(locale)"))
        if locale != "en" {
            let file = project.appendingPathComponent("content/belarus/series.yml")
            let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: \(locale)")
            try Data(text.utf8).write(to: file)
        }
        let folder = work.appendingPathComponent(output)
        _ = try SiteBuilder.build(projectRoot: project.path, output: folder.path, pdf: true)
        return (project, folder)
    }

    private static let periods = ["2022-05-12", "2022-05-26", "2022-06"]

    /// The texts of `class` spans in a page (`figure-value`).
    private func spans(_ html: String, class name: String) -> [String] {
        html.components(separatedBy: "<span class=\"\(name)\">").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    func testEveryReportHasAPDFWithItsKeyFiguresRunningHeadPageNumbersAndMetadata() throws {
        let (_, output) = try build()
        for period in Self.periods {
            let folder = output.appendingPathComponent("belarus/\(period)")
            let pdf = folder.appendingPathComponent("belarus-\(period).pdf")
            let bytes = try Data(contentsOf: pdf)
            let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            XCTAssertTrue(page.contains("<a href=\"belarus-\(period).pdf\" type=\"application/pdf\">PDF, \((bytes.count + 500) / 1000) kB</a>"),
                          "the page links its PDF with its size")

            let text = try ExternalTool.run("pdftotext", ["-layout", pdf.path, "-"], package: "poppler-utils").output
            let values = spans(page, class: "figure-value")
            XCTAssertFalse(values.isEmpty, period)
            for value in values { XCTAssertTrue(text.contains(value), "\(period): the PDF's text has the key figure \(value)") }
            let pages = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            for (number, content) in pages.enumerated() {
                XCTAssertTrue(content.contains("Page \(number + 1) of \(pages.count)"), "\(period), page \(number + 1)")
                XCTAssertTrue(content.contains("IOM Belarus"), "the office runs at the head of page \(number + 1)")
            }
            XCTAssertTrue(text.contains("Belarus: response to the war in Ukraine · "), "the title and period run at the head")

            let info = try ExternalTool.run("pdfinfo", [pdf.path], package: "poppler-utils").output
            let title = try XCTUnwrap(page.components(separatedBy: "<title>").last?.components(separatedBy: "</title>").first)
            XCTAssertTrue(info.contains("Title:           \(title)"), info)
            XCTAssertTrue(info.contains("Page size:       595.276 x 841.89 pts (A4)"), info)
            XCTAssertTrue(bytes.range(of: Data("/Lang (en)".utf8)) != nil, "the PDF's language is set")
        }
        // The creation date is the report's (its as_of date, or its period's end), not the clock's.
        let last = try Data(contentsOf: output.appendingPathComponent("belarus/2022-06/belarus-2022-06.pdf"))
        XCTAssertTrue(last.range(of: Data("/CreationDate (20220609)".utf8)) != nil)
        XCTAssertTrue(last.range(of: Data("/ModDate (20220609)".utf8)) != nil)
    }

    /// A table longer than a page, whose row labels wrap onto two lines, breaks between rows, never
    /// inside one, and repeats its header row on the next page.
    func testALongTableBreaksBetweenRowsAndRepeatsItsHeader() throws {
        let project = try ExampleProject.copy(into: work.appendingPathComponent("project-long-table"))
        let period = project.appendingPathComponent("content/belarus/2022-06")
        let labels = (1...90).map { String(format: "Centre %03d, temporary accommodation for people arriving from Ukraine, row end %03d", $0, $0) }
        let csv = "site,count\n" + labels.enumerated().map { "\"\($1)\",\($0 + 1)\n" }.joined()
        try Data(csv.utf8).write(to: period.appendingPathComponent("sites.csv"))
        let report = period.appendingPathComponent("report.md")
        let narrative = try String(contentsOf: report, encoding: .utf8)
            + "\n```sitrep-table\ntable: sites\nrows: site\ncaption: Accommodation centres\n```\n"
        try Data(narrative.utf8).write(to: report)
        let output = work.appendingPathComponent("output-long-table")
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path, pdf: true)

        let pdf = output.appendingPathComponent("belarus/2022-06/belarus-2022-06.pdf")
        let text = try ExternalTool.run("pdftotext", [pdf.path, "-"], package: "poppler-utils").output
        let pages = text.components(separatedBy: "\u{0C}")
        var pagesWithRows = Set<Int>()
        for number in 1...labels.count {
            let start = pages.indices.filter { pages[$0].contains(String(format: "Centre %03d,", number)) }
            let end = pages.indices.filter { pages[$0].contains(String(format: "row end %03d", number)) }
            XCTAssertEqual(start.count, 1, "row \(number) is printed once")
            XCTAssertEqual(start, end, "row \(number) is split across pages")
            pagesWithRows.formUnion(start)
        }
        XCTAssertGreaterThan(pagesWithRows.count, 1, "the table is longer than a page")
        for page in pagesWithRows {
            XCTAssertTrue(pages[page].contains("Site"), "page \(page + 1) repeats the table's header row")
        }
    }

    /// Two builds give the same bytes, so `build --check` compares PDFs like pages; a changed
    /// figure changes the PDF that prints it.
    func testPDFsAreByteStableAndCheckedByBuildCheck() throws {
        let (project, first) = try build()
        let second = work.appendingPathComponent("second")
        _ = try SiteBuilder.build(projectRoot: project.path, output: second.path, pdf: true)
        for period in Self.periods {
            let path = "belarus/\(period)/belarus-\(period).pdf"
            XCTAssertEqual(try Data(contentsOf: first.appendingPathComponent(path)), try Data(contentsOf: second.appendingPathComponent(path)), path)
        }
        XCTAssertTrue(try SiteBuilder.compare(projectRoot: project.path, output: first.path, pdf: true).0.isCurrent)

        try ExampleProject.changeArrivalsFromBelarus(in: project, to: 903)
        let (stale, _) = try SiteBuilder.compare(projectRoot: project.path, output: first.path, pdf: true)
        XCTAssertTrue(stale.changed.contains("belarus/2022-06/belarus-2022-06.pdf"), "\(stale.changed)")
    }

    /// A build with PDFs after one without renders again (and the other way round): the option
    /// is part of what the manifest records.
    func testTheOptionIsPartOfTheManifest() throws {
        let project = try ExampleProject.copy(into: work.appendingPathComponent("project"))
        let output = work.appendingPathComponent("output").path
        _ = try SiteBuilder.build(projectRoot: project.path, output: output)
        XCTAssertFalse(try SiteBuilder.build(projectRoot: project.path, output: output, pdf: true).upToDate)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output + "/belarus/2022-06/belarus-2022-06.pdf"))
        XCTAssertTrue(try SiteBuilder.build(projectRoot: project.path, output: output, pdf: true).upToDate)
        XCTAssertFalse(try SiteBuilder.build(projectRoot: project.path, output: output).upToDate)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output + "/belarus/2022-06/belarus-2022-06.pdf"))
    }

    /// `pdf: true` in sitrep.yml makes PDFs without `--pdf`; a Spanish report's PDF has its
    /// key figures in Spanish form and its page numbers in Spanish.
    func testTheSettingMakesPDFsAndASpanishPDFIsInSpanish() throws {
        let project = try ExampleProject.copy(into: work.appendingPathComponent("project"))
        let series = project.appendingPathComponent("content/belarus/series.yml")
        try Data(try String(contentsOf: series, encoding: .utf8).replacingOccurrences(of: "locale: en", with: "locale: es").utf8).write(to: series)
        let settings = project.appendingPathComponent("sitrep.yml")
        try Data((try String(contentsOf: settings, encoding: .utf8) + "pdf: true\n").utf8).write(to: settings)
        let output = work.appendingPathComponent("output")
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)

        let pdf = output.appendingPathComponent("belarus/2022-06/belarus-2022-06.pdf")
        let text = try ExternalTool.run("pdftotext", ["-layout", pdf.path, "-"], package: "poppler-utils").output
        XCTAssertTrue(text.contains("Página 1 de "), text)
        XCTAssertTrue(text.contains("27 de mayo – 9 de junio de 2022"))
        let page = try String(contentsOf: output.appendingPathComponent("belarus/2022-06/index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Versión para imprimir: <a href=\"belarus-2022-06.pdf\""))
        let values = spans(page, class: "figure-value")
        XCTAssertTrue(values.contains("32.322"), "\(values)")
        for value in values { XCTAssertTrue(text.contains(value), "the key figure \(value)") }
    }

    /// An Arabic report gets its PDF too, in Arabic and titled as its page, and its text can be
    /// searched: every key figure and the Arabic words come out of `pdftotext` as written (the
    /// driver maps the glyphs of right-to-left lines itself, see docs/design.md, "PDFs").
    func testAnArabicReportHasAPDFInArabicWhoseTextCanBeSearched() throws {
        let (_, output) = try build(locale: "ar")
        for period in Self.periods {
            let folder = output.appendingPathComponent("belarus/\(period)")
            let pdf = folder.appendingPathComponent("belarus-\(period).pdf")
            let page = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
            let text = try searchableText(of: pdf)
            let values = spans(page, class: "figure-value")
            XCTAssertFalse(values.isEmpty, period)
            XCTAssertTrue(values.contains { $0.contains("\u{00A0}") }, "\(period): a key figure has its thousands grouped, \(values)")
            for value in values {
                XCTAssertTrue(text.contains(Self.spaced(value)), "\(period): the PDF's text has the key figure \(value)")
            }
            for word in ["أرقام رئيسية", "الفترة المشمولة بالتقرير", "البيانات حتى", "المكتب", "الصفحة", "أيار", "مايو"] {
                XCTAssertTrue(text.contains(word), "\(period): the PDF's text has the Arabic words \(word)")
            }
        }
        let pdf = output.appendingPathComponent("belarus/2022-06/belarus-2022-06.pdf")
        let page = try String(contentsOf: output.appendingPathComponent("belarus/2022-06/index.html"), encoding: .utf8)
        // "ثلاثة" (three, in words) is drawn with the lam-alef ligature, one glyph for two letters.
        XCTAssertTrue(page.contains("ثلاثة"))
        XCTAssertTrue(try searchableText(of: pdf).contains("ثلاثة"), "the PDF's text has the lam-alef ligature's letters in order")
        XCTAssertTrue(try Data(contentsOf: pdf).range(of: Data("/Lang (ar)".utf8)) != nil)
        let info = try ExternalTool.run("pdfinfo", [pdf.path], package: "poppler-utils").output
        XCTAssertTrue(info.contains("Title:           Belarus: response to the war in Ukraine — 27 أيار/مايو – 9 حزيران/يونيه 2022"), info)
        XCTAssertTrue(page.contains("<span class=\"page-word\">الصفحة</span> <span class=\"page-of\">من</span>"))
    }

    /// The text `pdftotext` reads from a PDF, without the embedding marks (U+202A to U+202E) it
    /// puts around right-to-left words, and with no-break spaces as spaces.
    private func searchableText(of pdf: URL) throws -> String {
        let text = try ExternalTool.run("pdftotext", [pdf.path, "-"], package: "poppler-utils").output
        return Self.spaced(String(text.unicodeScalars.filter { !(0x202A...0x202E).contains($0.value) }))
    }

    /// `text` with its no-break spaces as spaces: the PDF's fonts may draw both with one glyph,
    /// which then reads back as a space (as a reader searching "32 322" types it).
    private static func spaced(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{00A0}", with: " ")
    }

    /// Without WeasyPrint, asking for PDFs is an error that says what to install.
    func testWithoutWeasyPrintTheErrorNamesThePackage() {
        XCTAssertThrowsError(try PDFEngine(searchPath: work.path)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("no `weasyprint` command on PATH"), text)
            XCTAssertTrue(text.contains("apt-get install weasyprint"), text)
        }
    }
}
