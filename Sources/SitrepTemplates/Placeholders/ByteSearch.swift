/// Searches in UTF-8 bytes eight at a time, for the scans that walk a whole narrative: a report's
/// Markdown is read byte by byte only around the placeholders.
enum ByteSearch {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first byte from `start` that is `first` or `second`; `bytes.count` when there is none.
    static func firstOffset(of first: UInt8, or second: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var offset = start
        let (a, b) = (ones &* UInt64(first), ones &* UInt64(second))
        while offset + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if hasZeroByte(word ^ a) || hasZeroByte(word ^ b) { break }
            offset += 8
        }
        while offset < bytes.count, bytes[offset] != first, bytes[offset] != second { offset += 1 }
        return offset
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

    /// True when one of the eight bytes of `word` is 0 (exact: no false positives).
    @inline(__always)
    private static func hasZeroByte(_ word: UInt64) -> Bool {
        (word &- ones) & ~word & highBits != 0
    }
}
