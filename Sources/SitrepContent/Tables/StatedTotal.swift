import SitrepDiagnostics

extension Table {
    /// A totals row of the file (`Total,228`; `Iraq,Total,,398`): not data, but a sum the file
    /// states, which `SitrepFigures` checks against the rows it adds up.
    ///
    /// A cell holding a totals word (``TotalsWords``) or left empty in a totals row stands for
    /// every value of its column; the other cells pick the rows counted. `Total,,` states the
    /// table's total; `Iraq,Total,` the total of the rows for Iraq; `Total,female,` that of the
    /// rows for women, whatever their country.
    public struct StatedTotal: Sendable, Equatable {
        /// Per dimension, in ``Table/dimensions`` order: the value the counted rows have, or nil
        /// for every value.
        public var keys: [String?]
        /// The total the row states.
        public var value: Int
        /// The totals word as written: `Total`, `Итого`.
        public var label: String
        /// Where the stated value is, and the line to quote under a message.
        public var cell: CellLocation

        public init(keys: [String?], value: Int, label: String, cell: CellLocation) {
            self.keys = keys
            self.value = value
            self.label = label
            self.cell = cell
        }

        /// True when `row` is one of the rows this total adds up.
        public func counts(_ row: Row) -> Bool {
            for (index, key) in keys.enumerated() where key != nil && row.keys[index] != key { return false }
            return true
        }
    }
}
