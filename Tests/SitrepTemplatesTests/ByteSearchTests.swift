import XCTest

@testable import SitrepTemplates

/// The searches that the placeholder scan relies on give what a byte-by-byte search gives,
/// wherever the byte sits in a word of eight and whatever surrounds it.
final class ByteSearchTests: XCTestCase {
    func testFirstOffsetFindsTheByteAtEveryPosition() {
        for length in 0...40 {
            for position in 0..<max(length, 1) {
                for (target, filler) in [(UInt8(ascii: "{"), UInt8(ascii: "a")), (UInt8(ascii: "\n"), UInt8(0xC3)), (UInt8(0xEE), UInt8(0xEF))] {
                    var bytes = [UInt8](repeating: filler, count: length)
                    if position < length { bytes[position] = target }
                    for start in 0...length + 1 {
                        let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: target, in: $0, from: start) }
                        let expected = start < length ? bytes[start...].firstIndex(of: target) ?? length : length
                        XCTAssertEqual(found, expected, "length \(length), byte at \(position), from \(start)")
                    }
                }
            }
        }
    }

    func testASliceIsSearchedOnlyUpToItsEnd() {
        let bytes = Array("ab{cd{".utf8)
        let found = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: UInt8(ascii: "{"), in: UnsafeBufferPointer(rebasing: $0[..<2]), from: 0) }
        XCTAssertEqual(found, 2)
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
