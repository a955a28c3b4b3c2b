import SitrepContent
import SitrepDiagnostics
import SitrepFigures

/// A table's rows grouped by one dimension, crossed with a second when there is one, in the
/// order asked for, with the groups past the first `top` summed as one "Other": what a table
/// block prints as its rows and a bar chart draws as its bars.
struct RowGroups {
    /// The groups of the rows' dimension, in the order of the file.
    let groups: [Aggregation.Group]
    /// The values of the crossing dimension, in the order of the file; none without one.
    let columnKeys: [String]
    /// `cells[group][column]`: the sums of the rows in both, by position.
    let cells: [[Int]]
    /// The positions of the groups shown one by one, in order.
    let shown: [Int]
    /// The positions of the groups summed as "Other"; none when all are shown.
    let rest: [Int]

    /// Groups `data` by the dimension at `rows`, crossed with the one at `columns`; `order` puts
    /// the groups in the order shown. With `top`, the groups past the first `top` are the rest,
    /// unless that would be a single one (a row "Other (1)" says no more than the row itself).
    init(_ data: Table, rows: Int, columns: Int?, top: Int?, order: (Aggregation) -> [Int]) throws(DiagnosticError) {
        let rowAggregation = try Aggregation(data, by: rows)
        let columnAggregation = try columns.map { index throws(DiagnosticError) in try Aggregation(data, by: index) }
        groups = rowAggregation.groups
        columnKeys = columnAggregation?.groups.map(\.key) ?? []
        cells = try columnAggregation.map { columns throws(DiagnosticError) in try rowAggregation.crossTotals(with: columns, in: data) }
            ?? Array(repeating: [], count: rowAggregation.groups.count)
        let ordered = order(rowAggregation)
        if let top, ordered.count > top + 1 {
            shown = Array(ordered.prefix(top))
            rest = Array(ordered.dropFirst(top))
        } else {
            (shown, rest) = (ordered, [])
        }
    }

    /// The label of the rest: "Other (12)" in the report's language.
    func restLabel(_ style: LocaleStyle) -> String { "\(style.otherLabel) (\(rest.count))" }

    /// The sum of the rest's groups. Counts are never negative, so no sum of some of them
    /// exceeds the table's total, which did not overflow.
    var restTotal: Int { rest.reduce(0) { $0 + groups[$1].total } }

    /// The column-wise sums of the groups at `positions` (as for `restTotal`, no overflow).
    func columnSums(_ positions: [Int]) -> [Int] {
        positions.reduce(into: Array(repeating: 0, count: columnKeys.count)) { sums, position in
            for column in sums.indices { sums[column] += cells[position][column] }
        }
    }
}
