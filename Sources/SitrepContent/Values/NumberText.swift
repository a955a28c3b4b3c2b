/// How sitrep reads a number written in a data file. CSV values and YAML figures are read by
/// this one reader, so the same text means the same thing in both; each caller then decides
/// what it accepts (a table's counts are whole and not negative; a stated figure may be a
/// decimal or negative).
///
/// A number is written plainly: an optional minus (`-` or `−`), ASCII digits, and
/// optionally a point and up to 12 more digits (`6000`, `-5`, `22.5`, `007` is 7). Everything
/// else that looks like a number is classified, so that the message can say what to write.
public enum NumberText: Sendable, Equatable {
    /// A plain number, and the number of decimal places written (`22.50` has 2).
    case number(Rational, decimals: Int)
    /// Nothing but spaces and tabs.
    case empty
    /// Digits grouped by threes: `6 000`, `1,234,567`, `1'234`. `digits` is the number without
    /// separators. `ambiguous` when the one separator is a point or comma (`6.000`, `1,234`):
    /// thousands in one language, a decimal mark in another.
    case grouped(digits: String, ambiguous: Bool)
    /// A decimal comma, or a decimal part after thousands separators: `1,5`, `1,234.5`.
    /// `plain` is how to write it (`1.5`, `1234.5`).
    case decimalSeparators(plain: String)
    /// Another notation for a number: `1e3`, `0x10`, `.5`, `5.`, `+5` (a plus sign reads as a
    /// change, not an amount). `plain` is how to write it.
    case otherNotation(plain: String)
    /// More than `Int.max` (in the last unit written).
    case outOfRange
    /// More than 12 decimal places.
    case tooPrecise
    /// Digits and separators in no shape that means a number: `12 5`, `1,,234`.
    case malformed
    /// Text.
    case notANumber

    /// The most decimal places a number may have.
    public static let maximumDecimals = 12

    /// Reads `text`, ignoring spaces and tabs around it.
    public static func read(_ text: some StringProtocol) -> NumberText {
        if let whole = text.utf8.withContiguousStorageIfAvailable(wholeNumber) ?? wholeNumber(Array(text.utf8)) {
            return whole
        }
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        if scalars.isEmpty { return .empty }
        var sign = ""
        let plus = scalars.first == "+"
        if let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
            sign = plus ? "" : "-"
            scalars.removeFirst()
        }
        let reading = separated(scalars, sign: sign) ?? otherNotation(String(scalars), sign: sign) ?? .notANumber
        if plus, case .number = reading { return .otherNotation(plain: String(scalars)) }
        return reading
    }

    /// ASCII digits with blanks around (or blanks only: empty); nil for anything else.
    static func wholeNumber<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> NumberText? {
        var value = 0
        var digits = 0
        var trailingBlanks = false
        var overflow = false
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 && !trailingBlanks {
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
                overflow = overflow || overflow1 || overflow2
                value = sum
                digits += 1
            } else if byte == 0x20 || byte == 0x09 {
                if digits > 0 { trailingBlanks = true }
            } else {
                return nil
            }
        }
        return digits == 0 ? .empty : overflow ? .outOfRange : .number(Rational(value), decimals: 0)
    }

    private static let separatorScalars: Set<Unicode.Scalar> = [
        ",", ".", " ", "'", "\u{2019}", "_", "\u{00A0}", "\u{202F}", "\u{2009}",
    ]

    /// Digits, perhaps with separators between them; nil when something else is in the text.
    private static func separated(_ scalars: Substring.UnicodeScalarView.SubSequence, sign: String) -> NumberText? {
        var groups: [String] = [""]
        var separators: [Unicode.Scalar] = []
        for scalar in scalars {
            if isDigit(scalar) {
                groups[groups.count - 1].unicodeScalars.append(scalar)
            } else if separatorScalars.contains(scalar) {
                separators.append(scalar)
                groups.append("")
            } else {
                return nil
            }
        }
        if groups.contains(where: \.isEmpty) {
            // `.5` and `5.` are other notations; `1,,234` or a lone sign are not numbers.
            return groups.count == 2 && separators == ["."] && groups.contains(where: { !$0.isEmpty }) ? nil : .malformed
        }
        if separators.isEmpty { return Int(sign + groups[0]).map { .number(Rational($0), decimals: 0) } ?? .outOfRange }
        let thousands = Set(separators).count == 1 && (1...3).contains(groups[0].count) && groups[0].first != "0"
            && groups.dropFirst().allSatisfy { $0.count == 3 }
        if thousands {
            return .grouped(digits: sign + groups.joined(), ambiguous: separators.count == 1 && (separators[0] == "." || separators[0] == ","))
        }
        if separators == ["."] { return decimal(sign: sign, whole: groups[0], fraction: groups[1]) }
        let earlier = Set(separators.dropLast())
        if let last = separators.last, last == "." || last == ",", earlier.count <= 1, !earlier.contains(last) {
            return .decimalSeparators(plain: sign + groups.dropLast().joined() + "." + groups[groups.count - 1])
        }
        return .malformed
    }

    private static func decimal(sign: String, whole: String, fraction: String) -> NumberText {
        guard fraction.count <= maximumDecimals else { return .tooPrecise }
        var scale = 1
        for _ in fraction { scale *= 10 }
        guard let value = Int(sign + whole + fraction) else { return .outOfRange }
        return .number(Rational(value, scale)!, decimals: fraction.count)
    }

    /// `1e3`, `2.5E-2`, `0x10`, `.5`, `5.`, with how to write them plainly.
    private static func otherNotation(_ text: String, sign: String) -> NumberText? {
        let lower = text.lowercased()
        if lower.hasPrefix("0x"), lower.count > 2, let value = UInt64(lower.dropFirst(2), radix: 16) {
            return .otherNotation(plain: sign + String(value))
        }
        if text.hasPrefix("."), text.count > 1, text.dropFirst().allSatisfy(\.isASCIIDigit) {
            return .otherNotation(plain: sign + "0" + text)
        }
        if text.hasSuffix("."), text.count > 1, text.dropLast().allSatisfy(\.isASCIIDigit) {
            return .otherNotation(plain: sign + String(text.dropLast()))
        }
        let parts = lower.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let exponent = Int(parts[1]), abs(exponent) <= 30 else { return nil }
        let mantissa = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard !mantissa[0].isEmpty, mantissa.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              mantissa.count == 1 || !mantissa[1].isEmpty else { return nil }
        let digits = mantissa.joined()
        let point = mantissa[0].count + exponent
        var whole = point <= 0 ? "0" : String(digits.prefix(point)) + String(repeating: "0", count: max(0, point - digits.count))
        var fraction = point >= digits.count ? "" : String(repeating: "0", count: max(0, -point)) + digits.dropFirst(max(0, point))
        while whole.count > 1 && whole.first == "0" { whole.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        return .otherNotation(plain: sign + whole + (fraction.isEmpty ? "" : "." + fraction))
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
