import XCTest

@testable import SitrepSite

/// The byte buffer figures.json is written into.
final class ByteWriterTests: XCTestCase {
    func testPiecesComeOutInOrderPastTheFirstCapacity() {
        var writer = ByteWriter(capacity: 1)
        var expected: [UInt8] = []
        for round in 0..<200 {
            writer.append("ab")
            writer.append(UInt8(ascii: "-"))
            writer.append("é\(round)")
            expected += Array("ab-é\(round)".utf8)
        }
        let bytes = writer.bytes()
        XCTAssertEqual(bytes, expected)
    }

    func testDecimalsAsSwiftPrintsThem() {
        var values = [0, 7, 9, 10, 11, 99, 100, 101, 999, 1_000, -1, -9, -10, -908, 32_322, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            values += [power - 1, power, power + 1, -power, -(power - 1)]
        }
        var generator = SystemRandomNumberGenerator()
        values += (0..<2_000).map { _ in Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...62, using: &generator) }
        for value in values {
            var writer = ByteWriter(capacity: 1)
            writer.append("x")
            writer.appendDecimal(value)
            let text = String(decoding: writer.bytes(), as: UTF8.self)
            XCTAssertEqual(text, "x\(value)")
        }
    }

    func testOnlyTheMarkedBytesAreEscaped() {
        var writer = ByteWriter(capacity: 4)
        let table = (0..<256).map { $0 == Int(UInt8(ascii: "<")) }
        Array("a<b<<c".utf8).withUnsafeBufferPointer { bytes in
            table.withUnsafeBufferPointer { escaped in
                writer.append(bytes, escaped: escaped) { writer, _, _ in
                    writer.append("&lt;")
                    return 1
                }
            }
        }
        let text = String(decoding: writer.bytes(), as: UTF8.self)
        XCTAssertEqual(text, "a&lt;b&lt;&lt;c")
    }

    func testDoublesAsTheirDescription() {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Double(Int.random(in: 0...1_000_000, using: &generator)) / Double(Int.random(in: 1...10_000_000, using: &generator)) }
        let special = [0, -0.0, 1, 0.5, 1e16, -1e300, .leastNonzeroMagnitude, -2.2250738585072014e-308, 1.7976931348623157e308, .infinity, -.infinity]
        for value in special + random {
            var writer = ByteWriter(capacity: 1)
            writer.append("x")
            writer.appendDescription(of: value)
            let text = String(decoding: writer.bytes(), as: UTF8.self)
            XCTAssertEqual(text, "x\(value.description)")
        }
    }

    func testSharedPrefixOfEarlierBytes() {
        var writer = ByteWriter(capacity: 1)
        writer.append("-arrivals.nationality.Mali")
        for (text, shared) in [("arrivals.nationality.Mali.share", 25), ("arrivals.nationality.Iraq", 21), ("arrivals", 8), ("b", 0), ("", 0)] {
            let count = Array(text.utf8).withUnsafeBufferPointer { writer.sharedPrefixCount($0, withBytesAt: 1, count: 25) }
            XCTAssertEqual(count, shared, text)
        }
    }
}
