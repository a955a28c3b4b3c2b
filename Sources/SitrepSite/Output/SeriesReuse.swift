import Foundation
import SitrepContent

/// Keeps the pages of a series whose content did not change since the last build: the same
/// binary, site settings and templates, the same files under `content/<series>/`, and its pages
/// in `output/` untouched since. Its files are linked into the new site as they are, and its
/// index comes from the manifest.
struct SeriesReuse: Sendable {
    let before: (inputs: [String: String], outputs: [String: String])
    let now: (inputs: [String: String], outputs: [String: String])
    let indexes: [String: String]
    let writer: OutputWriter

    /// Nil when the site itself changed (the binary, sitrep.yml, the templates), so that no
    /// series can be kept.
    init?(previous: BuildManifest, current: BuildManifest, writer: OutputWriter) {
        let (oldBinary, oldInputs, oldOutputs) = previous.parsed()
        let (binary, inputs, outputs) = current.parsed()
        func site(_ files: [String: String]) -> [String: String] { files.filter { !$0.key.hasPrefix("content/") } }
        guard oldBinary == binary, site(oldInputs) == site(inputs) else { return nil }
        before = (oldInputs, oldOutputs)
        now = (inputs, outputs)
        indexes = previous.recordedSeries()
        self.writer = writer
    }

    /// The series' index if its pages were kept, nil if it must be rendered.
    func keep(_ series: Project.Series) -> SiteRenderer.SeriesIndex? {
        let slug = series.config.slug
        func under(_ prefix: String, _ files: [String: String]) -> [String: String] { files.filter { $0.key.hasPrefix(prefix) } }
        let kept = under("\(slug)/", before.outputs)
        guard under("content/\(slug)/", before.inputs) == under("content/\(slug)/", now.inputs),
              kept == under("\(slug)/", now.outputs),
              let json = indexes[slug],
              let index = try? JSONDecoder().decode(SiteRenderer.SeriesIndex.self, from: Data(json.utf8)) else { return nil }
        for path in kept.keys.sorted() where !writer.keep(path) {
            return nil
        }
        return index
    }
}
