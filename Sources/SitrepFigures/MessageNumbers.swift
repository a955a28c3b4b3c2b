import SitrepContent

/// Numbers as messages print them, the way an officer writes them: whole numbers with thousands
/// separators (`4,884`), shares in per cent (`6.4 per cent`). Messages are in English whatever the
/// series' locale, like the rest of sitrep's messages.
enum MessageNumbers {
    /// `4,884`; `-1,250`.
    static func whole(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return value < 0 ? "-" + grouped : grouped
    }

    /// `value` with `decimals` decimals, rounded half away from zero, the whole part grouped:
    /// `1,234.5`; a whole number as `whole(_:)` when `decimals` is 0. Nil on overflow.
    static func decimal(_ value: Rational, decimals: Int) -> String? {
        guard let scaled = value.scaledRounded(decimals: decimals) else { return nil }
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let sign = scaled < 0 ? "-" : ""
        let whole = whole(Int(scaled.magnitude) / scale)
        guard decimals > 0 else { return sign + whole }
        let fraction = String(Int(scaled.magnitude) % scale)
        return sign + whole + "." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A fraction in per cent with `decimals` decimals (`6.4 per cent`), or as many as it needs
    /// up to 4 when nil (`2.5 per cent`). Nil on overflow.
    static func percent(_ fraction: Rational, decimals: Int? = nil) -> String? {
        let (hundredfold, overflow) = fraction.numerator.multipliedReportingOverflow(by: 100)
        guard !overflow, let percent = Rational(hundredfold, fraction.denominator) else { return nil }
        guard let decimals else { return number(percent) + " per cent" }
        return decimal(percent, decimals: decimals).map { $0 + " per cent" }
    }

    /// Any number: whole numbers grouped, others with the decimals they need (up to 4).
    static func number(_ value: Rational) -> String {
        if value.isWhole { return whole(value.numerator) }
        var text = decimal(value, decimals: 4) ?? value.description
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
