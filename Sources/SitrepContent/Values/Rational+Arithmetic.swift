extension Rational {
    /// `self + other`, or nil on overflow.
    public func adding(_ other: Rational) -> Rational? {
        let (negated, overflow) = 0.subtractingReportingOverflow(other.numerator)
        if overflow { return nil }
        return subtracting(Rational(negated, other.denominator)!)
    }

    /// `self × other`, or nil on overflow.
    public func multiplied(by other: Rational) -> Rational? {
        let (top, o1) = numerator.multipliedReportingOverflow(by: other.numerator)
        let (bottom, o2) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 { return nil }
        return Rational(top, bottom)
    }

    /// The value rounded to `decimals` decimals, half away from zero; nil on overflow.
    public func rounded(decimals: Int) -> Rational? {
        guard let scaled = scaledRounded(decimals: decimals) else { return nil }
        var scale = 1
        for _ in 0..<max(0, decimals) { scale *= 10 }
        return Rational(scaled, scale)
    }
}
