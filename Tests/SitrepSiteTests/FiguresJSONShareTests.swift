import SitrepContent
import XCTest

@testable import SitrepSite

/// A share is written from its unreduced fraction exactly as its reduced value would be.
final class FiguresJSONShareTests: XCTestCase {
    func testASharePrintsAsItsReducedFraction() {
        var generator = SystemRandomNumberGenerator()
        var pairs = [(0, 7), (7, 7), (14, 7), (1, 3), (2, 3), (4657, 155_000), (124_348, 228_000), (1, 1 << 53),
                     ((1 << 53) + 1, (1 << 53) + 3), (Int.max - 1, Int.max), (3, Int.max), (Int.max / 3, Int.max)]
        for _ in 0..<3_000 {
            let whole = Int.random(in: 1...2_000_000, using: &generator)
            pairs.append((Int.random(in: 0...whole, using: &generator), whole))
            let large = Int.random(in: (1 << 52)...Int.max, using: &generator)
            pairs.append((Int.random(in: 0...large, using: &generator), large))
        }
        for (part, whole) in pairs {
            var fromShare = ByteWriter(capacity: 8)
            FiguresJSON.share(part, of: whole, into: &fromShare)
            var fromValue = ByteWriter(capacity: 8)
            FiguresJSON.value(.number(Rational(part, whole)!), into: &fromValue)
            let (written, expected) = (fromShare.bytes(), fromValue.bytes())
            XCTAssertEqual(written, expected, "\(part) / \(whole)")
        }
    }
}
