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

    /// How a value is shown in a disagreement message.
    static func describe(_ value: FigureValue) -> String {
        if case .text(let text) = value { return "the text '\(text)'" }
        return value.plainDescription
    }
}
