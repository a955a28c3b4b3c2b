import Foundation
import SitrepContent
import SitrepDiagnostics
import SitrepLayout

/// The page layouts (Mustache) and static assets: sitrep's defaults, each replaceable by a file
/// of the same name in the project's `templates/` folder.
///
/// Templates are found by file name anywhere under `templates/` (`layouts/report.mustache`
/// replaces `report`, `partials/footer.mustache` replaces `footer`); files under
/// `templates/assets/` are published in `output/assets/`. Every layout is compiled once, when
/// the set is loaded, against the type of its page's data (`PageTypes`): a name that is not a
/// field, a tag that does not fit its field, a partial that does not exist or includes itself
/// is a located error then, never a wrong page.
public struct LayoutSet: Sendable {
    /// The compiled layouts, by name: report, series, index.
    let plans: [String: LayoutPlan]
    /// Asset path (relative to `assets/`) to bytes.
    let assets: [(path: String, bytes: [UInt8])]

    /// The built-in layouts and partials, by name.
    static let defaultTemplates: [String: [UInt8]] = [
        "report": PackageResources.report_mustache,
        "series": PackageResources.series_mustache,
        "index": PackageResources.index_mustache,
        "head": PackageResources.head_mustache,
        "header": PackageResources.header_mustache,
        "footer": PackageResources.footer_mustache,
    ]

    /// The built-in templates, parsed once per process: each set parses only the project's own.
    /// (They parse: the tests render every one.)
    private static let parsedDefaults: [String: LayoutTemplate] = defaultTemplates.reduce(into: [:]) { parsed, template in
        parsed[template.key] = try? LayoutTemplate(String(decoding: template.value, as: UTF8.self),
                                                   file: "(built-in \(template.key).mustache)")
    }

    /// Loads the defaults and the overrides in the project's folder `folder` (which may not
    /// exist). Every file is read through `files`, so nothing outside the project is read.
    public init(files: ContentFiles, folder: String = "templates") throws(DiagnosticError) {
        var templates: [String: (text: String, file: String)] = [:]
        var assets: [String: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        var paths: [String] = []
        do { paths = try files.listFiles(under: folder) } catch { problems += error.diagnostics }
        for path in paths {
            let relative = String(path.dropFirst(folder.count + 1))
            do {
                if relative.hasPrefix("assets/") {
                    assets[String(relative.dropFirst("assets/".count))] = try files.read(path)
                } else if relative.hasSuffix(".mustache") {
                    let name = String((relative as NSString).lastPathComponent.dropLast(".mustache".count))
                    if let earlier = templates[name] {
                        problems.append(Diagnostic(at: SourceLocation(file: path),
                                                   "two templates are called '\(name)' (the other is \(earlier.file))",
                                                   hint: "templates are found by file name; rename or remove one"))
                    }
                    templates[name] = (try files.readText(path), path)
                }
            } catch { problems += error.diagnostics }
        }
        // A file that cannot be read would be reported again as a missing partial: stop here.
        if !problems.isEmpty { throw DiagnosticError(problems) }
        try self.init(templates: templates, assets: assets)
    }

    /// The defaults, with `templates` (by name: their text and the file named in messages) and
    /// `assets` (by path under `assets/`) in place of those of the same name. Every template is
    /// parsed, and each layout compiled with the partials it includes; all the problems found
    /// are thrown together, each located.
    public init(templates: [String: (text: String, file: String)], assets: [String: [UInt8]] = [:]) throws(DiagnosticError) {
        var parsed = Self.parsedDefaults
        var problems: [Diagnostic] = []
        for (name, source) in templates.sorted(by: { $0.key < $1.key }) {
            do {
                parsed[name] = try LayoutTemplate(source.text, file: source.file)
            } catch {
                parsed[name] = nil
                problems += error.diagnostics
            }
        }
        // A template that does not parse would be reported again as a missing partial: stop here.
        if !problems.isEmpty { throw DiagnosticError(problems) }
        plans = try LayoutPlan.compile(PageTypes.layouts, templates: parsed)
        self.assets = assets.merging(["sitrep.css": PackageResources.sitrep_css]) { mine, _ in mine }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The page for `data`, as UTF-8 bytes.
    func render(_ data: some PageData) -> [UInt8] {
        // Every layout of `PageTypes.layouts` is compiled, or the set would not have loaded.
        plans[type(of: data).layout]?.renderUTF8(data.value) ?? []
    }
}

extension LayoutSet {
    /// The home page of a site of two series, one with no report, whose text holds markup: for
    /// the fuzzer, which checks that any set of layouts that loads renders without a crash.
    public func renderSampleHome() -> [UInt8] {
        let frame = PageFrame(locale: "en", root: "../", title: "<script>alert(1)</script>", description: "",
                              siteTitle: "Reports & <b>news</b>", breadcrumbs: [])
        return render(HomePageData(frame: frame, series: [
            .init(url: "a/index.html", title: "A", office: "<i>", reportCount: 2, latestURL: "a/1/index.html", latestPeriodLabel: "May"),
            .init(url: "b/index.html", title: "B", office: "", reportCount: 0),
        ]))
    }
}
