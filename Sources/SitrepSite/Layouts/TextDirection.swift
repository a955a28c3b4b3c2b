/// Which way a language is written, as `<html dir>` takes it: `rtl` for Arabic, Hebrew, Persian
/// and Urdu, `ltr` for every other.
enum TextDirection {
    static let rightToLeft: Set<String> = ["ar", "he", "fa", "ur"]

    static func of(_ locale: String) -> String {
        rightToLeft.contains(String(locale.prefix { $0 != "-" && $0 != "_" }).lowercased()) ? "rtl" : "ltr"
    }
}
