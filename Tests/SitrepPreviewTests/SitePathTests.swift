import XCTest

@testable import SitrepPreview

/// Request paths name files of the in-memory site only: decoded once, no `..`, folders to their
/// `index.html`, a folder without its `/` redirected.
final class SitePathTests: XCTestCase {
    private let files: Set<String> = ["index.html", "belarus/index.html", "belarus/2022-06/index.html", "assets/sitrep.css",
                                      "a b/index.html"]

    private func resolve(_ target: String) -> SitePath.Resolution {
        SitePath.resolve(target, exists: files.contains)
    }

    func testFoldersServeTheirIndexAndFilesThemselves() {
        XCTAssertEqual(resolve("/"), .file("index.html"))
        XCTAssertEqual(resolve("/belarus/"), .file("belarus/index.html"))
        XCTAssertEqual(resolve("/belarus/2022-06/index.html"), .file("belarus/2022-06/index.html"))
        XCTAssertEqual(resolve("/./assets//sitrep.css"), .file("assets/sitrep.css"))
        XCTAssertEqual(resolve("/a%20b/"), .file("a b/index.html"))
    }

    func testAFolderWithoutItsSlashIsRedirectedToItsOwnAddress() {
        XCTAssertEqual(resolve("/belarus"), .redirect("/belarus/"))
        XCTAssertEqual(resolve("/belarus/2022-06"), .redirect("/belarus/2022-06/"))
        // Not to another host: `//belarus/` would be read as one.
        XCTAssertEqual(resolve("//belarus"), .redirect("/belarus/"))
        XCTAssertEqual(resolve("/a%20b"), .redirect("/a%20b/"))
    }

    func testParentSegmentsAndEncodedSeparatorsNameNothing() {
        for target in ["/../index.html", "/belarus/../index.html", "/%2e%2e/index.html", "/%2E%2E/sitrep.yml",
                       "/..%2findex.html", "/belarus%2findex.html", "/belarus%5cindex.html", "/index.html%00",
                       "/%zz", "/%", "/%c3%28", "index.html", ""] {
            XCTAssertEqual(resolve(target), .notFound, target)
        }
    }

    func testDecodingIsDoneOnce() {
        // `%252e%252e` decodes to the name `%2e%2e`, not to `..`.
        XCTAssertEqual(SitePath.decodedSegments(of: "/%252e%252e/x"), ["%2e%2e", "x"])
        XCTAssertNil(SitePath.decodedSegments(of: "/a/%2E%2E/b"))
    }
}
