import Foundation

/// The address `sitrep serve` listens on: an IPv4 or IPv6 address written in digits
/// (`127.0.0.1`, `::1`, `0.0.0.0`), or `localhost`, and a port (0 for one the system picks).
public struct ListeningAddress: Sendable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// Nil when `host` is neither an address written in digits nor `localhost`.
    public init?(host: String, port: Int) {
        let numeric = host == "localhost" ? "127.0.0.1" : host
        var ip4 = in_addr()
        var ip6 = in6_addr()
        guard inet_pton(AF_INET, numeric, &ip4) == 1 || inet_pton(AF_INET6, numeric, &ip6) == 1 else { return nil }
        self.host = numeric
        self.port = port
    }

    /// `host:port`, with an IPv6 address in brackets.
    public var description: String { "\(hostInURL):\(port)" }

    /// The site's address once listening on `port`.
    func url(port: Int) -> String { "http://\(hostInURL):\(port)/" }

    private var hostInURL: String { host.contains(":") ? "[\(host)]" : host }
}
