/// A CSV file as read by ``CSVReader``: the header and the records below it, each with the
/// line and columns where it was found, so that later stages can point at a value.
public struct CSVDocument: Sendable, Equatable {
    /// The column names from the first line that is not blank, trimmed of spaces and tabs
    /// unless quoted. Never empty, never with an empty or repeated name.
    public var header: [String]
    /// The records below the header, blank lines left out; each has exactly `header.count` fields.
    public var records: [CSVRecord]
    /// The delimiter found on the header line: `,` (0x2C) or `;` (0x3B).
    public var delimiter: UInt8
    /// The 1-based line of the header (line 1 unless blank lines come before it).
    public var headerLine: Int
    /// The UTF-8 text the document was read from, without byte order mark, kept so that
    /// later stages can quote a line in their diagnostics (see ``sourceLine(_:)``).
    /// Empty for a document built in code. Not part of equality.
    public var source: [UInt8]

    /// A document built in code; ``CSVReader/read(_:file:)`` makes them from files.
    public init(
        header: [String],
        records: [CSVRecord],
        delimiter: UInt8 = UInt8(ascii: ","),
        headerLine: Int = 1,
        source: [UInt8] = []
    ) {
        self.header = header
        self.records = records
        self.delimiter = delimiter
        self.headerLine = headerLine
        self.source = source
    }

    /// Equal when header, records, delimiter and header line are; `source` is not compared.
    public static func == (lhs: CSVDocument, rhs: CSVDocument) -> Bool {
        lhs.header == rhs.header && lhs.records == rhs.records && lhs.delimiter == rhs.delimiter
            && lhs.headerLine == rhs.headerLine
    }

    /// The text of the 1-based physical `line` of ``source``, without its line end; nil when
    /// the line is not in the source. Scans the source: for the odd diagnostic, not for loops.
    public func sourceLine(_ line: Int) -> String? {
        CSVLineIndex(source).text(ofLine: line)
    }
}

/// One record (row) of a CSV file.
public struct CSVRecord: Sendable, Equatable {
    /// The values, trimmed of spaces and tabs unless quoted; quoted values are kept as written
    /// (with `""` read as `"`), line breaks included.
    public var fields: [String]
    /// The 1-based line where the record starts.
    public var line: Int
    /// For each field, the 1-based column (in characters, not bytes) where it starts: its
    /// first character that is not a space or tab (the opening quote of a quoted field), or,
    /// for a blank field, the position right after the delimiter before it. The column is on
    /// the line ``line(ofField:)`` tells, which differs from ``line`` only after a quoted field
    /// with a line break in it.
    public var columns: [Int]

    /// A record built in code.
    public init(fields: [String], line: Int, columns: [Int]) {
        self.fields = fields
        self.line = line
        self.columns = columns
    }

    /// The 1-based line where field `index` starts: the record's line plus the line breaks
    /// inside the (quoted) fields before it.
    public func line(ofField index: Int) -> Int {
        var line = self.line
        for field in fields.prefix(max(0, index)) {
            var previousWasCR = false
            for byte in field.utf8 {
                if byte == 0x0D {
                    line += 1
                    previousWasCR = true
                } else {
                    if byte == 0x0A && !previousWasCR { line += 1 }
                    previousWasCR = false
                }
            }
        }
        return line
    }
}

/// Where each line of a UTF-8 text starts, for quoting lines in diagnostics. Lines end at
/// CR LF, LF or a lone CR, as in ``CSVReader``.
struct CSVLineIndex {
    private let text: [UInt8]
    private var starts: [Int] = [0]

    init(_ text: [UInt8]) {
        self.text = text
        var index = 0
        let count = text.count
        while index < count {
            let byte = text[index]
            index += 1
            if byte == 0x0D {
                if index < count && text[index] == 0x0A { index += 1 }
                starts.append(index)
            } else if byte == 0x0A {
                starts.append(index)
            }
        }
    }

    /// The text of the 1-based `line`, without its line end.
    func text(ofLine line: Int) -> String? {
        guard line >= 1, line <= starts.count, !text.isEmpty else { return nil }
        let start = starts[line - 1]
        var end = start
        while end < text.count && text[end] != 0x0D && text[end] != 0x0A { end += 1 }
        return String(decoding: text[start..<end], as: UTF8.self)
    }
}
