/// Paths that go into links, the feed and the sitemap. Folder names are checked when the project
/// is loaded (series: letters, digits, `-`, `_`; periods: dates), and every segment is
/// percent-encoded here all the same, so that no name can ever be read as a scheme
/// (`javascript:`), a query, a fragment or a parent folder, whatever a check lets through.
package enum URLPath {
    /// `path` with each `/`-separated segment percent-encoded: every byte of its UTF-8 other than
    /// ASCII letters, digits, `-`, `.`, `_` and `~` (RFC 3986's unreserved characters); a segment
    /// that is `.` or `..` is encoded whole.
    package static func encode(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { segment(String($0)) }.joined(separator: "/")
    }

    /// One segment, encoded as `encode` says.
    static func segment(_ text: String) -> String {
        let dots = text == "." || text == ".."
        var encoded = ""
        for byte in text.utf8 {
            if !dots, isUnreserved(byte) {
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return encoded
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
