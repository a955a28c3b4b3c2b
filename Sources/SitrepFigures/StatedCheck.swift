import SitrepContent

/// Whether a stated figure agrees with the value sitrep computes under the same name.
enum StatedCheck {
    /// Numbers agree when equal; when the stated number has decimals, when the computed one
    /// rounds to it at that precision (a stated share of `74.7%` agrees with 398/533); when
    /// stated as approximate, when within the tolerance. Other values agree when equal.
    static func agrees(_ stated: StatedFigure, with computed: FigureValue) -> Bool {
        guard let statedNumber = stated.value.number, let computedNumber = computed.number else {
            return stated.value == computed
        }
        if let tolerance = stated.tolerance {
            guard let difference = statedNumber.subtracting(computedNumber) else { return false }
            let distance = difference.numerator < 0 ? Rational(-difference.numerator, difference.denominator)! : difference
            switch tolerance {
            case .absolute(let limit):
                return distance <= limit
            case .relative(let fraction):
                let magnitude = computedNumber.numerator < 0
                    ? Rational(-computedNumber.numerator, computedNumber.denominator)! : computedNumber
                guard let limit = Rational(fraction.numerator.multipliedReportingOverflow(by: magnitude.numerator).partialValue,
                                           fraction.denominator * magnitude.denominator) else { return false }
                return distance <= limit
            }
        }
        if stated.decimals > 0 {
            return computedNumber.scaledRounded(decimals: stated.decimals) == statedNumber.scaledRounded(decimals: stated.decimals)
        }
        return statedNumber == computedNumber
    }

    /// The stated value as the officer wrote it: `7 per cent` for `7%`, `0.746`, `1,250,000`.
    static func describe(_ stated: StatedFigure) -> String {
        guard let number = stated.value.number else { return describe(stated.value) }
        let text = stated.percent
            ? MessageNumbers.percent(number, decimals: stated.decimals - 2)
            : MessageNumbers.decimal(number, decimals: stated.decimals)
        return text ?? MessageNumbers.number(number)
    }

    /// The computed value written like the stated one, with one decimal more than it was written
    /// with, so that the difference shows: `6.4 per cent` against `7 per cent`, `0.7467` against
    /// `0.746`. A whole number is written whole, with thousands separators.
    static func describe(_ computed: FigureValue, as stated: StatedFigure) -> String {
        guard let number = computed.number, stated.value.number != nil else { return describe(computed) }
        if stated.percent {
            return MessageNumbers.percent(number, decimals: stated.decimals - 2 + 1) ?? MessageNumbers.number(number)
        }
        if number.isWhole || stated.decimals == 0 { return MessageNumbers.number(number) }
        return MessageNumbers.decimal(number, decimals: stated.decimals + 1) ?? MessageNumbers.number(number)
    }

    /// How a value other than a stated number is shown in a disagreement message.
    static func describe(_ value: FigureValue) -> String {
        switch value {
        case .text(let text): return "the text '\(text)'"
        case .number(let number): return MessageNumbers.number(number)
        default: return value.plainDescription
        }
    }
}
