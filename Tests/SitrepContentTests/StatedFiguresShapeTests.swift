import XCTest

import SitrepContent
import SitrepDiagnostics

/// `figures.yml` is a map of names to values; anything else at its top is a located error, never
/// a figure without a name.
final class StatedFiguresShapeTests: XCTestCase {
    private func problems(_ yaml: String) -> [Diagnostic] {
        do {
            let figures = try StatedFigures.read(YAMLNode.parse(yaml, file: "figures.yml"))
            XCTFail("expected an error, read \(figures.map(\.name))")
            return []
        } catch { return error.diagnostics }
    }

    func testATopLevelListIsAnError() {
        for yaml in ["-\n", "- 6000\n- 12\n", "[a, b]\n"] {
            let found = problems(yaml)
            XCTAssertEqual(found.map(\.message), ["figures must be a map of `name: value` lines, not a list"], yaml)
            XCTAssertEqual(found.first?.location?.line, 1, yaml)
        }
    }

    func testAListUnderANameIsAListFigure() throws {
        let figures = try StatedFigures.read(YAMLNode.parse("regions:\n  - Gomel\n  - Minsk\n", file: "figures.yml"))
        XCTAssertEqual(figures.map(\.name), ["regions"])
    }
}
