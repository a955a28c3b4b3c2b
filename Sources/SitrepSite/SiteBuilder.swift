import Foundation
import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepSeries

/// The commands' entry points: build the site, check it, or list one report's figures.
public enum SiteBuilder {
    /// What a build or check did.
    public struct Summary: Sendable {
        /// Files written (or that would be written, for a check).
        public var files: Int
        /// Files whose bytes did not change, kept as they were.
        public var unchanged = 0
        public var warnings: [Diagnostic]
        /// True when the manifest showed that nothing changed since the last build, so nothing
        /// was rendered.
        public var upToDate = false
        /// Series whose pages were kept from the last build without rendering them.
        public var keptSeries = 0
    }

    /// True when the project and `output` are exactly as the last successful build left them
    /// (see `BuildManifest`).
    static func isUpToDate(projectRoot: String, output: String) -> Bool {
        if case .upToDate? = try? standing(projectRoot: projectRoot, output: output) { return true }
        return false
    }

    /// Where a build or a check stands against the last build's manifest.
    private enum Standing {
        /// Nothing changed: there is nothing to render.
        case upToDate
        /// `current` is the state of the inputs (its first `inputBytes` bytes) and of the output;
        /// `reuse` is what the last build left that can serve again.
        case changed(current: BuildManifest, inputBytes: Int, reuse: SeriesReuse?)
    }

    /// Compares the last manifest with the project and `output`. Only its entry lines are looked
    /// at for that; when something changed, `beforeListing` runs (a build checks there that the
    /// output folder is its own, before it is walked), then the manifest is read whole for the
    /// series it can reuse. The last manifest, the largest thing a build holds (about 1 kB per
    /// report), is let go on return.
    private static func standing(projectRoot: String, output: String, pdf: Bool = false,
                                 beforeListing: () throws(DiagnosticError) -> Void = {}) throws(DiagnosticError) -> Standing {
        let path = BuildManifest.path(for: output)
        let options = pdf ? " --pdf" : ""
        if BuildManifest.isCurrent(manifestAt: path, projectRoot: projectRoot, output: output, options: options) { return .upToDate }
        try beforeListing()
        let previous = BuildManifest.read(path)
        var current = BuildManifest.inputs(projectRoot: projectRoot, options: options)
        let inputBytes = current.byteCount
        current.addOutputs(of: output)
        return .changed(current: current, inputBytes: inputBytes,
                        reuse: previous.flatMap { SeriesReuse(previous: $0, current: current) })
    }

    /// Renders the project at `projectRoot` into `output`, replacing it only if every page
    /// rendered: on any error the previous `output` is left as it was. `output` must be a folder
    /// sitrep made, an empty one or none (see `OutputTarget`, `OutputOwnership`): anything else is
    /// refused before a file is read or written. A series whose files are exactly as at the last
    /// build (and whose pages were not touched since) is not rendered again: its pages are kept.
    /// With `pdf` (or `pdf: true` in sitrep.yml) each report also gets a PDF (see `PDFEngine`).
    public static func build(projectRoot: String, output: String, pdf: Bool = false) throws(DiagnosticError) -> Summary {
        let target = try OutputTarget(destination: output, projectRoot: projectRoot)
        // Matched where it is made, so that no other copy holds the manifest's lines when its
        // outputs are replaced (which would then copy them all).
        let check = { () throws(DiagnosticError) in try OutputOwnership.check(target) }
        guard case .changed(var manifest, let inputBytes, let reuse) = try standing(projectRoot: projectRoot, output: output, pdf: pdf,
                                                                                   beforeListing: check) else {
            return Summary(files: 0, warnings: [], upToDate: true)
        }
        let writer = try OutputWriter(destination: output, swapContents: target.isMountPoint)
        let kept = Locked(Set<String>())
        let rendered = try render(projectRoot: projectRoot, pdf: pdf, reuse: reuse,
                                  listings: manifest.inputListings(inputBytes: inputBytes), writer: writer, kept: kept)
        try writer.commit()
        // A failed build leaves output/ and its manifest as they were: both still describe each other.
        if rendered.warnings.isEmpty {
            manifest.replaceOutputs(after: inputBytes, of: output, holding: writer.outputFiles)
            manifest.write(to: BuildManifest.path(for: output), series: rendered.series,
                           recorded: reuse?.recordedJSON(of: kept.withLock { $0 }) ?? [:])
        }
        return Summary(files: writer.written, unchanged: writer.unchanged, warnings: rendered.warnings,
                       keptSeries: kept.withLock { $0.count })
    }

    /// Loads the project (its folders as the manifest's scan found them) and renders it into
    /// `writer`. The project, and with it the manifest's lines it reads the folders from, is let
    /// go on return: the manifest's outputs are then replaced without a copy of its inputs.
    private static func render(projectRoot: String, pdf: Bool, reuse: SeriesReuse?, listings: FolderListings,
                               writer: OutputWriter, kept: Locked<Set<String>>) throws(DiagnosticError) -> SiteRenderer.Rendered {
        let project = try Project.load(root: projectRoot, outlines: reuse?.outlines ?? [:], listings: listings)
        let engine = try pdf || project.site.pdf ? PDFEngine() : nil
        defer { engine?.close() }
        let renderer = try SiteRenderer(project: project, pdf: engine)
        let keep = keeping(reuse, keepFile: { writer.keep($0) }, noting: kept)
        let sink: SiteRenderer.Sink = { path, bytes throws(DiagnosticError) in try writer.write(path, bytes) }
        return try renderer.render(into: sink, reusing: keep)
    }

