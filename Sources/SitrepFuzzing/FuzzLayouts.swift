import SitrepDiagnostics
import SitrepSite

extension FuzzEntryPoints {
    /// The templates an input is split into, in order, at each line `---`: the home page layout
    /// and partials it can include by name (`{{> a}}`), or that can include each other.
    static let layoutNames = ["index", "a", "b", "footer"]

    /// Loading a set of layouts with partials (syntax, fields, missing partials, cycles) and
    /// rendering the home page with them: either located diagnostics or a page, never a crash.
    public static func layouts(_ bytes: [UInt8]) {
        let parts = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n---\n")
        var templates: [String: (text: String, file: String)] = [:]
        for (name, text) in zip(layoutNames, parts) {
            templates[name] = (text, "templates/\(name).mustache")
        }
        do {
            let layouts = try LayoutSet(templates: templates)
            _ = layouts.renderSampleHome()
        } catch {
            checkLocated(error)
        }
    }
}
