import SitrepContent
import SitrepFigures

/// `figures.json`: every figure of a report, in a stable order, for machines.
enum FiguresJSON {
    static func render(series: String, period: String, report: Report, figures: FigureSet) -> String {
        var json = "{\n"
        json += "  \"series\": \(quote(series)),\n"
        json += "  \"period\": \(quote(period)),\n"
        json += "  \"start\": \(quote(report.period.start.description)),\n"
        json += "  \"end\": \(quote(report.period.end.description)),\n"
        json += "  \"figures\": {"
        json += figures.all.map { "\n    \(quote($0.name)): \(value($0.value))" }.joined(separator: ",")
        json += "\n  }\n}\n"
        return json
    }

    /// A value as JSON: numbers as numbers, dates as `YYYY-MM-DD` strings, lists as arrays.
    static func value(_ value: FigureValue) -> String {
        switch value {
        case .number(let number): return number.isWhole ? String(number.numerator) : String(number.doubleValue)
        case .text(let text): return quote(text)
        case .list(let items): return "[" + items.map(quote).joined(separator: ", ") + "]"
        case .date(let day): return quote(day.description)
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
