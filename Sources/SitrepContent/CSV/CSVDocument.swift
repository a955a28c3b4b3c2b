import SitrepDiagnostics

/// A CSV file as read by ``CSVReader``: the header and the records below it, kept as one list of
/// values, each the place of its text in the file (``CSVField``), so that a table of a million
/// rows costs a few arrays rather than two small ones per row, and a value is made a string only
/// when a table reads it. Lines and columns are worked out from the offsets when a message needs
/// them (``location(ofRow:column:)``).
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
    let values: [CSVField]
    /// The quoted values that hold a doubled quote, unescaped (``CSVField/escaped``).
    let escapedTexts: [String]
    /// The 1-based line where each record starts.
    let recordLines: [Int]
    /// The offset in ``source`` where each line starts (CR LF, LF or a lone CR end a line).
    let lineStarts: [Int]

    init(file: String, header: [String], delimiter: UInt8, headerLine: Int, source: [UInt8],
         values: [CSVField], escapedTexts: [String], recordLines: [Int], lineStarts: [Int]) {
        self.file = file
        self.header = header
        self.delimiter = delimiter
        self.headerLine = headerLine
        self.source = source
        self.values = values
        self.escapedTexts = escapedTexts
        self.recordLines = recordLines
        self.lineStarts = lineStarts
    }

    /// The records, each with its line and the column of each value: a view for inspecting
    /// what was read (tests, the fuzzer); a table reads the values through ``TableSource``.
    public var records: [CSVRecord] {
        (0..<rowCount).map { row in
            let columns = header.indices.map { valueColumn(values[row * header.count + $0].offset) }
            return CSVRecord(fields: header.indices.map { cell(row: row, column: $0) }, line: recordLines[row], columns: columns)
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

    public func cell(row: Int, column: Int) -> String { text(of: values[row * header.count + column]) }

    /// The text itself when it is a key already (the usual case), without reading it twice.
    public func key(row: Int, column: Int) -> String {
        let field = values[row * header.count + column]
        let text = source[field.textStart..<field.textEnd]
        guard field.escaped < 0, CSVValueText.isNormalisedKey(text) else { return CSVValueText.normalisedKey(self.text(of: field)) }
        return String(decoding: text, as: UTF8.self)
    }

    /// Read from the bytes of the cell, without making its text.
    public func plainCount(row: Int, column: Int) -> Int? {
        let field = values[row * header.count + column]
        return field.escaped < 0 ? TableCount.plainValue(source[field.textStart..<field.textEnd]) : nil
    }

    public func position(ofRow row: Int) -> Int { recordLines[row] }

    public var headerPosition: Int { headerLine }

    public func describe(row: Int) -> String { "line \(recordLines[row])" }

    public func location(ofRow row: Int?, column: Int?) -> CellLocation {
        let line: Int
        let characterColumn: Int
        if let row, let column {
            let offset = values[row * header.count + column].offset
            line = self.line(containing: offset)
            characterColumn = valueColumn(offset)
        } else {
            line = row.map { recordLines[$0] } ?? headerLine
            characterColumn = row == nil ? column.map(headerColumn(of:)) ?? 1 : 1
        }
        return CellLocation(SourceLocation(file: file, line: line, column: characterColumn), sourceLine: sourceLine(line))
    }

    // MARK: Lines and columns

    private func text(of field: CSVField) -> String {
        field.escaped >= 0 ? escapedTexts[field.escaped] : String(decoding: source[field.textStart..<field.textEnd], as: UTF8.self)
    }

    /// The 1-based line holding the byte at `offset`.
    private func line(containing offset: Int) -> Int {
        Self.line(containing: offset, lineStarts: lineStarts)
    }

    /// The 1-based line holding the byte at `offset`, given where each line starts.
    static func line(containing offset: Int, lineStarts: [Int]) -> Int {
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

/// Where one value of a CSV file is in its text. Values stay places in the text until a table
/// reads them: a `String` made for every value as it was read cost 0.3 M instructions a report.
struct CSVField {
    /// Where the value starts, for messages: its first byte that is not a space or tab (the
    /// opening quote of a quoted value), or, for a blank value, the byte right after the
    /// delimiter before it.
    var offset: Int
    /// The value's text, `textStart..<textEnd` of the source: trimmed of blanks, or inside the quotes.
    var textStart: Int
    var textEnd: Int
    /// For a quoted value with a doubled quote (`""`) in it, the position of its unescaped text
    /// in ``CSVDocument/escapedTexts``; -1 for the others, whose text is the range.
    var escaped = -1

    var isEmpty: Bool { textStart == textEnd && escaped < 0 }
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
