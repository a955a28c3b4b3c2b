import SitrepContent

/// What `FigureSet.forEachOwnAndRunning` lists a report's figures to: their names in parts and
/// their values, so that a writer of all of them (`figures.json`, about 800 a report) spells no
/// name, copies no list and makes nothing per figure (a struct per figure, with its name and
/// value retained and released, cost about 0.1 M instructions a report).
public protocol FigureListing: ~Copyable {
    /// The figure named `stem` followed by `suffix` (a derivation, `.cumulative`, or nothing).
    mutating func figure(_ stem: String, _ suffix: StaticString, _ value: FigureValue)
    /// The top N groups of the column `column` (`T.d`) come next; `keys` are its values, largest
    /// sum first, which the lists below are ranges of.
    mutating func topGroups(_ column: String, keys: [String])
    /// `C.topN` followed by `suffix` (`.other.share`), of the column last given to `topGroups`.
    mutating func topFigure(_ n: Int, _ suffix: StaticString, _ value: FigureValue)
    /// The list `C.topN` followed by `suffix` (`.other.list`): the keys at `items`.
    mutating func topList(_ n: Int, _ suffix: StaticString, _ items: Range<Int>)
}
