import SitrepContent
import SitrepFigures

/// The values of a few figures over the periods of a series, kept as the series is walked, for
/// line and column charts. Only the figures such charts name are kept (see
/// `chartedFigures(in:)`), one optional number per period each, so that memory stays small
/// however long the series: a report's other figures are let go with the report.
public struct FigureHistory: Sendable {
    /// One period of the series, as a chart labels it.
    public struct Period: Sendable {
        public var start: Day
        public var end: Day
        /// The period's label in the series' locale.
        public var label: String

        public init(start: Day, end: Day, label: String) {
            self.start = start
            self.end = end
            self.label = label
        }
    }

    private(set) var periods: [Period] = []
    private var values: [String: [Rational?]]
    /// How many periods, from the first, a chart may show: the report's own and those before it.
    private var visible = Int.max

    /// Keeps the values of `names`.
    public init(tracking names: some Sequence<String>) {
        values = Dictionary(names.map { ($0, []) }, uniquingKeysWith: { first, _ in first })
    }

    /// The names kept.
    public var tracked: Set<String> { Set(values.keys) }

    /// Adds the next period and its figures' values (nil where a figure is missing, not a number
    /// or cannot be computed, e.g. a figure of a period whose figures failed).
    public mutating func record(_ period: Period, figures: FigureSet?) {
        periods.append(period)
        // By position, so that no view of the keys holds the storage while the lists grow in place.
        var index = values.startIndex
        while index != values.endIndex {
            let name = values.keys[index]
            values.values[index].append(figures?[name]?.value.number)
            values.formIndex(after: &index)
        }
    }

    /// The history as the report at `position` sees it: that period and those before.
    public func through(_ position: Int) -> FigureHistory {
        var view = self
        view.visible = position + 1
        return view
    }

    /// The values of `name` for the visible periods, or nil when it is not kept.
    func values(of name: String) -> [Rational?]? {
        values[name].map { Array($0.prefix(visible)) }
    }

    /// The visible periods.
    var visiblePeriods: ArraySlice<Period> { periods.prefix(visible) }
}