    /// Renders the project without writing and compares the result with `output`: what
    /// `sitrep build --check` reports in CI. As in a build, a series whose content and pages are
    /// as the last build left them is not rendered: its pages are counted as the same. `pdf` as
    /// for `build`: the PDFs are compared byte for byte too.
    public static func compare(projectRoot: String, output: String, pdf: Bool = false) throws(DiagnosticError) -> (StaleOutput, Summary) {
        guard case .changed(let manifest, let inputBytes, let reuse) = try standing(projectRoot: projectRoot, output: output, pdf: pdf) else {
            return (StaleOutput(), Summary(files: 0, warnings: [], upToDate: true))
        }
        let project = try Project.load(root: projectRoot, outlines: reuse?.outlines ?? [:],
                                       listings: manifest.inputListings(inputBytes: inputBytes))
        let engine = try pdf || project.site.pdf ? PDFEngine() : nil
        defer { engine?.close() }
        let renderer = try SiteRenderer(project: project, pdf: engine)
        let comparer = StaleOutput.Comparer(destination: output)
        let kept = Locked(Set<String>())
        let keep = keeping(reuse, keepFile: { comparer.countAsSame($0) }, noting: kept)
        let rendered = try renderer.render(into: { path, bytes in comparer.compare(path, bytes) }, reusing: keep)
        let stale = comparer.finish()
        return (stale, Summary(files: comparer.compared, warnings: rendered.warnings, keptSeries: kept.withLock { $0.count }))
    }

    /// The pages a render keeps from the last build (see `SeriesReuse`), noting the series kept;
    /// nil when nothing can be.
    private static func keeping(_ reuse: SeriesReuse?, keepFile: @escaping @Sendable (String) -> Bool,
                                noting kept: Locked<Set<String>>) -> SiteRenderer.Reuse? {
        guard let reuse else { return nil }
        return { series in
            let index = reuse.keep(series, keepFile: keepFile)
            if index != nil { kept.withLock { _ = $0.insert(series.config.slug) } }
            return index
        }
    }

    /// Loads and renders everything without writing, to find every problem.
    public static func check(projectRoot: String) throws(DiagnosticError) -> Summary {
        let renderer = try SiteRenderer(project: Project.load(root: projectRoot))
        let files = Locked(0)
        let rendered = try renderer.render { _, _ in files.withLock { $0 += 1 } }
        return Summary(files: files.withLock { $0 }, warnings: rendered.warnings)
    }

    /// Every figure of one report, named `series/period`.
    public static func figures(projectRoot: String, report reference: String) throws(DiagnosticError) -> ReportFigures {
        let project = try Project.load(root: projectRoot)
        let parts = reference.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 2 else {
            throw DiagnosticError(Diagnostic(at: nil, "'\(reference)' does not name a report",
                                             hint: "write SERIES/PERIOD, e.g. belarus/2022-06"))
        }
        guard let series = project.series(named: parts[0]) else {
            let nearest = Suggestions.nearest(to: parts[0], in: project.series.map(\.config.slug))
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: "content/\(parts[0])"), "there is no series '\(parts[0])'",
                                             hint: nearest.map { "did you mean '\($0)'?" } ?? "series are the folders of content/"))
        }
        if let target = series.periods.firstIndex(where: { $0.name == parts[1] }) {
            let stream = try SeriesStream(project: project, series: series)
            // The stream ends with the target: the periods before it are walked for their figures only.
            let (reports, _) = try stream.map(through: target, stages: .figures) { streamed in
                streamed.position == target ? streamed : nil
            }
            if let last = reports.last ?? nil {
                return ReportFigures(series: parts[0], period: parts[1], report: last.report, figures: last.figures)
            }
        }
        let nearest = Suggestions.nearest(to: parts[1], in: series.periods.map(\.name))
        throw DiagnosticError(Diagnostic(at: SourceLocation(file: "content/\(parts[0])/\(parts[1])"),
                                         "there is no period '\(parts[1])' in the series '\(parts[0])'",
                                         hint: nearest.map { "did you mean '\($0)'?" } ?? "periods: \(series.periods.map(\.name).joined(separator: ", "))"))
    }
}

/// One report's figures, as `sitrep figures` shows them.
public struct ReportFigures: Sendable {
    public var series: String
    public var period: String
    public var report: Report
    public var figures: FigureSet

    /// The same document as the report's `figures.json`.
    public var json: String {
        String(decoding: FiguresJSON.render(series: series, period: period, report: report, figures: figures), as: UTF8.self)
    }

    /// One line per figure: the name, padded, then the value; then the figures that cannot be
    /// computed for this report, with the reason.
    public var table: String {
        let unavailable = figures.unavailable.sorted { $0.key < $1.key }
        let width = (figures.names + unavailable.map(\.key)).map(\.count).max() ?? 0
        func line(_ name: String, _ value: String) -> String {
            name + String(repeating: " ", count: width - name.count + 2) + value + "\n"
        }
        return figures.all.map { line($0.name, $0.value.plainDescription) }.joined()
            + unavailable.map { line($0.key, "(not available: \($0.value))") }.joined()
    }
}
