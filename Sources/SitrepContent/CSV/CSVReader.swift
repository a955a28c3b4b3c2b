import SitrepDiagnostics

/// Reads CSV files (RFC 4180, as Excel and LibreOffice write them) into a ``CSVDocument``.
///
/// - Text: UTF-8 with or without byte order mark, or UTF-16 (little or big endian) with a byte
///   order mark or NUL bytes that show it (``CSVTextDecoding``). Anything else that is not
///   UTF-8, such as Excel's Windows-1252 or Windows-1251 'CSV', is rejected with the line, column
///   and byte offset of the first byte that cannot be read, and how to convert the file.
/// - Delimiter: the one a first line `sep=;` names (Excel writes it; `,`, `;`, tab or `|`), or
///   else `,`, `;` or a tab, whichever occurs most often outside quotes on the header line (a
///   comma when tied).
/// - Excel's leftovers (``CSVExportQuirks``): columns at the right with no name and no value,
///   and rows with no value at all, are left out.
/// - `headerRow` rows above the header (titles, notes, blank rows), counted as a spreadsheet
///   numbers them, are skipped unread.
/// - Lines end with CR LF, LF or a lone CR; the last line end is optional. Lines that are
///   empty, or hold only spaces and tabs, are skipped; line numbers stay those of the file.
/// - Quoted values may hold delimiters, line breaks and quotes written as `""`. Spaces and
///   tabs around a value are dropped, except inside quotes.
/// - Every record must have as many values as the header has names; header names must be
///   present and different.
/// - No name or value may hold a character nobody can see (a control character other than tabs
///   and line breaks, a zero width space, a byte order mark: ``CSVValueText``): two values that
///   look the same must be the same text, and a name must be one a placeholder can spell.
/// - A Ctrl-Z (0x1A) at the very end of the file, which old DOS tools write, is dropped.
///
/// All problems in a file are reported together (the first 20, then a count of the rest), each with
/// its line and column, the text of the line, and a hint saying how to fix it.
public enum CSVReader {
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")
    static let quote = UInt8(ascii: "\"")
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let cr: UInt8 = 0x0D
    static let lf: UInt8 = 0x0A

    /// Reads the bytes of a CSV file. `file` is the display path used in diagnostics. A file
    /// larger than `limits` allow is refused before it is read, one with more rows when the
    /// first row over the limit is reached.
    public static func read(_ bytes: [UInt8], file: String, limits: CSVLimits = .standard,
                            headerRow: Int = 1) throws(DiagnosticError) -> CSVDocument {
        if let tooLarge = limits.sizeProblem(bytes.count, file: file) { throw tooLarge }
        let text: [UInt8]
        switch CSVTextDecoding.utf8Text(bytes, file: file) {
        case .success(let decoded): text = decoded
        case .failure(let error): throw error
        }
        let result = text.withUnsafeBufferPointer { buffer in
            var parser = CSVParser(buffer, file: file, rowLimit: limits.rows, headerRow: headerRow)
            return parser.parse(source: text)
        }
        return try result.get()
    }
}

/// The state machine behind ``CSVReader``, over checked UTF-8 bytes.
private struct CSVParser {
    private typealias R = CSVReader

    private let bytes: UnsafeBufferPointer<UInt8>
    private let count: Int
    private let file: String
    private let rowLimit: Int
    private let headerRow: Int
    private var delimiter = R.comma
    private var problems: CSVProblemList

    /// The read position, and the line (1-based) and the offset where that line starts.
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Where every line starts, for ``CSVDocument/lineStarts``.
    private var lineStarts = [0]

    /// The values read, record after record; the record being read starts at `recordStart`.
    /// Kept as places in the text, made strings when a table reads them (``CSVField``).
    private var fields: [CSVField] = []
    private var recordStart = 0
    /// The quoted values that hold a doubled quote (`""`), unescaped (``CSVField/escaped``).
    private var escapedTexts: [String] = []
    /// Whether the text has a byte that may start an invisible character: when it has none,
    /// no value is looked at one by one (that cost 9 M instructions in a 100-report build).
    private let mayHoldInvisible: Bool
    /// Where the last record read ends (at its line end or the end of the file).
    private var recordEnd = 0
    private var recordEndLine = 1
    private var recordEndLineStart = 0

