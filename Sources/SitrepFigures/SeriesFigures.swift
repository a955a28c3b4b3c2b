import SitrepContent
import SitrepDiagnostics

/// Computes the figures of a series' reports in order, adding to each what needs the periods
/// before it: for every number `X`, `X.previous`, `X.change` and `X.change.relative`; for an
/// additive count reported per period, `X.cumulative` (since the onset or the declared `since`);
/// for one reported cumulatively, `X.period` (this total minus the previous one).
///
/// A derived figure needs contiguous periods. When it cannot be computed (a gap, no previous
/// period, a series that does not start at the onset) it is recorded as unavailable with the
/// reason, so that a placeholder naming it fails with that reason instead of printing a wrong number.
///
/// Feed it the periods in order; it keeps only the previous period's figures and running sums,
/// so memory does not grow with the length of the series.
public struct SeriesFigures {
    let series: SeriesConfig
    private var previous: (folder: PeriodFolder, figures: FigureSet)?
    private var chains: [Measure.Since: Chain] = [:]
    /// For the current period: counts it falls before, with the reason.
    private var outside: [Measure.Since: String] = [:]
    /// The rows of the previous period's cumulative tables, which this period must carry forward.
    private var carriedRows = CarriedRows()

    /// Running sums of per-period figures since one start date.
    private struct Chain {
        var anchor: Day
        var sums: [String: Int] = [:]
        /// How many periods of the chain reported each table or stated figure (presence key).
        var presence: [String: Int] = [:]
        var periods = 0
        /// Why the chain cannot be trusted, if it cannot.
        var broken: String?
        /// True while the chain's first period is being processed.
        var startsHere = false
    }

    public init(series: SeriesConfig) {
        self.series = series
    }

