import SitrepContent

/// A value axis on round numbers: ticks every 1, 2 or 5 times a power of ten, from a multiple of
/// the step at or below the lowest value (0 when every value is positive) to one at or above the
/// highest. Ticks are exact (`Rational`), so that their labels print as the locale writes numbers;
/// only positions on the chart are `Double`.
struct ChartScale {
    /// The tick values, lowest first.
    let ticks: [Rational]
    let low: Double
    let high: Double

    /// A scale that shows `values` (and 0) in about `targetTicks` steps.
    init(values: [Double], targetTicks: Int = 4) {
        let low = min(0, values.min() ?? 0)
        let high = max(0, values.max() ?? 0)
        guard high > low else {
            (ticks, self.low, self.high) = ([Rational(0), Rational(1)], 0, 1)
            return
        }
        // The largest step covers any two Ints in two steps, so the search always ends.
        let step = Self.steps.first { step in
            (high / step.double).rounded(.up) - (low / step.double).rounded(.down) <= Double(targetTicks)
        } ?? Self.steps[Self.steps.count - 1]
        let first = (low / step.double).rounded(.down)
        let last = (high / step.double).rounded(.up)
        ticks = (Int(first)...Int(last)).compactMap { step.times($0) }
        self.low = first * step.double
        self.high = last * step.double
    }

    /// Where `value` sits between the axis ends, from 0 (low) to 1 (high).
    func fraction(_ value: Double) -> Double { (value - low) / (high - low) }

    /// A step `mantissa × 10^exponent`.
    private struct Step {
        var mantissa: Int
        var exponent: Int

        var double: Double {
            var value = Double(mantissa)
            if exponent >= 0 { for _ in 0..<exponent { value *= 10 } } else { for _ in 0..<(-exponent) { value /= 10 } }
            return value
        }

        /// `count` steps, exactly; nil if it cannot be counted.
        func times(_ count: Int) -> Rational? {
            var power = 1
            for _ in 0..<abs(exponent) {
                let (next, overflow) = power.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                power = next
            }
            let (scaled, overflow) = count.multipliedReportingOverflow(by: mantissa)
            if overflow { return nil }
            if exponent < 0 { return Rational(scaled, power) }
            let (whole, tooLarge) = scaled.multipliedReportingOverflow(by: power)
            return tooLarge ? nil : Rational(whole)
        }
    }

    /// Every step from 0.01 up, in increasing order: tick labels are printed with at most two
    /// decimals, so a finer step would print the same label twice.
    private static let steps: [Step] = (-2...18).flatMap { exponent in
        [1, 2, 5].map { Step(mantissa: $0, exponent: exponent) }
    }
}
