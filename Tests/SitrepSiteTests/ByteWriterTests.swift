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
        for value in [0, 7, 10, -1, -908, 32_322, Int.max, Int.min] {
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
}
