import XCTest

@testable import SitrepContent

/// Rationals are kept in lowest terms, the sign on the numerator.
final class RationalTests: XCTestCase {
    /// The binary greatest common divisor agrees with Euclid's on small, large, equal, zero and
    /// power-of-two values.
    func testGreatestCommonDivisorAgreesWithEuclid() {
        func euclid(_ a: Int, _ b: Int) -> Int {
            var (x, y) = (a, b)
            while y != 0 { (x, y) = (y, x % y) }
            return x
        }
        var generator = SystemRandomNumberGenerator()
        var pairs = [(0, 0), (0, 7), (7, 0), (1, 1), (12, 18), (1 << 40, 1 << 20), (3 << 20, 9 << 7), (Int.max, Int.max - 1),
                     (Int.max, 1 << 62), (4657, 155_000), (124_348, 228_000)]
        for _ in 0..<2_000 {
            pairs.append((Int.random(in: 0...Int.max, using: &generator), Int.random(in: 0...1_000_000, using: &generator)))
            pairs.append((Int.random(in: 0...1_000, using: &generator) << Int.random(in: 0...20, using: &generator),
                          Int.random(in: 0...1_000, using: &generator) << Int.random(in: 0...20, using: &generator)))
        }
        for (a, b) in pairs {
            XCTAssertEqual(Rational.gcd(a, b), euclid(a, b), "gcd(\(a), \(b))")
        }
    }

    /// A fraction is reduced, with its sign carried by the numerator; a zero denominator and
    /// Int.min give none.
    func testFractionsAreReducedWithTheSignOnTop() {
        XCTAssertEqual(Rational(6, 8).map { [$0.numerator, $0.denominator] }, [3, 4])
        XCTAssertEqual(Rational(6, -8).map { [$0.numerator, $0.denominator] }, [-3, 4])
        XCTAssertEqual(Rational(-6, -8).map { [$0.numerator, $0.denominator] }, [3, 4])
        XCTAssertEqual(Rational(0, -5).map { [$0.numerator, $0.denominator] }, [0, 1])
        XCTAssertEqual(Rational(4657, 155_000).map { [$0.numerator, $0.denominator] }, [4657, 155_000])
        XCTAssertEqual(Rational(Int.max, Int.max).map { [$0.numerator, $0.denominator] }, [1, 1])
        XCTAssertNil(Rational(1, 0))
        XCTAssertNil(Rational(Int.min, 3))
        XCTAssertNil(Rational(3, Int.min))
    }
}
