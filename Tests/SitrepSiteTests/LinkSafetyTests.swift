import Foundation
import SitrepContent
import SitrepSite
import XCTest

/// Every name that goes into a link is percent-encoded where the link is built: with series and
/// period names that the loader would refuse (set here after loading, as if a check had let
/// them through), no page, feed or sitemap holds a link whose scheme is not http(s) or mailto,
/// and the hostile names appear only encoded.
final class LinkSafetyTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws { project = try ExampleProject.copy() }
    override func tearDownWithError() throws {
        if project.lastPathComponent.hasPrefix("sitrep-example-") { try? FileManager.default.removeItem(at: project) }
    }

    func testHostileNamesGiveOnlySafeLinksInPagesFeedAndSitemap() throws {
        var loaded = try Project.load(root: project.path)
        XCTAssertTrue(loaded.site.baseURL.hasPrefix("https://"), "the example must have an absolute base URL, for the sitemap")
        let slugs = ["javascript:alert(1)", "#x", "?q", "%2e%2e"]
        let original = loaded.series[0]
        loaded.series = slugs.map { slug in
            var series = original
            series.config.slug = slug
            // The last period's name is hostile too: it is linked from the previous one and the home page.
            series.periods[series.periods.count - 1].name = "javascript:x"
            return series
        }
        let files = Locked([String: [UInt8]]())
        _ = try SiteRenderer(project: loaded).render { path, bytes in files.withLock { $0[path] = bytes } }
        var scanned = 0
        for (path, bytes) in files.withLock({ $0 }) where path.hasSuffix(".html") || path.hasSuffix(".xml") {
            let text = String(decoding: bytes, as: UTF8.self)
            for link in Self.links(in: text) {
                scanned += 1
                XCTAssertTrue(Self.isSafe(link), "\(path) links to \(link)")
                XCTAssertFalse(link.contains("#x") || link.contains("?q") || link.contains("%2e%2e"), "\(path): \(link)")
            }
        }
        XCTAssertGreaterThan(scanned, 50)
        let home = String(decoding: files.withLock { $0["index.html"] } ?? [], as: UTF8.self)
        XCTAssertTrue(home.contains("href=\"javascript%3Aalert%281%29/index.html\""), home)
        let sitemap = String(decoding: files.withLock { $0["sitemap.xml"] } ?? [], as: UTF8.self)
        XCTAssertTrue(sitemap.contains("<loc>https://example.org/sitreps/%3Fq/javascript%3Ax/index.html</loc>"), sitemap)
    }

    /// href, src and a sitemap's loc, with entities decoded as a browser would.
    static func links(in text: String) -> [String] {
        let pattern = #"(?i)(?:\b(?:href|src|action|formaction|poster)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))|<loc>([^<]*)</loc>|<id>([^<]*)</id>)"#
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            (1...5).lazy.compactMap { Range(match.range(at: $0), in: text) }.first.map { decodeEntities(String(text[$0])) }
        }
    }

    /// Relative, or http, https, mailto (and the feed's `urn:` ids); controls and spaces, which a
    /// browser strips from a scheme, are dropped first.
    static func isSafe(_ link: String) -> Bool {
        let compact = String(link.unicodeScalars.filter { $0.value > 0x20 })
        guard let colon = compact.firstIndex(of: ":") else { return true }
        let scheme = compact[..<colon]
        if scheme.contains(where: { "/?#".contains($0) }) { return true }
        return ["http", "https", "mailto", "urn"].contains(scheme.lowercased())
    }

    static func decodeEntities(_ text: String) -> String {
        let expression = try! NSRegularExpression(pattern: "&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|colon);")
        var result = text
        for match in expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: result)!
            let name = String(result[range].dropFirst().dropLast())
            let named: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":"]
            let scalar = name.hasPrefix("#x") || name.hasPrefix("#X") ? UInt32(name.dropFirst(2), radix: 16)
                : name.hasPrefix("#") ? UInt32(name.dropFirst()) : nil
            result.replaceSubrange(range, with: named[name] ?? scalar.flatMap(Unicode.Scalar.init).map(String.init) ?? "")
        }
        return result
    }
}
