import Foundation
import SitrepSite
import XCTest

/// `feed.xml` and `sitemap.xml` of a built copy of the example project: the feed must be valid
/// Atom (checked with `xmllint` against the RELAX NG schema of RFC 4287), latest report first,
/// with ids that never change and dates taken from the reports; the sitemap must list every
/// report page with its date, and exist only for a site with an absolute base URL.
final class FeedTests: XCTestCase {
    /// RFC 4287 Appendix B, converted to the XML syntax; see the comment at its top.
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/atom.rng")

    private var work: URL!

    override func setUpWithError() throws {
        try super.setUpWithError()
        work = FileManager.default.temporaryDirectory
            .appendingPathComponent("sitrep-feed-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
        try super.tearDownWithError()
    }

    // MARK: Helpers

    /// A copy of the example project in the test's folder.
    private func copyOfExample(_ name: String = "project") throws -> URL {
        try ExampleProject.copy(into: work.appendingPathComponent(name, isDirectory: true))
    }

    /// Builds `project` into a fresh folder and returns that folder.
    private func build(_ project: URL, into name: String = "output") throws -> URL {
        let output = work.appendingPathComponent(name, isDirectory: true)
        _ = try SiteBuilder.build(projectRoot: project.path, output: output.path)
        return output
    }

    private func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    private func replace(_ target: String, with replacement: String, in file: URL) throws {
        let text = try read(file)
        XCTAssertTrue(text.contains(target), "\(file.lastPathComponent) does not contain \(target)")
        try Data(text.replacingOccurrences(of: target, with: replacement).utf8).write(to: file)
    }

    /// Runs xmllint (from the PATH; the tests fail, and do not skip, when it is missing) with
    /// `arguments`; returns its exit status and what it printed.
    private func runXMLLint(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ExternalTool.run("xmllint", arguments, package: "libxml2-utils (sudo apt-get install libxml2-utils)")
    }

    /// Asserts that `file` is a valid Atom document.
    private func assertValidAtom(_ file: URL, _ caller: StaticString = #filePath, line: UInt = #line) throws {
        let result = try runXMLLint(["--noout", "--relaxng", Self.schema.path, file.path])
        XCTAssertEqual(result.status, 0, "feed.xml is not valid Atom:\n\(result.output)", file: caller, line: line)
    }

    /// The text of every `<tag>` directly in each `<entry>`, in document order.
    private func entries(_ feed: String, _ tag: String) -> [String] {
        feed.components(separatedBy: "<entry>").dropFirst().compactMap { entry in
            guard let open = entry.range(of: "<\(tag)>"), let close = entry.range(of: "</\(tag)>", range: open.upperBound..<entry.endIndex)
            else { return nil }
            return String(entry[open.upperBound..<close.lowerBound])
        }
    }

    /// The feed-level `<tag>` (before the first entry).
    private func head(_ feed: String, _ tag: String) -> String? {
        let head = feed.components(separatedBy: "<entry>")[0]
        guard let open = head.range(of: "<\(tag)>"), let close = head.range(of: "</\(tag)>") else { return nil }
        return String(head[open.upperBound..<close.lowerBound])
    }

    // MARK: Schema

    func testTheSchemaIsThereAndRejectsAnInvalidFeed() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.schema.path), "missing \(Self.schema.path)")
        let output = try build(try copyOfExample())
        let feed = try read(output.appendingPathComponent("feed.xml"))
        // A date that is not RFC 3339 must fail: the schema really is applied.
        let broken = work.appendingPathComponent("broken.xml")
        try Data(feed.replacingOccurrences(of: "2022-05-26T00:00:00Z", with: "26 May 2022").utf8).write(to: broken)
        let result = try runXMLLint(["--noout", "--relaxng", Self.schema.path, broken.path])
        XCTAssertNotEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("fails to validate"), result.output)
    }

    func testTheExampleFeedIsValidAtom() throws {
        let output = try build(try copyOfExample())
        try assertValidAtom(output.appendingPathComponent("feed.xml"))
    }

    // MARK: Entries

    func testEntriesAreLatestFirstWithTheReportsDates() throws {
        let output = try build(try copyOfExample())
        let feed = try read(output.appendingPathComponent("feed.xml"))
        XCTAssertEqual(head(feed, "title"), "IOM situation reports")
        XCTAssertEqual(head(feed, "id"), "https://example.org/sitreps/")
        XCTAssertEqual(head(feed, "updated"), "2022-06-09T00:00:00Z")
        XCTAssertTrue(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://example.org/sitreps/feed.xml\"/>"))
        XCTAssertEqual(entries(feed, "id"), [
            "https://example.org/sitreps/belarus/2022-06/",
            "https://example.org/sitreps/belarus-assistance/2022-06/",
            "https://example.org/sitreps/belarus/2022-05-26/",
            "https://example.org/sitreps/belarus-assistance/2022-05-26/",
            "https://example.org/sitreps/belarus/2022-05-12/",
        ])
        XCTAssertEqual(entries(feed, "updated"), ["2022-06-09T00:00:00Z", "2022-06-09T00:00:00Z", "2022-05-26T00:00:00Z",
                                                  "2022-05-26T00:00:00Z", "2022-05-12T00:00:00Z"])
        XCTAssertEqual(entries(feed, "title"), [
            "Belarus: response to the war in Ukraine — 27 May – 9 June 2022",
            "Belarus: assistance to people fleeing Ukraine — 27 May – 9 June 2022",
            "Belarus: response to the war in Ukraine — 13–26 May 2022",
            "Belarus: assistance to people fleeing Ukraine — 13–26 May 2022",
            "Belarus: response to the war in Ukraine — 24 February – 12 May 2022",
        ])
        XCTAssertEqual(entries(feed, "author"), Array(repeating: "<name>IOM Belarus</name>", count: 5))
        XCTAssertEqual(entries(feed, "summary").first,
                       "32,322 people entered Belarus since 24 February; 228 people assessed in the period; 533 migrants assisted to return in 2022; 381 hotline requests related to Ukraine")
        XCTAssertTrue(feed.contains("<link rel=\"alternate\" type=\"text/html\" href=\"https://example.org/sitreps/belarus/2022-06/index.html\"/>"))
    }

    func testTheFeedDoesNotDependOnTheTimeZoneOrTheBuild() throws {
        let project = try copyOfExample()
        let original = ProcessInfo.processInfo.environment["TZ"]
        defer {
            if let original { setenv("TZ", original, 1) } else { unsetenv("TZ") }
            tzset()
        }
        var feeds: [Data] = []
        for (index, zone) in ["Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"].enumerated() {
            setenv("TZ", zone, 1)
            tzset()
            let output = try build(project, into: "output-\(index)")
            feeds.append(try Data(contentsOf: output.appendingPathComponent("feed.xml")))
        }
        XCTAssertEqual(feeds[0], feeds[1])
        XCTAssertEqual(feeds[0], feeds[2])
    }

    func testIdsDoNotChangeWhenALaterReportIsAdded() throws {
        let project = try copyOfExample()
        let before = try read(try build(project, into: "before").appendingPathComponent("feed.xml"))

        let later = project.appendingPathComponent("content/belarus/2022-06-23")
        try FileManager.default.copyItem(at: project.appendingPathComponent("content/belarus/2022-06"), to: later)
        try Data("""
            ---
            title: "Belarus: response to the war in Ukraine"
            period: {start: 2022-06-10, end: 2022-06-23}
            ---

            Since {{ series.onset | date: short }}, {{ arrivals.total }} people have entered the country.

            """.utf8).write(to: later.appendingPathComponent("report.md"))
        let output = try build(project, into: "after")
        let after = try read(output.appendingPathComponent("feed.xml"))

        XCTAssertEqual(entries(after, "id"), ["https://example.org/sitreps/belarus/2022-06-23/"] + entries(before, "id"))
        XCTAssertEqual(entries(after, "updated").first, "2022-06-23T00:00:00Z")
        XCTAssertEqual(head(after, "updated"), "2022-06-23T00:00:00Z")
        try assertValidAtom(output.appendingPathComponent("feed.xml"))
    }

    func testWithoutAnAbsoluteBaseURLIdsAreURNsAndTheFeedIsStillValid() throws {
        let project = try copyOfExample()
        try replace("base_url: https://example.org/sitreps/", with: "base_url: /sitreps/", in: project.appendingPathComponent("sitrep.yml"))
        let output = try build(project)
        let feed = try read(output.appendingPathComponent("feed.xml"))
        // The site's title makes them differ from another site's.
        let site = "urn:sitrep:IOM%20situation%20reports"
        XCTAssertEqual(head(feed, "id"), site)
        XCTAssertEqual(entries(feed, "id"), [site + ":belarus:2022-06", site + ":belarus-assistance:2022-06", site + ":belarus:2022-05-26",
                                             site + ":belarus-assistance:2022-05-26", site + ":belarus:2022-05-12"])
        XCTAssertFalse(feed.contains("rel=\"self\""))
        try assertValidAtom(output.appendingPathComponent("feed.xml"))
    }

    // MARK: Escaping

    func testHostileTitlesAreEscaped() throws {
        let project = try copyOfExample()
        try replace("title: \"Belarus: response to the war in Ukraine\"", with: "title: \"<b>&</b>\"",
                    in: project.appendingPathComponent("content/belarus/2022-06/report.md"))
        try replace("title: IOM situation reports", with: "title: \"IOM <reports> & 'sitreps' \\\"2022\\\"\"",
                    in: project.appendingPathComponent("sitrep.yml"))
        try replace("office: IOM Belarus", with: "office: \"IOM </name></author> Belarus\"",
                    in: project.appendingPathComponent("content/belarus/series.yml"))
        let output = try build(project)
        let feedFile = output.appendingPathComponent("feed.xml")
        try assertValidAtom(feedFile)
        let feed = try read(feedFile)
        XCTAssertTrue(feed.contains("<title>&lt;b&gt;&amp;&lt;/b&gt; — 27 May – 9 June 2022</title>"), feed)
        XCTAssertEqual(head(feed, "title"), "IOM &lt;reports&gt; &amp; &#39;sitreps&#39; &quot;2022&quot;")
        XCTAssertEqual(entries(feed, "author").first, "<name>IOM &lt;/name&gt;&lt;/author&gt; Belarus</name>")
        XCTAssertFalse(feed.contains("<b>"))
        // The sitemap with the same project is well-formed too.
        let sitemap = try runXMLLint(["--noout", output.appendingPathComponent("sitemap.xml").path])
        XCTAssertEqual(sitemap.status, 0, sitemap.output)
    }

    // MARK: Sitemap

    func testTheSitemapListsEveryReportPageWithItsDate() throws {
        let output = try build(try copyOfExample())
        let sitemap = try read(output.appendingPathComponent("sitemap.xml"))
        XCTAssertEqual(sitemap, """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <url><loc>https://example.org/sitreps/index.html</loc></url>
              <url><loc>https://example.org/sitreps/belarus/2022-05-12/index.html</loc><lastmod>2022-05-12</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus/2022-05-26/index.html</loc><lastmod>2022-05-26</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus/2022-06/index.html</loc><lastmod>2022-06-09</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus/index.html</loc><lastmod>2022-06-09</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus-assistance/2022-05-26/index.html</loc><lastmod>2022-05-26</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus-assistance/2022-06/index.html</loc><lastmod>2022-06-09</lastmod></url>
              <url><loc>https://example.org/sitreps/belarus-assistance/index.html</loc><lastmod>2022-06-09</lastmod></url>
            </urlset>

            """)
        // Every report page written is listed.
        let series = output.appendingPathComponent("belarus")
        for period in try FileManager.default.contentsOfDirectory(atPath: series.path).sorted()
        where FileManager.default.fileExists(atPath: series.appendingPathComponent("\(period)/index.html").path) {
            XCTAssertTrue(sitemap.contains("<loc>https://example.org/sitreps/belarus/\(period)/index.html</loc>"), period)
        }
        let lint = try runXMLLint(["--noout", output.appendingPathComponent("sitemap.xml").path])
        XCTAssertEqual(lint.status, 0, lint.output)
    }

    func testThereIsNoSitemapWithoutAnAbsoluteBaseURL() throws {
        let relative = try copyOfExample("relative")
        try replace("base_url: https://example.org/sitreps/", with: "base_url: /sitreps/", in: relative.appendingPathComponent("sitrep.yml"))
        let output = try build(relative, into: "relative-output")
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("sitemap.xml").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("feed.xml").path))

        let none = try copyOfExample("none")
        try replace("base_url: https://example.org/sitreps/\n", with: "", in: none.appendingPathComponent("sitrep.yml"))
        let noneOutput = try build(none, into: "none-output")
        XCTAssertFalse(FileManager.default.fileExists(atPath: noneOutput.appendingPathComponent("sitemap.xml").path))
    }
}
