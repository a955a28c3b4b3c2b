/// An exact number: a whole count, a decimal stated in a data file, or a share computed as
/// count / total. Kept exact so that "74.7 per cent" is rounded once, from the true value,
/// and never drifts through binary floating point.
public struct Rational: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Always carries the sign; `denominator` is positive and the fraction is in lowest terms.
    public let numerator: Int
    public let denominator: Int

    /// Creates `numerator / denominator`, reduced. Returns nil for a zero denominator.
    public init?(_ numerator: Int, _ denominator: Int) {
        // Int.min has no positive counterpart, so it is neither stored nor negated: an
        // arithmetic result that lands on it is reported as an overflow by the callers.
        guard denominator != 0, numerator != .min, denominator != .min else { return nil }
        let sign = denominator < 0 ? -1 : 1
        let divisor = Rational.gcd(abs(numerator), abs(denominator))
        // A share's count and total are often coprime: no division then.
        self.numerator = divisor > 1 ? sign * numerator / divisor : sign * numerator
        self.denominator = divisor > 1 ? sign * denominator / divisor : sign * denominator
    }

    /// A whole number.
    public init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    /// Parses a plain decimal literal such as `6000`, `-12`, `22.5`; no exponent, no separators.
    public init?(decimal text: some StringProtocol) {
        var digits = Substring(text)
        var negative = false
        if digits.first == "-" { negative = true; digits = digits.dropFirst() }
        else if digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), !parts[0].isEmpty,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count == 1 || !parts[1].isEmpty, parts.count == 1 || parts[1].count <= 12 else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        var scale = 1
        for _ in fraction { scale *= 10 }
        guard let whole = Int(parts[0] + fraction) else { return nil }
        self.init(negative ? -whole : whole, scale)
    }

    /// True when the number has no fractional part.
    public var isWhole: Bool { denominator == 1 }

    /// The nearest `Double`, for machine-readable output.
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// The value times 10^`decimals`, rounded half away from zero, computed exactly.
    /// Returns nil on overflow.
    public func scaledRounded(decimals: Int) -> Int? {
        var scale = 1
        for _ in 0..<max(0, decimals) {
            let (next, overflow) = scale.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            scale = next
        }
        let (scaled, overflow) = abs(numerator).multipliedReportingOverflow(by: scale)
        if overflow { return nil }
        let quotient = scaled / denominator
        let remainder = scaled % denominator
        let rounded = remainder >= denominator - remainder ? quotient + 1 : quotient
        return numerator < 0 ? -rounded : rounded
    }

    public var description: String {
        isWhole ? String(numerator) : "\(numerator)/\(denominator)"
    }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator.multipliedFullWidth(by: b.denominator) < b.numerator.multipliedFullWidth(by: a.denominator)
    }

    public static func == (a: Rational, b: Rational) -> Bool {
        a.numerator == b.numerator && a.denominator == b.denominator
    }

    /// `self - other`, or nil on overflow.
    public func subtracting(_ other: Rational) -> Rational? {
        let (left, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (right, o2) = other.numerator.multipliedReportingOverflow(by: denominator)
        let (difference, o3) = left.subtractingReportingOverflow(right)
        let (scale, o4) = denominator.multipliedReportingOverflow(by: other.denominator)
        if o1 || o2 || o3 || o4 { return nil }
        return Rational(difference, scale)
    }

    /// `self / other`, or nil when `other` is zero or on overflow.
    public func dividing(by other: Rational) -> Rational? {
        let (top, o1) = numerator.multipliedReportingOverflow(by: other.denominator)
        let (bottom, o2) = denominator.multipliedReportingOverflow(by: other.numerator)
        if o1 || o2 { return nil }
        return Rational(top, bottom)
    }

    /// The greatest common divisor of `a` and `b` (both zero or more; 0 when both are 0), by
    /// Stein's binary algorithm: shifts and subtractions, where Euclid's takes a division (tens
    /// of cycles) a step. A report reduces several hundred shares.
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (u, v) = (UInt(a), UInt(b))
        if u == 0 { return b }
        if v == 0 { return a }
        let shift = (u | v).trailingZeroBitCount
        u >>= u.trailingZeroBitCount
        repeat {
            v >>= v.trailingZeroBitCount
            if u > v { swap(&u, &v) }
            v -= u
        } while v != 0
        return Int(u << shift)
    }
}
