import Foundation
import XCTest

/// Puts hostile text into every kind of input (CSV values, figures.yml text, series and report
/// titles, table titles, key figure labels, the site title) and checks the built pages show it
/// as text: escaped, never as markup, scripts, images or links.
final class InjectionTests: XCTestCase {
    static let period = "content/belarus/2022-06"
    static let scriptName = "<script>alert(1)</script>"
    static let emphasisName = "*x*"
    static let linkName = "[a](javascript:x)"
    static let quotedName = "<a href=\"javascript:alert(1)\">x</a>, ok"
    static let imageText = "<img src=x onerror=alert(1)>"
    static let siteTitle = "IOM <b>sites</b>"
    static let seriesTitle = "Belarus <b>bold</b> \"quoted\""
    static let reportTitle = "Report <b>bold</b> \"quotes\" &amp;"
    static let tableTitle = "Arrivals <i>x</i> \"q\""
    static let keyFigureLabel = "<script>k</script> people & more"

    private struct Built {
        var project: URL
        var run: SitrepRun
        /// Every file of the output, by relative path.
        var files: [String: String]
        var reportHTML: String { files["belarus/2022-06/index.html"] ?? "" }
        var reportText: String { SitrepProcess.visibleText(ofHTML: reportHTML) }
    }

    private static let shared = ClassFixture<Built> { [$0.project] }

    /// Writes `text` as a YAML double-quoted string.
    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Writes `text` as a CSV field, quoted when needed.
    static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func makeHostileProject() throws -> URL {
        let project = try SitrepProcess.copyExample()
        try SitrepProcess.append(
            [(scriptName, 5), (emphasisName, 3), (linkName, 2), (quotedName, 1)]
                .map { "\(csvField($0.0)),\($0.1)\n" }.joined(),
            to: "\(period)/arrivals.csv", in: project)
        try SitrepProcess.append("""
            evil:
              text: \(yamlQuoted(imageText))
              braces: "{{ arrivals.total }}"

            """, to: "\(period)/figures.yml", in: project)
        try SitrepProcess.append("""

            ## Hostile {{ evil.text }}

            Nationalities: {{ arrivals.nationality.list | list: serial }}.

            Image: {{ evil.text }}.

            {{ evil.text }} starts a sentence; *{{ arrivals.nationality.list }}*; [{{ evil.text }}](https://example.org/); `{{ evil.text }}`; braces: {{ evil.braces }}.

            ```sitrep-table
            table: arrivals
            rows: nationality
            ```

            """, to: "\(period)/report.md", in: project)
        try SitrepProcess.edit("\(period)/report.md", in: project,
                               replacing: "title: \"Belarus: response to the war in Ukraine\"",
                               with: "title: \(yamlQuoted(reportTitle))")
        try SitrepProcess.edit("\(period)/report.md", in: project,
                               replacing: "label: people entered Belarus since 24 February",
                               with: "label: \(yamlQuoted(keyFigureLabel))")
        try SitrepProcess.edit("content/belarus/series.yml", in: project,
                               replacing: "title: Belarus — response to the war in Ukraine",
                               with: "title: \(yamlQuoted(seriesTitle))")
        try SitrepProcess.edit("content/belarus/series.yml", in: project,
                               replacing: "title: People who entered Belarus since the onset, by nationality",
                               with: "title: \(yamlQuoted(tableTitle))")
        try SitrepProcess.edit("sitrep.yml", in: project, replacing: "title: IOM situation reports",
                               with: "title: \(yamlQuoted(siteTitle))")
        return project
    }

    override class func setUp() {
        super.setUp()
        shared.make {
            let project = try makeHostileProject()
            let run = try SitrepProcess.run(["build"], in: project)
            var files: [String: String] = [:]
            for (path, data) in try SitrepProcess.snapshot(of: project.appendingPathComponent("output")) {
                if let data { files[path] = String(decoding: data, as: UTF8.self) }
            }
            return Built(project: project, run: run, files: files)
        }
    }

    override class func tearDown() {
        shared.remove()
        super.tearDown()
    }

    private func built() throws -> Built {
        let built = try Self.shared.get()
        XCTAssertEqual(built.run.status, 0, "\(built.run)")
        for path in SitrepProcess.requiredOutputFiles {
            XCTAssertNotNil(built.files[path], "no \(path) in \(built.files.keys.sorted())")
        }
        return built
    }

    // MARK: Nothing becomes markup

    func testNoHostileMarkupInAnyFile() throws {
        for (path, content) in try built().files {
            let lower = content.lowercased()
            XCTAssertFalse(lower.contains("<script"), "\(path) has a script element")
            XCTAssertFalse(lower.contains("<img"), "\(path) has an image element")
            XCTAssertFalse(lower.contains("href=\"javascript"), "\(path) links to javascript:")
            XCTAssertFalse(lower.contains("src=\"javascript"), "\(path) loads javascript:")
            // Escaped text has no "<", so any "<" opens a real tag: none may carry an event handler.
            XCTAssertNil(lower.range(of: "<[a-z][^>]*\\son[a-z]+\\s*=", options: .regularExpression),
                         "\(path) has an event handler attribute")
            XCTAssertFalse(content.contains("<em>x</em>"), "\(path) turned *x* into emphasis")
            XCTAssertFalse(content.contains("<b>"), "\(path) has a <b> element from data")
            XCTAssertFalse(content.contains("<i>x</i>"), "\(path) has an <i> element from data")
            XCTAssertFalse(content.contains("<a href=\"javascript"), "\(path) has a javascript link")
            XCTAssertFalse(content.contains(">a</a>"), "\(path) turned [a](javascript:x) into a link")
        }
    }

