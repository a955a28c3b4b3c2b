/// Escapes text for HTML element content and attribute values.
public enum HTMLText {
    /// Escapes `& < > " '` one Unicode scalar at a time, so that no combining or prepending
    /// character can hide a `<` inside a larger grapheme. The five are ASCII, and in UTF-8 an
    /// ASCII byte is always a whole scalar, so the work is done on bytes; text without any of
    /// them is returned as it is.
    public static func escape(_ text: String) -> String {
        guard text.withBorrowedUTF8({ $0.contains(where: isSpecial) }) else { return text }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        escape(text, into: &escaped)
        return String(decoding: escaped, as: UTF8.self)
    }

    /// Appends `text`, escaped as `escape(_:)` does, to the UTF-8 `bytes`.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        text.withBorrowedUTF8 { source in
            var start = 0
            for offset in source.indices where isSpecial(source[offset]) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<offset]))
                func add(_ entity: StaticString) { entity.withUTF8Buffer { bytes.append(contentsOf: $0) } }
                switch source[offset] {
                case UInt8(ascii: "&"): add("&amp;")
                case UInt8(ascii: "<"): add("&lt;")
                case UInt8(ascii: ">"): add("&gt;")
                case UInt8(ascii: "\""): add("&quot;")
                default: add("&#39;")
                }
                start = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[start...]))
        }
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

/// HTML (or XML) put together as UTF-8 bytes in one array reserved for it: blocks that cmark
/// takes as they are (appending each piece to a `String` cost 330 instructions), the feed and
/// the sitemap.
public struct HTMLBytes {
    /// The bytes put together so far.
    public private(set) var bytes: [UInt8] = []

    /// An empty array with room for `capacity` bytes.
    public init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    /// Adds markup as it is.
    public mutating func add(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Adds markup as it is.
    public mutating func add(_ text: String) {
        text.withBorrowedUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Adds `text` escaped for element content and attribute values.
    public mutating func addEscaped(_ text: String) {
        HTMLText.escape(text, into: &bytes)
    }
}
