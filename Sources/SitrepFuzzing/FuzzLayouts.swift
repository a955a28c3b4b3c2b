import SitrepDiagnostics
import SitrepSite

extension FuzzEntryPoints {
    /// The templates an input is split into, in order, at each line `---`: the home page layout
    /// and partials it can include by name (`{{> a}}`), or that can include each other.
    static let layoutNames = ["index", "a", "b", "footer"]

    /// Loading a set of layouts with partials (syntax, missing partials, cycles) and rendering
    /// the home page with them: either located diagnostics or a page, never a crash.
    public static func layouts(_ bytes: [UInt8]) {
        let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n---\n")
        var templates: [String: (text: String, file: String)] = [:]
        for (name, text) in zip(layoutNames, parts) {
            templates[name] = (text, "templates/\(name).mustache")
        }
        do {
            let layouts = try LayoutSet(templates: templates)
            _ = try layouts.render("index", layoutContext)
        } catch {
            checkLocated(error)
        }
    }

    /// A page's context: text with markup, a list, a missing value, a nested object.
    nonisolated(unsafe) private static let layoutContext: [String: Any] = [
        "pageTitle": "<script>alert(1)</script>", "root": "../",
        "site": ["title": "Reports & <b>news</b>"],
        "series": [["url": "a/index.html", "title": "A", "reportCount": 2], ["url": "b/index.html", "title": "B", "reportCount": 0]],
        "breadcrumbs": [] as [[String: String]],
    ]
}
