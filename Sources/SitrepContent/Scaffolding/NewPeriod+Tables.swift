import SitrepDiagnostics

/// The new period's tables: a per-period table keeps its header line only.
extension NewPeriod {
    /// The header line of a CSV file, as written (quotes and spacing kept), with its line end.
    /// The file is read first so that a broken table is reported now rather than copied. A UTF-8
    /// byte order mark is kept; UTF-16 is written as UTF-8 with a byte order mark.
    static func headerOnly(_ bytes: [UInt8], file: String) throws(DiagnosticError) -> [UInt8] {
        let document = try CSVReader.read(bytes, file: file)
        let source = document.source
        let cr: UInt8 = 0x0D, lf: UInt8 = 0x0A, quote = UInt8(ascii: "\"")
        var index = 0
        var line = 1
        while line < document.headerLine, index < source.count {
            if source[index] == cr {
                if index + 1 < source.count, source[index + 1] == lf { index += 1 }
                line += 1
            } else if source[index] == lf {
                line += 1
            }
            index += 1
        }
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
