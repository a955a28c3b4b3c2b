extension String {
    /// Calls `body` with the string's UTF-8 bytes, borrowed where they can be: `withUTF8` needs a
    /// `var` copy of the string, which costs a retain and a release, and the hot loops of a
    /// build (figure names, page text, placeholders) make hundreds of thousands of calls.
    /// A string whose bytes are not stored contiguously (one bridged from elsewhere) is copied.
    @inlinable
    public func withBorrowedUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var contiguous = self
        return try contiguous.withUTF8(body)
    }
}
