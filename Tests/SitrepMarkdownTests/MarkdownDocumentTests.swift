import XCTest

@testable import SitrepMarkdown

/// The cmark wrapper: safe rendering, edits to the tree, and node positions.
final class MarkdownDocumentTests: XCTestCase {
    // MARK: Helpers

    private func nodes(_ document: MarkdownDocument, _ kind: MarkdownNode.Kind) -> [MarkdownNode] {
        document.nodes().filter { $0.kind == kind }
    }

    // MARK: Safe rendering

    func testRendersCommonMark() {
        let document = MarkdownDocument(parsing: "## Overview\n\nSome *emphasis*, `code` and [a link](https://iom.int \"IOM\").\n")
        XCTAssertEqual(document.renderHTML(), """
            <h2>Overview</h2>
            <p>Some <em>emphasis</em>, <code>code</code> and <a href="https://iom.int" title="IOM">a link</a>.</p>

            """)
    }

    func testSafeRenderingDropsRawHTMLBlocksAndInlines() {
        let document = MarkdownDocument(parsing: "<script>alert(1)</script>\n\nText <b onclick=\"x()\">bold</b> <img src=x onerror=alert(1)>.\n")
        let html = document.renderHTML()
        XCTAssertFalse(html.contains("<script"), html)
        XCTAssertFalse(html.contains("alert(1)"), html)
        XCTAssertFalse(html.contains("<b"), html)
        XCTAssertFalse(html.contains("onclick"), html)
        XCTAssertFalse(html.contains("<img"), html)
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), html)
        XCTAssertTrue(html.contains("<p>Text "), html)
        XCTAssertTrue(html.contains("bold"), html)
        XCTAssertEqual(document.renderHTML(safe: true), html, "safe is the default")
    }

    func testUnsafeRenderingKeepsRawHTML() {
        let document = MarkdownDocument(parsing: "<div class=\"x\">kept</div>\n")
        XCTAssertEqual(document.renderHTML(safe: false), "<div class=\"x\">kept</div>\n")
        XCTAssertFalse(document.renderHTML().contains("<div"))
    }

    func testSafeRenderingDropsDangerousLinkDestinations() {
        let document = MarkdownDocument(parsing: """
            [a](javascript:alert(1)) [b](JavaScript:alert(2)) [c](vbscript:x) [d](file:///etc/passwd) \
            [e](data:text/html;base64,PHNjcmlwdD4=) ![f](javascript:alert(3)) [ok](https://iom.int/a?b=1&c=2)

            """)
        let html = document.renderHTML()
        XCTAssertFalse(html.lowercased().contains("javascript:"), html)
        XCTAssertFalse(html.contains("vbscript:"), html)
        XCTAssertFalse(html.contains("file:"), html)
        XCTAssertFalse(html.contains("data:text/html"), html)
        XCTAssertTrue(html.contains("<a href=\"\">a</a>"), html)
        XCTAssertTrue(html.contains("<img src=\"\" alt=\"f\" />"), html)
        XCTAssertTrue(html.contains("<a href=\"https://iom.int/a?b=1&amp;c=2\">ok</a>"), html)
    }

    func testTextIsEscaped() {
        let html = MarkdownDocument(parsing: "a < b & \"c\" > d\n").renderHTML()
        XCTAssertEqual(html, "<p>a &lt; b &amp; &quot;c&quot; &gt; d</p>\n")
    }

    // MARK: Edits

    func testReplaceWithHTMLBlockIsEmittedVerbatimEvenInSafeMode() throws {
        let document = MarkdownDocument(parsing: "Before.\n\n```sitrep-table\ntable: avrr\nrows: country\n```\n\nAfter.\n")
        let block = try XCTUnwrap(nodes(document, .codeBlock).first)
        XCTAssertEqual(block.fenceInfo, "sitrep-table")
        XCTAssertEqual(block.literal, "table: avrr\nrows: country\n")
        block.replaceWithHTMLBlock("<table class=\"sitrep-table\"><tr><td onclick=\"\">1</td></tr></table>")
        XCTAssertEqual(document.renderHTML(), """
            <p>Before.</p>
            <table class="sitrep-table"><tr><td onclick="">1</td></tr></table>
            <p>After.</p>

            """)
        XCTAssertEqual(nodes(document, .codeBlock).count, 0)
        XCTAssertEqual(nodes(document, .customBlock).count, 1)
    }

    func testSettingALiteralChangesOnlyTheText() throws {
        let document = MarkdownDocument(parsing: "Count: {{ x }}\n")
        let text = try XCTUnwrap(nodes(document, .text).first)
        XCTAssertEqual(text.literal, "Count: {{ x }}")
        text.literal = "<b>*533*</b> [a](javascript:x)"
        XCTAssertEqual(document.renderHTML(), "<p>&lt;b&gt;*533*&lt;/b&gt; [a](javascript:x)</p>\n",
                       "a literal set after parsing never becomes structure")
    }

    func testLinkURLAndTitleCanBeSet() throws {
        let document = MarkdownDocument(parsing: "[text](https://a.example \"t\")\n")
        let link = try XCTUnwrap(nodes(document, .link).first)
        XCTAssertEqual(link.url, "https://a.example")
        XCTAssertEqual(link.title, "t")
        link.url = "https://b.example/?q=\"x\""
        link.title = "new <title>"
        XCTAssertEqual(document.renderHTML(),
                       "<p><a href=\"https://b.example/?q=%22x%22\" title=\"new &lt;title&gt;\">text</a></p>\n")
    }

    func testConsolidateTextMergesTextSplitAtSpecialCharacters() throws {
        let document = MarkdownDocument(parsing: "See {{ a_b_c }} [x] here\n")
        document.consolidateText()
        let texts = nodes(document, .text)
        XCTAssertEqual(texts.count, 1)
        XCTAssertEqual(texts.first?.literal, "See {{ a_b_c }} [x] here")
        XCTAssertEqual(document.renderHTML(), "<p>See {{ a_b_c }} [x] here</p>\n")

        let underscores = MarkdownDocument(parsing: "To {{ avrr.period.unaccompanied_minors | words }} and {{ x_1 }} \\_z\n")
        underscores.consolidateText()
        XCTAssertEqual(nodes(underscores, .text).map(\.literal),
                       ["To {{ avrr.period.unaccompanied_minors | words }} and {{ x_1 }} _z"])
    }

    func testConsolidateTextKeepsEmphasisApart() {
        let document = MarkdownDocument(parsing: "one *two* three\n")
        document.consolidateText()
        XCTAssertEqual(nodes(document, .text).map(\.literal), ["one ", "two", " three"])
        XCTAssertEqual(nodes(document, .emphasis).count, 1)
    }

    // MARK: Tree and positions

    func testNodesAreListedParentsFirst() {
        let document = MarkdownDocument(parsing: "# T\n\n- a\n")
        XCTAssertEqual(document.nodes().map(\.kind), [.document, .heading, .text, .list, .item, .paragraph, .text])
    }

    func testNodeKindsAndNavigation() throws {
        let document = MarkdownDocument(parsing: "> quote **b**\\\nx\n\n<div>h</div>\n\n    code\n")
        let kinds = Set(document.nodes().map(\.kind).map { "\($0)" })
        for kind in ["blockQuote", "strong", "lineBreak", "htmlBlock", "codeBlock"] {
            XCTAssertTrue(kinds.contains(kind), "\(kind) missing from \(kinds)")
        }
        let strong = try XCTUnwrap(nodes(document, .strong).first)
        XCTAssertEqual(strong.parent?.kind, .paragraph)
        XCTAssertEqual(strong.previous?.literal, "quote ")
        XCTAssertEqual(strong.next?.kind, .lineBreak)
        XCTAssertEqual(strong.firstChild?.literal, "b")
        XCTAssertEqual(nodes(document, .codeBlock).first?.fenceInfo, "")
        XCTAssertEqual(document.document.kind, .document)
        XCTAssertNil(document.document.parent)
    }

    func testNodePositions() throws {
        let document = MarkdownDocument(parsing: "Intro line\nsecond line\n\n## Heading\n\n- item {{ x }}\n\n```sitrep-table\ntable: t\n```\n")
        let paragraph = try XCTUnwrap(nodes(document, .paragraph).first)
        XCTAssertEqual(paragraph.startLine, 1)
        XCTAssertEqual(paragraph.startColumn, 1)
        let heading = try XCTUnwrap(nodes(document, .heading).first)
        XCTAssertEqual(heading.startLine, 4)
        let item = try XCTUnwrap(nodes(document, .item).first)
        XCTAssertEqual(item.startLine, 6)
        let itemText = try XCTUnwrap(nodes(document, .text).first { $0.literal == "item {{ x }}" })
        XCTAssertEqual(itemText.startLine, 6)
        XCTAssertEqual(itemText.startColumn, 3)
        let secondLine = try XCTUnwrap(nodes(document, .text).first { $0.literal == "second line" })
        XCTAssertEqual(secondLine.startLine, 2)
        XCTAssertEqual(secondLine.previous?.kind, .softBreak)
        let block = try XCTUnwrap(nodes(document, .codeBlock).first)
        XCTAssertEqual(block.startLine, 8)
        XCTAssertEqual(block.fenceInfo, "sitrep-table")
    }

    // MARK: Text out of cmark

    func testPagesWithLongASCIIRunsAroundOtherCharactersComeOutWhole() {
        let long = String(repeating: "word ", count: 60)
        let document = MarkdownDocument(parsing: "\(long)é \(long)\u{1F600}\n\nжж \(long)ж\n")
        XCTAssertEqual(document.renderHTML(), "<p>\(long)é \(long)\u{1F600}</p>\n<p>жж \(long)ж</p>\n")
    }

    func testBytesAreReadAsStringCStringReadsThem() {
        let runs: [[UInt8]] = [Array(repeating: 0x61, count: 200), [0xFF, 0xC3], Array(repeating: 0x62, count: 300),
                               [0xE2, 0x82, 0x20, 0xC3, 0xA9], Array(repeating: 0x63, count: 5), [0xF0, 0x9F]]
        for count in 1...runs.count {
            let bytes = Array(runs.prefix(count).joined())
            let text = bytes.withUnsafeBufferPointer(MarkdownDocument.string)
            XCTAssertEqual(text, String(decoding: bytes, as: UTF8.self))
            XCTAssertEqual(Array(text.utf8), Array(String(decoding: bytes, as: UTF8.self).utf8))
        }
    }

    func testLiteralBytesAreReadAndSet() throws {
        let document = MarkdownDocument(parsing: "Grüße, *x*\n")
        let text = try XCTUnwrap(nodes(document, .text).first)
        XCTAssertEqual(text.withLiteralBytes { Array($0) }, Array("Grüße, ".utf8))
        text.setLiteral(utf8: Array("Hallo ".utf8))
        XCTAssertEqual(text.literal, "Hallo ")
        XCTAssertNil(try XCTUnwrap(nodes(document, .emphasis).first).withLiteralBytes { $0.count })
        XCTAssertEqual(document.renderHTML(), "<p>Hallo <em>x</em></p>\n")
    }
}
