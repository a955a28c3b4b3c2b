import SitrepContent
import SitrepDiagnostics

/// Computes the figures of one report on its own: from its tables, its stated figures and its
/// dates. `SeriesFigures` adds what needs the other periods.
public enum FigureComputer {
    /// All period-local figures of `report`. A stated figure whose name is also computed must agree
    /// with the computed value; any disagreement is an error that prints both.
    public static func figures(for report: Report, in series: SeriesConfig) throws(DiagnosticError) -> FigureSet {
        let (set, problems) = figuresAndProblems(for: report, in: series)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return set
    }

    /// The figures and every disagreement found, so that later checks can still run.
    /// `earlier` (the previous period's figures) sizes the set and lends it the names it shares.
    static func figuresAndProblems(for report: Report, in series: SeriesConfig, namesLike earlier: FigureSet? = nil) -> (FigureSet, [Diagnostic]) {
        var set = FigureSet()
        set.reserve(earlier?.ownCount ?? 0)
        var problems: [Diagnostic] = []
        for table in report.tables {
            do { try TableFigures.add(table, measure: series.declaration(for: table.name).measure, to: &set, namesLike: earlier) }
            catch { problems += error.diagnostics }
            problems += TotalsRows.disagreements(in: table)
        }
        set.add("period.start", .date(report.period.start), origin: .report)
        set.add("period.end", .date(report.period.end), origin: .report)
        set.add("period.as_of", .date(report.period.asOf ?? report.period.end), origin: .report)
        if let onset = series.onset { set.add("series.onset", .date(onset), origin: .report) }
        set.add("series.title", .text(series.title), origin: .report)
        if let office = series.office { set.add("series.office", .text(office), origin: .report) }
        set.add("report.title", .text(report.title), origin: .report)

        for stated in report.statedFigures + report.frontMatterFigures {
            let measure = stated.value.number != nil ? series.figures[stated.name] : nil
            guard let existing = set.add(stated.name, stated.value, origin: .stated(stated.location), measure: measure,
                                         tracksChange: stated.value.number != nil) else { continue }
            if let problem = disagreement(stated, existing, in: set) { problems.append(problem) }
        }
        problems += ComputedFigureValues.add(for: report, in: series, to: &set)
        return (set, problems)
    }

    /// The error for a stated figure that does not match the computed one, if it does not. Numbers
    /// are written as the officer wrote the stated one (see `StatedCheck`); a share computed from
    /// a table names the two sums it divides, looked up in `set`.
    static func disagreement(_ stated: StatedFigure, _ computed: Figure, in set: FigureSet? = nil) -> Diagnostic? {
        if StatedCheck.agrees(stated, with: computed.value) { return nil }
        var source: String
        switch computed.origin {
        case .table(let file): source = " from \(file)"
        case .stated(let location): source = " at \(location.description)"
        case .computed(let location): source = " by the formula at \(location.description)"
        case .report: source = ""
        }
        if let set, stated.value.number != nil, let terms = ShareTerms(of: computed, in: set), case .table(let file) = computed.origin {
            source = " from \(MessageNumbers.whole(terms.partValue)) (\(terms.part)) of \(MessageNumbers.whole(terms.wholeValue)) (\(terms.whole)) in \(file)"
        }
        let allowance: String
        switch stated.tolerance {
        case .absolute(let limit)?: allowance = " (more than the tolerance of \(MessageNumbers.number(limit)))"
        case .relative(let fraction)?: allowance = " (more than the tolerance of \(MessageNumbers.percent(fraction) ?? fraction.description))"
        case nil: allowance = stated.decimals > 0 ? " (compared at the precision written)" : ""
        }
        return Diagnostic(
            at: stated.location,
            "'\(stated.name)' is stated as \(StatedCheck.describe(stated)) but computed as \(StatedCheck.describe(computed.value, as: stated))\(source)\(allowance)",
            hint: "correct the data, remove the stated figure and let sitrep compute it, or mark it approximate: {value: …, approximate: true, tolerance: 2%}")
    }
}
