import SitrepDiagnostics

/// How a table's rows are named in messages about a row or the table as a whole, once the
/// table is read (``Table/location(of:)``, ``Table/headerLocation``): by line in a text file, by
/// sheet and row in a workbook.
public enum TableRowPlaces: Sendable, Hashable {
    /// `arrivals.csv:7`.
    case lines
    /// `arrivals.xlsx: sheet 'Arrivals', row 7`.
    case sheetRows(sheet: String)

    /// The location of row `position` (a line or a row number) of `file`.
    func location(file: String, position: Int) -> SourceLocation {
        switch self {
        case .lines: return SourceLocation(file: file, line: position)
        case .sheetRows: return SourceLocation(file: file, place: place(ofRow: position))
        }
    }

    /// `sheet 'Arrivals', row 7`; `line 7` for lines.
    func place(ofRow position: Int) -> String {
        switch self {
        case .lines: return "line \(position)"
        case .sheetRows(let sheet): return "sheet '\(sheet)', row \(position)"
        }
    }
}

extension TableSource {
    /// Lines, unless the reader says otherwise.
    public var rowPlaces: TableRowPlaces { .lines }
}
