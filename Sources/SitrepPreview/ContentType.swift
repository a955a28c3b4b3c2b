/// The `Content-Type` of a site file, by its name's suffix.
enum ContentType {
    static let html = "text/html; charset=utf-8"

    private static let bySuffix: [String: String] = [
        "html": html, "htm": html,
        "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json",
        "xml": "application/xml",
        "txt": "text/plain; charset=utf-8",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/vnd.microsoft.icon",
        "woff": "font/woff", "woff2": "font/woff2",
        "pdf": "application/pdf",
    ]

    /// The type of the file at `path`; bytes of any other kind are `application/octet-stream`.
    static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        return bySuffix[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
