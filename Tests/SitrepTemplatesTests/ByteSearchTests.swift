import XCTest

@testable import SitrepTemplates

/// The eight-bytes-at-a-time searches that the placeholder scan relies on give what a byte-by-byte
/// search gives, wherever the byte sits in a word of eight and whatever surrounds it.
final class ByteSearchTests: XCTestCase {
    func testFirstOffsetFindsEitherByteAtEveryPosition() {
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for (target, filler) in [(UInt8(ascii: "{"), UInt8(ascii: "a")), (UInt8(ascii: "\n"), UInt8(0xC3)), (UInt8(ascii: "{"), UInt8(ascii: "z"))] {
                    var bytes = [UInt8](repeating: filler, count: length)
                    if position < length { bytes[position] = target }
                    for start in 0...length {
                        let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: UInt8(ascii: "{"), or: UInt8(ascii: "\n"), in: $0, from: start) }
                        let expected = bytes[start...].firstIndex { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "\n") } ?? length
                        XCTAssertEqual(found, expected, "length \(length), byte at \(position), from \(start)")
                    }
                }
            }
        }
    }

    func testNeighbouringBytesAreNotTakenForTheTarget() {
        // `z` (0x7A), `|` (0x7C) and `}` (0x7D) sit next to `{` (0x7B); 0x0B and 0x09 next to a line feed.
        let bytes: [UInt8] = Array("z|}zz|}}z|}zz|}}".utf8) + [0x0B, 0x09, 0x8A, 0xFB] + Array("{".utf8)
        let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: UInt8(ascii: "{"), or: UInt8(ascii: "\n"), in: $0, from: 0) }
        XCTAssertEqual(found, bytes.count - 1)
    }

    func testIsASCIIAtEveryPosition() {
        for length in 0...24 {
            for position in 0..<max(length, 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if position < length { bytes[position] = 0x80 }
                for lower in 0...length {
                    for upper in lower...length {
                        let ascii = bytes.withUnsafeBufferPointer { ByteSearch.isASCII($0, lower..<upper) }
                        XCTAssertEqual(ascii, bytes[lower..<upper].allSatisfy { $0 < 0x80 }, "length \(length), \(lower)..<\(upper)")
                    }
                }
            }
        }
    }
}
