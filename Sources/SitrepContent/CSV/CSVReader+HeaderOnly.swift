import SitrepDiagnostics

/// A per-period table's copy in a new period (`sitrep new`): its header line only.
extension CSVReader {
    /// The lines of a CSV file down to its header, as written (quotes and spacing kept), with
    /// their line end: a `sep=` line and the rows above the header (`headerRow`) are kept, and
    /// so is a row of HXL hashtags below it (``HXLRow``), which belong to the table's shape. The
    /// file is read first so that a broken table is reported now rather than copied. A UTF-8
    /// byte order mark is kept; UTF-16 is written as UTF-8 with a byte order mark.
    static func headerOnly(_ bytes: [UInt8], file: String, headerRow: Int = 1) throws(DiagnosticError) -> [UInt8] {
        let document = try read(bytes, file: file, headerRow: headerRow)
        let source = document.source
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote = UInt8(ascii: "\"")
        let lastLine = HXLRow(document) != nil ? document.position(ofRow: 0) : document.headerLine
        let keptFrom = headerRow > 1 || CSVExportQuirks.startsWithSeparatorLine(source) ? 0 : document.lineStarts[document.headerLine - 1]
        var end = document.lineStarts[lastLine - 1]
        var quoted = false
        while end < source.count {
            let byte = source[end]
            if byte == quote { quoted.toggle() } else if !quoted, byte == cr || byte == lf { break }
            end += 1
        }
        var lineEnd: [UInt8] = [lf]
        if end < source.count {
            lineEnd = source[end] == cr && end + 1 < source.count && source[end + 1] == lf ? [cr, lf] : [source[end]]
        }
        let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || CSVTextDecoding.isUTF16(bytes)
        return (marked ? [0xEF, 0xBB, 0xBF] : []) + source[keptFrom..<end] + lineEnd
    }
}