    func testOnlyTheAuthorsLinksAreLinks() throws {
        let html = try built().reportHTML
        let body = try XCTUnwrap(html.components(separatedBy: "<div class=\"report-body\">").last)
        let narrative = try XCTUnwrap(body.components(separatedBy: "</div>").first)
        let links = narrative.components(separatedBy: "<a ").dropFirst().map { $0.prefix { $0 != ">" } }
        XCTAssertEqual(links, ["href=\"https://example.org/\""])
    }

    // MARK: The text is shown as written

    func testCSVValuesAreShownLiterally() throws {
        let built = try built()
        let html = built.reportHTML
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;, ok"))
        let text = built.reportText
        XCTAssertTrue(text.contains("Nationalities: Ukraine, Belarus, Third countries, \(Self.scriptName), \(Self.emphasisName), "
                                    + "\(Self.linkName), and \(Self.quotedName)."), text)
        // Inside author's emphasis, the list is text inside one <em>.
        XCTAssertTrue(html.contains("<em>Ukraine, Belarus, Third countries, &lt;script&gt;alert(1)&lt;/script&gt;, *x*, "
                                    + "[a](javascript:x) and &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt;, ok</em>"))
        // Table rows (the series' table title is the caption of the second arrivals table).
        XCTAssertTrue(text.contains("\(Self.scriptName) 5"), text)
        XCTAssertTrue(text.contains("\(Self.emphasisName) 3"))
        XCTAssertTrue(text.contains("\(Self.linkName) 2"))
        XCTAssertTrue(text.contains("\(Self.quotedName) 1"))
        XCTAssertTrue(text.contains("\(Self.tableTitle) Nationality Total"), text)
        XCTAssertTrue(html.contains("<caption>Arrivals &lt;i&gt;x&lt;/i&gt; &quot;q&quot;</caption>"))
    }

    func testFigureTextIsShownLiterally() throws {
        let built = try built()
        let text = built.reportText
        XCTAssertTrue(built.reportHTML.contains("Image: &lt;img src=x onerror=alert(1)&gt;."))
        XCTAssertTrue(text.contains("Hostile \(Self.imageText)"))
        XCTAssertTrue(text.contains("\(Self.imageText) starts a sentence;"))
        XCTAssertTrue(built.reportHTML.contains("<a href=\"https://example.org/\">&lt;img src=x onerror=alert(1)&gt;</a>"))
        XCTAssertTrue(built.reportHTML.contains("<code>&lt;img src=x onerror=alert(1)&gt;</code>"))
        // A value that looks like a placeholder is not expanded again.
        XCTAssertTrue(text.contains("braces: {{ arrivals.total }}."), text)
    }

    func testTitlesAndLabelsAreShownLiterally() throws {
        let built = try built()
        let report = built.reportText
        XCTAssertTrue(report.contains(Self.siteTitle))
        XCTAssertTrue(report.contains(Self.seriesTitle))
        XCTAssertTrue(report.contains(Self.reportTitle), "the entity in the title is text, not an entity")
        XCTAssertTrue(report.contains("32,333 \(Self.keyFigureLabel)"), report)
        XCTAssertTrue(built.reportHTML.contains("<h1>Report &lt;b&gt;bold&lt;/b&gt; &quot;quotes&quot; &amp;amp;</h1>"))
        XCTAssertTrue(built.reportHTML.contains(
            "<title>Report &lt;b&gt;bold&lt;/b&gt; &quot;quotes&quot; &amp;amp; — 27 May – 9 June 2022</title>"))
        XCTAssertTrue(built.reportHTML.contains(
            "<meta name=\"description\" content=\"Belarus &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;: situation report"))

        let series = SitrepProcess.visibleText(ofHTML: built.files["belarus/index.html"] ?? "")
        XCTAssertTrue(series.contains(Self.seriesTitle))
        XCTAssertTrue(series.contains(Self.reportTitle))
        XCTAssertTrue(series.contains("32,333 \(Self.keyFigureLabel)"))
        let home = SitrepProcess.visibleText(ofHTML: built.files["index.html"] ?? "")
        XCTAssertTrue(home.contains(Self.siteTitle))
        XCTAssertTrue(home.contains(Self.seriesTitle))
    }

    func testFiguresJSONKeepsTheNamesAndHidesAngleBrackets() throws {
        let built = try built()
        let raw = try XCTUnwrap(built.files["belarus/2022-06/figures.json"])
        XCTAssertFalse(raw.contains("<"))
        XCTAssertFalse(raw.contains(">"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: Any])
        let figures = try XCTUnwrap(root["figures"] as? [String: Any])
        XCTAssertEqual((figures["arrivals.nationality.\(Self.scriptName)"] as? NSNumber)?.intValue, 5)
        XCTAssertEqual((figures["arrivals.nationality.\(Self.quotedName)"] as? NSNumber)?.intValue, 1)
        XCTAssertEqual((figures["arrivals.total"] as? NSNumber)?.intValue, 32333)
        XCTAssertEqual(figures["evil.text"] as? String, Self.imageText)
        XCTAssertEqual(figures["arrivals.nationality.list"] as? [String],
                       ["Ukraine", "Belarus", "Third countries", Self.scriptName, Self.emphasisName, Self.linkName, Self.quotedName])
    }

    func testFiguresCommandPrintsTheSameJSON() throws {
        let built = try built()
        let run = try SitrepProcess.run(["figures", "belarus/2022-06", "--json"], in: built.project)
        XCTAssertEqual(run.status, 0, "\(run)")
        XCTAssertEqual(run.stdout, built.files["belarus/2022-06/figures.json"])
    }
}
