import Foundation
import SitrepContent

/// Keeps the pages of a series whose content did not change since the last build: the same
/// binary, site settings and templates, the same files under `content/<series>/`, and its pages
/// in `output/` untouched since. Its files are linked into the new site as they are, and its
/// index comes from the manifest.
struct SeriesReuse: Sendable {
    let previous: BuildManifest
    let current: BuildManifest
    let writer: OutputWriter

    /// Nil when the site itself changed, so that no series can be kept.
    init?(previous: BuildManifest, current: BuildManifest, writer: OutputWriter) {
        guard previous.sameSite(as: current) else { return nil }
        self.previous = previous
        self.current = current
        self.writer = writer
    }

    /// The series' index if its pages were kept, nil if it must be rendered.
    func keep(_ series: Project.Series) -> SiteRenderer.SeriesIndex? {
        let slug = series.config.slug
        let content = "content/\(slug)/"
        let pages = "\(slug)/"
        guard BuildManifest.under(content, previous.inputs) == BuildManifest.under(content, current.inputs),
              BuildManifest.under(pages, previous.outputs) == BuildManifest.under(pages, current.outputs),
              let json = previous.series[slug],
              let index = try? JSONDecoder().decode(SiteRenderer.SeriesIndex.self, from: Data(json.utf8)) else { return nil }
        for path in BuildManifest.under(pages, previous.outputs).keys.sorted() where !writer.keep(path) {
            return nil
        }
        return index
    }
}
