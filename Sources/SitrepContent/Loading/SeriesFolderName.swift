import Foundation
import SitrepDiagnostics

/// The rule for series folder names. A series' folder name is its slug: it becomes a segment
/// of every URL of the series (pages, feed, sitemap), so it is limited to a set that needs no
/// encoding anywhere and cannot be read as a URL scheme, a query or a fragment: ASCII letters,
/// digits, `-` and `_`, starting with a letter or a digit, at most 64 characters.
/// (Period folder names are `YYYY-MM` or `YYYY-MM-DD`: digits and `-` only, see `PeriodFolder`.)
enum SeriesFolderName {
    static let maximumLength = 64

    /// Whether `name` follows the rule.
    static func isSafe(_ name: String) -> Bool {
        guard let first = name.utf8.first, isLetterOrDigit(first), name.utf8.count <= maximumLength else { return false }
        return name.utf8.allSatisfy { isLetterOrDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// The error for the series folder `folder` named `name`, or nil when the name is safe.
    static func problem(with name: String, at folder: String) -> Diagnostic? {
        if isSafe(name) { return nil }
        return Diagnostic(
            at: SourceLocation(file: folder), "'\(name)' cannot name a series folder: the name goes into web addresses",
            hint: "rename the folder to '\(suggestion(for: name))': series folder names use ASCII letters, digits, - and _, "
                + "start with a letter or a digit, and have at most \(maximumLength) characters")
    }

    /// A safe name close to `name`: accents removed, lowercase, every other run of characters a `-`.
    static func suggestion(for name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en"))
        var result = ""
        for byte in folded.utf8 {
            if isLetterOrDigit(byte) || byte == UInt8(ascii: "_") {
                result.append(Character(Unicode.Scalar(byte)))
            } else if !result.isEmpty, result.last != "-" {
                result.append("-")
            }
        }
        let trimmed = String(result.drop { $0 == "_" }.prefix(maximumLength))
            .reversed().drop { $0 == "-" || $0 == "_" }.reversed()
        return trimmed.isEmpty ? "series" : String(trimmed)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
