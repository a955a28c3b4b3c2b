import SitrepDiagnostics
import SitrepTemplates

/// The HTML only the preview serves: the reload script added to every page, the page that
/// shows the errors of a broken build, and the 404 page. None of it is ever in `output/`.
enum PreviewPages {
    /// The address of the reload events (server-sent events). A series folder starts with a
    /// letter or a digit, so no page of the site can have this address.
    static let eventsPath = "/_sitrep/events"

    /// `html` with the reload script before its last `</body>` (or at its end). The script
    /// listens to the events and reloads the page when the site's generation is no longer
    /// `generation`, the one this page was served from, so that a rebuild that happened
    /// between serving the page and connecting reloads it too.
    static func withReloadScript(_ html: [UInt8], generation: Int) -> [UInt8] {
        let script = Array("""
            <script>(function () { var shown = "\(generation)"; var events = new EventSource("\(eventsPath)"); \
            events.onmessage = function (event) { if (event.data !== shown) { events.close(); location.reload(); } }; })();</script>

            """.utf8)
        let closing = Array("</body>".utf8)
        var at = html.count
        if html.count >= closing.count {
            for start in stride(from: html.count - closing.count, through: 0, by: -1)
            where html[start..<(start + closing.count)].elementsEqual(closing, by: { lowercased($0) == $1 }) {
                at = start
                break
            }
        }
        return Array(html[..<at]) + script + Array(html[at...])
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }

    /// The page shown for every address while the project has errors: each diagnostic as the
    /// terminal prints it (location, message, quoted line with its caret, hint), escaped.
    static func errors(_ diagnostics: [Diagnostic]) -> [UInt8] {
        let count = diagnostics.filter { $0.severity == .error }.count
        let heading = "\(count) error\(count == 1 ? "" : "s"): the site cannot be built"
        let items = diagnostics.map { "<pre>\(HTMLText.escape($0.description))</pre>" }.joined(separator: "\n")
        return page(title: heading, body: """
            <h1>\(HTMLText.escape(heading))</h1>
            \(items)
            <p>Fix the files named above and save: this page reloads by itself.</p>
            """)
    }

    /// The page for an address that names no file of the site.
    static func notFound(_ target: String) -> [UInt8] {
        page(title: "Not found", body: """
            <h1>Not found</h1>
            <p>The site has no page at <code>\(HTMLText.escape(target))</code>. <a href="/">Home page</a></p>
            """)
    }

    private static func page(title: String, body: String) -> [UInt8] {
        Array("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(HTMLText.escape(title)) · sitrep serve</title>
            <style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
            pre { background: #fff4f4; border-left: 4px solid #c00; padding: 0.75rem 1rem; overflow-x: auto; }</style>
            </head>
            <body>
            \(body)
            </body>
            </html>

            """.utf8)
    }
}
