import SitrepContent
import SitrepDiagnostics

/// A named value that placeholders, blocks and layouts can print.
public struct Figure: Sendable {
    /// Where a figure comes from, for messages and for `sitrep figures`.
    public enum Origin: Sendable, Hashable {
        /// Computed from a table (the CSV's path).
        case table(String)
        /// Stated in `figures.yml`.
        case stated(SourceLocation)
        /// Known from the report itself (its dates, its series).
        case report
    }

    public var name: String
    public var value: FigureValue
    public var origin: Origin
    /// Set for additive counts (table sums, declared single figures): how they accumulate over time.
    public var measure: Measure?
    /// The table a computed figure comes from.
    public var table: String?
    /// True for the figures compared with the previous period (`.previous`, `.change`): counts,
    /// shares, ranks and stated numbers. The number of values and the top-N groups are not, since
    /// from one period to the next they describe different sets.
    public var tracksChange = false
}

/// Every figure of one report, by name, in a stable order (tables in file order, then stated figures).
public struct FigureSet: Sendable {
    /// All figures, in order.
    public private(set) var all: [Figure] = []
    private var index: [String: Int] = [:]
    /// Figures that exist in principle but cannot be computed for this report, with the reason
    /// (e.g. a gap before the period). A placeholder naming one is an error that gives the reason.
    public private(set) var unavailable: [String: String] = [:]

    public init() {}

    /// The figure called `name`.
    public subscript(name: String) -> Figure? { index[name].map { all[$0] } }

    /// Every figure name, in order.
    public var names: [String] { all.map(\.name) }

    public var count: Int { all.count }

    /// Makes room for `count` more figures.
    mutating func reserve(_ count: Int) {
        all.reserveCapacity(all.count + count)
        index.reserveCapacity(index.count + count)
    }

    /// Adds a figure; returns the one already there if the name is taken (and adds nothing).
    @discardableResult
    mutating func add(_ name: String, _ value: FigureValue, origin: Figure.Origin, measure: Measure? = nil,
                      table: String? = nil, tracksChange: Bool = false) -> Figure? {
        if let existing = index[name] { return all[existing] }
        index[name] = all.count
        all.append(Figure(name: name, value: value, origin: origin, measure: measure, table: table, tracksChange: tracksChange))
        return nil
    }

    /// Records that `name` cannot be computed, unless a figure of that name exists.
    mutating func markUnavailable(_ name: String, because reason: String) {
        if index[name] == nil { unavailable[name] = reason }
    }
}
