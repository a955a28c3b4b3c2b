#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches in UTF-8 bytes, for the scans that walk a whole narrative: a report's Markdown is
/// read byte by byte only around the placeholders.
enum ByteSearch {
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first `byte` from `start`; `bytes.count` when there is none. The C
    /// library's `memchr` reads 32 bytes at a time: the placeholder scan of the 100-report bench
    /// took 2.4 M instructions less than with a search of eight bytes at a time in Swift.
    static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(byte), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// True when every byte in `range` is ASCII.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = range.lowerBound
        while offset + 8 <= range.upperBound {
            if UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self) & highBits != 0 { return false }
            offset += 8
        }
        while offset < range.upperBound {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }
}
