import SitrepContent
import SitrepFigures

/// `figures.json`: every figure of a report, in a stable order, for machines, but its comparisons
/// with the previous report (`.previous`, `.change`, `.change.relative`): those are the previous
/// report's figures, and a subtraction away. Written straight into bytes: a report can hold
/// thousands of figures, and this runs once per report.
enum FiguresJSON {
    static func render(series: String, period: String, report: Report, figures: FigureSet) -> [UInt8] {
        // Room for most reports (a report of the benchmark's takes 46 kB): the writer grows past it.
        // Counting the figures first to size it cost about 25,000 instructions a report.
        var json = ByteWriter(capacity: 1 << 16)
        json.append("{\n  \"series\": ")
        quote(series, into: &json)
        json.append(",\n  \"period\": ")
        quote(period, into: &json)
        json.append(",\n  \"start\": \"\(report.period.start)\",\n  \"end\": \"\(report.period.end)\",\n  \"figures\": {")
        var listing = Listing(json: json)
        figures.forEachOwnAndRunning(into: &listing)
        json = listing.finish()
        json.append("\n  }")
        hxl(report.tables, into: &json)
        json.append("\n}\n")
        return json.bytes()
    }

    /// Writes the figures that `FigureSet.forEachOwnAndRunning` lists, as the members of an object.
    struct Listing: FigureListing, ~Copyable {
        var json: ByteWriter
        var first = true
        /// Where the last stem written starts in `json`, and how many of its bytes were copied
        /// as they are: the next stem's bytes that are the same need no escaping pass. A table's
        /// figures share `T.d.` and more (escaping each name whole cost 0.24 M instructions a report,
        /// this 0.12 M).
        var previousStem = 0..<0
        /// The keys of the column whose top N groups are being listed, each quoted and followed
        /// by `, `, and where each starts: a top N list is one copy out of them (escaping each
        /// list's items cost 0.13 M instructions a report, this 0.04 M).
        var keys = ByteWriter(capacity: 1024)
        var keyStarts: [Int] = []
        var column = ""
        /// Where the column's name is written, once it is written plain: the next top N names copy
        /// it (comparing it with the previous name cost about 300 instructions a figure).
        var writtenColumn: Range<Int>?

        init(json: consuming ByteWriter) {
            self.json = json
        }

        /// The writer, with the figures written; the listing is used up.
        consuming func finish() -> ByteWriter { json }

        mutating func figure(_ stem: String, _ suffix: StaticString, _ value: FigureValue) {
            name(stem)
            json.append(suffix)
            json.append("\": ")
            FiguresJSON.value(value, into: &json)
        }

        mutating func share(_ stem: String, _ suffix: StaticString, _ part: Int, of whole: Int) {
            name(stem)
            json.append(suffix)
            json.append("\": ")
            FiguresJSON.share(part, of: whole, into: &json)
        }

        mutating func topGroups(_ column: String, keys: [String]) {
            self.column = column
            writtenColumn = nil
            self.keys.removeAll()
            keyStarts.removeAll(keepingCapacity: true)
            for key in keys {
                keyStarts.append(self.keys.count)
                FiguresJSON.quote(key, into: &self.keys)
                self.keys.append(", ")
            }
            keyStarts.append(self.keys.count)
        }

        mutating func topFigure(_ n: Int, _ suffix: StaticString, _ value: FigureValue) {
            topName(n, suffix)
            FiguresJSON.value(value, into: &json)
        }

        mutating func topList(_ n: Int, _ suffix: StaticString, _ items: Range<Int>) {
            topName(n, suffix)
            json.append(UInt8(ascii: "["))
            if !items.isEmpty {
                // Up to the last item's `, `, left out.
                json.append(keys, keyStarts[items.lowerBound]..<(keyStarts[items.upperBound] - 2))
            }
            json.append(UInt8(ascii: "]"))
        }

        private mutating func topName(_ n: Int, _ suffix: StaticString) {
            if let writtenColumn {
                json.append(",\n    \"")
                json.appendWritten(writtenColumn)
            } else {
                name(column)
                if previousStem.count == column.utf8.count { writtenColumn = previousStem }
            }
            json.append(".top")
            json.appendDecimal(n)
            json.append(suffix)
            json.append("\": ")
        }

