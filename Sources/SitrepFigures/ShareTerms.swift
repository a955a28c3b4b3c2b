import SitrepContent

/// The two sums a share computed from a table divides, found by name and value: `T.d.V.share` is
/// `T.d.V` of `T.total`, `T.d1.V1.d2.V2.share` is the pair of `T.d1.V1`, `T.d.topN.share` is
/// `T.d.topN.total` of `T.total`. For messages only: the shares keep no record of their terms.
struct ShareTerms: Equatable {
    var part: String
    var partValue: Int
    var whole: String
    var wholeValue: Int

    /// The terms of `figure`, a share of table sums in `set`; nil for any other figure.
    init?(of figure: Figure, in set: FigureSet) {
        let suffix = ".\(FigureWord.share)"
        guard let table = figure.table, figure.name.hasSuffix(suffix), let share = figure.value.number else { return nil }
        let base = String(figure.name.dropLast(suffix.count))
        guard let (part, partValue) = Self.sum(base, in: set) ?? Self.sum("\(base).\(FigureWord.total)", in: set) else { return nil }
        // The sum one level up is a name `base` starts with; the table's total otherwise.
        var candidates: [String] = []
        var prefix = Substring(base)
        while let dot = prefix.lastIndex(of: "."), prefix.distance(from: prefix.startIndex, to: dot) > table.count {
            prefix = prefix[..<dot]
            candidates.append(String(prefix))
        }
        candidates.append("\(table).\(FigureWord.total)")
        for candidate in candidates where candidate != part {
            guard let (whole, wholeValue) = Self.sum(candidate, in: set), Rational(partValue, wholeValue) == share else { continue }
            self.part = part
            self.partValue = partValue
            self.whole = whole
            self.wholeValue = wholeValue
            return
        }
        return nil
    }

    private static func sum(_ name: String, in set: FigureSet) -> (String, Int)? {
        guard let value = set[name]?.value.number, value.isWhole else { return nil }
        return (name, value.numerator)
    }
}
