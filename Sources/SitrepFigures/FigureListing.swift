import SitrepContent

/// What `FigureSet.forEachOwnAndRunning` lists a report's figures to: their names in parts and
/// their values, so that a writer of all of them (`figures.json`, about 800 a report) spells no
/// name, copies no list and makes nothing per figure (a struct per figure, with its name and
/// value retained and released, cost about 0.1 M instructions a report).
public protocol FigureListing: ~Copyable {
    /// The figure named `stem` followed by `suffix` (a derivation, `.cumulative`, or nothing).
    mutating func figure(_ stem: String, _ suffix: StaticString, _ value: FigureValue)
    /// The share `stem` followed by `suffix` (`.share`): `part / whole`, a fraction not yet
    /// reduced (`whole` is neither 0 nor `Int.min`, `part` not `Int.min`). By default, the
    /// figure of that value.
    mutating func share(_ stem: String, _ suffix: StaticString, _ part: Int, of whole: Int)
    /// The top N groups of the column `column` (`T.d`) come next; `keys` are its values, largest
    /// sum first, which the lists below are ranges of.
    mutating func topGroups(_ column: String, keys: [String])
    /// `C.topN` followed by `suffix` (`.other.share`), of the column last given to `topGroups`.
    mutating func topFigure(_ n: Int, _ suffix: StaticString, _ value: FigureValue)
    /// The list `C.topN` followed by `suffix` (`.other.list`): the keys at `items`.
    mutating func topList(_ n: Int, _ suffix: StaticString, _ items: Range<Int>)
}

extension FigureListing where Self: ~Copyable {
    public mutating func share(_ stem: String, _ suffix: StaticString, _ part: Int, of whole: Int) {
        if let share = Rational(part, whole) { figure(stem, suffix, .number(share)) }
    }
}
