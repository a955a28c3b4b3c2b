/// Which way a language is written, as `<html dir>` takes it: `rtl` for Arabic, Hebrew, Persian
/// and Urdu, `ltr` for every other.
public enum TextDirection {
    static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur"]

    /// `rtl` or `ltr` for a locale identifier such as `ar` or `en-GB`.
    public static func of(_ locale: String) -> String {
        isRightToLeft(locale) ? "rtl" : "ltr"
    }

    /// True for a locale written right to left.
    public static func isRightToLeft(_ locale: String) -> Bool {
        rightToLeft.contains(String(locale.prefix { $0 != "-" && $0 != "_" }).lowercased())
    }
}
