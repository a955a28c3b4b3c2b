import SitrepDiagnostics

/// `sitrep.yml`: settings for the whole site.
public struct SiteConfig: Sendable {
    public var title: String
    /// Absolute URL where `output/` is published, ending in `/`.
    public var baseURL: String
    /// Default locale of every series (`en`, `fr`, `es`, `ru`).
    public var locale: String

    public init(title: String = "Situation reports", baseURL: String = "/", locale: String = "en") {
        self.title = title
        self.baseURL = baseURL
        self.locale = locale
    }

    static let keys = ["title", "base_url", "locale"]

    /// Reads the settings from a parsed `sitrep.yml`.
    init(yaml: YAMLNode) throws(DiagnosticError) {
        try yaml.checkKeys(Self.keys, in: "sitrep.yml")
        self.init()
        if let node = yaml["title"] { title = try node.text("the site title") }
        if let node = yaml["base_url"] {
            let url = try node.text("base_url")
            baseURL = url.hasSuffix("/") ? url : url + "/"
        }
        if let node = yaml["locale"] { locale = try node.text("locale") }
    }
}
