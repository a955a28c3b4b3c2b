import Foundation
import SitrepFuzzing
import XCTest

/// Replays every saved fuzz input (the seed corpus and every crash found and fixed) through the
/// same entry points the fuzzers run, so a fixed crash stays fixed.
final class FuzzRegressionTests: XCTestCase {
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    private func replay(_ folder: String, through entry: ([UInt8]) -> Void) throws {
        var count = 0
        for sub in ["corpus", "regressions"] {
            let url = Self.fuzzFolder.appendingPathComponent(sub).appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                entry([UInt8](try Data(contentsOf: url.appendingPathComponent(name))))
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 0, "no saved inputs for \(folder)")
    }

    func testCSVInputs() throws { try replay("csv", through: FuzzEntryPoints.csv) }
    func testNarrativeInputs() throws { try replay("placeholders", through: FuzzEntryPoints.narrative) }
    func testFrontMatterInputs() throws { try replay("frontmatter", through: FuzzEntryPoints.frontMatter) }
    func testYAMLInputs() throws { try replay("yaml", through: FuzzEntryPoints.yaml) }
    func testLayoutInputs() throws { try replay("layouts", through: FuzzEntryPoints.layouts) }
    func testWorkbookInputs() throws { try replay("workbook", through: FuzzEntryPoints.workbook) }
}
