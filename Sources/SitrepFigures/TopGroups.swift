import SitrepContent

/// The top N groups of one table column (`T.d.top1` to `T.d.top10`), each with its sum, its
/// share, and the rest as "other": seven figures per N, a third of a table's figures. They are
/// kept as the column's values and sums in rank order, and a figure is made only when it is
/// named or listed: building them all as named figures cost about 0.6 M instructions a report
/// (callgrind, bench project), for the few that a report prints.
struct TopGroups: Sendable {
    /// What a top N figure is of its group: the members, in the order they are listed.
    enum Member: CaseIterable {
        case list, total, share, other, otherShare, otherCount, otherList

        /// What the member adds to `C.topN`.
        var suffix: StaticString {
            switch self {
            case .list: ""
            case .total: ".total"
            case .share: ".share"
            case .other: ".other"
            case .otherShare: ".other.share"
            case .otherCount: ".other.count"
            case .otherList: ".other.list"
            }
        }

        var isShare: Bool { self == .share || self == .otherShare }
    }

    /// `T.d`: the name the figures start with.
    let column: String
    /// The column's values, largest sum first.
    let keys: [String]
    /// `topTotals[n - 1]`: the sum of the n largest groups.
    let topTotals: [Int]
    /// The table's total.
    let total: Int
    /// The table's file and name, for the figures' origin.
    let file: String
    let table: String

    /// `ranked` are the column's groups, largest first; `keys` their values, in that order.
    init(column: String, ranked: [Aggregation.Group], keys: [String], total: Int, file: String, table: String) {
        self.column = column
        self.keys = keys
        var running = 0
        topTotals = ranked.prefix(Self.largestN(groups: ranked.count)).map { group in
            running += group.total
            return running
        }
        self.total = total
        self.file = file
        self.table = table
    }

    /// The largest N with a top N figure of `groups` groups: up to ``FigureWord/maximumTop``,
    /// and always leaving at least one group as "other".
    static func largestN(groups: Int) -> Int { max(0, min(FigureWord.maximumTop, groups - 1)) }

    /// The largest N of these groups.
    var largestN: Int { topTotals.count }

    /// The value of `C.topN` + `member`; nil for a share of a total of 0.
    func value(_ n: Int, _ member: Member) -> FigureValue? {
        let topTotal = topTotals[n - 1]
        switch member {
        case .list: return .list(Array(keys[..<n]))
        case .total: return .number(Rational(topTotal))
        case .share: return Rational(topTotal, total).map(FigureValue.number)
        case .other: return .number(Rational(total - topTotal))
        case .otherShare: return Rational(total - topTotal, total).map(FigureValue.number)
        case .otherCount: return .number(Rational(keys.count - n))
        case .otherList: return .list(Array(keys[n...]))
        }
    }

    /// Where the items of a list member are in `keys`, for listing them without copying them.
    func items(_ n: Int, _ member: Member) -> Range<Int>? {
        switch member {
        case .list: 0..<n
        case .otherList: n..<keys.count
        default: nil
        }
    }

    /// The figure `C.topN` + `member`, as a named figure; `name` is its name when the caller has it spelt.
    func figure(_ n: Int, _ member: Member, named name: String? = nil) -> Figure? {
        value(n, member).map { Figure(name: name ?? self.name(n, member), value: $0, origin: .table(file), table: table) }
    }

    /// The spelt name of `C.topN` + `member`.
    func name(_ n: Int, _ member: Member) -> String {
        "\(column).\(FigureName.top(n))\(member.suffix)"
    }

    /// Calls `body` with every figure of these groups that has a value, in listing order: a
    /// share of a total of 0 has none (see `unavailableReason`).
    func forEach(_ body: (_ n: Int, _ member: Member) -> Void) {
        guard largestN > 0 else { return }
        for n in 1...largestN {
            for member in Member.allCases where !member.isShare || value(n, member) != nil { body(n, member) }
        }
    }

    /// Why `C.topN` + `member` has no value, if it has none.
    func unavailableReason(_ n: Int, _ member: Member) -> String? {
        member.isShare && value(n, member) == nil ? "the total it would be a share of is 0" : nil
    }

    /// Calls `body` with every figure of these groups that has no value, and why.
    func forEachUnavailable(_ body: (_ n: Int, _ member: Member, _ reason: String) -> Void) {
        guard largestN > 0 else { return }
        for n in 1...largestN {
            for member in Member.allCases {
                if let reason = unavailableReason(n, member) { body(n, member, reason) }
            }
        }
    }

    /// How many figures `forEach` gives.
    var count: Int {
        var count = 0
        forEach { _, _ in count += 1 }
        return count
    }

    /// The N and member of a name that starts with `column` followed by `rest` (`.top3.other`),
    /// if it names one of these figures, whether or not it has a value.
    func locate(_ rest: Substring.UTF8View) -> (n: Int, member: Member)? {
        var bytes = rest[...]
        for byte in ".top".utf8 {
            guard bytes.first == byte else { return nil }
            bytes = bytes.dropFirst()
        }
        var n = 0
        var digits = 0
        while let byte = bytes.first, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), digits < 3 {
            n = n * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
            bytes = bytes.dropFirst()
        }
        // `top03` is not `top3`: the names are spelt without leading zeros.
        guard digits > 0, n >= 1, n <= largestN, String(n).utf8.count == digits else { return nil }
        for member in Member.allCases {
            let matches = member.suffix.withUTF8Buffer { suffix in bytes.elementsEqual(suffix) }
            if matches { return (n, member) }
        }
        return nil
    }
}
