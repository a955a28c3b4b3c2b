import Foundation

/// How a cell's stored value reads as text: numbers as Excel shows them in the General format,
/// dates as ISO 8601 (`2022-06-09`), and the `_x000D_` escapes of the file format undone.
enum WorkbookCellText {
    /// A number as stored in `<v>` (`1234`, `3.0000000000000004`, `1.5E-3`), written as Excel's
    /// General format shows it: to 15 significant digits, without trailing zeros, so that a sum
    /// of decimals whose binary value is a hair off reads as the whole number Excel shows. Nil
    /// when the text is not a number.
    static func number(_ stored: String) -> String? {
        let utf8 = stored.utf8
        if !utf8.isEmpty, utf8.count <= 15,
           utf8.enumerated().allSatisfy({ $1 >= 0x30 && $1 <= 0x39 || ($0 == 0 && $1 == 0x2D && utf8.count > 1) }) {
            return stored == "-0" ? "0" : stored
        }
        guard let value = Double(stored), value.isFinite else { return nil }
        var text = String(format: "%.15g", value)
        if text == "-0" { text = "0" }
        return text
    }

    /// The date (and time) of serial `days` in the 1900 date system (or 1904): `2022-06-09`,
    /// `2022-06-09T14:30:00`, or `14:30:00` for a time alone. Nil out of Excel's range of dates.
    static func date(serial days: Double, kind: WorkbookNumberFormat.Kind, date1904: Bool) -> String? {
        guard days.isFinite, days >= 0, days < 2_958_466 else { return nil }
        var seconds = Int((days * 86_400).rounded())
        var whole = seconds / 86_400
        seconds %= 86_400
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if kind == .time { return time }
        let day: Day
        if date1904 {
            day = Day(year: 1904, month: 1, day: 1)!.adding(days: whole)
        } else {
            // Excel counts 1900-02-29, which did not exist, as day 60: days before it are one earlier.
            if whole == 0 { return nil }
            if whole < 61 { whole += 1 }
            day = Day(year: 1899, month: 12, day: 30)!.adding(days: whole)
        }
        return kind == .dateTime && seconds != 0 ? "\(day)T\(time)" : "\(day)"
    }

    /// A cell of type `d`: an ISO 8601 date and time as written, its time left out at midnight.
    static func isoDate(_ stored: String) -> String {
        for midnight in ["T00:00:00Z", "T00:00:00.000", "T00:00:00", "T00:00"] where stored.hasSuffix(midnight) {
            return String(stored.dropLast(midnight.count))
        }
        return stored
    }

    /// `text` with the file format's escapes of characters XML cannot hold (`_x000D_` for a
    /// carriage return, `_x005F_` for an underscore) read back.
    static func unescaped(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }

    /// An XML boolean attribute: `1` or `true`.
    static func isTrue(_ value: String?) -> Bool { value == "1" || value == "true" }
}
