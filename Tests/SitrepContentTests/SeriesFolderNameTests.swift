import SitrepDiagnostics
import XCTest

@testable import SitrepContent

/// Series folder names are limited to a set that is safe in any web address; the error proposes
/// a safe name close to the bad one.
final class SeriesFolderNameTests: XCTestCase {
    func testTheSafeSet() {
        for name in ["belarus", "Belarus", "ukraine-2022", "cote_d_ivoire", "2022", String(repeating: "a", count: 64)] {
            XCTAssertTrue(SeriesFolderName.isSafe(name), name)
        }
        for name in ["", "-x", "_x", "a b", "a:b", "a/b", "a.b", "%2e", "é", "a#", String(repeating: "a", count: 65)] {
            XCTAssertFalse(SeriesFolderName.isSafe(name), name)
        }
    }

    func testTheSuggestionIsSafeAndClose() {
        let cases = ["javascript:alert(1)": "javascript-alert-1", "Côte d'Ivoire": "cote-d-ivoire", "#x": "x", "..": "series",
                     "__x__": "x", "Ελλάδα": "series", String(repeating: "ab ", count: 40): String(repeating: "ab-", count: 21) + "a"]
        for (name, expected) in cases {
            XCTAssertEqual(SeriesFolderName.suggestion(for: name), expected, name)
            XCTAssertTrue(SeriesFolderName.isSafe(SeriesFolderName.suggestion(for: name)), name)
        }
    }

    func testBaseURL() throws {
        let here = SourceLocation(file: "sitrep.yml", line: 2, column: 11)
        XCTAssertEqual(try SiteConfig.checkedBaseURL("HTTPS://example.org/x/", at: here), "https://example.org/x/")
        XCTAssertEqual(try SiteConfig.checkedBaseURL("/sitreps/", at: here), "/sitreps/")
        for bad in ["javascript:alert(1)", " https://x/", "data:,x", "//x/", "https://", "x/", "https://a\"b/", "vbscript:x"] {
            XCTAssertThrowsError(try SiteConfig.checkedBaseURL(bad, at: here), bad) { error in
                XCTAssertEqual((error as? DiagnosticError)?.diagnostics.first?.location, here)
            }
        }
    }
}
