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

    /// Whether only this machine can connect (127.0.0.0/8, ::1).
    var isLoopback: Bool { host.hasPrefix("127.") || host == "::1" }

    /// Whether a request's `Host` header names this machine, as a browser on it writes it
    /// (`localhost:8000`, `127.0.0.1:8000`, `[::1]:8000`): a page of another site that had its
    /// name resolve to 127.0.0.1 (DNS rebinding) sends its own name, and is refused.
    static func namesThisMachine(_ hostHeader: String?) -> Bool {
        guard let header = hostHeader?.lowercased() else { return false }
        let name = header.hasPrefix("[") ? String(header.prefix { $0 != "]" }.dropFirst())
                                         : String(header.prefix { $0 != ":" })
        return name == "localhost" || name == "::1" || name.hasPrefix("127.")
            && name.split(separator: ".").count == 4 && name.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `host:port`, with an IPv6 address in brackets.
    public var description: String { "\(hostInURL):\(port)" }

    /// The site's address once listening on `port`.
    func url(port: Int) -> String { "http://\(hostInURL):\(port)/" }

    private var hostInURL: String { host.contains(":") ? "[\(host)]" : host }
}
