import SitrepDiagnostics

/// `sitrep.yml`: settings for the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute URL where `output/` is published, ending in `/`.
    public var baseURL: String
    /// Default locale of every series (`en`, `fr`, `es`, `ru`, `ar`).
    public var locale: String
    /// `pdf: true`: every build also makes a PDF of each report, as `sitrep build --pdf` does.
    public var pdf = false

    public init(title: String = "Situation reports", baseURL: String = "/", locale: String = "en") {
        self.title = title
        self.baseURL = baseURL
        self.locale = locale
    }

    static let keys = ["title", "base_url", "locale", "pdf"]

    /// Reads the settings from a parsed `sitrep.yml`.
    init(yaml: YAMLNode) throws(DiagnosticError) {
        try yaml.checkKeys(Self.keys, in: "sitrep.yml")
        self.init()
        if let node = yaml["title"] { title = try node.text("the site title") }
        if let node = yaml["base_url"] {
            let url = try Self.checkedBaseURL(node.text("base_url"), at: node.location)
            baseURL = url.hasSuffix("/") ? url : url + "/"
        }
        if let node = yaml["locale"] { locale = try node.text("locale") }
        if let node = yaml["pdf"] {
            switch try node.text("pdf") {
            case "true": pdf = true
            case "false": pdf = false
            case let other:
                throw DiagnosticError(Diagnostic(at: node.location, "pdf must be true or false, not '\(other)'",
                                                 hint: "write `pdf: true` to make a PDF of every report"))
            }
        }
    }

    /// `base_url` as given, with its scheme in lowercase, when it is an absolute http(s) URL with
    /// a host, or a path starting with `/`: any other scheme (`javascript:`, `data:`...) would
    /// put it in every link of the feed and the sitemap.
    static func checkedBaseURL(_ url: String, at location: SourceLocation) throws(DiagnosticError) -> String {
        let hint = "write the address where output/ is published, e.g. https://example.org/sitreps/, or a path such as /sitreps/"
        let forbidden = "\"<>\\^`{|}".unicodeScalars
        if let bad = url.unicodeScalars.first(where: { $0.value <= 0x20 || $0.value == 0x7F || forbidden.contains($0) }) {
            let what = bad.value <= 0x20 || bad.value == 0x7F ? "a space or a control character" : "'\(bad)'"
            throw DiagnosticError(Diagnostic(at: location, "base_url cannot contain \(what)", hint: hint))
        }
        for scheme in ["https://", "http://"] where url.lowercased().hasPrefix(scheme) {
            let rest = url.dropFirst(scheme.count)
            guard let first = rest.first, first != "/" else {
                throw DiagnosticError(Diagnostic(at: location, "base_url has no host name after \(scheme)", hint: hint))
            }
            return scheme + rest
        }
        guard url.hasPrefix("/"), !url.hasPrefix("//") else {
            throw DiagnosticError(Diagnostic(at: location, "base_url must start with https://, http:// or /", hint: hint))
        }
        return url
    }
}
