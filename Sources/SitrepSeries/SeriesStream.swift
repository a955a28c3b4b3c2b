import Dispatch
import SitrepContent
import SitrepDiagnostics
import SitrepFigures
import SitrepTemplates

/// The stage between the loaders and every output: walks one series in reporting order and, for
/// each period, loads the report, computes its figures (each period builds on the one before)
/// and renders its narrative. HTML pages, `figures.json`, the feed, `sitrep figures` and
/// `build --check` are consumers of this walk; none of them repeats it.
///
/// Figures are computed in order for a batch of periods; then the batch's narratives are
/// rendered, and each report handed to the consumer, on every core. Results come back in
/// reporting order, so what a consumer builds does not depend on the number of threads, and
/// memory does not grow with the length of the series: a report is let go once consumed.
public struct SeriesStream: Sendable {
    public let project: Project
    public let series: Project.Series
    /// How the series' locale writes numbers and dates.
    public let style: LocaleStyle
    /// Each period's label in the series' locale ("27 May – 9 June 2022"), in reporting order.
    public let labels: [String]

    /// Periods whose figures are computed (in order) before their narratives are rendered
    /// together. Small, so that memory does not grow with the length of a series.
    public static let batchSize = 8

    /// How many reports' `report.md`, read ahead for their charts, are kept for loading: the
    /// reports of a usual series, a few hundred kB; a longer series' later reports are read again.
    static let keptNarratives = 32

    /// Prepares to walk `series`; an unknown locale is an error at its `series.yml`.
    public init(project: Project, series: Project.Series) throws(DiagnosticError) {
        guard let style = LocaleStyle.named(series.config.locale) else {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: series.config.file), "unknown locale '\(series.config.locale)'",
                                             hint: "use one of: \(LocaleStyle.all.keys.sorted().joined(separator: ", "))"))
        }
        self.project = project
        self.series = series
        self.style = style
        labels = series.periods.map { style.format(from: $0.period.start, to: $0.period.end) }
    }

    /// What the stream computes for each report.
    public enum Stages: Sendable {
        /// Load and figures: what `sitrep figures` needs.
        case figures
        /// Load, figures and the narrative rendered to HTML: what a page needs.
        case narrative
    }

    /// Walks the periods up to and including `last` (every period when nil) and hands each
    /// report to `consume`, on any thread; returns what it gave, in reporting order, with the
    /// warnings of the narratives. A report whose narrative has errors is still handed on
    /// (its `body` nil), so that the consumer's own problems are found too; what it gives is
    /// then dropped. Every problem is reported together at the end: a period that
    /// cannot be loaded stops the walk (the later ones build on it), other problems do not.
    public func map<Output: Sendable>(
        through last: Int? = nil, stages: Stages = .narrative,
        _ consume: @Sendable (StreamedReport) throws(DiagnosticError) -> Output
    ) throws(DiagnosticError) -> (outputs: [Output], warnings: [Diagnostic]) {
        let end = min(last.map { $0 + 1 } ?? series.periods.count, series.periods.count)
        var problems: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        var outputs: [Output] = []
        var seriesFigures = SeriesFigures(series: series.config)
        // Each `report.md` is read ahead for its charts; the first ones' bytes are kept until
        // they are loaded (the later ones are read again), so that memory stays bounded however
        // long the series.
        var narratives: [[UInt8]?] = []
        var charted = Set<String>()
        if stages == .narrative {
            for folder in series.periods.prefix(end) {
                let bytes = project.reportBytes(of: folder)
                if let bytes { charted.formUnion(bytes.withUnsafeBufferPointer(ChartBlock.seriesFigures(inUTF8:))) }
                narratives.append(narratives.count < Self.keptNarratives ? bytes : nil)
            }
        }
        var history = FigureHistory(tracking: charted)
        var start = 0
        var stopped = false
        while start < end, !stopped {
            // Figures in order: each period builds on the one before.
            var batch: [(position: Int, report: Report, figures: FigureSet)] = []
            for position in start..<min(start + Self.batchSize, end) {
                let folder = series.periods[position]
                let report: Report
                do {
                    let bytes = position < narratives.count ? narratives[position] : nil
                    if position < narratives.count { narratives[position] = nil }
                    report = try project.loadReport(series: series, folder: folder, reportBytes: bytes)
                } catch {
                    problems += error.diagnostics
                    if position + 1 < series.periods.count {
                        problems.append(Diagnostic(
                            .warning, at: SourceLocation(file: series.periods[position + 1].path),
                            "the later periods of this series were not checked, because they build on \(folder.name)",
                            hint: "fix the errors above and run sitrep again"))
                    }
                    stopped = true
                    break
                }
                do {
                    let figures = try seriesFigures.figures(for: report, folder: folder)
                    batch.append((position, report, figures))
                    history.record(period(at: position), figures: figures)
                } catch {
                    problems += error.diagnostics
                    history.record(period(at: position), figures: nil)
                }
            }
            start += Self.batchSize
            // Narratives and consumers on every core, put back in order.
            let results = Locked([Result<(Output, [Diagnostic]), DiagnosticError>?](repeating: nil, count: batch.count))
            let (prepared, seen) = (batch, history)
            DispatchQueue.concurrentPerform(iterations: prepared.count) { item in
                let (position, report, figures) = prepared[item]
                let result = Result { () throws(DiagnosticError) -> (Output, [Diagnostic]) in
                    // The consumer runs even when the narrative has errors, so that a report's
                    // problems (its key figures', say) are all reported together.
                    let streamed = StreamedReport(position: position, stream: self, report: report, figures: figures,
                                                  history: seen.through(position), stages: stages)
                    var problems = streamed.problems
                    var output: Output?
                    do throws(DiagnosticError) { output = try consume(streamed) } catch { problems += error.diagnostics }
                    guard problems.isEmpty, let output else { throw DiagnosticError(problems) }
                    return (output, streamed.warnings)
                }
                results.withLock { $0[item] = result }
            }
            for result in results.withLock({ $0 }) {
                switch result {
                case .success(let (output, found))?:
                    outputs.append(output)
                    warnings += found
                case .failure(let error)?:
                    problems += error.diagnostics
                case nil:
                    break
                }
            }
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return (outputs, warnings)
    }

    /// The period at `position` as charts label it.
    func period(at position: Int) -> FigureHistory.Period {
        let folder = series.periods[position]
        return FigureHistory.Period(start: folder.period.start, end: folder.period.end, label: labels[position])
    }
}
