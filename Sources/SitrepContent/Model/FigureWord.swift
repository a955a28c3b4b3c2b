/// The words sitrep appends to a name to make the name of a figure it derives: `arrivals.total`,
/// `arrivals.nationality.count`, `arrivals.nationality.Ukraine.share`, `arrivals.total.previous`.
/// The figures are named with these cases, so this is the one list of them.
///
/// A dimension column or value named with one of the ``reserved`` words would make a figure name
/// that means two things (a region called `count` and the number of regions are both
/// `assessments.region.count`), so a table may not use them as names.
public enum FigureWord: String, CaseIterable, Sendable, CustomStringConvertible {
    /// After a table's name: the sum of its values (`T.total`); after a top N group: its sum.
    case total
    /// After a column: how many distinct values it has.
    case count
    /// After a column: its values, largest first.
    case list
    /// After a column, with a number: the N largest values (`T.d.top3`); see ``top(_:)``.
    case top
    /// After a top N group: the sum of the values outside it.
    case other
    /// After a sum: its share of the sum one level up.
    case share
    /// After a value's sum: its rank, 1 = largest.
    case rank
    /// After a number: its value in the previous report.
    case previous
    /// After a number: the difference from the previous report; `change.relative` as a fraction.
    case change
    /// After `change`: the change as a fraction of the previous value.
    case relative
    /// After a count reported per period: its running total.
    case cumulative
    /// After a count reported cumulatively: what happened in the period.
    case period

    /// The largest N of the top N figures (`top1` to `top10`).
    public static let maximumTop = 10

    public var description: String { rawValue }

    /// The name of the top `n` group: `top3`.
    public static func top(_ n: Int) -> String { "\(FigureWord.top)\(n)" }

    /// The words a dimension column or value may not be called, since they can follow a table's
    /// name, a column or a value in a figure name: `total`, `count`, `list`, `top1` to `top10`,
    /// `share`, `rank`, `previous`, `change`, `cumulative`, `period`. `other` and `relative` are
    /// left out: they only ever follow another of these words (`top2.other`, `change.relative`),
    /// so a value called `other` makes no name that means two things.
    public static let reserved: Set<String> = {
        let onlyAfterReserved: Set<FigureWord> = [.other, .relative, .top]
        var words = Set(allCases.filter { !onlyAfterReserved.contains($0) }.map(\.rawValue))
        for n in 1...maximumTop { words.insert(top(n)) }
        return words
    }()

    /// For each byte, whether a reserved word starts with it.
    private static let reservedFirstBytes: [Bool] = (0...255).map { byte in reserved.contains { $0.utf8.first == UInt8(byte) } }

    /// The reserved words by their length in bytes: a name is compared with the few of its
    /// length rather than hashed into ``reserved``. They are ASCII letters and digits, which no
    /// other spelling is canonically equivalent to, so a name that is one has its length.
    private static let reservedByLength: [[String]] = (0...10).map { length in reserved.filter { $0.utf8.count == length }.sorted() }

    /// The reserved words in the order of ``allCases``, for messages.
    public static let reservedForMessages: String = allCases.compactMap { word in
        switch word {
        case .top: "top1 to top\(maximumTop)"
        case .other, .relative: nil
        default: word.rawValue
        }
    }.joined(separator: ", ")

    /// The reserved word in `name`: `name` itself, or one of its parts between dots
    /// (`North.share`); nil when there is none.
    public static func reservedWord(in name: String) -> String? {
        guard name.withBorrowedUTF8({ $0.contains(UInt8(ascii: ".")) }) else {
            // Every reserved word is 4 to 10 lowercase ASCII letters and digits, and starts with one
            // of a few letters: most names are turned away by their length and first byte.
            guard (4...10).contains(name.utf8.count), let first = name.utf8.first, reservedFirstBytes[Int(first)] else { return nil }
            return reservedByLength[name.utf8.count].contains(name) ? name : nil
        }
        return name.split(separator: ".", omittingEmptySubsequences: false).lazy.map(String.init).first(where: reserved.contains)
    }
}
