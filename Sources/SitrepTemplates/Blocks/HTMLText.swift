/// Escapes text for HTML element content and attribute values.
public enum HTMLText {
    /// Escapes `& < > " '` one Unicode scalar at a time, so that no combining or prepending
    /// character can hide a `<` inside a larger grapheme. The five are ASCII, and in UTF-8 an
    /// ASCII byte is always a whole scalar, so the work is done on bytes; text without any of
    /// them is returned as it is.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var escaped: [UInt8] = []
            escaped.reserveCapacity(bytes.count + 16)
            escaped.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            func add(_ entity: StaticString) { entity.withUTF8Buffer { escaped.append(contentsOf: $0) } }
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): add("&amp;")
                case UInt8(ascii: "<"): add("&lt;")
                case UInt8(ascii: ">"): add("&gt;")
                case UInt8(ascii: "\""): add("&quot;")
                case UInt8(ascii: "'"): add("&#39;")
                default: escaped.append(byte)
                }
            }
            return String(decoding: escaped, as: UTF8.self)
        } ?? text
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// The text with its first letter in upper case, for headers made from data names.
    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
