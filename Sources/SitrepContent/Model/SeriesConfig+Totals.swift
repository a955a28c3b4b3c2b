import SitrepDiagnostics

extension SeriesConfig {
    /// The labels of totals rows in `table`: the defaults, the series' `totals:` and the table's.
    public func totalsWords(for table: String) -> TotalsWords {
        declaration(for: table).totals
    }

    /// The words of a `totals:` entry: one word, or a list of them.
    static func totalsWords(_ node: YAMLNode?) throws(DiagnosticError) -> [String] {
        guard let node else { return [] }
        let items: [YAMLNode]
        switch node.kind {
        case .scalar: items = node.isNull ? [] : [node]
        case .sequence(let list): items = list
        case .mapping:
            throw DiagnosticError(Diagnostic(at: node.location, "totals must be a word or a list of words",
                                             hint: "e.g. `totals: [Sum, All regions]`: the labels of rows that add up the others"))
        }
        var words: [String] = []
        for item in items {
            let word = try item.text("a totals word")
            guard !word.trimmingSpaces().isEmpty else {
                throw DiagnosticError(Diagnostic(at: item.location, "a totals word is empty",
                                                 hint: "write the label of the rows that add up the others, e.g. `Sum`"))
            }
            words.append(word)
        }
        return words
    }
}