    /// The figures of the next report of the series, in reporting order.
    public mutating func figures(for report: Report, folder: PeriodFolder) throws(DiagnosticError) -> FigureSet {
        let (base, baseProblems) = FigureComputer.figuresAndProblems(for: report, in: series, namesLike: previous?.figures)
        var set = base
        var problems = baseProblems
        let stated = Dictionary((report.statedFigures + report.frontMatterFigures).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        set.compare(with: previousReport(before: folder))
        advanceChains(base: base, folder: folder)
        problems += carriedRows.check(report, folder: folder, series: series, continues: continuesCount)

        let namedLikeDerived = base.figuresNamedLikeDerived()
        // Figures are looked at in place and copied only when they count: a copy retains each of
        // their strings, and a report has a couple of thousand figures.
        let own = base.ownFigures
        // A table's figures come one after another: whether it is in every period of their
        // count is found once for them.
        var lastPresence: (table: String, since: Measure.Since, everyPeriod: Bool)?
        // So are the figures of one count: its chain is looked up once for them.
        var count: (since: Measure.Since, outside: String?, chain: Chain?)?
        for position in own.indices {
            guard own[position].tracksChange, let measure = own[position].measure, case .number(let value) = own[position].value else { continue }
            let derivation: Derivation = measure.reported == .period ? .cumulative : .period
            if count?.since != measure.since { count = (measure.since, outside[measure.since], chains[measure.since]) }
            let result: Result<Rational, Reason>
            if let reason = count?.outside {
                result = .failure(Reason(reason))
            } else if let chain = count?.chain {
                switch measure.reported {
                case .period:
                    let everyPeriod: Bool
                    if let table = own[position].table, let last = lastPresence, last.table == table, last.since == measure.since {
                        everyPeriod = last.everyPeriod
                    } else {
                        everyPeriod = chain.presence[Self.presenceKey(of: own[position])] == chain.periods
                        if let table = own[position].table { lastPresence = (table, measure.since, everyPeriod) }
                    }
                    result = cumulative(named: own[position].name, presentInEveryPeriod: everyPeriod, in: chain)
                case .cumulative:
                    result = periodValue(at: position, value: value, in: set, chain: chain)
                    if let problem = decrease(of: own, at: position, value: value, chain: chain, folder: folder) { problems.append(problem) }
                }
            } else {
                continue
            }
            set.addDerived(from: position, derivation, result,
                           stated: namedLikeDerived[FigureSet.DerivedBase(position: position)]?[derivation] != nil)
        }
        // A figure stated under a derived name is checked against the computed one, in the
        // order of the figures, so that the errors come in the same order every time.
        for base in namedLikeDerived.keys.sorted() {
            for derivation in Derivation.allCases {
                guard let figureOfThatName = namedLikeDerived[base]?[derivation],
                      case .success(let number)? = set.derivedValue(of: base, derivation),
                      let statement = stated[figureOfThatName.name],
                      let problem = FigureComputer.disagreement(statement, Figure(name: figureOfThatName.name, value: .number(number), origin: .report))
                else { continue }
                problems.append(problem)
            }
        }
        // The computed figures stand even when a stated one disagrees: later periods build on them.
        previous = (folder, base)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return set
    }

    /// Why a derived figure cannot be computed.
    typealias Reason = FigureSet.DerivationFailure

    /// The previous report, if it ends the day before `folder` starts; otherwise why not.
    private func previousReport(before folder: PeriodFolder) -> Result<FigureSet.PreviousReport, Reason> {
        guard let previous else {
            return .failure(Reason("\(folder.name) is the first period of the series, so there is no previous period"))
        }
        guard folder.period.start == previous.folder.period.end.adding(days: 1) else {
            return .failure(Reason(gap(from: previous.folder, to: folder)))
        }
        return .success(FigureSet.PreviousReport(figures: previous.figures, name: previous.folder.name))
    }

    private func gap(from earlier: PeriodFolder, to later: PeriodFolder) -> String {
        "there is a gap between \(earlier.name) (ends \(earlier.period.end)) and \(later.name) (starts \(later.period.start)): no period covers \(earlier.period.end.adding(days: 1)) to \(later.period.start.adding(days: -1))"
    }

    /// The start date of the count a figure belongs to, for this period.
    private func anchor(of since: Measure.Since, for folder: PeriodFolder) -> Day? {
        switch since {
        case .onset: return series.onset
        case .date(let day): return day
        case .year: return Day(year: folder.period.end.year, month: 1, day: 1)
        }
    }

    /// Moves every running count to this period: starts a new one at its anchor (a new year for
    /// `since: year`), or breaks it on a gap, then adds this period's per-period figures. Every
    /// count already running advances, so a table missing from a period is noticed. A period
    /// that ends before a count begins is left out of that count.
    private mutating func advanceChains(base: FigureSet, folder: PeriodFolder) {
        outside = [:]
        var counts = Set(chains.keys)
        let own = base.ownFigures
        // The figures of one count come one after another: each count is hashed once per run.
        var lastSince: Measure.Since?
        for position in own.indices {
            if let since = own[position].measure?.since, since != lastSince {
                counts.insert(since)
                lastSince = since
            }
        }
        for since in counts {
            guard let anchor = anchor(of: since, for: folder) else {
                chains[since] = Chain(anchor: folder.period.start, broken: "series.yml gives no onset date to count from")
                continue
            }
            if folder.period.end < anchor {
                outside[since] = "\(folder.name) ends before \(anchor), where the count since \(since) begins"
                continue
            }
            var chain: Chain
            // Taken out of `chains`, so that its sums are not copied when they change.
            if let existing = chains.removeValue(forKey: since), existing.anchor == anchor {
                chain = existing
                chain.startsHere = false
                if chain.broken == nil, let previous, previous.folder.period.end.adding(days: 1) != folder.period.start {
                    chain.broken = gap(from: previous.folder, to: folder)
                }
            } else {
                chain = Chain(anchor: anchor)
                if folder.period.start == anchor {
                    chain.startsHere = true
                } else if folder.period.start < anchor {
                    chain.broken = "\(folder.name) (\(folder.period.start) to \(folder.period.end)) starts before \(anchor), where the count since \(since) begins"
                } else {
                    chain.broken = "the count since \(since) begins on \(anchor), but the first period counted, \(folder.name), starts on \(folder.period.start): no period covers \(anchor) to \(folder.period.start.adding(days: -1))"
                }
            }
            chain.periods += 1
            var present = Set<String>()
            var lastTable: String?
            // Read in place: a copy of each figure would retain its strings.
            for position in own.indices where own[position].measure?.since == since {
                // A table's figures come one after another: its key is made once.
                if own[position].table == nil || own[position].table != lastTable { present.insert(Self.presenceKey(of: own[position])) }
                lastTable = own[position].table
                if own[position].measure?.reported == .period, let value = own[position].value.number, value.isWhole {
                    if Self.add(value.numerator, to: &chain.sums[own[position].name, default: 0]) {
                        chain.broken = "the running total of '\(own[position].name)' is too large to count"
                    }
                }
            }
            for key in present { chain.presence[key, default: 0] += 1 }
            chains[since] = chain
        }
    }

    /// Adds `value` to `sum` in place (one hash of the name); true when the sum overflows.
    private static func add(_ value: Int, to sum: inout Int) -> Bool {
        let (result, overflow) = sum.addingReportingOverflow(value)
        sum = result
        return overflow
    }

    /// `presentInEveryPeriod` tells whether the figure (its table, see `presenceKey(of:)`) is
    /// in every period of the count.
    /// (By name, not the figure: a copy of each figure retained and released all its strings.)
    private func cumulative(named name: String, presentInEveryPeriod: Bool, in chain: Chain) -> Result<Rational, Reason> {
        if let broken = chain.broken { return .failure(Reason(broken)) }
        guard presentInEveryPeriod else {
            return .failure(Reason("'\(name)' is not reported in every period since \(chain.anchor)"))
        }
        return .success(Rational(chain.sums[name] ?? 0))
    }

    private func periodValue(at position: Int, value: Rational, in set: FigureSet, chain: Chain) -> Result<Rational, Reason> {
        if chain.startsHere { return .success(value) }
        if chain.periods == 1 { return .failure(Reason(chain.broken ?? "no period before \(chain.anchor)")) }
        return set.previousValue(at: position).flatMap { previous in
            value.subtracting(previous).map(Result.success) ?? .failure(Reason("the numbers are too large"))
        }
    }

    /// True when this period's count since `since` goes on from the previous period's: the same
    /// running total, not a new one (a new year's, for `since: year`).
    private func continuesCount(_ since: Measure.Since) -> Bool {
        guard previous != nil, outside[since] == nil, let chain = chains[since] else { return false }
        return !chain.startsHere && chain.periods > 1
    }

    /// An error when the cumulative count at `position` of `own` goes down within one count,
    /// unless series.yml records why.
    private func decrease(of own: [Figure], at position: Int, value: Rational, chain: Chain, folder: PeriodFolder) -> Diagnostic? {
        // Through `previous?`, not `let previous`: binding it copied the previous set (a retain
        // and a release of each of its storages) for every running count.
        guard !chain.startsHere, chain.periods > 1, let previousFolder = previous?.folder.name,
              let earlier = previous?.figures.number(named: own[position].name, probablyAt: position),
              value < earlier else { return nil }
        let figure = own[position]
        if series.corrections.contains(where: { $0.period == folder.name && $0.figure == figure.name }) { return nil }
        let location: SourceLocation
        switch figure.origin {
        case .table(let file): location = SourceLocation(file: file)
        case .stated(let at): location = at
        case .report: location = SourceLocation(file: series.file)
        // A difference of running totals may go down; its terms are checked themselves.
        case .computed: return nil
        }
        return Diagnostic(
            at: location,
            "'\(figure.name)' is reported cumulatively but goes down from \(MessageNumbers.number(earlier)) in \(previousFolder) to \(MessageNumbers.number(value)) in \(folder.name)",
            hint: "correct the data, or record the correction in \(series.file):\ncorrections:\n  - {period: \(folder.name), figure: \(figure.name), reason: \"why the figure was revised\"}")
    }

    /// What must be present in a period for a figure to count there: its table, or the figure itself.
    static func presenceKey(of figure: Figure) -> String {
        figure.table.map { "table:\($0)" } ?? figure.name
    }
}
