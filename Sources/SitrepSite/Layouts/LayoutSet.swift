import Foundation
import Mustache
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

    /// Loads the defaults and the overrides in `templatesFolder` (which may not exist).
    public init(templatesFolder: String, displayPrefix: String = "templates") throws(DiagnosticError) {
        var sources: [String: (text: String, file: String)] = [:]
        for (name, bytes) in Self.defaultTemplates {
            sources[name] = (String(decoding: bytes, as: UTF8.self), "(built-in \(name).mustache)")
        }
        var assets: [String: [UInt8]] = ["sitrep.css": PackageResources.sitrep_css]
        var problems: [Diagnostic] = []
        let manager = FileManager.default
        let files = (manager.enumerator(atPath: templatesFolder)?.allObjects as? [String] ?? [])
            .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
            .sorted()
        var seen: [String: String] = [:]
        for relative in files {
            let full = templatesFolder + "/" + relative
            let display = displayPrefix + "/" + relative
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let data = manager.contents(atPath: full) else { continue }
            if relative.hasPrefix("assets/") {
                assets[String(relative.dropFirst("assets/".count))] = [UInt8](data)
            } else if relative.hasSuffix(".mustache") {
                let name = String((relative as NSString).lastPathComponent.dropLast(".mustache".count))
                if let earlier = seen[name] {
                    problems.append(Diagnostic(at: SourceLocation(file: display),
                                               "two templates are called '\(name)' (the other is \(earlier))",
                                               hint: "templates are found by file name; rename or remove one"))
                }
                seen[name] = display
                sources[name] = (String(decoding: data, as: UTF8.self), display)
            }
        }
        var library = MustacheLibrary()
        _ = ScalarHTMLContentType.registered
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: ScalarHTMLContentType.pragma + source.text), named: name)
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
        if !problems.isEmpty { throw DiagnosticError(problems) }
        self.library = library
        self.assets = assets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Renders the layout `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) throws(DiagnosticError) -> String {
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
