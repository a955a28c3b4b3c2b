/// The checks on the names a table gives its figures: a dimension column or value may not be
/// called like a figure sitrep derives (see ``FigureWord/reserved``). A row labelled `Total`
/// (one of the ``totals`` words) is a totals row, not data. ``Table/init(name:source:valueColumn:totals:)``
/// reports what these find at the header or the cell.
struct TableNames {
    /// A problem with one name: what is wrong and how to fix it.
    struct Problem: Equatable {
        var message: String
        var hint: String
    }

    /// The table's name, for the figure names in messages.
    let table: String
    /// The labels of totals rows.
    let totals: TotalsWords

    /// The problem with the dimension column called `column`, if any.
    func problem(withColumn column: String) -> Problem? {
        guard let word = FigureWord.reservedWord(in: column) else { return nil }
        return Problem(
            message: "the column '\(column)' is named with \(Self.describe(word, in: column)) sitrep keeps for the names of "
                + "derived figures, so a name such as '\(table).\(column).…' could mean a value of this column or a derived figure",
            hint: Self.renameHint("column", column, word: word))
    }

    /// The problem with the value `key` of the dimension `column`, if any. `column` is read
    /// only for a problem: copying the name for every cell of a table cost 1 M instructions in
    /// a 100-report build.
    func problem(withValue key: String, inColumn column: @autoclosure () -> String) -> Problem? {
        let column = column()
        guard let word = FigureWord.reservedWord(in: key) else { return nil }
        return Problem(
            message: "the value '\(key)' in column '\(column)' is named with \(Self.describe(word, in: key)) sitrep keeps for the names of "
                + "derived figures, so '\(table).\(column).\(key)' could mean this value or a derived figure",
            hint: Self.renameHint("value", key, word: word))
    }

    /// "a word", or "'.share', a word" for a word after a dot.
    private static func describe(_ word: String, in name: String) -> String {
        name == word ? "a word" : "'.\(word)', a word"
    }

    private static func renameHint(_ kind: String, _ name: String, word: String) -> String {
        "rename the \(kind) in the data, e.g. '\(renamed(name, word: word))' (names are case-sensitive); "
            + "the words kept for derived figures are \(FigureWord.reservedForMessages)"
    }

    /// A name without the reserved word: capitalised when it is the word itself, otherwise the
    /// dot before the word replaced by a space.
    private static func renamed(_ name: String, word: String) -> String {
        if name == word { return word.prefix(1).uppercased() + word.dropFirst() }
        return name.split(separator: ".", omittingEmptySubsequences: false).joined(separator: " ")
    }
}

extension String {
    /// The text without the spaces and tabs around it.
    func trimmingSpaces() -> Substring {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return slice
    }
}
