import Foundation
import SitrepSite

/// How a request's path names a file of the in-memory site. The path is percent-decoded one
/// segment at a time; a segment that is `..`, or that decodes to one holding `/`, `\` or a NUL,
/// and a path that is not valid percent-encoded UTF-8, name nothing. Only keys of the site's
/// file table are ever looked up, so no request can reach a file on disk.
enum SitePath {
    /// Where a request path leads.
    enum Resolution: Equatable {
        /// The file at this site path.
        case file(String)
        /// A folder asked for without its final `/`: its address with one (encoded anew from the
        /// decoded segments), so that the page's relative links resolve as on the published site.
        case redirect(String)
        case notFound
    }

    /// Resolves `target`, the request's path as sent (percent-encoded, without the query),
    /// against the site's files; a folder is its `index.html`.
    static func resolve(_ target: String, exists: (String) -> Bool) -> Resolution {
        guard target.hasPrefix("/"), let segments = decodedSegments(of: target) else { return .notFound }
        let folder = segments.isEmpty || target.hasSuffix("/")
        let path = segments.joined(separator: "/")
        if folder {
            let index = path.isEmpty ? "index.html" : path + "/index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(path) { return .file(path) }
        return exists(path + "/index.html") ? .redirect("/" + URLPath.encode(path) + "/") : .notFound
    }

    /// The path's segments, each percent-decoded, with empty and `.` segments left out; nil when
    /// a segment is `..` or cannot name a file.
    static func decodedSegments(of target: String) -> [String]? {
        var segments: [String] = []
        for raw in target.split(separator: "/", omittingEmptySubsequences: true) {
            guard let segment = percentDecoded(raw),
                  !segment.contains(where: { $0 == "/" || $0 == "\\" || $0 == "\0" }) else { return nil }
            if segment == "." { continue }
            if segment == ".." { return nil }
            segments.append(segment)
        }
        return segments
    }

    /// `%XX` escapes decoded to bytes, which must then be UTF-8; nil for a malformed escape.
    private static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard utf8.count >= 2, let high = hexValue(utf8.removeFirst()), let low = hexValue(utf8.removeFirst()) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(bytes: bytes, encoding: .utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
