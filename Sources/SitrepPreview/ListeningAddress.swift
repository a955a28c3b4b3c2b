import FlyingSocks
import Foundation

/// The address `sitrep serve` listens on: an IPv4 or IPv6 address as digits (`127.0.0.1`,
/// `::1`, `0.0.0.0`), or `localhost`, and a port (0 for one the system picks).
public struct ListeningAddress: Sendable, CustomStringConvertible {
    public let host: String
    public let port: UInt16
    let socketAddress: any SocketAddress

    /// Nil when `host` is neither an address written in digits nor `localhost`.
    public init?(host: String, port: UInt16) {
        let numeric = host == "localhost" ? "127.0.0.1" : host
        if let address = try? sockaddr_in.inet(ip4: numeric, port: port) {
            socketAddress = address
        } else if let address = try? sockaddr_in6.inet6(ip6: numeric, port: port) {
            socketAddress = address
        } else {
            return nil
        }
        self.host = numeric
        self.port = port
    }

    /// `host:port`, with an IPv6 address in brackets.
    public var description: String { "\(hostInURL):\(port)" }

    /// The site's address once listening on `port`.
    func url(port: Int) -> String { "http://\(hostInURL):\(port)/" }

    private var hostInURL: String { host.contains(":") ? "[\(host)]" : host }

    /// The port of a listening socket's address.
    static func port(of address: Socket.Address) -> Int? {
        switch address {
        case .ip4(_, let port), .ip6(_, let port): Int(port)
        case .unix: nil
        }
    }
}
