import SitrepContent
import SitrepTemplates

/// `feed.xml`: an Atom feed (RFC 4287) of every published report, latest first. Dates come from
/// the reports (`as_of`, or the period's end), never from the clock, so the feed is deterministic.
struct AtomFeed {
    struct Entry: Codable, Sendable {
        var id: String
        var title: String
        var url: String
        var updated: Day
        var author: String
        var summary: String
    }

    var title: String
    /// The site's absolute base URL, or nil when `sitrep.yml` gives none.
    var baseURL: String?
    var entries: [Entry]

    /// An identifier that never changes for a report: its URL when the site has a base URL,
    /// otherwise a `urn:` built from the site's title (percent-encoded), the series and the
    /// period, so that two sites' feeds do not share ids. `path` is percent-encoded (`URLPath`),
    /// so that its segments hold no `:`.
    static func id(baseURL: String?, site: String, path: String) -> String {
        if let baseURL { return baseURL + path }
        return (["urn:sitrep:" + URLPath.segment(site)] + path.split(separator: "/")).joined(separator: ":")
    }

    /// The feed as UTF-8, written into one array sized for it: a feed lists every report, and
    /// built as a `String` then copied into bytes it was the largest thing a build held at its
    /// end (14 MB twice over for 10,000 reports).
    func render() -> [UInt8] {
        let sorted = entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
        let updated = sorted.first?.updated
        var xml = HTMLBytes(capacity: 1_024 + sorted.reduce(0) { size, entry in
            size + 300 + entry.title.utf8.count + entry.id.utf8.count + entry.url.utf8.count + entry.author.utf8.count
                + entry.summary.utf8.count
        })
        xml.add("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        xml.element("  <title>", title, "</title>\n")
        xml.element("  <id>", Self.id(baseURL: baseURL, site: title, path: ""), "</id>\n")
        if let baseURL {
            xml.element("  <link rel=\"self\" type=\"application/atom+xml\" href=\"", baseURL, "feed.xml\"/>\n")
            xml.element("  <link rel=\"alternate\" type=\"text/html\" href=\"", baseURL, "index.html\"/>\n")
        }
        xml.add("  <updated>\(Self.timestamp(updated ?? Day(year: 2000, month: 1, day: 1)!))</updated>\n")
        xml.element("  <author><name>", title, "</name></author>\n")
        xml.add("  <generator>sitrep</generator>\n")
        for entry in sorted {
            xml.add("  <entry>\n")
            xml.element("    <title>", entry.title, "</title>\n")
            xml.element("    <id>", entry.id, "</id>\n")
            xml.element("    <link rel=\"alternate\" type=\"text/html\" href=\"", entry.url, "\"/>\n")
            xml.add("    <updated>\(Self.timestamp(entry.updated))</updated>\n")
            xml.element("    <author><name>", entry.author, "</name></author>\n")
            if !entry.summary.isEmpty { xml.element("    <summary>", entry.summary, "</summary>\n") }
            xml.add("  </entry>\n")
        }
        xml.add("</feed>\n")
        return xml.bytes
    }

    /// RFC 3339 at midnight UTC: reports are dated by day.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}

/// `sitemap.xml` (sitemaps.org 0.9) for sites published at an absolute base URL.
enum Sitemap {
    /// `pages` are output paths (relative to the site root), percent-encoded here.
    static func render(baseURL: String, pages: [(path: String, modified: Day?)]) -> [UInt8] {
        var xml = HTMLBytes(capacity: 256 + pages.reduce(0) { $0 + 64 + baseURL.utf8.count + 2 * $1.path.utf8.count })
        xml.add("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n")
        for page in pages {
            xml.element("  <url><loc>", baseURL + URLPath.encode(page.path), "</loc>")
            if let modified = page.modified { xml.add("<lastmod>\(modified)</lastmod>") }
            xml.add("</url>\n")
        }
        xml.add("</urlset>\n")
        return xml.bytes
    }
}
