import SitrepContent
import SitrepDiagnostics
import XCTest

/// YAML anchors and aliases are refused at the first one, before anything could be expanded: a
/// "billion laughs" document must not cost memory or time.
final class YAMLAnchorTests: XCTestCase {
    /// Nine levels of nine aliases each: 9^9 (about 387 million) strings once expanded.
    static let billionLaughs = """
        title: Fine
        a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
        b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
        c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
        d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
        e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
        f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
        g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
        h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
        i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
        """

    func testBillionLaughsIsRefusedAtTheFirstAnchor() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal(Self.billionLaughs))
        XCTAssertEqual(diagnostic.message, "YAML anchors and aliases (&name, *name) are not supported")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "figures.yml", line: 2, column: 4))
        XCTAssertEqual(diagnostic.sourceLine, "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]")
        XCTAssertTrue(diagnostic.hint?.contains("write the value out in full") ?? false)
    }

    /// An alias used as a key, and an anchored key, are refused like any other.
    func testAliasesInKeysAreRefused() throws {
        let yaml = "a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: 1\n? *b\n: 2\n"
        XCTAssertEqual(try XCTUnwrap(yamlRefusal(yaml)).location?.line, 1)
        XCTAssertEqual(try XCTUnwrap(yamlRefusal("&k key: 1\n")).location, SourceLocation(file: "figures.yml", line: 1, column: 1))
    }

    func testAnAliasWithoutAnchorIsRefusedToo() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a: 1\nb: *a\n"))
        XCTAssertEqual(diagnostic.message, "YAML anchors and aliases (&name, *name) are not supported")
        XCTAssertEqual(diagnostic.location, SourceLocation(file: "figures.yml", line: 2, column: 4))
    }

    func testFrontMatterLinesAreCountedFromTheFile() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("title: T\nx: &x 1\n", lineOffset: 1))
        XCTAssertEqual(diagnostic.location?.line, 3)
        XCTAssertEqual(diagnostic.sourceLine, "x: &x 1")
    }

    func testAmpersandsAndStarsInTextAreText() throws {
        let yaml = "a: R&D\nb: 5 * 3\nc: \"&quoted\"\nd: '*also'\ne: |\n  &block *text\n# a comment with &x and *y\n"
        let node = try YAMLNode.parse(yaml, file: "figures.yml")
        XCTAssertEqual(node["a"]?.scalar, "R&D")
        XCTAssertEqual(node["b"]?.scalar, "5 * 3")
        XCTAssertEqual(node["c"]?.scalar, "&quoted")
        XCTAssertEqual(node["d"]?.scalar, "*also")
        XCTAssertEqual(node["e"]?.scalar, "&block *text\n")
    }

    func testSyntaxErrorsBeforeAnyAnchorAreStillSyntaxErrors() throws {
        let diagnostic = try XCTUnwrap(yamlRefusal("a: [1, 2\nb: &x 1\n"))
        XCTAssertTrue(diagnostic.message.hasPrefix("YAML syntax error"), diagnostic.message)
    }

    func testATrailingCtrlZIsDropped() throws {
        let node = try YAMLNode.parse("a: 1\n\u{1A}", file: "figures.yml")
        XCTAssertEqual(node["a"]?.scalar, "1")
    }
}
