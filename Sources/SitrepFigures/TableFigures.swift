import SitrepContent
import SitrepDiagnostics

/// The figures derived from one table with no configuration: total; per value of each dimension
/// its sum, share and rank; per pair of dimensions the sums and shares of the parent; the number
/// of values, their list, and the top N with the rest as "other".
enum TableFigures {
    static func add(_ table: Table, measure: Measure, to set: inout FigureSet) throws(DiagnosticError) {
        var adder = Adder(table: table, measure: measure)
        let total = try Aggregation.total(of: table)
        try adder.add(&set, FigureName.dotted(table.name, FigureWord.total.rawValue), .number(Rational(total)), additive: true)

        let byDimension = try table.dimensions.indices.map { index throws(DiagnosticError) in try Aggregation(table, by: index) }
        for (index, dimension) in table.dimensions.enumerated() {
            let prefix = FigureName.dotted(table.name, dimension)
            let aggregation = byDimension[index]
            let rankedPositions = aggregation.rankedPositions
            let ranked = rankedPositions.map { aggregation.groups[$0] }
            var ranks = [Int](repeating: 0, count: ranked.count)
            for (rank, position) in rankedPositions.enumerated() { ranks[position] = rank + 1 }
            for (position, group) in aggregation.groups.enumerated() {
                let name = FigureName.dotted(prefix, group.keys[0])
                try adder.add(&set, name, .number(Rational(group.total)), additive: true)
                try adder.addShare(&set, FigureName.dotted(name, FigureWord.share.rawValue), group.total, of: total, tracked: true)
                try adder.add(&set, FigureName.dotted(name, FigureWord.rank.rawValue), .number(Rational(ranks[position])), tracked: true)
            }
            try adder.add(&set, FigureName.dotted(prefix, FigureWord.count.rawValue), .number(Rational(ranked.count)))
            let rankedKeys = ranked.map { $0.keys[0] }
            try adder.add(&set, FigureName.dotted(prefix, FigureWord.list.rawValue), .list(rankedKeys))
            try addTop(ranked, keys: rankedKeys, prefix: prefix, total: total, adder: &adder, to: &set)
        }

        for first in table.dimensions.indices {
            let parentTotals = Dictionary(uniqueKeysWithValues: byDimension[first].groups.map { ($0.keys[0], $0.total) })
            for second in table.dimensions.indices where second > first {
                for group in try Aggregation(table, pairing: byDimension[first], with: byDimension[second]).groups {
                    let name = FigureName.dotted(FigureName.dotted(table.name, table.dimensions[first], group.keys[0]),
                                                 table.dimensions[second], group.keys[1])
                    try adder.add(&set, name, .number(Rational(group.total)), additive: true)
                    try adder.addShare(&set, FigureName.dotted(name, FigureWord.share.rawValue), group.total, of: parentTotals[group.keys[0]]!, tracked: true)
                }
            }
        }
    }

    /// `keys` are the groups' values, in `ranked` order: each top N and its rest are slices of them.
    private static func addTop(_ ranked: [Aggregation.Group], keys: [String], prefix: String, total: Int,
                               adder: inout Adder, to set: inout FigureSet) throws(DiagnosticError) {
        guard ranked.count > 1 else { return }
        var topTotal = 0
        for n in 1...min(FigureWord.maximumTop, ranked.count - 1) {
            topTotal += ranked[n - 1].total
            let restTotal = total - topTotal
            let name = FigureName.dotted(prefix, FigureName.top(n))
            try adder.add(&set, name, .list(Array(keys[..<n])))
            try adder.add(&set, FigureName.dotted(name, FigureWord.total.rawValue), .number(Rational(topTotal)))
            try adder.addShare(&set, FigureName.dotted(name, FigureWord.share.rawValue), topTotal, of: total)
            let other = FigureName.dotted(name, FigureWord.other.rawValue)
            try adder.add(&set, other, .number(Rational(restTotal)))
            try adder.addShare(&set, FigureName.dotted(other, FigureWord.share.rawValue), restTotal, of: total)
            try adder.add(&set, FigureName.dotted(other, FigureWord.count.rawValue), .number(Rational(ranked.count - n)))
            try adder.add(&set, FigureName.dotted(other, FigureWord.list.rawValue), .list(Array(keys[n...])))
        }
    }

    /// Adds figures and reports a name clash (a value named like a derived figure) clearly.
    private struct Adder {
        let table: Table
        let measure: Measure

        /// Adds `part / whole`, or records why there is no share when `whole` is 0.
        func addShare(_ set: inout FigureSet, _ name: String, _ part: Int, of whole: Int, tracked: Bool = false) throws(DiagnosticError) {
            if let share = Rational(part, whole) {
                try add(&set, name, .number(share), tracked: tracked)
            } else {
                set.markUnavailable(name, because: "the total it would be a share of is 0")
            }
        }

        func add(_ set: inout FigureSet, _ name: String, _ value: FigureValue, additive: Bool = false,
                 tracked: Bool = false) throws(DiagnosticError) {
            guard set.add(name, value, origin: .table(table.file), measure: additive ? measure : nil, table: table.name,
                          tracksChange: additive || tracked) != nil else { return }
            let derived = name.split(separator: ".").last.map(String.init) ?? name
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: table.file),
                "two figures of this table would both be called '\(name)'",
                hint: "a value in the table is named like a derived figure ('\(derived)'); rename that value, e.g. '\(derived.capitalized)' or '\(derived) (other)'"))
        }
    }
}
