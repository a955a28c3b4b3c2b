import SitrepDiagnostics

/// A CSV file as read by ``CSVReader``: the header and the records below it, kept as one list of
/// values and the byte offset where each starts, so that a table of a million rows costs a few
/// arrays rather than two small ones per row. Lines and columns are worked out from the offsets
/// when a message needs them (``location(ofRow:column:)``).
public struct CSVDocument: TableSource {
    /// The display path of the file, for diagnostics.
    public let file: String
    /// The column names from the first line that is not blank, trimmed of spaces and tabs
    /// unless quoted. Never empty, never with an empty or repeated name.
    public let header: [String]
    /// The delimiter found on the header line: `,` (0x2C) or `;` (0x3B).
    public let delimiter: UInt8
    /// The 1-based line of the header (line 1 unless blank lines come before it).
    public let headerLine: Int
    /// The UTF-8 text the document was read from, without byte order mark, kept so that
    /// messages can quote a line (see ``sourceLine(_:)``).
    public let source: [UInt8]
    /// The values of the records, record after record, `header.count` to a record: trimmed of
    /// spaces and tabs unless quoted; quoted values as written (with `""` read as `"`), line
    /// breaks included.
    let values: [String]
    /// For each value, the offset in ``source`` where it starts: its first byte that is not a
    /// space or tab (the opening quote of a quoted value), or, for a blank value, the byte right
    /// after the delimiter before it.
    let valueOffsets: [Int]
    /// The 1-based line where each record starts.
    let recordLines: [Int]
    /// The offset in ``source`` where each line starts (CR LF, LF or a lone CR end a line).
    let lineStarts: [Int]

    init(file: String, header: [String], delimiter: UInt8, headerLine: Int, source: [UInt8],
         values: [String], valueOffsets: [Int], recordLines: [Int], lineStarts: [Int]) {
        self.file = file
        self.header = header
        self.delimiter = delimiter
        self.headerLine = headerLine
        self.source = source
        self.values = values
        self.valueOffsets = valueOffsets
        self.recordLines = recordLines
        self.lineStarts = lineStarts
    }

    /// The records, each with its line and the column of each value: a view for inspecting
    /// what was read (tests, the fuzzer); a table reads the values through ``TableSource``.
    public var records: [CSVRecord] {
        (0..<rowCount).map { row in
            let columns = header.indices.map { valueColumn(valueOffsets[row * header.count + $0]) }
            return CSVRecord(fields: Array(values[row * header.count..<(row + 1) * header.count]),
                             line: recordLines[row], columns: columns)
        }
    }

    /// The text of the 1-based physical `line` of ``source``, without its line end; nil when
    /// the line is not in the source.
    public func sourceLine(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count, !source.isEmpty else { return nil }
        let start = lineStarts[line - 1]
        var end = start
        while end < source.count && source[end] != 0x0D && source[end] != 0x0A { end += 1 }
        return String(decoding: source[start..<end], as: UTF8.self)
    }

    // MARK: TableSource

    public var rowCount: Int { recordLines.count }

    public func cell(row: Int, column: Int) -> String { values[row * header.count + column] }

    public func position(ofRow row: Int) -> Int { recordLines[row] }

    public var headerPosition: Int { headerLine }

    public func describe(row: Int) -> String { "line \(recordLines[row])" }

    public func location(ofRow row: Int?, column: Int?) -> CellLocation {
        let line: Int
        let characterColumn: Int
        if let row, let column {
            let offset = valueOffsets[row * header.count + column]
            line = self.line(containing: offset)
            characterColumn = valueColumn(offset)
        } else {
            line = row.map { recordLines[$0] } ?? headerLine
            characterColumn = row == nil ? column.map(headerColumn(of:)) ?? 1 : 1
        }
        return CellLocation(SourceLocation(file: file, line: line, column: characterColumn), sourceLine: sourceLine(line))
    }

    // MARK: Lines and columns

    /// The 1-based line holding the byte at `offset`.
    private func line(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// The 1-based column, in characters (as `String.count`), of the byte at `offset`.
    private func valueColumn(_ offset: Int) -> Int {
        let start = lineStarts[line(containing: offset) - 1]
        return String(decoding: source[start..<offset], as: UTF8.self).count + 1
    }

    /// The 1-based character column where field `position` of the header line starts; 1 when
    /// the header is not on one line of the source (a quoted line break in a name).
    private func headerColumn(of position: Int) -> Int {
        guard let text = sourceLine(headerLine) else { return 1 }
        let delimiter = Character(Unicode.Scalar(delimiter))
        var field = 0
        var quoted = false
        for (offset, character) in text.enumerated() {
            if field == position { return offset + 1 }
            if character == "\"" { quoted.toggle() } else if character == delimiter, !quoted { field += 1 }
        }
        return 1
    }
}

/// One record (row) of a CSV file, as ``CSVDocument/records`` shows it.
public struct CSVRecord: Sendable, Equatable {
    /// The values, trimmed of spaces and tabs unless quoted; quoted values are kept as written
    /// (with `""` read as `"`), line breaks included.
    public var fields: [String]
    /// The 1-based line where the record starts.
    public var line: Int
    /// For each field, the 1-based column (in characters, not bytes) where it starts: its
    /// first character that is not a space or tab (the opening quote of a quoted field), or,
    /// for a blank field, the position right after the delimiter before it; on the line where
    /// the field starts, which is a later one than ``line`` after a quoted line break.
    public var columns: [Int]

    /// A record built in code.
    public init(fields: [String], line: Int, columns: [Int]) {
        self.fields = fields
        self.line = line
        self.columns = columns
    }
}
