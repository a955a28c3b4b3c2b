import SitrepTemplates

/// Escapes text for XML element content and attribute values (the feed, the sitemap): the HTML
/// escaping, after dropping the characters XML 1.0 forbids.
enum XMLText {
    static func escape(_ text: String) -> String {
        var allowed = String.UnicodeScalarView()
        for scalar in text.unicodeScalars
        where scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : "\t\n\r".unicodeScalars.contains(scalar) {
            allowed.append(scalar)
        }
        return HTMLText.escape(String(allowed))
    }
}
