import XCTest

@testable import SitrepSite

/// Paths in links, the feed and the sitemap: each segment percent-encoded, so that no name can
/// be read as a scheme, a query, a fragment or a parent folder.
final class URLPathTests: XCTestCase {
    func testPlainPathsAreKept() {
        XCTAssertEqual(URLPath.encode("belarus/2022-06/index.html"), "belarus/2022-06/index.html")
        XCTAssertEqual(URLPath.encode("a_b~c.d-e"), "a_b~c.d-e")
        XCTAssertEqual(URLPath.encode(""), "")
        XCTAssertEqual(URLPath.encode("a/"), "a/")
        XCTAssertEqual(URLPath.encode("/a//b"), "/a//b")
    }

    func testEveryOtherByteIsEncodedAndDotSegmentsWhole() {
        XCTAssertEqual(URLPath.encode("a b/../javascript:alert(1)/é.html?x#y"),
                       "a%20b/%2E%2E/javascript%3Aalert%281%29/%C3%A9.html%3Fx%23y")
        XCTAssertEqual(URLPath.encode("./x/.../.."), "%2E/x/.../%2E%2E")
        XCTAssertEqual(URLPath.segment("Côte d'Ivoire"), "C%C3%B4te%20d%27Ivoire")
        XCTAssertEqual(URLPath.segment("a/b"), "a%2Fb")
    }
}
