import SitrepContent
import SitrepFigures

/// `figures.json`: every figure of a report, in a stable order, for machines. Written straight
/// into bytes: a report can hold thousands of figures, and this runs once per report.
enum FiguresJSON {
    static func render(series: String, period: String, report: Report, figures: FigureSet) -> [UInt8] {
        var json: [UInt8] = []
        json.reserveCapacity(64 * figures.count + 256)
        append("{\n  \"series\": ", to: &json)
        quote(series, into: &json)
        append(",\n  \"period\": ", to: &json)
        quote(period, into: &json)
        appendString(",\n  \"start\": \"\(report.period.start)\",\n  \"end\": \"\(report.period.end)\",\n  \"figures\": {", to: &json)
        var first = true
        figures.forEach { name, derivation, figureValue in
            if !first { json.append(UInt8(ascii: ",")) }
            append("\n    ", to: &json)
            first = false
            quote(name, suffix: derivation?.staticSuffix ?? "", into: &json)
            append(": ", to: &json)
            value(figureValue, into: &json)
        }
        append("\n  }\n}\n", to: &json)
        return json
    }

    /// A value as JSON: numbers as numbers, dates as `YYYY-MM-DD` strings, lists as arrays.
    static func value(_ value: FigureValue, into json: inout [UInt8]) {
        switch value {
        case .number(let number) where number.isWhole:
            json.appendDecimal(number.numerator)
        case .number(let number):
            appendString(String(number.doubleValue), to: &json)
        case .text(let text):
            quote(text, into: &json)
        case .list(let items):
            json.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { append(", ", to: &json) }
                quote(item, into: &json)
            }
            json.append(UInt8(ascii: "]"))
        case .date(let day):
            appendString("\"\(day)\"", to: &json)
        }
    }

    /// Appends the bytes of `text` (copied whole: appending a `String.UTF8View` goes byte by byte).
    private static func appendString(_ text: String, to json: inout [UInt8]) {
        var text = text
        text.withUTF8 { json.append(contentsOf: $0) }
    }

    private static func append(_ text: StaticString, to json: inout [UInt8]) {
        text.withUTF8Buffer { json.append(contentsOf: $0) }
    }

    /// A JSON string of `text` followed by `suffix` (a derived figure's name is its base
    /// figure's name and a suffix, which is plain ASCII).
    static func quote(_ text: String, suffix: StaticString = "", into json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        appendEscaped(text, into: &json)
        append(suffix, to: &json)
        json.append(UInt8(ascii: "\""))
    }

    /// The bytes that the escaping below handles: controls, `"`, `\`, `<`, `>`, `&`, and the
    /// first byte of U+2028 and U+2029.
    private static let needsEscaping: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }

    /// The characters of a JSON string. `<`, `>` and `&` are escaped too, so the file is safe to
    /// inline in HTML; U+2028 and U+2029 are escaped for JavaScript.
    private static func appendEscaped(_ text: String, into json: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            needsEscaping.withUnsafeBufferPointer { table in
                guard bytes.allSatisfy({ !table[Int($0)] }) else { return false }
                json.append(contentsOf: bytes)
                return true
            }
        }
        if plain { return }
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            switch byte {
            case UInt8(ascii: "\""): append("\\\"", to: &json)
            case UInt8(ascii: "\\"): append("\\\\", to: &json)
            case UInt8(ascii: "\n"): append("\\n", to: &json)
            case UInt8(ascii: "\r"): append("\\r", to: &json)
            case UInt8(ascii: "\t"): append("\\t", to: &json)
            case UInt8(ascii: "<"): append("\\u003c", to: &json)
            case UInt8(ascii: ">"): append("\\u003e", to: &json)
            case UInt8(ascii: "&"): append("\\u0026", to: &json)
            case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                append(utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &json)
                index += 2
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                appendString("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &json)
            default:
                json.append(byte)
            }
            index += 1
        }
    }
}