    private var header: [String] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, rowLimit: Int, headerRow: Int) {
        self.bytes = bytes
        self.count = bytes.count
        self.file = file
        self.rowLimit = rowLimit
        self.headerRow = headerRow
        self.problems = CSVProblemList(file: file)
        self.mayHoldInvisible = bytes.contains { $0 &- 0x20 >= 0x5F && CSVValueText.mayBeInvisible($0) }
    }

    /// Reads the document; `source` is the text the buffer points into, kept by the document.
    mutating func parse(source: [UInt8]) -> Result<CSVDocument, DiagnosticError> {
        var namedDelimiter: UInt8?
        if let separatorLine = CSVExportQuirks.separatorLine(in: bytes) {
            guard let named = separatorLine.delimiter else {
                return .failure(DiagnosticError(CSVExportQuirks.unsupportedSeparator(separatorLine, file: file, sourceLine: lineText(from: 0))))
            }
            namedDelimiter = named
            index = separatorLine.end
            if index < count { consumeLineEnd() }
        }
        if headerRow > 1 {
            skipTitleRows(headerRow - 1)
            guard index < count else {
                return .failure(DiagnosticError(Diagnostic(
                    .error, at: SourceLocation(file: file, line: line, column: 1),
                    "the file ends before row \(headerRow), which series.yml declares as the header (`header_row: \(headerRow)`)",
                    hint: "set `header_row:` to the number of the row that names the columns, as the spreadsheet numbers it")))
            }
        }
        skipBlankLines()
        guard index < count else {
            let blank = count > 0
            return .failure(DiagnosticError(Diagnostic(
                .error, at: SourceLocation(file: file, line: 1, column: 1),
                blank ? "the file has only blank lines: there is no header" : "the file is empty",
                hint: "a table starts with a header line naming its columns, such as `region,count`, "
                    + "followed by one line per row, such as `North,12`")))
        }
        delimiter = namedDelimiter ?? detectDelimiter()
        let headerLine = line
        guard readRecord() else { return .failure(problems.error() ?? DiagnosticError([])) }
        let headerWidth = fields.count
        header = fields.map(text(of:))
        let namedWidth = CSVExportQuirks.namedWidth(of: header)
        keepFields(namedWidth)
        header.removeSubrange(namedWidth...)
        checkHeader()
        fields.removeAll(keepingCapacity: true)
        // Room for as many rows as lines as long as the header's fit in the rest of the file:
        // growing the list from empty cost 1.6 M instructions in a 100-report build.
        let headerLength = max(index - lineStarts[headerLine - 1], 1)
        fields.reserveCapacity(min((count - index) / headerLength + 1, rowLimit) * header.count)
        var recordLines: [Int] = []
        var recordCount = 0
        while true {
            skipBlankLines()
            if index >= count { break }
            let recordLine = line
            recordCount += 1
            if recordCount > rowLimit {
                problems.add(CSVLimits.rowProblem(rows: rowLimit, line: recordLine, file: file,
                                                  sourceLine: lineText(from: lineStart)))
                break
            }
            recordStart = fields.count
            guard readRecord() else { break }
            let record = fields[recordStart...]
            if CSVExportQuirks.isEmptyRecord(record) {
                dropRecord()
                continue
            }
            let beyondHeader = CSVExportQuirks.firstValue(in: record, from: header.count)
            if let unnamed = beyondHeader, unnamed < headerWidth {
                reportUnnamed(unnamed)
                dropRecord()
                continue
            }
            if beyondHeader == nil { keepFields(header.count) }
            if recordWidth != header.count {
                reportWidth()
            } else if mayHoldInvisible {
                checkInvisible()
            }
            if recordWidth == header.count && problems.isEmpty {
                recordLines.append(recordLine)
            } else {
                dropRecord()
            }
        }
        if let error = problems.error() { return .failure(error) }
        return .success(CSVDocument(
            file: file, header: header, delimiter: delimiter, headerLine: headerLine, source: source,
            values: fields, escapedTexts: escapedTexts, recordLines: recordLines, lineStarts: lineStarts))
    }

    // MARK: Lines

    private mutating func startLine(at offset: Int) {
        line += 1
        lineStart = offset
        lineStarts.append(offset)
    }

    /// Steps over the line end at `index` (CR LF, LF or CR).
    private mutating func consumeLineEnd() {
        if bytes[index] == R.cr && index + 1 < count && bytes[index + 1] == R.lf {
            index += 2
        } else {
            index += 1
        }
        startLine(at: index)
    }

    /// Skips lines that are empty or hold only spaces and tabs, and trailing blanks at the end.
    private mutating func skipBlankLines() {
        while index < count {
            var next = index
            while next < count && (bytes[next] == R.space || bytes[next] == R.tab) { next += 1 }
            if next == count {
                index = count
            } else if bytes[next] == R.cr || bytes[next] == R.lf {
                index = next
                consumeLineEnd()
            } else {
                return
            }
        }
    }

    /// Skips `rows` rows from `index`, blank ones included, without reading them: the titles
    /// and notes above a header (``CSVReader/read(_:file:limits:headerRow:)``).
    private mutating func skipTitleRows(_ rows: Int) {
        for _ in 0..<rows where index < count {
            var quoted = false
            while index < count {
                let byte = bytes[index]
                if byte == R.quote {
                    quoted.toggle()
                } else if !quoted && (byte == R.cr || byte == R.lf) {
                    break
                } else if byte == R.cr || byte == R.lf {
                    if byte == R.cr && index + 1 < count && bytes[index + 1] == R.lf { index += 1 }
                    startLine(at: index + 1)
                }
                index += 1
            }
            if index < count { consumeLineEnd() }
        }
    }

    /// `,`, `;` or a tab: whichever occurs most often outside quotes on the line at `index`.
    private func detectDelimiter() -> UInt8 {
        var commas = 0
        var semicolons = 0
        var tabs = 0
        var inQuotes = false
        var offset = index
        while offset < count {
            let byte = bytes[offset]
            if byte == R.quote {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == R.comma {
                    commas += 1
                } else if byte == R.semicolon {
                    semicolons += 1
                } else if byte == R.tab && separatesNames(offset) {
                    tabs += 1
                } else if byte == R.cr || byte == R.lf {
                    break
                }
            }
            offset += 1
        }
        if tabs > commas && tabs > semicolons { return R.tab }
        return semicolons > commas ? R.semicolon : R.comma
    }

    /// Whether the tab at `offset` stands between two names, as a separator does, rather than
    /// next to a separator or at an end of the line as blanks around a value do.
    private func separatesNames(_ offset: Int) -> Bool {
        let blanks: [UInt8] = [R.space, R.tab, R.comma, R.semicolon, R.cr, R.lf]
        return offset > index && offset + 1 < count && !blanks.contains(bytes[offset - 1]) && !blanks.contains(bytes[offset + 1])
    }

    /// Whether `byte` is a blank around a value: a space, or a tab unless tabs separate values.
    private func isBlank(_ byte: UInt8) -> Bool {
        byte == R.space || (byte == R.tab && delimiter != R.tab)
    }

    // MARK: Columns

    /// The number of characters (grapheme clusters, as `String.count`) in `start..<end`.
    private func characters(from start: Int, to end: Int) -> Int {
        // Fast path: ASCII and the two-byte letters of Latin (U+0080–U+02FF) and Cyrillic
        // (U+0400–U+047F), which never combine with what is around them: one character each.
        var offset = start
        var counted = 0
        var previous = start
        while offset < end {
            let byte = bytes[offset]
            if byte < 0x80 {
                previous = offset
                offset += 1
            } else if (byte >= 0xC2 && byte <= 0xCB) || byte == 0xD0 || byte == 0xD1 {
                previous = offset
                offset += 2
            } else {
                // Anything else may combine with the character before: count both by String.
                return counted - (offset > start ? 1 : 0)
                    + String(decoding: UnsafeBufferPointer(rebasing: bytes[previous..<end]), as: UTF8.self).count
            }
            counted += 1
        }
        return counted
    }

    /// The text of the line starting at `start`, without its line end.
    private func lineText(from start: Int) -> String {
        var end = start
        while end < count && bytes[end] != R.cr && bytes[end] != R.lf { end += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    private func string(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The text of a value read.
    private func text(of field: CSVField) -> String {
        field.escaped >= 0 ? escapedTexts[field.escaped] : string(from: field.textStart, to: field.textEnd)
    }

    /// The line holding the byte at `offset`, and the offset where that line starts.
    private func line(containing offset: Int) -> (line: Int, start: Int) {
        let line = CSVDocument.line(containing: offset, lineStarts: lineStarts)
        return (line, lineStarts[line - 1])
    }

    // MARK: Records

    /// Reads the record at `index` onto `fields` (from `recordStart`), and steps past its line
    /// end. False when a quote is never closed, which ends the reading.
    private mutating func readRecord() -> Bool {
        while true {
            let fieldStart = index
            var start = index
            while start < count && isBlank(bytes[start]) { start += 1 }
            let end: Int
            if start < count && bytes[start] == R.quote {
                guard let field = readQuoted(openingAt: start) else { return false }
                fields.append(field)
                end = endOfQuotedField()
            } else {
                let blank = start == count || bytes[start] == delimiter || bytes[start] == R.cr || bytes[start] == R.lf
                end = readUnquoted(from: start, fieldOffset: blank ? fieldStart : start)
            }
            if end < count && bytes[end] == delimiter {
                index = end + 1
                continue
            }
            recordEnd = end
            recordEndLine = line
            recordEndLineStart = lineStart
            index = end
            if index < count { consumeLineEnd() }
            return true
        }
    }

    /// The number of values in the record read.
    private var recordWidth: Int { fields.count - recordStart }

    /// The value at `position` in the record read.
    private func field(_ position: Int) -> CSVField { fields[recordStart + position] }

    /// Keeps the first `width` values of the record read.
    private mutating func keepFields(_ width: Int) {
        guard recordWidth > width else { return }
        fields.removeSubrange((recordStart + width)...)
    }

    /// Leaves the record read out of the document.
    private mutating func dropRecord() {
        fields.removeSubrange(recordStart...)
    }

    /// Reads an unquoted value from `start` (past leading blanks) up to the delimiter or line
    /// end, whose offset it returns; `fieldOffset` is where messages place the value.
    private mutating func readUnquoted(from start: Int, fieldOffset: Int) -> Int {
        var offset = start
        var strayQuote: Int?
        while offset < count {
            let byte = bytes[offset]
            if byte == delimiter || byte == R.cr || byte == R.lf { break }
            if byte == R.quote && strayQuote == nil { strayQuote = offset }
            offset += 1
        }
        var end = offset
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        fields.append(CSVField(offset: fieldOffset, textStart: start, textEnd: end))
        if let strayQuote {
            report(
                "a quote (\") in the middle of a value that does not start with a quote",
                hint: "if the quote belongs to the value, put the whole value in quotes and double the quote "
                    + "inside, as in \"12\"\" pipe\"; otherwise remove it",
                at: strayQuote, line: line, lineStart: lineStart)
        }
        return offset
    }

    /// Reads a quoted value whose opening quote is at `quoteOffset`; leaves `index` after the
    /// closing quote. Nil (with a diagnostic) when the quote is never closed.
    private mutating func readQuoted(openingAt quoteOffset: Int) -> CSVField? {
        let openingLine = line
        let openingLineStart = lineStart
        var offset = quoteOffset + 1
        var segmentStart = offset
        var unescaped: [UInt8]?
        while offset < count {
            let byte = bytes[offset]
            if byte == R.quote {
                if offset + 1 < count && bytes[offset + 1] == R.quote {
                    // `""`: keep one quote, go on after the second.
                    if unescaped == nil { unescaped = [] }
                    unescaped!.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart...offset]))
                    offset += 2
                    segmentStart = offset
                    continue
                }
                index = offset + 1
                var field = CSVField(offset: quoteOffset, textStart: quoteOffset + 1, textEnd: offset)
                if var value = unescaped {
                    value.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<offset]))
                    field.escaped = escapedTexts.count
                    escapedTexts.append(String(decoding: value, as: UTF8.self))
                }
                return field
            }
            if byte == R.cr {
                offset += offset + 1 < count && bytes[offset + 1] == R.lf ? 2 : 1
                startLine(at: offset)
            } else if byte == R.lf {
                offset += 1
                startLine(at: offset)
            } else {
                offset += 1
            }
        }
        report(
            "this quoted value has no closing quote: it runs to the end of the file",
            hint: "add the closing quote (\") at the end of the value; a quote that belongs to the value "
                + "must be written twice (\"\")",
            at: quoteOffset, line: openingLine, lineStart: openingLineStart)
        index = count
        return nil
    }

    /// After a closing quote at `index - 1`: skips blanks and returns the offset of the
    /// delimiter or line end; reports (and skips) anything else before it.
    private mutating func endOfQuotedField() -> Int {
        var offset = index
        while offset < count && isBlank(bytes[offset]) { offset += 1 }
        if offset == count || bytes[offset] == delimiter || bytes[offset] == R.cr || bytes[offset] == R.lf {
            return offset
        }
        report(
            "characters after the closing quote of a quoted value",
            hint: "end the value with its closing quote and put everything that belongs to it inside the quotes, "
                + "as in \"Smith, J. (MD)\"; a quote inside the value must be written twice (\"\")",
            at: offset, line: line, lineStart: lineStart)
        while offset < count && bytes[offset] != delimiter && bytes[offset] != R.cr && bytes[offset] != R.lf {
            offset += 1
        }
        return offset
    }

    // MARK: Checks

    private mutating func checkHeader() {
        var seen: [String: Int] = [:]
        for (position, name) in header.enumerated() {
            let columnName = "column \(position + 1)"
            if name.isEmpty {
                // Empty names at the end are not columns (CSVExportQuirks.namedWidth).
                report(
                    "\(columnName) of the header has no name",
                    hint: "write a name for every column in the header line",
                    atField: position)
            } else if let hidden = CSVValueText.firstInvisible(in: name) {
                report(
                    "the name of \(columnName) of the header holds an invisible character, \(CSVValueText.describe(hidden.scalar))",
                    hint: "retype the column's name: as it is, no placeholder or table block can name it",
                    atField: position)
            } else if let first = seen[name] {
                report(
                    "the header names two columns '\(name)': columns \(first + 1) and \(position + 1)",
                    hint: "give each column a different name",
                    atField: position)
            } else {
                seen[name] = position
            }
        }
    }

    /// Reports the first character of each value in the record that nobody can see (see
    /// ``CSVValueText/firstInvisible(in:)``): two values that look the same must be the same text.
    private mutating func checkInvisible() {
        for position in 0..<recordWidth {
            let value = text(of: field(position))
            guard let hidden = CSVValueText.firstInvisible(in: value) else { continue }
            let start = field(position).offset
            let quoted = bytes[start] == R.quote
            let before = value.utf8.prefix(hidden.utf8Offset)
            // In a quoted value with a quote or line break before the character, point at the value.
            let plain = !quoted || !before.contains(where: { $0 == R.quote || $0 == R.cr || $0 == R.lf })
            let offset = plain ? start + (quoted ? 1 : 0) + hidden.utf8Offset : start
            report(
                "the value for '\(header[position])' holds an invisible character, \(CSVValueText.describe(hidden.scalar))",
                hint: "delete the character (it often comes with text copied from a web page or a PDF): "
                    + "two values that look the same must be written the same",
                at: offset, lineOf: start)
        }
    }

    /// Reports a value in a column whose name in the header is empty.
    private mutating func reportUnnamed(_ position: Int) {
        report(
            "a value in column \(position + 1), which has no name in the header",
            hint: "name column \(position + 1) in the header line, or delete the value if it does not belong to the table",
            atField: position)
    }

    private mutating func reportWidth() {
        let expected = header.count
        let found = recordWidth
        guard !problems.isFull else { return problems.omit() }
        let shown = header.prefix(12).joined(separator: ", ") + (header.count > 12 ? ", …" : "")
        let message = "expected \(expected) column\(expected == 1 ? "" : "s") as in the header (\(shown)), "
            + "found \(found) value\(found == 1 ? "" : "s")"
        let symbol = String(Character(Unicode.Scalar(delimiter)))
        let delimiterText = "'\(symbol)'"
        if found > expected {
            report(
                message,
                hint: "remove the extra value\(found - expected == 1 ? "" : "s"), or put quotes around a value "
                    + "that contains a \(delimiterText), as in \"Smith\(symbol) J.\"",
                atField: expected)
        } else {
            report(
                message,
                hint: "add the missing value\(expected - found == 1 ? "" : "s"); an empty value is written as "
                    + "nothing between two \(delimiterText)",
                at: recordEnd, line: recordEndLine, lineStart: recordEndLineStart)
        }
    }

    /// Reports a problem at the start of the value at `position` in the record read (or the header).
    private mutating func report(_ message: String, hint: String, atField position: Int) {
        let offset = field(position).offset
        report(message, hint: hint, at: offset, lineOf: offset)
    }

    /// Reports a problem at `offset`, on the line holding the byte at `lineOffset`.
    private mutating func report(_ message: String, hint: String, at offset: Int, lineOf lineOffset: Int) {
        guard !problems.isFull else { return problems.omit() }
        let (line, lineStart) = line(containing: lineOffset)
        report(message, hint: hint, at: offset, line: line, lineStart: lineStart)
    }

    private mutating func report(_ message: String, hint: String, at offset: Int, line: Int, lineStart: Int) {
        guard !problems.isFull else { return problems.omit() }
        problems.add(Diagnostic(
            .error,
            at: SourceLocation(file: file, line: line, column: characters(from: lineStart, to: offset) + 1),
            message, hint: hint, sourceLine: lineText(from: lineStart)))
    }
}
