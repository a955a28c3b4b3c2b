import SitrepDiagnostics

/// A per-period table's copy in a new period (`sitrep new`): its header line only.
extension CSVReader {
    /// The header line of a CSV file, as written (quotes and spacing kept), with its line end.
    /// The file is read first so that a broken table is reported now rather than copied. A UTF-8
    /// byte order mark is kept; UTF-16 is written as UTF-8 with a byte order mark.
    static func headerOnly(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> [UInt8] {
        let document = try read(bytes, file: file)
        let source = document.source
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote = UInt8(ascii: "\"")
        let index = document.lineStarts[document.headerLine - 1]
        var end = index
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
        let marked = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        return (marked ? [0xEF, 0xBB, 0xBF] : []) + source[index..<end] + lineEnd
    }
}
