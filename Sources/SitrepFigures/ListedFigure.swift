import SitrepContent

/// A figure as `FigureSet.forEachOwnAndRunning` lists it: its name in parts and its value, so
/// that a writer of all a report's figures (`figures.json`, about 800 a report) spells no name
/// and copies no list that the set does not already hold.
public struct ListedFigure {
    /// A figure's value, or the items of a list that is a part of a longer one.
    public enum Value {
        case single(FigureValue)
        case items(ArraySlice<String>)
    }

    /// The name up to `top` and `suffix`.
    public let stem: String
    /// When above 0, `.topN` follows the stem (see `FigureWord/top(_:)`).
    public let top: Int
    /// What follows: a top N group's part (`.other.share`) or a derivation (`.cumulative`).
    public let suffix: StaticString
    public let value: Value

    init(stem: String, top: Int = 0, suffix: StaticString = "", value: Value) {
        self.stem = stem
        self.top = top
        self.suffix = suffix
        self.value = value
    }

    /// The name, spelt.
    public var name: String {
        top > 0 ? "\(stem).\(FigureWord.top(top))\(suffix)" : "\(stem)\(suffix)"
    }
}
