import SitrepDiagnostics
import XCTest

@testable import SitrepPreview

/// The preview's own HTML: the reload script, the errors page and the 404 page.
final class PreviewPagesTests: XCTestCase {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    func testTheReloadScriptGoesBeforeTheLastClosingBody() throws {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let served = text(PreviewPages.withReloadScript(page, generation: 7))
        let script = try XCTUnwrap(served.range(of: "<script>"))
        let closing = try XCTUnwrap(served.range(of: "</BODY>"))
        XCTAssertLessThan(script.lowerBound, closing.lowerBound)
        XCTAssertTrue(served.contains("var shown = \"7\""))
        XCTAssertTrue(served.contains("new EventSource(\"/_sitrep/events\")"))
        XCTAssertTrue(served.hasPrefix("<html><body><p>&lt;/body&gt;</p>"))
    }

    func testAPageWithoutBodyGetsTheScriptAtItsEnd() {
        let served = text(PreviewPages.withReloadScript(Array("plain".utf8), generation: 1))
        XCTAssertTrue(served.hasPrefix("plain<script>"))
    }

    func testErrorsAreShownAsTheTerminalPrintsThemEscaped() {
        let problem = Diagnostic(at: SourceLocation(file: "content/a/2022-06/report.md", line: 3, column: 5),
                                 "unknown figure '<script>'", hint: "did you mean 'x & y'?",
                                 sourceLine: "Hi {{ <script> }}")
        let page = text(PreviewPages.errors([problem]))
        XCTAssertTrue(page.contains("1 error: the site cannot be built"))
        XCTAssertTrue(page.contains("content/a/2022-06/report.md:3:5: error: unknown figure &#39;&lt;script&gt;&#39;"), page)
        XCTAssertTrue(page.contains("    Hi {{ &lt;script&gt; }}\n        ^"), page)
        XCTAssertTrue(page.contains("hint: did you mean &#39;x &amp; y&#39;?"), page)
        XCTAssertFalse(page.contains("<script>"))
    }

    func testTheNotFoundPageEscapesTheAddress() {
        let page = text(PreviewPages.notFound("/<img src=x>"))
        XCTAssertTrue(page.contains("<code>/&lt;img src=x&gt;</code>"))
    }
}
