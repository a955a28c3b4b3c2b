import Foundation
import SitrepContent

/// What a build can reuse from the last one, found by comparing the two manifests as bytes, a
/// run of lines per series. A series whose files under `content/<series>/` are as at the last
/// build (with the same binary, site settings and templates) keeps its outline: its reports are
/// not read again for their dates. If its pages in `output/` are untouched too, it keeps them:
/// they are handed to `keepFile` (a build links them into the new site; `--check` counts them as
/// the same), and its index comes from the manifest.
struct SeriesReuse: Sendable {
    /// The outlines of the series whose files did not change, by slug.
    let outlines: [String: [PeriodFolder]]
    /// Of those, the series whose pages did not change either: the recorded index (decoded, and
    /// as the manifest holds it) and the output files to keep.
    private let keepable: [String: (index: SiteRenderer.SeriesIndex, json: ArraySlice<UInt8>, pages: [String])]

    /// Nil when the site itself changed (the binary, sitrep.yml, the templates), so that nothing
    /// can be reused.
    init?(previous: BuildManifest, current: BuildManifest) {
        guard let same = current.seriesUnchanged(since: previous) else { return nil }
        let indexes = previous.recordedSeries()
        let unchanged = same.compactMap { slug, before, now -> (slug: String, recorded: Range<Int>, pagesKept: [String]?)? in
            guard let recorded = indexes[slug] else { return nil }
            let pagesUnchanged = !before.outputs.isEmpty && previous[before.outputs].elementsEqual(current[now.outputs])
            return (slug, recorded, pagesUnchanged ? previous.outputFiles(in: before.outputs) : nil)
        }
        // Decoding the indexes is most of the work: one series per share, on every core.
        let decoded = Locked([String: SiteRenderer.SeriesIndex]())
        DispatchQueue.concurrentPerform(iterations: unchanged.count) { position in
            guard let index = previous.recordedIndex(at: unchanged[position].recorded) else { return }
            decoded.withLock { $0[unchanged[position].slug] = index }
        }
        var outlines: [String: [PeriodFolder]] = [:]
        var keepable: [String: (index: SiteRenderer.SeriesIndex, json: ArraySlice<UInt8>, pages: [String])] = [:]
        for (slug, recorded, pagesKept) in unchanged {
            guard let index = decoded.withLock({ $0[slug] }) else { continue }
            outlines[slug] = index.periodFolders(of: slug)
            if let pagesKept { keepable[slug] = (index, previous.recordedJSON(at: recorded), pagesKept) }
        }
        self.outlines = outlines
        self.keepable = keepable
    }

    /// The series' index if its pages were kept (each handed to `keepFile`), nil if it must be
    /// rendered.
    func keep(_ series: Project.Series, keepFile: (String) -> Bool) -> SiteRenderer.SeriesIndex? {
        guard let entry = keepable[series.config.slug] else { return nil }
        for path in entry.pages where !keepFile(path) {
            return nil
        }
        return entry.index
    }

    /// The indexes of `kept` series as the last manifest holds them, to be written again as they
    /// are rather than encoded anew.
    func recordedJSON(of kept: Set<String>) -> [String: ArraySlice<UInt8>] {
        var found: [String: ArraySlice<UInt8>] = [:]
        for slug in kept { found[slug] = keepable[slug]?.json }
        return found
    }
}
