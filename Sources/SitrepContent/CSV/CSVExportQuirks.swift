import SitrepDiagnostics

/// What spreadsheet programs put into the CSV files they export besides the table, read by
/// ``CSVReader`` so that the file an officer has works as it is:
///
/// - a first line `sep=;` (Excel writes it, and reads it, to name the separator);
/// - columns with no name and no value at the right of the table, and rows with no value at all
///   (cells Excel once formatted are part of what it exports: `Gomel,141,,` and `,,,`);
/// - tabs as separators (Excel's "Unicode text" export, a `.txt` renamed `.csv`).
enum CSVExportQuirks {
    /// A `sep=X` line at the start of the text.
    struct SeparatorLine {
        /// The separator it names, when sitrep reads that one: `,`, `;`, a tab or `|`.
        var delimiter: UInt8?
        /// The character it names, as written.
        var named: String
        /// The offset of the line's end (its CR or LF, or the end of the text).
        var end: Int
    }

    /// The separators a `sep=` line may name.
    static let namedSeparators: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|")]

    /// The `sep=X` line that starts `bytes` (`SEP=X` and `"sep=X"` too), or nil when the first
    /// line is something else.
    static func separatorLine(in bytes: UnsafeBufferPointer<UInt8>) -> SeparatorLine? {
        var offset = 0
        let quoted = bytes.first == UInt8(ascii: "\"")
        if quoted { offset = 1 }
        let word = Array("sep=".utf8)
        guard offset + word.count < bytes.count else { return nil }
        for (position, letter) in word.enumerated() where bytes[offset + position] | 0x20 != letter | 0x20 {
            return nil
        }
        offset += word.count
        let separator = bytes[offset]
        guard separator != 0x0D, separator != 0x0A, separator < 0x80 else { return nil }
        offset += 1
        if quoted {
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { return nil }
            offset += 1
        }
        guard offset == bytes.count || bytes[offset] == 0x0D || bytes[offset] == 0x0A else { return nil }
        let named = separator == 0x09 ? "a tab" : "'\(Character(Unicode.Scalar(separator)))'"
        return SeparatorLine(delimiter: namedSeparators.contains(separator) ? separator : nil, named: named, end: offset)
    }

    /// The problem with a `sep=` line naming a separator sitrep does not read.
    static func unsupportedSeparator(_ line: SeparatorLine, file: String, sourceLine: String) -> Diagnostic {
        Diagnostic(
            .error, at: SourceLocation(file: file, line: 1, column: 5),
            "the first line names \(line.named) as the separator; sitrep reads values separated by ',', ';', tabs or '|'",
            hint: "save the file as 'CSV UTF-8 (Comma delimited)' in Excel, or change the first line to `sep=,` "
                + "and separate the values with commas",
            sourceLine: sourceLine)
    }

    /// How many names `header` has once the empty names at its end are left out: the columns
    /// Excel exports right of the table because a cell there was once formatted. At least one.
    static func namedWidth(of header: [String]) -> Int {
        var width = header.count
        while width > 1 && header[width - 1].isEmpty { width -= 1 }
        return width
    }

    /// Whether every value of a record is empty: a row of cells Excel once formatted (`,,,`).
    static func isEmptyRecord(_ fields: ArraySlice<CSVField>) -> Bool {
        fields.allSatisfy(\.isEmpty)
    }

    /// The position in the record of the first value at or after position `width` that is not
    /// empty, if any: a value in a column the header does not name.
    static func firstValue(in fields: ArraySlice<CSVField>, from width: Int) -> Int? {
        guard fields.count > width else { return nil }
        return fields[(fields.startIndex + width)...].firstIndex { !$0.isEmpty }.map { $0 - fields.startIndex }
    }
}

extension CSVExportQuirks {
    /// Whether `text` starts with a `sep=` line.
    static func startsWithSeparatorLine(_ text: [UInt8]) -> Bool {
        text.withUnsafeBufferPointer { separatorLine(in: $0) != nil }
    }
}
