import SitrepContent
import SitrepDiagnostics

/// Sums of a table's values grouped by some of its dimensions.
public struct Aggregation: Sendable {
    /// One group: the value of the grouping dimension, and the sum of its rows.
    public struct Group: Sendable, Hashable {
        public var key: String
        public var total: Int
    }

    /// One group of two aggregations paired (``pairs(of:_:_:)``): the positions of its values in
    /// their `groups`, and the sum of its rows. Positions, not values: no array of values a pair.
    public struct Pair: Sendable, Hashable {
        public var first: Int
        public var second: Int
        public var total: Int
    }

    /// Groups in order of first appearance in the file.
    public private(set) var groups: [Group]
    /// For each row of the table, the position of its group in `groups`.
    private var groupOfRow: [Int] = []

    /// Groups `table` by the dimension at `dimensionIndex`.
    public init(_ table: Table, by dimensionIndex: Int) throws(DiagnosticError) {
        if let numbers = table.valueNumbers(ofDimension: dimensionIndex) {
            (groups, groupOfRow) = try Self.groups(of: table, by: dimensionIndex, numbers: numbers)
            return
        }
        var index: [String: Int] = [:]
        index.reserveCapacity(min(table.rows.count, 64))
        var groups: [Group] = []
        var groupOfRow: [Int] = []
        groupOfRow.reserveCapacity(table.rows.count)
        for row in table.rows {
            let key = row.keys[dimensionIndex]
            // Rows of one value often come together (a CSV sorted by its first column):
            // comparing with the last row's value costs a fraction of hashing it.
            if let last = groupOfRow.last, groups[last].key == key {
                let (sum, overflow) = groups[last].total.addingReportingOverflow(row.value)
                if overflow { throw Aggregation.overflow(table, row: row) }
                groups[last].total = sum
                groupOfRow.append(last)
            } else if let position = index[key] {
                let (sum, overflow) = groups[position].total.addingReportingOverflow(row.value)
                if overflow { throw Aggregation.overflow(table, row: row) }
                groups[position].total = sum
                groupOfRow.append(position)
            } else {
                index[key] = groups.count
                groupOfRow.append(groups.count)
                groups.append(Group(key: key, total: row.value))
            }
        }
        self.groups = groups
        self.groupOfRow = groupOfRow
    }

    /// Groups `table` by the dimension at `dimensionIndex`, whose values the table has numbered:
    /// the group of a number is found in an array, where a value's would be found by its hash.
    private static func groups(of table: Table, by dimensionIndex: Int,
                               numbers: Table.ValueNumbers) throws(DiagnosticError) -> ([Group], groupOfRow: [Int]) {
        var groupOfNumber = [Int](repeating: -1, count: numbers.count)
        var groups: [Group] = []
        // As many groups as the column has values: known, so the array never grows.
        groups.reserveCapacity(numbers.count)
        var groupOfRow: [Int] = []
        groupOfRow.reserveCapacity(table.rows.count)
        for (row, number) in zip(table.rows, numbers.ofRow) {
            let position = groupOfNumber[number]
            if position >= 0 {
                let (sum, overflow) = groups[position].total.addingReportingOverflow(row.value)
                if overflow { throw Aggregation.overflow(table, row: row) }
                groups[position].total = sum
                groupOfRow.append(position)
            } else {
                groupOfNumber[number] = groups.count
                groupOfRow.append(groups.count)
                groups.append(Group(key: row.keys[dimensionIndex], total: row.value))
            }
        }
        return (groups, groupOfRow)
    }

    /// The groups of `table` by the dimensions of two one-dimension aggregations of it, in order
    /// of first appearance: the same groups as grouping by both dimensions, found by the rows'
    /// group positions instead of by their values.
    public static func pairs(of table: Table, _ first: Aggregation, _ second: Aggregation) throws(DiagnosticError) -> [Pair] {
        var index = PairIndex(pairs: first.groups.count * second.groups.count, rows: table.rows.count)
        var pairs: [Pair] = []
        pairs.reserveCapacity(min(first.groups.count * second.groups.count, table.rows.count))
        for (row, (firstGroup, secondGroup)) in zip(table.rows, zip(first.groupOfRow, second.groupOfRow)) {
            let key = firstGroup * second.groups.count + secondGroup
            if let position = index[key] {
                let (sum, overflow) = pairs[position].total.addingReportingOverflow(row.value)
                if overflow { throw Aggregation.overflow(table, row: row) }
                pairs[position].total = sum
            } else {
                index[key] = pairs.count
                pairs.append(Pair(first: firstGroup, second: secondGroup, total: row.value))
            }
        }
        return pairs
    }

    /// The sums of `table`'s rows by this aggregation's groups and `other`'s (both made from
    /// `table`): `totals[g][h]` adds the rows in group `g` here and `h` there, 0 where no row is in both.
    public func crossTotals(with other: Aggregation, in table: Table) throws(DiagnosticError) -> [[Int]] {
        var totals = Array(repeating: Array(repeating: 0, count: other.groups.count), count: groups.count)
        for (row, (group, otherGroup)) in zip(table.rows, zip(groupOfRow, other.groupOfRow)) {
            let (sum, overflow) = totals[group][otherGroup].addingReportingOverflow(row.value)
            if overflow { throw Aggregation.overflow(table, row: row) }
            totals[group][otherGroup] = sum
        }
        return totals
    }

    /// The sum of every row.
    public static func total(of table: Table) throws(DiagnosticError) -> Int {
        var total = 0
        for row in table.rows {
            let (sum, overflow) = total.addingReportingOverflow(row.value)
            if overflow { throw Aggregation.overflow(table, row: row) }
            total = sum
        }
        return total
    }

    /// Groups largest first; equal totals keep the order of the file, so that an officer can
    /// decide how ties are printed by ordering the rows.
    public var ranked: [Group] { rankedPositions.map { groups[$0] } }

    /// The positions in `groups` of the groups in `ranked` order.
    public var rankedPositions: [Int] {
        groups.indices.sorted { groups[$0].total != groups[$1].total ? groups[$0].total > groups[$1].total : $0 < $1 }
    }

    private static func overflow(_ table: Table, row: Table.Row) -> DiagnosticError {
        DiagnosticError(Diagnostic(at: table.location(of: row),
                                   "the values of this table add up to more than sitrep can count",
                                   hint: "check this value for extra digits"))
    }
}

/// The group of each pair of positions found so far: an array when there are few possible
/// pairs for the rows (the usual table: a few dozen values a column), a dictionary otherwise.
/// Hashing each row's pair cost several hundred instructions a row (callgrind), the array a few.
private struct PairIndex {
    private var small: [Int]
    private var large: [Int: Int] = [:]

    init(pairs: Int, rows: Int) {
        small = pairs <= 4 * rows + 1_024 ? Array(repeating: -1, count: pairs) : []
    }

    subscript(key: Int) -> Int? {
        get {
            if small.isEmpty { return large[key] }
            return small[key] >= 0 ? small[key] : nil
        }
        set {
            if small.isEmpty { large[key] = newValue } else { small[key] = newValue ?? -1 }
        }
    }
}
