import Foundation
import SitrepContent

/// Keeps the pages of a series whose content did not change since the last build: the same
/// binary, site settings and templates, the same files and folders under `content/<series>/`,
/// and its pages in `output/` untouched since. Its files are handed to `keepFile` (a build links
/// them into the new site; `--check` counts them as the same), and its index comes from the
/// manifest. Manifests are compared as bytes, a run of lines per series.
struct SeriesReuse: Sendable {
    let before: BuildManifest
    let now: BuildManifest
    let beforeSeries: [String: (inputs: Range<Int>, outputs: Range<Int>)]
    let nowSeries: [String: (inputs: Range<Int>, outputs: Range<Int>)]
    let indexes: [String: Range<Int>]
    let keepFile: @Sendable (String) -> Bool

    /// Nil when the site itself changed (the binary, sitrep.yml, the templates), so that no
    /// series can be kept.
    init?(previous: BuildManifest, current: BuildManifest, keepFile: @escaping @Sendable (String) -> Bool) {
        let old = previous.groups()
        let new = current.groups()
        guard old.binary.elementsEqual(new.binary), old.site == new.site else { return nil }
        before = previous
        now = current
        beforeSeries = old.series
        nowSeries = new.series
        indexes = previous.recordedSeries()
        self.keepFile = keepFile
    }

    /// The series' index if its pages were kept, nil if it must be rendered.
    func keep(_ series: Project.Series) -> SiteRenderer.SeriesIndex? {
        let slug = series.config.slug
        guard let old = beforeSeries[slug], let new = nowSeries[slug], !old.outputs.isEmpty,
              before[old.inputs].elementsEqual(now[new.inputs]),
              before[old.outputs].elementsEqual(now[new.outputs]),
              let recorded = indexes[slug], let index = before.recordedIndex(at: recorded) else { return nil }
        for path in before.outputFiles(in: old.outputs) where !keepFile(path) {
            return nil
        }
        return index
    }
}
