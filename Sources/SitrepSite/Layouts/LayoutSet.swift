import Foundation
import Mustache
import SitrepContent
import SitrepDiagnostics
import SitrepTemplates

/// HTML escaping one Unicode scalar at a time. swift-mustache's own HTML escaping works on
/// grapheme clusters, so a `<` joined to a prepending character (U+0600 `<`) would slip
/// through unescaped; every layout uses this content type instead.
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "SITREP_HTML"
    /// A line of its own, which Mustache removes whole (a standalone tag).
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"
    static let registered: Void = MustacheContentTypes.register(ScalarHTMLContentType(), named: name)

    func escapeText(_ text: String) -> String {
        HTMLText.escape(text)
    }
}

/// The page layouts (Mustache) and static assets: sitrep's defaults, each replaceable by a file
/// of the same name in the project's `templates/` folder.
///
/// Templates are found by file name anywhere under `templates/` (`layouts/report.mustache`
/// replaces `report`, `partials/footer.mustache` replaces `footer`); files under
/// `templates/assets/` are published in `output/assets/`.
public struct LayoutSet: Sendable {
    let library: MustacheLibrary
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
    private static let parsedDefaults: [String: MustacheTemplate] = defaultTemplates.compactMapValues { bytes in
        _ = ScalarHTMLContentType.registered
        return try? MustacheTemplate(string: ScalarHTMLContentType.pragma + String(decoding: bytes, as: UTF8.self))
    }

    /// The partials the built-in templates include, scanned once per process.
    private static let defaultPartials = defaultTemplates.reduce(into: PartialGraph()) { graph, template in
        graph.add(template.key, text: String(decoding: template.value, as: UTF8.self), file: "(built-in \(template.key).mustache)")
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
    /// checked: its syntax, and that the partials it includes exist and do not include themselves.
    public init(templates: [String: (text: String, file: String)], assets: [String: [UInt8]] = [:]) throws(DiagnosticError) {
        var sources: [String: (text: String, file: String)] = [:]
        for (name, bytes) in Self.defaultTemplates {
            sources[name] = (String(decoding: bytes, as: UTF8.self), "(built-in \(name).mustache)")
        }
        sources.merge(templates) { $1 }
        var problems: [Diagnostic] = []
        var library = MustacheLibrary()
        var partials = Self.defaultPartials
        _ = ScalarHTMLContentType.registered
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                if templates[name] == nil, let builtIn = Self.parsedDefaults[name] {
                    library.register(builtIn, named: name)
                } else {
                    let template = try MustacheTemplate(string: ScalarHTMLContentType.pragma + source.text)
                    library.register(template, named: name)
                    partials.add(name, text: source.text, file: source.file, parsed: template.includedPartials)
                }
            } catch let error as MustacheTemplate.ParserError {
                // One line less: the pragma's.
                problems.append(Diagnostic(
                    at: SourceLocation(file: source.file, line: max(error.context.lineNumber - 1, 1),
                                       column: error.context.columnNumber + 1),
                    "the template cannot be read: \(Self.describe(error.error))",
                    hint: "check that every {{#section}} has its {{/section}} and every tag is closed with }}",
                    sourceLine: error.context.line))
            } catch {
                problems.append(Diagnostic(at: SourceLocation(file: source.file), "the template cannot be read: \(error)"))
            }
        }
        problems += partials.diagnostics(known: Set(sources.keys))
        if !problems.isEmpty { throw DiagnosticError(problems) }
        self.library = library
        self.assets = assets.merging(["sitrep.css": PackageResources.sitrep_css]) { mine, _ in mine }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Renders the layout `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) throws(DiagnosticError) -> String {
        guard let html = library.render(context, withTemplate: name) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: "templates/\(name).mustache"), "the layout '\(name)' is missing"))
        }
        return html
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened"
        case MustacheTemplate.Error.unfinishedName: return "a tag is not finished"
        case MustacheTemplate.Error.expectedSectionEnd: return "a section is not closed"
        default: return "\(error)"
        }
    }
}
