extension String {
    /// The index `offset` UTF-8 bytes from the start, for positions found by scanning the bytes
    /// (valid in every view when the offset falls between characters' scalars, as it does at an
    /// ASCII byte).
    func index(atUTF8Offset offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }
}
