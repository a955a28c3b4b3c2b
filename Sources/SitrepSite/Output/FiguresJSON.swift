import SitrepContent
import SitrepFigures

/// `figures.json`: every figure of a report, in a stable order, for machines, but its comparisons
/// with the previous report (`.previous`, `.change`, `.change.relative`): those are the previous
/// report's figures, and a subtraction away. Written straight into bytes: a report can hold
/// thousands of figures, and this runs once per report.
enum FiguresJSON {
    static func render(series: String, period: String, report: Report, figures: FigureSet) -> [UInt8] {
        var json = ByteWriter(capacity: 64 * figures.ownAndRunningCount + 256)
        json.append("{\n  \"series\": ")
        quote(series, into: &json)
        json.append(",\n  \"period\": ")
        quote(period, into: &json)
        json.append(",\n  \"start\": \"\(report.period.start)\",\n  \"end\": \"\(report.period.end)\",\n  \"figures\": {")
        var first = true
        figures.forEachOwnAndRunning { figure in
            json.append(first ? "\n    \"" : ",\n    \"")
            first = false
            appendEscaped(figure.stem, into: &json)
            if figure.top > 0 {
                json.append(".top")
                json.appendDecimal(figure.top)
            }
            json.append(figure.suffix)
            json.append("\": ")
            switch figure.value {
            case .single(let figureValue): value(figureValue, into: &json)
            case .items(let items): list(items, into: &json)
            }
        }
        json.append("\n  }")
        hxl(report.tables, into: &json)
        json.append("\n}\n")
        return json.bytes()
    }

    /// A value as JSON: numbers as numbers, dates as `YYYY-MM-DD` strings, lists as arrays.
    private static func value(_ value: FigureValue, into json: inout ByteWriter) {
        switch value {
        case .number(let number) where number.isWhole:
            json.appendDecimal(number.numerator)
        case .number(let number):
            json.append(String(number.doubleValue))
        case .text(let text):
            quote(text, into: &json)
        case .list(let items):
            list(items[...], into: &json)
        case .date(let day):
            json.append("\"\(day)\"")
        }
    }

    /// A list as a JSON array of strings.
    private static func list(_ items: ArraySlice<String>, into json: inout ByteWriter) {
        json.append(UInt8(ascii: "["))
        for (offset, item) in items.enumerated() {
            if offset > 0 { json.append(", ") }
            quote(item, into: &json)
        }
        json.append(UInt8(ascii: "]"))
    }

    /// A JSON string of `text`.
    static func quote(_ text: String, into json: inout ByteWriter) {
        json.append(UInt8(ascii: "\""))
        appendEscaped(text, into: &json)
        json.append(UInt8(ascii: "\""))
    }

    /// The bytes that the escaping below handles: controls, `"`, `\`, `<`, `>`, `&`, and the
    /// first byte of U+2028 and U+2029.
    private static let needsEscaping: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    /// The characters of a JSON string. `<`, `>` and `&` are escaped too, so the file is safe to
    /// inline in HTML; U+2028 and U+2029 are escaped for JavaScript.
    private static func appendEscaped(_ text: String, into json: inout ByteWriter) {
        var text = text
        text.withUTF8 { bytes in
            needsEscaping.withUnsafeBufferPointer { table in
                json.append(bytes, escaped: table, escape: escape)
            }
        }
    }

    /// Appends the escaped form of the byte at `index` (see `needsEscaping`); returns how many
    /// bytes it stood for.
    private static func escape(_ json: inout ByteWriter, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
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
