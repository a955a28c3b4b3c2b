import SitrepContent

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

    func render() -> String {
        let sorted = entries.sorted { ($0.updated, $0.id) > ($1.updated, $1.id) }
        let updated = sorted.first?.updated
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(XMLText.escape(title))</title>\n"
        xml += "  <id>\(XMLText.escape(Self.id(baseURL: baseURL, site: title, path: "")))</id>\n"
        if let baseURL {
            xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XMLText.escape(baseURL))feed.xml\"/>\n"
            xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(baseURL))index.html\"/>\n"
        }
        xml += "  <updated>\(Self.timestamp(updated ?? Day(year: 2000, month: 1, day: 1)!))</updated>\n"
        xml += "  <author><name>\(XMLText.escape(title))</name></author>\n"
        xml += "  <generator>sitrep</generator>\n"
        for entry in sorted {
            xml += "  <entry>\n"
            xml += "    <title>\(XMLText.escape(entry.title))</title>\n"
            xml += "    <id>\(XMLText.escape(entry.id))</id>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(XMLText.escape(entry.url))\"/>\n"
            xml += "    <updated>\(Self.timestamp(entry.updated))</updated>\n"
            xml += "    <author><name>\(XMLText.escape(entry.author))</name></author>\n"
            if !entry.summary.isEmpty { xml += "    <summary>\(XMLText.escape(entry.summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }

    /// RFC 3339 at midnight UTC: reports are dated by day.
    static func timestamp(_ day: Day) -> String { "\(day)T00:00:00Z" }
}

/// `sitemap.xml` (sitemaps.org 0.9) for sites published at an absolute base URL.
enum Sitemap {
    /// `pages` are output paths (relative to the site root), percent-encoded here.
    static func render(baseURL: String, pages: [(path: String, modified: Day?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages {
            xml += "  <url><loc>\(XMLText.escape(baseURL + URLPath.encode(page.path)))</loc>"
            if let modified = page.modified { xml += "<lastmod>\(modified)</lastmod>" }
            xml += "</url>\n"
        }
        return xml + "</urlset>\n"
    }
}
