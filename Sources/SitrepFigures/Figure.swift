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

/// A figure that needs the periods before the report: `X.previous`, `X.change`,
/// `X.change.relative`, and `X.cumulative` (for a count reported per period) or `X.period` (for
/// one reported cumulatively). See `SeriesFigures`.
public enum Derivation: Sendable, CaseIterable {
    case previous, change, relativeChange, cumulative, period

    /// What the name of the figure `X` derived this way adds to `X`.
    public var suffix: String { String(describing: staticSuffix) }

    /// The suffix, as static bytes.
    public var staticSuffix: StaticString {
        switch self {
        case .previous: ".previous"
        case .change: ".change"
        case .relativeChange: ".change.relative"
        case .cumulative: ".cumulative"
        case .period: ".period"
        }
    }

    /// The figure a name derives from and how, if the name ends with a derivation's suffix.
    static func split(_ name: String) -> (base: Substring, derivation: Derivation)? {
        var name = name
        let found: (Derivation, Int)? = name.withUTF8 { bytes in
            // Every suffix ends in s, e or d: most names are turned away by their last byte.
            guard let last = bytes.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "e") || last == UInt8(ascii: "d") else {
                return nil
            }
            for derivation in allCases {
                let length = derivation.staticSuffix.utf8CodeUnitCount
                guard bytes.count > length else { continue }
                let matches = derivation.staticSuffix.withUTF8Buffer { suffix in
                    UnsafeBufferPointer(rebasing: bytes[(bytes.count - length)...]).elementsEqual(suffix)
                }
                if matches { return (derivation, length) }
            }
            return nil
        }
        guard let (derivation, length) = found else { return nil }
        return (Substring(name.utf8.dropLast(length)), derivation)
    }
}

/// Every figure of one report, by name, in a stable order: tables in file order, then stated
/// figures, then the figures derived from the periods before.
///
/// Derived figures are kept by their base figure and derivation, not by name: a report has
/// hundreds of them, and their names are only spelled out when they are listed.
public struct FigureSet: Sendable {
    /// The figures of the report itself, in order.
    private var figures: [Figure] = []
    private var index: [String: Int] = [:]
    /// Figures of the report itself that cannot be computed, with the reason.
    private var unavailableHere: [String: String] = [:]
    /// Derived figures, in the order they were derived.
    private var derived: [(base: Int, derivation: Derivation, value: Result<Rational, DerivationFailure>, stated: Bool)] = []
    /// For each figure, where its derived figures start in `derived` (they are contiguous).
    private var firstDerived: [Int] = []

    /// Why a derived figure cannot be computed.
    struct DerivationFailure: Error, Sendable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    public init() {}

    /// The figure called `name`.
    public subscript(name: String) -> Figure? {
        if let position = index[name] { return figures[position] }
        guard let (base, derivation) = locateDerived(name), case .success(let value) = derivedValue(of: base, derivation) else { return nil }
        return Figure(name: name, value: .number(value), origin: .report)
    }

    /// The figure called `name`, as `self[name]`, looked for at `position` first: where the same
    /// figure sits in another period whose tables have the same rows, the usual case. Comparing
    /// one name costs less than hashing it.
    public func figure(named name: String, probablyAt position: Int) -> Figure? {
        if position < figures.count, figures[position].name == name { return figures[position] }
        return self[name]
    }

    /// Why `name` cannot be computed for this report, if it is a figure that exists in principle
    /// (e.g. a change across a gap). A placeholder naming it is an error that gives the reason.
    public func unavailableReason(_ name: String) -> String? {
        if index[name] != nil { return nil }
        if let reason = unavailableHere[name] { return reason }
        guard let (base, derivation) = locateDerived(name), case .failure(let failure) = derivedValue(of: base, derivation) else { return nil }
        return failure.reason
    }

    /// Every figure that cannot be computed, by name, with the reason.
    public var unavailable: [String: String] {
        var all = unavailableHere
        for entry in derived {
            if case .failure(let failure) = entry.value, !entry.stated {
                all[figures[entry.base].name + entry.derivation.suffix] = failure.reason
            }
        }
        return all
    }