        /// Starts a member: its separator, its opening quote and `stem`, escaped.
        private mutating func name(_ stem: String) {
            json.append(first ? "\n    \"" : ",\n    \"")
            first = false
            stem.withBorrowedUTF8 { appendStem($0) }
        }

        private mutating func appendStem(_ bytes: UnsafeBufferPointer<UInt8>) {
            let start = json.count
            var plain = json.sharedPrefixCount(bytes, withBytesAt: previousStem.lowerBound, count: previousStem.count)
            FiguresJSON.needsEscaping.withUnsafeBufferPointer { table in
                while plain < bytes.count, !table[Int(bytes[plain])] { plain += 1 }
                json.append(UnsafeBufferPointer(rebasing: bytes[..<plain]))
                if plain < bytes.count {
                    json.append(UnsafeBufferPointer(rebasing: bytes[plain...]), escaped: table, escape: FiguresJSON.escape)
                }
            }
            previousStem = start..<(start + plain)
        }
    }

    /// A value as JSON: numbers as numbers, dates as `YYYY-MM-DD` strings, lists as arrays.
    static func value(_ value: FigureValue, into json: inout ByteWriter) {
        switch value {
        case .number(let number) where number.isWhole:
            json.appendDecimal(number.numerator)
        case .number(let number):
            json.appendDescription(of: number.doubleValue)
        case .text(let text):
            quote(text, into: &json)
        case .list(let items):
            json.append(UInt8(ascii: "["))
            for (offset, item) in items.enumerated() {
                if offset > 0 { json.append(", ") }
                quote(item, into: &json)
            }
            json.append(UInt8(ascii: "]"))
        case .date(let day):
            json.append("\"\(day)\"")
        }
    }

    /// The share `part / whole` as `value` writes its reduced fraction: a whole number when
    /// `whole` divides `part`, otherwise the Double nearest to it. `Double(part) / Double(whole)`
    /// is that Double when both convert exactly (a correctly rounded quotient of the same
    /// number), so no common divisor is needed; larger numbers are reduced first.
    static func share(_ part: Int, of whole: Int, into json: inout ByteWriter) {
        let exact: UInt = 1 << 53
        if part % whole == 0 {
            json.appendDecimal(part / whole)
        } else if part.magnitude <= exact, whole.magnitude <= exact {
            json.appendDescription(of: Double(part) / Double(whole))
        } else if let share = Rational(part, whole) {
            value(.number(share), into: &json)
        }
    }

    /// A JSON string of `text`.
    static func quote(_ text: String, into json: inout ByteWriter) {
        json.append(UInt8(ascii: "\""))
        appendEscaped(text, into: &json)
        json.append(UInt8(ascii: "\""))
    }

    /// The bytes that the escaping below handles: controls, `"`, `\`, `<`, `>`, `&`, and the
    /// first byte of U+2028 and U+2029.
    fileprivate static let needsEscaping: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    /// The characters of a JSON string. `<`, `>` and `&` are escaped too, so the file is safe to
    /// inline in HTML; U+2028 and U+2029 are escaped for JavaScript.
    private static func appendEscaped(_ text: String, into json: inout ByteWriter) {
        text.withBorrowedUTF8 { bytes in
            needsEscaping.withUnsafeBufferPointer { table in
                json.append(bytes, escaped: table, escape: escape)
            }
        }
    }

    /// Appends the escaped form of the byte at `index` (see `needsEscaping`); returns how many
    /// bytes it stood for.
    fileprivate static func escape(_ json: inout ByteWriter, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "\""): json.append("\\\"")
        case UInt8(ascii: "\\"): json.append("\\\\")
        case UInt8(ascii: "\n"): json.append("\\n")
        case UInt8(ascii: "\r"): json.append("\\r")
        case UInt8(ascii: "\t"): json.append("\\t")
        case UInt8(ascii: "<"): json.append("\\u003c")
        case UInt8(ascii: ">"): json.append("\\u003e")
        case UInt8(ascii: "&"): json.append("\\u0026")
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            json.append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
            return 3
        case 0..<0x20:
            let hex = String(byte, radix: 16)
            json.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
        default:
            json.append(byte)
        }
        return 1
    }
}
