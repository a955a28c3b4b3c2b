import Foundation
import SitrepSite
import SitrepTemplates
import XCTest

/// Renders every placeholder example in the user documentation against the example report and
/// compares it with what the documentation promises, so the docs cannot drift from the tool.
final class DocsExamplesTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `(placeholder, expected, where)` for each table row of a doc that has a placeholder in
    /// one cell and the expected output as a code span in the last cell.
    func examples(in doc: String) throws -> [(String, String, String)] {
        let text = try String(contentsOf: Self.repository.appendingPathComponent(doc), encoding: .utf8)
        var found: [(String, String, String)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.hasPrefix("|") {
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{1}")
                .split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{1}", with: "|") }
            guard cells.count >= 2, let last = cells.last, last.hasPrefix("`"), last.hasSuffix("`"),
                  let example = cells.dropLast().first(where: { $0.hasPrefix("`{{") && $0.hasSuffix("}}`") }) else { continue }
            found.append((String(example.dropFirst().dropLast()), String(last.dropFirst().dropLast()), "\(doc):\(number + 1)"))
        }
        return found
    }

    func testEveryDocumentedPlaceholderRendersAsDocumented() throws {
        let report = try SiteBuilder.figures(projectRoot: Self.repository.path, report: "belarus/2022-06")
        let renderer = NarrativeRenderer(figures: report.figures, tables: report.report.tables,
                                         style: try XCTUnwrap(LocaleStyle.named("en")))
        var checked = 0
        for doc in ["docs/templates.md", "docs/figures.md"] {
            for (placeholder, expected, place) in try examples(in: doc) {
                // Mid-sentence, so that sentence-start capitalisation does not apply.
                let html = try renderer.render("x \(placeholder)", file: place, lineOffset: 0).html
                XCTAssertEqual(html, "<p>x \(expected)</p>\n", "\(place): \(placeholder)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 25, "the docs' example tables were not found")
    }
}