    /// Every figure, in order.
    public var all: [Figure] {
        var list = figures
        forEachDerived { name, value in list.append(Figure(name: name, value: .number(value), origin: .report)) }
        return list
    }

    /// Calls `body` with each figure's name and value, in order, without building a name per
    /// derived figure: a derived figure is given as its base figure's name and the derivation.
    public func forEach(_ body: (_ name: String, _ derivation: Derivation?, _ value: FigureValue) -> Void) {
        for figure in figures { body(figure.name, nil, figure.value) }
        for entry in derived {
            guard case .success(let value) = entry.value, !entry.stated else { continue }
            body(figures[entry.base].name, entry.derivation, .number(value))
        }
    }

    /// Every figure name, in order.
    public var names: [String] { all.map(\.name) }

    /// How many figures there are.
    public var count: Int {
        figures.count + derived.count { entry in
            if case .success = entry.value { return !entry.stated }
            return false
        }
    }

    /// The report's own figures (no derived ones), in order.
    var ownFigures: [Figure] { figures }

    /// Makes room for `count` more figures.
    mutating func reserve(_ count: Int) {
        figures.reserveCapacity(figures.count + count)
        index.reserveCapacity(index.count + count)
    }

    /// Adds a figure; returns the one already there if the name is taken (and adds nothing).
    @discardableResult
    mutating func add(_ name: String, _ value: FigureValue, origin: Figure.Origin, measure: Measure? = nil,
                      table: String? = nil, tracksChange: Bool = false) -> Figure? {
        // One hash lookup in the usual case: insert, and put the old position back on a clash.
        if let existing = index.updateValue(figures.count, forKey: name) {
            index[name] = existing
            return figures[existing]
        }
        figures.append(Figure(name: name, value: value, origin: origin, measure: measure, table: table, tracksChange: tracksChange))
        return nil
    }

    /// Records that `name` cannot be computed, unless a figure of that name exists.
    mutating func markUnavailable(_ name: String, because reason: String) {
        if index[name] == nil { unavailableHere[name] = reason }
    }

    /// Records a figure derived from the figure at `base` (its position in `base`). The
    /// derived figures of one base figure must be added one after the other. When the report
    /// states a figure of the same name (`stated`, see `figuresNamedLikeDerived`), the stated one
    /// stands: it is the one found and listed.
    mutating func addDerived(from base: Int, _ derivation: Derivation, _ value: Result<Rational, DerivationFailure>, stated: Bool) {
        if firstDerived.isEmpty { firstDerived = Array(repeating: -1, count: figures.count) }
        if firstDerived[base] < 0 { firstDerived[base] = derived.count }
        derived.append((base, derivation, value, stated))
    }

    /// The figures named like a derived one, e.g. `assessments.total.cumulative` stated in
    /// figures.yml: by the position of the figure they derive from, and the derivation.
    func figuresNamedLikeDerived() -> [Int: [Derivation: Figure]] {
        var found: [Int: [Derivation: Figure]] = [:]
        for candidate in figures.indices {
            guard let (base, derivation) = Derivation.split(figures[candidate].name), let position = index[String(base)] else { continue }
            found[position, default: [:]][derivation] = figures[candidate]
        }
        return found
    }

    private func locateDerived(_ name: String) -> (base: Int, derivation: Derivation)? {
        guard !derived.isEmpty, let (base, derivation) = Derivation.split(name), let position = index[String(base)] else { return nil }
        return (position, derivation)
    }

    private func derivedValue(of base: Int, _ derivation: Derivation) -> Result<Rational, DerivationFailure>? {
        guard base < firstDerived.count, firstDerived[base] >= 0 else { return nil }
        var position = firstDerived[base]
        while position < derived.count, derived[position].base == base {
            if derived[position].derivation == derivation { return derived[position].value }
            position += 1
        }
        return nil
    }

    private func forEachDerived(_ body: (String, Rational) -> Void) {
        forEach { name, derivation, value in
            if let derivation, case .number(let number) = value { body(name + derivation.suffix, number) }
        }
    }
}
