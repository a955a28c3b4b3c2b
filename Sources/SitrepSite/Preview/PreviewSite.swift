import Foundation
import SitrepContent
import SitrepDiagnostics

/// The site rendered into memory, for `sitrep serve`: nothing is written to disk. Each
/// `rebuildIfChanged` looks at the project's inputs as a build's manifest does (one `stat` per
/// file and folder of `sitrep.yml`, `content/` and `templates/`) and renders again only when
/// something changed; a series whose files are as at the last render that succeeded keeps its
/// pages, as in an incremental build (see `SeriesReuse`).
public struct PreviewSite: Sendable {
    /// What a render gave.
    public enum Outcome: Sendable {
        /// Every page rendered: the count of files, the series rendered and the series whose
        /// pages were kept, and the warnings.
        case rendered(files: Int, renderedSeries: Int, keptSeries: Int, warnings: [Diagnostic])
        /// The project has errors: the site stays as the last render that succeeded left it.
        case failed([Diagnostic])
    }

    /// The project folder.
    public let projectRoot: String
    /// The files of the last render that succeeded, by path relative to the site root.
    public private(set) var files: [String: [UInt8]] = [:]
    /// The inputs as last looked at, rendered or not: a change is a difference from these.
    private var lastSeen: [UInt8]?
    /// The inputs and the series' indexes of the last render that succeeded without warnings:
    /// what a series must match to keep its pages.
    private var reusable: (inputs: BuildManifest, indexes: [String: SiteRenderer.SeriesIndex])?

    /// A preview of the project at `projectRoot`, empty until the first `rebuildIfChanged`.
    public init(projectRoot: String) {
        self.projectRoot = projectRoot
    }

    /// Renders the site again if any input changed since the last call (the first call always
    /// renders); nil when nothing changed.
    public mutating func rebuildIfChanged() -> Outcome? {
        let inputs = BuildManifest.inputs(projectRoot: projectRoot)
        guard lastSeen.map({ !$0.elementsEqual(inputs.files) }) ?? true else { return nil }
        lastSeen = inputs.files
        let kept = keptSeries(inputs: inputs)
        do throws(DiagnosticError) {
            let project = try Project.load(root: projectRoot, outlines: kept.mapValues { $0.outline })
            let renderer = try SiteRenderer(project: project)
            let rendered = Locked([String: [UInt8]]())
            let keptIndexes = kept.mapValues(\.index)
            let result = try renderer.render(into: { path, bytes in rendered.withLock { $0[path] = bytes } },
                                             reusing: { series in keptIndexes[series.config.slug] })
            var site = rendered.withLock { $0 }
            let keptSlugs = Set(project.series.map(\.config.slug)).intersection(kept.keys)
            for (path, bytes) in files where keptSlugs.contains(String(path.prefix { $0 != "/" })) {
                site[path] = bytes
            }
            files = site
            reusable = result.warnings.isEmpty ? (inputs, result.series) : nil
            return .rendered(files: site.count, renderedSeries: project.series.count - keptSlugs.count,
                             keptSeries: keptSlugs.count, warnings: result.warnings)
        } catch {
            return .failed(error.diagnostics)
        }
    }

    /// The series whose files under `content/` are as at the last render that succeeded (with
    /// the same binary, site settings and templates), with their recorded index and outline.
    private func keptSeries(inputs: BuildManifest) -> [String: (index: SiteRenderer.SeriesIndex, outline: [PeriodFolder])] {
        guard let (previous, indexes) = reusable, let same = inputs.seriesUnchanged(since: previous) else { return [:] }
        var kept: [String: (index: SiteRenderer.SeriesIndex, outline: [PeriodFolder])] = [:]
        for (slug, _, _) in same {
            guard let index = indexes[slug], let outline = index.periodFolders(of: slug) else { continue }
            kept[slug] = (index, outline)
        }
        return kept
    }
}
