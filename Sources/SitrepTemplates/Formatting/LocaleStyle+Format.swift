import SitrepContent

extension LocaleStyle {
    /// How a figure's value prints with no filter: numbers grouped, dates in full, lists joined.
    public func format(_ value: FigureValue) -> String {
        switch value {
        case .number(let number): return format(number)
        case .text(let text): return text
        case .list(let items): return format(list: items)
        case .date(let day): return format(day)
        }
    }

    /// A change with its sign: "+2,311", "−15" (with a true minus sign), "0".
    public func format(signed value: Rational) -> String {
        let text = format(value)
        if value.numerator > 0 { return "+" + text }
        if value.numerator < 0 { return "\u{2212}" + text.dropFirst() }
        return text
    }

    /// A period: "June 2022" for a whole month, "27 May – 9 June 2022", "1–15 June 2022".
    public func format(from start: Day, to end: Day) -> String {
        if start.day == 1, end == start.endOfMonth {
            return (standaloneMonthNames ?? monthNames)[start.month - 1].capitalizedFirst + monthYearSeparator + String(start.year)
        }
        if start.year != end.year { return "\(format(start)) – \(format(end))" }
        if start.month != end.month { return "\(format(start, withYear: false)) – \(format(end))" }
        if start == end { return format(end) }
        return "\(start.day)–\(format(end))"
    }

    /// A whole number with thousands grouped: 32,322 (en), 32 322 (ru).
    public func format(integer value: Int) -> String {
        digits(negative: value < 0, whole: value.magnitude, fraction: 0, decimals: 0)
    }

    /// A number rounded half away from zero to exactly `decimals` places, grouped.
    /// Returns nil when the number is too large to scale.
    public func format(_ value: Rational, decimals: Int) -> String? {
        guard let scaled = value.scaledRounded(decimals: decimals) else { return nil }
        guard decimals > 0 else { return format(integer: scaled) }
        var divisor = 1
        for _ in 0..<decimals { divisor *= 10 }
        let magnitude = abs(scaled)
        return digits(negative: scaled < 0, whole: UInt(magnitude / divisor), fraction: UInt(magnitude % divisor), decimals: decimals)
    }

    /// A minus sign if `negative`, `whole` grouped in threes, and if `decimals` is above 0 the
    /// decimal separator and `fraction` in that many digits. Written digit by digit from the end
    /// into the string's own bytes: grouping a `String` of the digits cost 2.5 K instructions a
    /// number (each numeric cell of a table block comes here), 380 so.
    private func digits(negative: Bool, whole: UInt, fraction: UInt, decimals: Int) -> String {
        // The separator taken out first: a closure that read `self.decimalSeparator` took a copy
        // of the whole style (a dozen retains and releases) a number.
        let decimalSeparator = decimalSeparator
        return groupingSeparator.withBorrowedUTF8 { grouping in
            decimalSeparator.withBorrowedUTF8 { decimal in
                var wholeDigits = 1
                var rest = whole / 10
                while rest > 0 { wholeDigits += 1; rest /= 10 }
                let count = (negative ? 1 : 0) + wholeDigits + (wholeDigits - 1) / 3 * grouping.count
                    + (decimals > 0 ? decimal.count + decimals : 0)
                return String(unsafeUninitializedCapacity: count) { bytes in
                    var end = count
                    func write(_ separator: UnsafeBufferPointer<UInt8>) {
                        end -= separator.count
                        for (offset, byte) in separator.enumerated() { bytes[end + offset] = byte }
                    }
                    func write(digitsOf number: UInt, count: Int, groupedBy grouping: UnsafeBufferPointer<UInt8>?) {
                        var number = number
                        for written in 0..<count {
                            if let grouping, written > 0, written % 3 == 0 { write(grouping) }
                            end -= 1
                            bytes[end] = UInt8(ascii: "0") + UInt8(number % 10)
                            number /= 10
                        }
                    }
                    if decimals > 0 {
                        write(digitsOf: fraction, count: decimals, groupedBy: nil)
                        write(decimal)
                    }
                    write(digitsOf: whole, count: wholeDigits, groupedBy: grouping)
                    if negative { bytes[0] = UInt8(ascii: "-") }
                    return count
                }
            }
        }
    }

    /// The default rendering of a number: whole numbers grouped, others with up to two decimals.
    public func format(_ value: Rational) -> String {
        if value.isWhole { return format(integer: value.numerator) }
        for decimals in 1...2 {
            if let scaled = value.scaledRounded(decimals: decimals),
               let exact = Rational(scaled, decimals == 1 ? 10 : 100), exact == value {
                return format(value, decimals: decimals) ?? value.description
            }
        }
        return format(value, decimals: 2) ?? value.description
    }

    /// A share (0.747) as a percentage with `decimals` places and the prose or table suffix.
    public func formatPercent(_ share: Rational, decimals: Int, inTable: Bool) -> String? {
        guard let percent = Rational(share.numerator.multipliedReportingOverflow(by: 100).partialValue, share.denominator),
              share.numerator.multipliedReportingOverflow(by: 100).overflow == false,
              let number = format(percent, decimals: decimals) else { return nil }
        return number + (inTable ? percentInTables : percentInProse)
    }

    /// A date: "9 June 2022" (Spanish "9 de junio de 2022"), or "9 June" when `withYear` is false.
    public func format(_ day: Day, withYear: Bool = true) -> String {
        let text = "\(day.day)\(dayMonthSeparator)\(monthNames[day.month - 1])"
        return withYear ? text + monthYearSeparator + String(day.year) : text
    }

    /// "and C", or "وC" where the conjunction joins the next word.
    private func conjoined(_ item: String) -> String {
        listConjunction + (conjunctionJoinsNextWord ? "" : " ") + item
    }

    /// A list: "A, B and C"; with `serialComma`, "A, B, and C".
    public func format(list items: [String], serialComma: Bool = false) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return "\(items[0]) \(conjoined(items[1]))"
        default:
            // Put together as bytes: `joined(separator:)` on the slice cost 9.7 K instructions a list.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(items.count * 16)
            func add(_ text: String) { text.withBorrowedUTF8 { bytes.append(contentsOf: $0) } }
            for position in 0..<(items.count - 1) {
                if position > 0 { add(listSeparator) }
                add(items[position])
            }
            add(serialComma ? listSeparator : " ")
            add(conjoined(items[items.count - 1]))
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
