import SitrepContent
import SitrepDiagnostics

/// The figures derived from one table with no configuration: total; per value of each dimension
/// its sum, share and rank; per pair of dimensions the sums and shares of the parent; the number
/// of values, their list, and the top N with the rest as "other" (kept as `TopGroups`).
enum TableFigures {
    /// `earlier`, the previous period's figures, lends the names that are spelt the same.
    static func add(_ table: Table, measure: Measure, to set: inout FigureSet, namesLike earlier: FigureSet? = nil) throws(DiagnosticError) {
        let adder = Adder(table: table, measure: measure)
        let total = try Aggregation.total(of: table)
        try adder.add(&set, FigureName.dotted(table.name, FigureWord.total.rawValue, reusing: earlier?.name(at: set.ownCount)),
                      .number(Rational(total)), additive: true)

        let byDimension = try table.dimensions.indices.map { index throws(DiagnosticError) in try Aggregation(table, by: index) }
        for (index, dimension) in table.dimensions.enumerated() {
            let prefix = FigureName.dotted(table.name, dimension)
            let aggregation = byDimension[index]
            let rankedPositions = aggregation.rankedPositions
            let ranked = rankedPositions.map { aggregation.groups[$0] }
            var ranks = [Int](repeating: 0, count: ranked.count)
            for (rank, position) in rankedPositions.enumerated() { ranks[position] = rank + 1 }
            for (position, group) in aggregation.groups.enumerated() {
                let name = FigureName.dotted(prefix, group.key, reusing: earlier?.name(at: set.ownCount))
                try adder.add(&set, name, .number(Rational(group.total)), additive: true, shareOf: total, rank: ranks[position])
            }
            try adder.add(&set, FigureName.dotted(prefix, FigureWord.count.rawValue, reusing: earlier?.name(at: set.ownCount)),
                          .number(Rational(ranked.count)))
            let rankedKeys = ranked.map(\.key)
            try adder.add(&set, FigureName.dotted(prefix, FigureWord.list.rawValue, reusing: earlier?.name(at: set.ownCount)), .list(rankedKeys))
            let top = TopGroups(column: prefix, ranked: ranked, keys: rankedKeys, total: total, file: table.file, table: table.name)
            // A value spelt like a top N figure (`top1`, `top2.other`) would share its name.
            if let clash = rankedKeys.first(where: { $0.utf8.starts(with: "top".utf8) && top.locate(".\($0)"[...].utf8) != nil }) {
                throw adder.clash(FigureName.dotted(prefix, clash))
            }
            set.addTopGroups(top)
        }

        for first in table.dimensions.indices {
            let parents = byDimension[first].groups
            for second in table.dimensions.indices where second > first {
                let children = byDimension[second].groups
                // `T.d.V`, spelt once for each value V of the first column.
                var parentNames = [String?](repeating: nil, count: parents.count)
                for pair in try Aggregation.pairs(of: table, byDimension[first], byDimension[second]) {
                    let parentName = parentNames[pair.first] ?? FigureName.dotted(table.name, table.dimensions[first], parents[pair.first].key)
                    parentNames[pair.first] = parentName
                    let name = FigureName.dotted(parentName, table.dimensions[second], children[pair.second].key,
                                                 reusing: earlier?.name(at: set.ownCount))
                    try adder.add(&set, name, .number(Rational(pair.total)), additive: true, shareOf: parents[pair.first].total)
                }
            }
        }
    }

    /// Adds figures and reports a name clash (a value named like a derived figure) clearly.
    private struct Adder {
        let table: Table
        let measure: Measure

        /// Adds a figure of the table; a sum with the share of `whole` and the `rank` it gives.
        func add(_ set: inout FigureSet, _ name: String, _ value: FigureValue, additive: Bool = false,
                 shareOf whole: Int? = nil, rank: Int = 0) throws(DiagnosticError) {
            guard let existing = set.add(name, value, origin: .table(table.file), measure: additive ? measure : nil, table: table.name,
                                         tracksChange: additive, shareOf: whole, rank: rank) else { return }
            // The name taken: this one's, or its share's or rank's (a value spelt like one).
            throw clash(existing.name)
        }

        /// The error for two figures of the table called `name`.
        func clash(_ name: String) -> DiagnosticError {
            let derived = name.split(separator: ".").last.map(String.init) ?? name
            return DiagnosticError(Diagnostic(
                at: SourceLocation(file: table.file),
                "two figures of this table would both be called '\(name)'",
                hint: "a value in the table is named like a derived figure ('\(derived)'); rename that value, e.g. '\(derived.capitalized)' or '\(derived) (other)'"))
        }
    }
}
