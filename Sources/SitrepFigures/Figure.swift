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
        /// Computed by a formula `computed:` declares in series.yml (where the formula is).
        case computed(SourceLocation)
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

    /// The words the name of the figure `X` derived this way adds to `X`.
    public var words: [FigureWord] {
        switch self {
        case .previous: [.previous]
        case .change: [.change]
        case .relativeChange: [.change, .relative]
        case .cumulative: [.cumulative]
        case .period: [.period]
        }
    }

    /// What the name of the figure `X` derived this way adds to `X`.
    public var suffix: String { String(describing: staticSuffix) }

    /// The suffix, as static bytes, for names spelled and split in loops: `words` with a dot
    /// before each (a test holds the two equal).
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
        let found: (Derivation, Int)? = name.withBorrowedUTF8 { bytes in
            // Every suffix ends in us, ge, ve or od: most names are turned away by their last two bytes.
            guard bytes.count >= 2 else { return nil }
            switch (bytes[bytes.count - 2], bytes[bytes.count - 1]) {
            case (UInt8(ascii: "u"), UInt8(ascii: "s")), (UInt8(ascii: "g"), UInt8(ascii: "e")), (UInt8(ascii: "v"), UInt8(ascii: "e")),
                 (UInt8(ascii: "o"), UInt8(ascii: "d")): break
            default: return nil
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
/// hundreds of them, and their names are only spelled out when they are listed. The comparisons
/// with the previous report (`.previous`, `.change`, `.change.relative`) are not even computed
/// until they are named: a report prints a few dozen of its ~1,000. A table's shares, ranks and
/// top N groups are kept the same way, beside the sums they come from (`SumParts`, `TopGroups`).
public struct FigureSet: Sendable {
    /// The figures of the report itself, in order, but the top N groups.
    private var figures: [Figure] = []
    private var index = FigureNameIndex()
    /// The top N groups of each table column, listed after the figure at `listedAfter`: not kept
    /// as figures (see `TopGroups`).
    private var topGroups: [(groups: TopGroups, listedAfter: Int)] = []
    /// Positions in `topGroups` by column (`T.d`).
    private var topGroupsByColumn: [String: Int] = [:]
    /// For each figure, the share and rank it gives (see `SumParts`).
    private var parts: [SumParts] = []
    /// True when some figure has a share or a rank.
    private var hasParts = false
    /// Figures of the report itself that cannot be computed, with the reason.
    private var unavailableHere: [String: String] = [:]
    /// The running counts (`.cumulative`, `.period`), in the order they were derived.
    private var derived: [(base: Int, derivation: Derivation, value: Result<Rational, DerivationFailure>, stated: Bool)] = []
    /// For each figure, where its running counts start in `derived` (they are contiguous).
    private var firstDerived: [Int] = []
    /// The report the comparisons are made with, or why there is none. Nil when the figures were
    /// computed outside a series: then no comparison exists.
    private var previous: Result<PreviousReport, DerivationFailure>?

    /// Why a derived figure cannot be computed.
    struct DerivationFailure: Error, Sendable {
        var reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The own figures of the report before, for comparisons. A class, so that a set can hold the
    /// previous one; the previous one holds no report before it, so a series is never kept whole.
    final class PreviousReport: Sendable {
        let figures: FigureSet
        /// The previous period's folder name, for messages.
        let name: String

        init(figures: FigureSet, name: String) {
            self.figures = figures
            self.name = name
        }

        /// `figures.number(named:probablyAt:)`, asked of the class: reaching the set through
        /// `report.figures` from outside copied it (a retain and a release of each of its
        /// storages) for every figure compared.
        func number(named name: String, probablyAt position: Int) -> Rational? {
            figures.number(named: name, probablyAt: position)
        }

        /// Whether the report has a figure called `name`.
        func has(_ name: String) -> Bool { figures[name] != nil }

        /// The number of the figure called `name`, if it has one.
        func number(named name: String) -> Rational? { figures[name]?.value.number }
    }

    public init() {}

    /// What a table's sum gives besides itself: a value's share of the table's total and its
    /// rank, a pair's share of its first value. Kept beside the sum, not as figures of their own
    /// (about half of a report's named table figures; spelling and hashing each name cost about
    /// 1,400 instructions), and made into figures only when named or listed.
    struct SumParts: Sendable {
        /// The sum this one is a share of; nil when it has no share.
        var whole: Int?
        /// Its rank, 1 = largest; 0 when it has none.
        var rank = 0
    }

    /// What a name adds to a figure's: nothing, `.share` or `.rank`.
    enum Part: Int, Sendable, Comparable, CaseIterable {
        case own, share, rank

        var suffix: StaticString {
            switch self {
            case .own: ""
            case .share: ".share"
            case .rank: ".rank"
            }
        }

        static func < (left: Part, right: Part) -> Bool { left.rawValue < right.rawValue }
    }

    /// A figure that others derive from: a figure of the set, or its share or rank.
    struct DerivedBase: Hashable, Comparable, Sendable {
        var position: Int
        var part: Part = .own

        static func < (left: DerivedBase, right: DerivedBase) -> Bool {
            (left.position, left.part.rawValue) < (right.position, right.part.rawValue)
        }
    }

    /// The figure called `name`.
    public subscript(name: String) -> Figure? {
        if let position = index.position(of: name, in: figures) { return figures[position] }
        if let (position, part) = locatePart(name) { return partFigure(position, part, named: name) }
        // A derived name (a placeholder's `X.change`) ends in a word no top N name ends in:
        // looked for first, it spares the scan for `.topN`.
        if let (base, derivation) = locateDerived(name) {
            guard case .success(let value) = derivedValue(of: base, derivation) else { return nil }
            return Figure(name: name, value: .number(value), origin: .report)
        }
        if let (groups, n, member) = locateTop(name) { return groups.figure(n, member, named: name) }
        return nil
    }

    /// The number of the figure called `name`, as `self[name]` gives it, looked for at `position`
    /// first: where the same figure sits in another period whose tables have the same rows, the
    /// usual case. Comparing one name costs less than hashing it, and the figure is not copied
    /// (which would retain its strings).
    func number(named name: String, probablyAt position: Int) -> Rational? {
        if position < figures.count, figures[position].name == name { return figures[position].value.number }
        return self[name]?.value.number
    }

    /// Why `name` cannot be computed for this report, if it is a figure that exists in principle
    /// (e.g. a change across a gap). A placeholder naming it is an error that gives the reason.
    public func unavailableReason(_ name: String) -> String? {
        if index.position(of: name, in: figures) != nil { return nil }
        if let reason = unavailableHere[name] { return reason }
        if let (position, part) = locatePart(name) { return partValue(position, part) == nil ? Self.shareOfZero : nil }
        if let (groups, n, member) = locateTop(name) { return groups.unavailableReason(n, member) }
        guard let (base, derivation) = locateDerived(name), case .failure(let failure) = derivedValue(of: base, derivation) else { return nil }
        return failure.reason
    }

    /// Every figure that cannot be computed, by name, with the reason.
    public var unavailable: [String: String] {
        var all = unavailableHere
        for position in parts.indices where parts[position].whole != nil && partValue(position, .share) == nil {
            all[figures[position].name + ".share"] = Self.shareOfZero
        }
        for (groups, _) in topGroups {
            groups.forEachUnavailable { n, member, reason in all[groups.name(n, member)] = reason }
        }
        forEachDerivedResult { name, derivation, value in
            if case .failure(let failure) = value { all[name + derivation.suffix] = failure.reason }
        }
        return all
    }

    /// Every figure, in order, the comparisons with the previous report included.
    public var all: [Figure] {
        var list: [Figure] = []
        forEachOwn { position in
            list.append(figures[position])
            for part in [Part.share, .rank] { if let figure = partFigure(position, part) { list.append(figure) } }
        } top: { groups in
            groups.forEach { n, member in
                if let figure = groups.figure(n, member) { list.append(figure) }
            }
        }
        forEachDerivedResult { name, derivation, value in
            if case .success(let number) = value {
                list.append(Figure(name: name + derivation.suffix, value: .number(number), origin: .report))
            }
        }
        return list
    }

    /// Gives `listing` each figure's name and value, in order, without building a name per
    /// derived figure or top N group (see `FigureListing`). The comparisons with the previous
    /// report are left out: they are the previous report's figures, and a subtraction away.
    public func forEachOwnAndRunning<Listing: FigureListing & ~Copyable>(into listing: inout Listing) {
        // By position: iterating the figures would copy each one, retaining all its strings.
        forEachOwn { position in
            listing.figure(figures[position].name, "", figures[position].value)
            guard hasParts else { return }
            // Unreduced: a writer that prints the share needs no common divisor.
            if hasShare(position), let whole = parts[position].whole, let sum = figures[position].value.number {
                listing.share(figures[position].name, Part.share.suffix, sum.numerator, of: whole)
            }
            if let rank = partValue(position, .rank) { listing.figure(figures[position].name, Part.rank.suffix, rank) }
        } top: { groups in
            listing.topGroups(groups.column, keys: groups.keys)
            groups.forEach { n, member in
                if let items = groups.items(n, member) {
                    listing.topList(n, member.suffix, items)
                } else if let value = groups.value(n, member) {
                    listing.topFigure(n, member.suffix, value)
                }
            }
        }
        for entry in derived {
            guard case .success(let value) = entry.value, !entry.stated else { continue }
            listing.figure(figures[entry.base].name, entry.derivation.staticSuffix, .number(value))
        }
    }

    /// Calls `figure` with the position of each figure of the report itself, in order, and
    /// `top` with each column's top N groups where they are listed.
    private func forEachOwn(_ figure: (Int) -> Void, top: (TopGroups) -> Void) {
        var next = 0
        for position in figures.indices {
            figure(position)
            while next < topGroups.count, topGroups[next].listedAfter == position {
                top(topGroups[next].groups)
                next += 1
            }
        }
    }

    /// The top N figure called `name`: its groups, N and member.
    private func locateTop(_ name: String) -> (groups: TopGroups, n: Int, member: TopGroups.Member)? {
        guard !topGroups.isEmpty else { return nil }
        var name = name
        // `C.topN…`: each `.top` and a digit in the name may end the column's name. Most names
        // looked up here have none (a placeholder's `X.previous`), and cost a byte scan.
        return name.withUTF8 { bytes in
            guard bytes.count >= 5 else { return nil }
            for offset in 0...(bytes.count - 5) where bytes[offset] == UInt8(ascii: ".") && bytes[offset + 1] == UInt8(ascii: "t")
                && bytes[offset + 2] == UInt8(ascii: "o") && bytes[offset + 3] == UInt8(ascii: "p")
                && (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(bytes[offset + 4]) {
                let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<offset]), as: UTF8.self)
                let rest = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset...]), as: UTF8.self)
                guard let position = topGroupsByColumn[column],
                      let (n, member) = topGroups[position].groups.locate(rest[...].utf8) else { continue }
                return (topGroups[position].groups, n, member)
            }
            return nil
        }
    }

    /// Every figure name, in order.
    public var names: [String] { all.map(\.name) }

    /// The report's own figures (no derived ones), in order, but the top N groups.
    var ownFigures: [Figure] { figures }

    /// How many figures of the report itself there are: the position of the next one added.
    var ownCount: Int { figures.count }

    /// The name of the figure at `position` of the report itself, if there is one.
    func name(at position: Int) -> String? { position < figures.count ? figures[position].name : nil }

    /// The names of the report's own figures, the top N groups' included, in order.
    var ownNames: [String] {
        var names: [String] = []
        forEachOwn { position in
            names.append(figures[position].name)
            for part in [Part.share, .rank] where partValue(position, part) != nil { names.append(figures[position].name + "\(part.suffix)") }
        } top: { groups in
            groups.forEach { n, member in names.append(groups.name(n, member)) }
        }
        return names
    }

    /// Makes room for `count` more figures.
    mutating func reserve(_ count: Int) {
        figures.reserveCapacity(figures.count + count)
        index.reserveCapacity(index.count + count)
    }

    /// Adds a figure; returns the one already there if the name is taken (and adds nothing). A
    /// table's sum gives its share of `whole` and its `rank` (see `SumParts`).
    @discardableResult
    mutating func add(_ name: String, _ value: FigureValue, origin: Figure.Origin, measure: Measure? = nil,
                      table: String? = nil, tracksChange: Bool = false, shareOf whole: Int? = nil, rank: Int = 0) -> Figure? {
        // One hash of the name: the probe gives the slot to fill.
        let vacant: (slot: Int, hash: UInt64)
        switch index.probe(name, in: figures) {
        case .found(let existing): return figures[existing]
        case .vacant(let slot, let hash): vacant = (slot, hash)
        }
        // A share or a rank kept beside its sum, or a top N group, may have the name. A table's
        // values and columns cannot spell one (their words are reserved), but a table made in
        // code can, and a stated or computed figure may.
        let endsLikePart = Self.endsLikePart(name)
        if let existing = figure(sharingNameWithPartsOf: name, endsLikePart: endsLikePart, origin: origin)
            ?? partOwner(of: name, shareOf: whole, rank: rank) {
            return existing
        }
        index.insert(vacant, at: figures.count)
        figures.append(Figure(name: name, value: value, origin: origin, measure: measure, table: table, tracksChange: tracksChange))
        parts.append(SumParts(whole: whole, rank: rank))
        if whole != nil || rank > 0 { hasParts = true }
        if case .table = origin, endsLikePart { tableNamesEndLikeParts = true }
        return nil
    }

    /// True once a table figure's name ends like a share or a rank (only in a table made in code).
    private var tableNamesEndLikeParts = false

    /// The share, rank or top N figure already called `name`, if any: for a table's figure only
    /// when some table name ends like a part (never, for a table read from a file).
    private func figure(sharingNameWithPartsOf name: String, endsLikePart: Bool, origin: Figure.Origin) -> Figure? {
        if case .table = origin, !endsLikePart { return nil }
        if let (position, part) = locatePart(name) { return partFigure(position, part) }
        if case .table = origin { return nil }
        if let (groups, n, member) = locateTop(name) { return groups.figure(n, member) }
        return nil
    }

    /// The figure already called like the share or rank a new sum called `name` would give.
    private func partOwner(of name: String, shareOf whole: Int?, rank: Int) -> Figure? {
        guard tableNamesEndLikeParts else { return nil }
        if whole != nil, let position = index.position(of: name + ".share", in: figures) { return figures[position] }
        if rank > 0, let position = index.position(of: name + ".rank", in: figures) { return figures[position] }
        return nil
    }

    /// Why a share of a sum of 0 cannot be computed.
    private static let shareOfZero = "the total it would be a share of is 0"

    /// The figure a share's or rank's name belongs to, and which it is.
    private func locatePart(_ name: String) -> (position: Int, part: Part)? {
        guard hasParts, Self.endsLikePart(name) else { return nil }
        for part in [Part.share, .rank] {
            let length = part.suffix.utf8CodeUnitCount
            let found: Int? = name.withBorrowedUTF8 { bytes in
                guard bytes.count > length, part.suffix.withUTF8Buffer({ UnsafeBufferPointer(rebasing: bytes[(bytes.count - length)...]).elementsEqual($0) })
                else { return nil }
                return index.position(ofNameBytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - length)]), in: figures)
            }
            guard let position = found else { continue }
            if part == .share ? parts[position].whole != nil : parts[position].rank > 0 { return (position, part) }
        }
        return nil
    }

    /// Whether `name` ends in `.share` or `.rank`, by its last bytes.
    private static func endsLikePart(_ name: String) -> Bool {
        // On the bytes themselves: through `String.UTF8View`'s generic `last` and `suffix`, this
        // cost about 300 instructions a figure added.
        let ends: Bool? = name.utf8.withContiguousStorageIfAvailable { bytes in
            guard let last = bytes.last, last == UInt8(ascii: "e") || last == UInt8(ascii: "k") else { return false }
            return bytes.endsWith(".share") || bytes.endsWith(".rank")
        }
        if let ends { return ends }
        return name.utf8.elementsEqualSuffix(".share") || name.utf8.elementsEqualSuffix(".rank")
    }

    /// The value of the share or rank of the figure at `position`; nil when it has none, or for a
    /// share of a sum of 0.
    private func partValue(_ position: Int, _ part: Part) -> FigureValue? {
        switch part {
        case .own:
            return figures[position].value
        case .share:
            guard let whole = parts[position].whole, let sum = figures[position].value.number else { return nil }
            return Rational(sum.numerator, whole).map(FigureValue.number)
        case .rank:
            return parts[position].rank > 0 ? .number(Rational(parts[position].rank)) : nil
        }
    }

    /// Whether the figure at `position` has a share: when `partValue(position, .share)` is not
    /// nil, told without reducing the fraction.
    private func hasShare(_ position: Int) -> Bool {
        guard let whole = parts[position].whole, let sum = figures[position].value.number else { return false }
        return whole != 0 && whole != .min && sum.numerator != .min
    }

    /// The share or rank of the figure at `position`, as a figure; `name` is its name when the
    /// caller has it spelt.
    private func partFigure(_ position: Int, _ part: Part, named name: String? = nil) -> Figure? {
        guard let value = partValue(position, part) else { return nil }
        let sum = figures[position]
        return Figure(name: name ?? sum.name + "\(part.suffix)", value: value, origin: sum.origin, table: sum.table, tracksChange: true)
    }

    /// Adds the top N groups of a column, listed after the figures added so far.
    mutating func addTopGroups(_ groups: TopGroups) {
        guard groups.largestN > 0 else { return }
        if topGroupsByColumn[groups.column] == nil { topGroupsByColumn[groups.column] = topGroups.count }
        topGroups.append((groups, figures.count - 1))
    }

    /// Records that `name` cannot be computed, unless a figure of that name exists.
    mutating func markUnavailable(_ name: String, because reason: String) {
        if index.position(of: name, in: figures) == nil { unavailableHere[name] = reason }
    }

    /// Sets the report that `.previous`, `.change` and `.change.relative` compare with (its own
    /// figures), or why they cannot be computed.
    mutating func compare(with previous: Result<PreviousReport, DerivationFailure>) {
        self.previous = previous
    }

    /// The previous report's value of the figure at `position`; 0 for a table count whose table
    /// the previous report has without that row.
    func previousValue(at position: Int) -> Result<Rational, DerivationFailure> {
        switch previous {
        case nil:
            return .failure(DerivationFailure("there is no previous period"))
        case .failure(let failure)?:
            return .failure(failure)
        case .success(let report)?:
            if let value = report.number(named: figures[position].name, probablyAt: position) { return .success(value) }
            let figure = figures[position]
            if figure.measure != nil, let table = figure.table, report.has("\(table).total") {
                return .success(Rational(0))
            }
            return .failure(DerivationFailure("'\(figure.name)' is not in the previous period, \(report.name)"))
        }
    }

    /// The previous report's value of `base`: for a share or a rank, the figure of its name there.
    private func previousValue(of base: DerivedBase) -> Result<Rational, DerivationFailure> {
        guard base.part != .own else { return previousValue(at: base.position) }
        guard case .success(let report)? = previous else { return previousValue(at: base.position) }
        let name = figures[base.position].name + "\(base.part.suffix)"
        if let value = report.number(named: name) { return .success(value) }
        return .failure(DerivationFailure("'\(name)' is not in the previous period, \(report.name)"))
    }

    /// Records a running count derived from the figure at `base` (its position in the set). The
    /// running counts of one base figure must be added one after the other. When the report
    /// states a figure of the same name (`stated`, see `figuresNamedLikeDerived`), the stated one
    /// stands: it is the one found and listed.
    mutating func addDerived(from base: Int, _ derivation: Derivation, _ value: Result<Rational, DerivationFailure>, stated: Bool) {
        if firstDerived.isEmpty { firstDerived = Array(repeating: -1, count: figures.count) }
        if firstDerived[base] < 0 { firstDerived[base] = derived.count }
        derived.append((base, derivation, value, stated))
    }

    /// The figures named like a derived one, e.g. `assessments.total.cumulative` or
    /// `T.d.V.share.change` stated in figures.yml: by the figure, share or rank they derive from,
    /// and the derivation. A table's figures are not looked at: the words of derivations are
    /// reserved, so no value or column of a table ends its figures' names with one (checked when
    /// tables are read).
    func figuresNamedLikeDerived() -> [DerivedBase: [Derivation: Figure]] {
        var found: [DerivedBase: [Derivation: Figure]] = [:]
        for candidate in figures.indices {
            if case .table = figures[candidate].origin { continue }
            guard let (base, derivation) = Derivation.split(figures[candidate].name), let derivedBase = self.base(named: String(base)) else { continue }
            found[derivedBase, default: [:]][derivation] = figures[candidate]
        }
        return found
    }

    /// The figure, share or rank called `name`, as a base of derived figures.
    private func base(named name: String) -> DerivedBase? {
        if let position = index.position(of: name, in: figures) { return DerivedBase(position: position) }
        return locatePart(name).map { DerivedBase(position: $0.position, part: $0.part) }
    }

    /// The value of the figure at `base` derived that way, whether or not a stated figure has the
    /// same name; nil when no such figure exists.
    func derivedValue(of base: DerivedBase, _ derivation: Derivation) -> Result<Rational, DerivationFailure>? {
        switch derivation {
        case .previous, .change, .relativeChange:
            return comparison(of: base, derivation)
        case .cumulative, .period:
            guard base.part == .own else { return nil }
            let base = base.position
            guard base < firstDerived.count, firstDerived[base] >= 0 else { return nil }
            var position = firstDerived[base]
            while position < derived.count, derived[position].base == base {
                if derived[position].derivation == derivation { return derived[position].value }
                position += 1
            }
            return nil
        }
    }

    /// `.previous`, `.change` or `.change.relative` of the figure at `base`, computed now.
    private func comparison(of base: DerivedBase, _ derivation: Derivation) -> Result<Rational, DerivationFailure>? {
        guard previous != nil, base.part != .own || figures[base.position].tracksChange,
              case .number(let value)? = partValue(base.position, base.part) else { return nil }
        let before = previousValue(of: base)
        let tooLarge = DerivationFailure("the numbers are too large")
        switch derivation {
        case .previous:
            return before
        case .change:
            return before.flatMap { value.subtracting($0).map(Result.success) ?? .failure(tooLarge) }
        case .relativeChange:
            return before.flatMap { before in
                guard before.numerator != 0 else { return .failure(DerivationFailure("its previous value is 0")) }
                return value.subtracting(before).flatMap { $0.dividing(by: before) }.map(Result.success) ?? .failure(tooLarge)
            }
        case .cumulative, .period:
            return nil
        }
    }

    private func locateDerived(_ name: String) -> (base: DerivedBase, derivation: Derivation)? {
        guard previous != nil || !derived.isEmpty, let (base, derivation) = Derivation.split(name),
              let derivedBase = self.base(named: String(base)) else { return nil }
        return (derivedBase, derivation)
    }

    /// Every derived figure (comparisons and running counts) that no stated figure overrides,
    /// in order: per base figure, its comparisons, then its running counts.
    private func forEachDerivedResult(_ body: (String, Derivation, Result<Rational, DerivationFailure>) -> Void) {
        guard previous != nil || !derived.isEmpty else { return }
        let stated = figuresNamedLikeDerived()
        /// The comparisons of `base`, but those a stated figure overrides.
        func comparisons(of base: DerivedBase, name: () -> String) {
            guard previous != nil else { return }
            let overridden = stated[base] ?? [:]
            for derivation in [Derivation.previous, .change, .relativeChange] where overridden[derivation] == nil {
                if let value = comparison(of: base, derivation) { body(name(), derivation, value) }
            }
        }
        for base in figures.indices {
            comparisons(of: DerivedBase(position: base)) { figures[base].name }
            if base < firstDerived.count, firstDerived[base] >= 0 {
                var position = firstDerived[base]
                while position < derived.count, derived[position].base == base {
                    if !derived[position].stated { body(figures[base].name, derived[position].derivation, derived[position].value) }
                    position += 1
                }
            }
            guard hasParts else { continue }
            for part in [Part.share, .rank] {
                comparisons(of: DerivedBase(position: base, part: part)) { figures[base].name + "\(part.suffix)" }
            }
        }
    }
}

private extension UnsafeBufferPointer<UInt8> {
    /// Whether these bytes end with `suffix`'s.
    func endsWith(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in
            count >= suffix.count && UnsafeBufferPointer(rebasing: self[(count - suffix.count)...]).elementsEqual(suffix)
        }
    }
}

private extension String.UTF8View {
    /// Whether these bytes end with `suffix`'s.
    func elementsEqualSuffix(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { suffix in count >= suffix.count && self.suffix(suffix.count).elementsEqual(suffix) }
    }
}
