import Foundation
import XCTest
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Puts each value of a corpus of hostile strings into every place where data reaches a page,
/// builds the example with the real executable, and compares every HTML page and feed.xml with a
/// build that has a harmless value in the same places:
///
/// - the structure is the same: the same elements with the same attributes, in the same order;
///   no `<script>`, `<img>` or `<a>` more than the harmless build, no event handler attribute and
///   no `javascript:` URL;
/// - the value is shown as the literal text in each place, escaped in the HTML;
/// - feed.xml is well-formed XML with the same elements, and figures.json holds the value.
///
/// Places: a CSV dimension value (in `{{ T.d.list }}`, `{{ T.d.top1 }}`, two `sitrep-table`
/// blocks, with the value in rows and columns), text and list values of figures.yml (in running
/// text, a heading, a list item, emphasis, a quote, link text, a link URL, an image's alt text,
/// a code span and a table caption), the front matter's title, key figure labels and notes,
/// the series' title, office and table title, and the site title.
final class HostileValuesTests: XCTestCase {
    static let period = "content/belarus/2022-06"

    /// One value of the corpus.
    struct Hostile: Sendable {
        var name: String
        var value: String
        /// Set when a special character of the value shares a grapheme cluster with its
        /// neighbour. Such values once slipped through swift-mustache's per-Character escaping
        /// (now replaced by sitrep's per-scalar escaping); the test's own visible-text reader
        /// works per Character too, so their escaped form is looked for instead.
        var joinsGrapheme: String? = nil
    }

    static let harmless = Hostile(name: "harmless", value: "Harmless value")

    static let corpus: [Hostile] = [
        Hostile(name: "script element", value: "<script>alert(1)</script>"),
        Hostile(name: "attribute breakout", value: "\"><img src=x onerror=alert(1)>"),
        Hostile(name: "Markdown link", value: "[a](javascript:alert(1))"),
        Hostile(name: "Markdown image", value: "![x](javascript:alert(1))"),
        Hostile(name: "emphasis", value: "*emph*"),
        Hostile(name: "code span", value: "`code`"),
        Hostile(name: "entities", value: "&amp;&lt;"),
        Hostile(name: "heading", value: "# Heading"),
        Hostile(name: "ordered list", value: "1. item"),
        Hostile(name: "pipe table", value: "| a | b |"),
        Hostile(name: "placeholder", value: "{{ arrivals.total }}"),
        Hostile(name: "bidi override", value: "invoice\u{202E}fdp.exe"),
        Hostile(name: "100,000 characters", value: String(repeating: "<b>&x", count: 20_000)),
        Hostile(name: "javascript: URL", value: "javascript:alert(1)"),
        // swift-mustache escapes by Character (grapheme cluster): a '<', '>', '"' or '&' that
        // shares a cluster with the character before or after it is not escaped.
        Hostile(name: "prepended mark before <", value: "\u{0600}<img src=x onerror=alert(1) \u{0600}>",
                joinsGrapheme: "U+0600 (a prepended concatenation mark) forms one grapheme cluster with the '<' after it, so "
                    + "the layouts' {{…}} leave '<' and '>' unescaped: the site title becomes a real <img onerror> element"),
        Hostile(name: "combining mark after \"", value: "x\"\u{0301} onmouseover=alert(1) x",
                joinsGrapheme: "'\"' followed by U+0301 (a combining mark) is one grapheme cluster, so the layouts' {{…}} leave "
                    + "the quote unescaped: <meta name=\"description\" content=\"…\"> gains an onmouseover attribute"),
    ]

    // MARK: Building

    /// One build: the value used, the run, and the output's text files.
    struct Built {
        var hostile: Hostile
        var run: SitrepRun
        var files: [String: String]
    }

    nonisolated(unsafe) private static var builds: Result<(harmless: Built, hostile: [Built]), any Error>?

