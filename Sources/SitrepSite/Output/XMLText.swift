import SitrepTemplates

/// Escapes text for XML element content and attribute values (the feed, the sitemap): the HTML
/// escaping, after dropping the characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String {
        // Almost all text has no control character and no byte 0xEF (which starts U+FFFE and U+FFFF).
        if text.utf8.allSatisfy({ $0 >= 0x20 ? $0 != 0xEF : $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return HTMLText.escape(text)
        }
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : "\t\n\r".unicodeScalars.contains(scalar) {
            allowed.append(scalar)
        }
        return HTMLText.escape(String(allowed))
    }
}

extension HTMLBytes {
    /// Adds `open`, `text` escaped for XML (`XMLText`), then `close`.
    mutating func element(_ open: String, _ text: String, _ close: String) {
        add(open)
        add(XMLText.escape(text))
        add(close)
    }
}