    override class func setUp() {
        super.setUp()
        builds = Result {
            (try build(harmless), try corpus.map(build))
        }
    }

    override class func tearDown() {
        builds = nil
        super.tearDown()
    }

    private func allBuilds(file: StaticString = #filePath, line: UInt = #line) throws -> (harmless: Built, hostile: [Built]) {
        let builds = try XCTUnwrap(Self.builds, file: file, line: line).get()
        XCTAssertEqual(builds.harmless.run.status, 0, "\(builds.harmless.run)", file: file, line: line)
        return builds
    }

    /// A YAML double-quoted scalar holding exactly `text`.
    static func yaml(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case " "..."~": result.unicodeScalars.append(scalar)
            default: result += scalar.value <= 0xFFFF
                ? "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                : "\\U" + String(repeating: "0", count: 8 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            }
        }
        return result + "\""
    }

    /// A CSV field holding exactly `text`. Works on scalars: a quote followed by a combining mark
    /// is one Character, but the CSV reader sees the quote.
    static func csv(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { ",;\"\r\n".unicodeScalars.contains($0) }) || scalars.first == " " || scalars.last == " " else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "\"" { result.append(scalar) }
            result.append(scalar)
        }
        return "\"" + String(result) + "\""
    }

    /// `text` as cmark and sitrep's tables escape it, scalar by scalar.
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The narrative added to the period's report: the value reaches it through placeholders in
    /// every kind of Markdown context, and through two table blocks.
    static let narrative = """

        ## Hostile: {{ hostile.name.top1 }}

        List: {{ hostile.name.list }}. Top: {{ hostile.name.top1 }}. Text: {{ hostile.text }}. Items: {{ hostile.items }}.

        - Item: {{ hostile.text }}
        - Emphasis: *{{ hostile.text }}* and strong: **{{ hostile.name.top1 }}**

        > Quote: {{ hostile.text }}

        Link: [{{ hostile.text }}](https://example.org/). Code: `{{ hostile.text }}`. Target: [target]({{hostile.text}}). Image: ![{{ hostile.text }}](https://example.org/x.png)

        ```sitrep-table
        table: hostile
        rows: name
        columns: kind
        share: true
        ```

        ```sitrep-table
        table: hostile
        rows: kind
        caption: "Caption: {{ hostile.text }}"
        ```

        """

    /// A copy of the example with `hostile.value` in every place, built.
    static func build(_ hostile: Hostile) throws -> Built {
        let project = try SitrepProcess.copyExample()
        defer { SitrepProcess.remove(project) }
        // The values go into the belarus series: the home page and the feed are to hold its reports alone.
        try FileManager.default.removeItem(at: project.appendingPathComponent("content/belarus-assistance"))
        let value = hostile.value
        let quoted = yaml(value)

        func replaceLine(_ path: String, starting prefix: String, with line: (String) -> String) throws {
            let url = project.appendingPathComponent(path)
            var lines = try SitrepProcess.read(path, in: project).components(separatedBy: "\n")
            var found = false
            for index in lines.indices where lines[index].hasPrefix(prefix) {
                lines[index] = line(lines[index])
                found = true
            }
            guard found else { throw SitrepProcessError.badFixture("\(path) has no line starting \(prefix.debugDescription)") }
            try Data(lines.joined(separator: "\n").utf8).write(to: url)
        }

        // The site title.
        try replaceLine("sitrep.yml", starting: "title:") { _ in "title: \(quoted)" }
        // The series: title, office and a table title.
        try replaceLine("content/belarus/series.yml", starting: "title:") { _ in "title: \(quoted)" }
        try replaceLine("content/belarus/series.yml", starting: "office:") { _ in "office: \(quoted)" }
        try replaceLine("content/belarus/series.yml", starting: "tables:") { _ in "tables:\n  hostile:\n    title: \(quoted)" }
        // A table whose dimension values are the value (the filler row makes `top1` exist).
        try Data("name,kind,count\n\(csv(value)),\(csv(value)),7\nfiller,plain,1\n".utf8)
            .write(to: project.appendingPathComponent("\(period)/hostile.csv"))
        // Stated figures: text and a list.
        try SitrepProcess.append("\nhostile:\n  text: \(quoted)\n  items: [\(quoted), plain]\n", to: "\(period)/figures.yml", in: project)
        // The front matter: title, every key figure label, a note; then the narrative.
        let report = "\(period)/report.md"
        try replaceLine(report, starting: "title:") { _ in "title: \(quoted)" }
        try replaceLine(report, starting: "  - {figure: ") { line in
            let figure = line.dropFirst("  - {figure: ".count).prefix { $0 != "," }
            return "  - {figure: \(figure), label: \(quoted)}"
        }
        try replaceLine(report, starting: "as_of:") { line in "\(line)\nnotes:\n  - \(quoted)" }
        try SitrepProcess.append(narrative, to: report, in: project)

        let run = try SitrepProcess.run(["build"], in: project)
        var files: [String: String] = [:]
        for (path, data) in try SitrepProcess.snapshot(of: project.appendingPathComponent("output")) {
            if let data, path.hasSuffix(".html") || path.hasSuffix(".xml") || path.hasSuffix(".json") {
                files[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return Built(hostile: hostile, run: run, files: files)
    }

    // MARK: Tests

    func testEveryBuildSucceeds() throws {
        let builds = try allBuilds()
        for built in builds.hostile {
            XCTAssertEqual(built.run.status, 0, "[\(built.hostile.name)] \(built.run.description.prefix(2000))")
            XCTAssertEqual(Set(built.files.keys), Set(builds.harmless.files.keys), "[\(built.hostile.name)]")
        }
        XCTAssertNotNil(builds.harmless.files["belarus/2022-06/index.html"])
        XCTAssertNotNil(builds.harmless.files["feed.xml"])
    }

    /// Every page has the elements and attributes of the harmless build, in the same order.
    func testPageStructureIsUnchanged() throws {
        let builds = try allBuilds()
        let pages = builds.harmless.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        for built in builds.hostile {
            for page in pages {
                let expected = HTMLTags.skeleton(builds.harmless.files[page] ?? "")
                let actual = HTMLTags.skeleton(built.files[page] ?? "")
                assertSameSequence(expected, actual, "[\(built.hostile.name)] \(page)")
            }
        }
    }

    /// The report's narrative (cmark and sitrep's own tables) keeps its structure for every
    /// value, including those the layouts get wrong.
    func testNarrativeStructureIsUnchanged() throws {
        let builds = try allBuilds()
        let page = "belarus/2022-06/index.html"
        let expected = HTMLTags.skeleton(try reportBody(builds.harmless.files[page]))
        XCTAssertTrue(expected.contains("<table class>"), "\(expected)")
        for built in builds.hostile {
            let actual = HTMLTags.skeleton(try reportBody(built.files[page]))
            assertSameSequence(expected, actual, "[\(built.hostile.name)] the narrative of \(page)")
        }
    }

    /// No script, image or link more than the harmless build; no event handler; no script URL.
    func testNoScriptsImagesLinksHandlersOrScriptURLs() throws {
        let builds = try allBuilds()
        let pages = builds.harmless.files.keys.filter { $0.hasSuffix(".html") }.sorted()
        for page in pages {
            let expected = HTMLTags.census(builds.harmless.files[page] ?? "")
            XCTAssertEqual(expected.handlers, 0, page)
            XCTAssertEqual(expected.scriptURLs, 0, page)
            XCTAssertEqual(expected.elements["script", default: 0], 0, page)
            for built in builds.hostile {
                let actual = HTMLTags.census(built.files[page] ?? "")
                let label = "[\(built.hostile.name)] \(page)"
                for element in ["script", "img", "a", "iframe", "object", "embed", "form", "style", "link", "meta"] {
                    XCTAssertEqual(actual.elements[element, default: 0], expected.elements[element, default: 0], "\(label): <\(element)>")
                }
                XCTAssertEqual(actual.handlers, 0, "\(label): event handler attributes (onerror=…)")
                XCTAssertEqual(actual.scriptURLs, 0, "\(label): javascript: URLs")
            }
        }
    }

    /// Text with `<`, `>`, `&` or `"` never appears unescaped; the rest of the corpus is checked
    /// for the escaped form by the place-by-place test below.
    func testValuesAreEscaped() throws {
        let builds = try allBuilds()
        for built in builds.hostile {
            let value = built.hostile.value
            guard value.contains(where: { "<>&\"".contains($0) }) else { continue }
            for (page, html) in built.files where page.hasSuffix(".html") || page.hasSuffix(".xml") {
                XCTAssertFalse(html.contains(value), "[\(built.hostile.name)] \(page) holds the value unescaped")
            }
        }
    }

    /// The value is the literal text of each place it was put in.
    func testValuesAreShownLiterallyInEveryPlace() throws {
        let builds = try allBuilds()
        for built in [builds.harmless] + builds.hostile {
            let v = built.hostile.value
            let label = "[\(built.hostile.name)]"
            let report = built.files["belarus/2022-06/index.html"] ?? ""

            // The narrative: placeholders in every kind of Markdown context, and the tables.
            if built.hostile.joinsGrapheme != nil {
                // SitrepProcess.visibleText works on Characters, like the layouts' escaping, so it
                // cannot read these values back: look for their escaped form instead.
                let raw = try reportBody(report)
                let e = Self.escaped(v)
                for phrase in ["Hostile: \(e)</h2>", "List: \(e) and filler. Top: \(e). Text: \(e). Items: \(e) and plain.",
                               "Item: \(e)</li>", "Emphasis: <em>\(e)</em> and strong: <strong>\(e)</strong>",
                               "Quote: \(e)</p>", "Link: <a href=\"https://example.org/\">\(e)</a>. Code: <code>\(e)</code>.",
                               "<caption>\(e)</caption>", "<caption>Caption: \(e)</caption>", "<th scope=\"row\">\(e)</th>",
                               "alt=\"\(e)\""] {
                    XCTAssertTrue(raw.contains(phrase), "\(label) the narrative does not hold \(phrase.debugDescription)")
                }
                continue
            }
            let body = SitrepProcess.visibleText(ofHTML: try reportBody(report))
            for phrase in ["Hostile: \(v)", "List: \(v) and filler. Top: \(v). Text: \(v). Items: \(v) and plain.",
                           "Item: \(v)", "Emphasis: \(v) and strong: \(v)", "Quote: \(v)",
                           "Link: \(v). Code: \(v). Target: target. Image:"] {
                XCTAssertTrue(body.contains(phrase), "\(label) the narrative does not say \(phrase.prefix(300).debugDescription)")
            }
            let captions = texts(in: report, from: "<caption>", to: "</caption>")
            XCTAssertTrue(captions.contains(v), "\(label) table title from series.yml as a caption")
            XCTAssertTrue(captions.contains("Caption: \(v)"), "\(label) a caption with a placeholder")
            XCTAssertTrue(texts(in: report, from: "<th scope=\"row\">", to: "</th>").contains(v), label)
            let image = HTMLTags.tags(in: report).first { $0.name == "img" && $0.attribute("src") == "https://example.org/x.png" }
            XCTAssertEqual(image?.attribute("alt"), v, "\(label) image alt text")

            // The layouts: site, series and report fields.
            XCTAssertEqual(texts(in: report, from: "<h1>", to: "</h1>"), [v], "\(label) report title")
            XCTAssertEqual(texts(in: report, from: "<title>", to: "</title>"), ["\(v) — 27 May – 9 June 2022"], "\(label) page title")
            XCTAssertEqual(texts(in: report, from: "<p class=\"site-title\">", to: "</p>"), [v], "\(label) site title")
            XCTAssertEqual(texts(in: report, from: "<p class=\"kicker\">", to: "</p>"), [v], "\(label) series title")
            XCTAssertTrue(texts(in: report, from: "<dd class=\"report-office\">", to: "</dd>").contains(v), "\(label) office")
            XCTAssertEqual(texts(in: report, from: "<nav class=\"breadcrumbs\"", to: "</nav>"), ["\(v) \(v)"], "\(label) breadcrumbs")
            // Labels and notes are written by the report's author: their placeholders are filled.
            let written = Self.filled(v)
            let labels = texts(in: report, from: "<span class=\"figure-label\">", to: "</span>")
            XCTAssertTrue(!labels.isEmpty && labels.allSatisfy { $0 == written }, "\(label) key figure labels")
            XCTAssertEqual(texts(in: report, from: "<section class=\"report-notes\"", to: "</section>"), ["Notes \(written)"], "\(label) notes")
            let description = HTMLTags.tags(in: report).first { $0.name == "meta" && $0.attribute("name") == "description" }
            XCTAssertEqual(description?.attribute("content"), "\(v): situation report, 27 May – 9 June 2022", "\(label) description")

            let series = built.files["belarus/index.html"] ?? ""
            XCTAssertEqual(texts(in: series, from: "<h1>", to: "</h1>"), [v], "\(label) series page title")
            XCTAssertEqual(texts(in: series, from: "<p class=\"lede\">", to: "</p>"), [v], "\(label) series page office")
            XCTAssertTrue(texts(in: series, from: "<p class=\"report-item-title\">", to: "</p>").contains(v), "\(label) series page report")
            XCTAssertTrue(texts(in: series, from: "<span class=\"figure-label\">", to: "</span>").contains(written), "\(label) series page labels")

            let home = built.files["index.html"] ?? ""
            XCTAssertEqual(texts(in: home, from: "<h1>", to: "</h1>"), [v], "\(label) home page title")
            XCTAssertEqual(texts(in: home, from: "<h2>", to: "</h2>"), [v], "\(label) home page series")
            XCTAssertEqual(texts(in: home, from: "<p class=\"series-office\">", to: "</p>"), [v], "\(label) home page office")

            for other in ["belarus/2022-05-12/index.html", "belarus/2022-05-26/index.html"] {
                let html = built.files[other] ?? ""
                XCTAssertEqual(texts(in: html, from: "<p class=\"site-title\">", to: "</p>"), [v], "\(label) \(other)")
                XCTAssertEqual(texts(in: html, from: "<p class=\"kicker\">", to: "</p>"), [v], "\(label) \(other)")
            }
        }
    }

    /// A value from data that looks like a placeholder is printed, not filled in; in a key
    /// figure's label (written by the report's author) it is a placeholder, filled.
    func testPlaceholderLookalikeIsNotExpanded() throws {
        let built = try XCTUnwrap(try allBuilds().hostile.first { $0.hostile.value == "{{ arrivals.total }}" })
        let text = SitrepProcess.visibleText(ofHTML: built.files["belarus/2022-06/index.html"] ?? "")
        XCTAssertTrue(text.contains("Text: {{ arrivals.total }}. Items: {{ arrivals.total }} and plain."), text)
        XCTAssertTrue(text.contains("32,322 32,322"), "the key figure label's placeholder is filled")
        XCTAssertFalse(text.contains("32,322 {{"), "no raw braces in a label")
    }

    /// `value` as a key figure's label or a note shows it: the one placeholder among the
    /// hostile values is filled.
    static func filled(_ value: String) -> String {
        value == "{{ arrivals.total }}" ? "32,322" : value
    }

    /// feed.xml parses, has the harmless build's elements, and holds the value as text.
    func testFeedIsWellFormedAndHoldsTheText() throws {
        let builds = try allBuilds()
        let expected = try FeedReader(builds.harmless.files["feed.xml"] ?? "")
        XCTAssertFalse(expected.elements.isEmpty)
        for built in builds.hostile {
            let label = "[\(built.hostile.name)]"
            let v = built.hostile.value
            let feed: FeedReader
            do { feed = try FeedReader(built.files["feed.xml"] ?? "") } catch {
                XCTFail("\(label) feed.xml is not well-formed: \(error)")
                continue
            }
            assertSameSequence(expected.elements, feed.elements, "\(label) feed.xml")
            XCTAssertEqual(feed.texts["feed/title"], [v], "\(label) feed title")
            XCTAssertEqual(feed.texts["feed/author/name"], [v], "\(label) feed author")
            XCTAssertTrue(feed.texts["feed/entry/title", default: []].contains("\(v) — 27 May – 9 June 2022"), "\(label) entry title")
            XCTAssertTrue(feed.texts["feed/entry/author/name", default: []].allSatisfy { $0 == v }, "\(label) entry author")
            XCTAssertTrue(feed.texts["feed/entry/summary", default: []].contains { $0.contains("32,322 \(Self.filled(v))") }, "\(label) entry summary")
        }
    }

    /// figures.json is valid JSON and holds the values as they were written.
    func testFiguresJSONHoldsTheValues() throws {
        for built in try allBuilds().hostile {
            let label = "[\(built.hostile.name)]"
            let data = Data((built.files["belarus/2022-06/figures.json"] ?? "").utf8)
            let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any], label)
            let figures = try XCTUnwrap(root["figures"] as? [String: Any], label)
            XCTAssertEqual(figures["hostile.text"] as? String, built.hostile.value, label)
            XCTAssertEqual(figures["hostile.items"] as? [String], [built.hostile.value, "plain"], label)
            XCTAssertEqual(figures["hostile.name.list"] as? [String], [built.hostile.value, "filler"], label)
            XCTAssertEqual((figures["hostile.name.\(built.hostile.value)"] as? NSNumber)?.intValue, 7, label)
        }
    }

    // MARK: Helpers

    /// The narrative part of a report page.
    private func reportBody(_ html: String?) throws -> String {
        let html = try XCTUnwrap(html)
        let start = try XCTUnwrap(html.range(of: "<div class=\"report-body\">"), "no report body")
        let end = try XCTUnwrap(html.range(of: "</div>", range: start.upperBound..<html.endIndex), "no end of the report body")
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// The visible text between each `from` and the next `to`.
    private func texts(in html: String, from open: String, to close: String) -> [String] {
        var result: [String] = []
        var search = html.startIndex..<html.endIndex
        while let start = html.range(of: open, range: search),
              let end = html.range(of: close, range: start.upperBound..<html.endIndex) {
            let inner = html[start.upperBound..<end.lowerBound]
            // `from` may stop inside the opening tag (`<nav class="…"`): skip to its end.
            let content = open.hasSuffix(">") ? inner : inner.drop { $0 != ">" }.dropFirst()
            result.append(SitrepProcess.visibleText(ofHTML: String(content)))
            search = end.upperBound..<html.endIndex
        }
        return result
    }

    private func assertSameSequence(_ expected: [String], _ actual: [String], _ label: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        guard expected != actual else { return }
        let index = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        let window = { (list: [String]) in list[max(0, index - 3)..<min(list.count, index + 4)].joined(separator: " ") }
        XCTFail("\(label): the structure changed at element \(index): expected … \(window(expected)) …, found … \(window(actual)) …",
                file: file, line: line)
    }
}

/// A small HTML tokenizer, enough to see the elements and attributes a browser would see:
/// start and end tags, attribute names and (decoded) values. Text, comments and the doctype are
/// skipped.
private enum HTMLTags {
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    static func tags(in html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            var position = index + 1
            if position + 2 < bytes.count, bytes[position] == UInt8(ascii: "!"), bytes[position + 1] == UInt8(ascii: "-"),
               bytes[position + 2] == UInt8(ascii: "-") {
                // A comment: up to -->.
                position += 3
                while position + 2 < bytes.count,
                      !(bytes[position] == UInt8(ascii: "-") && bytes[position + 1] == UInt8(ascii: "-") && bytes[position + 2] == UInt8(ascii: ">")) {
                    position += 1
                }
                index = position + 3
                continue
            }
            let closing = position < bytes.count && bytes[position] == UInt8(ascii: "/")
            if closing { position += 1 }
            guard position < bytes.count, isLetter(bytes[position]) else {
                // `<!doctype …>` and a lone `<` are not elements.
                index = position
                continue
            }
            let nameStart = position
            while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"), bytes[position] != UInt8(ascii: ">") {
                position += 1
            }
            var tag = Tag(name: text(nameStart..<position).lowercased(), closing: closing, attributes: [])
            // Attributes, as the HTML tokenizer reads them.
            while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
                if isSpace(bytes[position]) || bytes[position] == UInt8(ascii: "/") { position += 1; continue }
                let attributeStart = position
                position += 1
                while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "/"),
                      bytes[position] != UInt8(ascii: ">"), bytes[position] != UInt8(ascii: "=") {
                    position += 1
                }
                let name = text(attributeStart..<position).lowercased()
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                var value = ""
                if position < bytes.count, bytes[position] == UInt8(ascii: "=") {
                    position += 1
                    while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                    if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") {
                        let quote = bytes[position]
                        let valueStart = position + 1
                        position = valueStart
                        while position < bytes.count, bytes[position] != quote { position += 1 }
                        value = text(valueStart..<min(position, bytes.count))
                        position += 1
                    } else {
                        let valueStart = position
                        while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
                        value = text(valueStart..<position)
                    }
                }
                tag.attributes.append((name, SitrepProcess.decodeEntities(value)))
            }
            tags.append(tag)
            index = position + 1
        }
        return tags
    }

    /// The page as a list of tags with their attribute names, values left out.
    static func skeleton(_ html: String) -> [String] {
        tags(in: html).map { tag in
            (tag.closing ? "</" : "<") + ([tag.name] + tag.attributes.map(\.name)).joined(separator: " ") + ">"
        }
    }

    /// Counts of elements by name, of event handler attributes and of script URLs.
    static func census(_ html: String) -> (elements: [String: Int], handlers: Int, scriptURLs: Int) {
        var elements: [String: Int] = [:]
        var handlers = 0
        var scriptURLs = 0
        let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "data"]
        for tag in tags(in: html) where !tag.closing {
            elements[tag.name, default: 0] += 1
            for attribute in tag.attributes {
                if attribute.name.hasPrefix("on") { handlers += 1 }
                let url = attribute.value.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                if urlAttributes.contains(attribute.name), url.hasPrefix("javascript:") || url.hasPrefix("vbscript:") {
                    scriptURLs += 1
                }
            }
        }
        return (elements, handlers, scriptURLs)
    }
}

/// Reads an XML document with Foundation's XMLParser: its elements in order (with attribute
/// names) and the text of each element by path (`feed/entry/title`).
private final class FeedReader: NSObject, XMLParserDelegate {
    private(set) var elements: [String] = []
    private(set) var texts: [String: [String]] = [:]
    private var path: [String] = []
    private var text = ""

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw SitrepProcessError.badFixture("XML error at line \(parser.lineNumber), column \(parser.columnNumber): "
                                                + "\(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append("<" + ([elementName] + attributes.keys.sorted()).joined(separator: " ") + ">")
        path.append(elementName)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        texts[path.joined(separator: "/"), default: []].append(text)
        elements.append("</\(elementName)>")
        path.removeLast()
        text = ""
    }
}
