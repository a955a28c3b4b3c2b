import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client for `sitrep serve`'s tests, over a blocking socket to 127.0.0.1
/// with a timeout on every read and write. It sends the request path exactly as given, so that
/// tests can send `..` and percent-escapes as a browser never would.
enum LoopbackHTTP {
    struct Response: CustomStringConvertible {
        var status: Int
        /// Header names in lower case.
        var headers: [String: String]
        var body: String

        var description: String { "HTTP \(status) \(headers)\n\(body)" }
    }

    enum Failure: Error {
        case socket(String)
        case malformed(String)
    }

    /// Sends `GET path` (or another method) and reads the whole response; the server closes
    /// the connection after it (`Connection: close`).
    static func get(port: Int, _ path: String, method: String = "GET") throws -> Response {
        let socket = try connect(port: port)
        defer { close(socket) }
        try send(socket, "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, let chunk = try receive(socket) { bytes += chunk }
        return try parse(bytes)
    }

    private static func parse(_ bytes: [UInt8]) throws -> Response {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { throw Failure.malformed(text) }
        let lines = text[..<end.lowerBound].components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure.malformed(text) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: String(text[end.upperBound...]))
    }

    /// The generations `sitrep serve` sends as server-sent events, read from one open connection.
    final class Events {
        private let socket: Int32
        private var received = ""

        init(port: Int, path: String) throws {
            socket = try LoopbackHTTP.connect(port: port)
            try LoopbackHTTP.send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        }

        deinit { close(socket) }

        /// The response so far (status line, headers and the events' chunks).
        var text: String { received }

        /// Reads until an event other than `generation` has come, for at most `seconds`; that
        /// event's generation, or nil.
        func next(after generation: Int?, within seconds: Double = 10) throws -> Int? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let found = generations().last, found != generation { return found }
                guard let chunk = try LoopbackHTTP.receive(socket) else { return nil }
                received += String(decoding: chunk, as: UTF8.self)
            }
            return nil
        }

        /// The last generation received so far.
        var latest: Int? { generations().last }

        private func generations() -> [Int] {
            received.components(separatedBy: "data: ").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        }
    }

    // MARK: Sockets

    /// A socket connected to 127.0.0.1:`port` whose reads give up after a second.
    fileprivate static func connect(port: Int) throws -> Int32 {
        #if canImport(Glibc)
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure.socket("socket: \(String(cString: strerror(errno)))") }
        var timeout = timeval(tv_sec: 1, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw Failure.socket("connect to 127.0.0.1:\(port): \(reason)")
        }
        return socket
    }

    fileprivate static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure.socket("write: \(String(cString: strerror(errno)))") }
            sent += count
        }
    }

    /// The next bytes received: none when nothing came within the read timeout, nil at the end
    /// of the stream.
    fileprivate static func receive(_ socket: Int32) throws -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
        if count > 0 { return Array(buffer[..<count]) }
        if count == 0 { return nil }
        guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
            throw Failure.socket("read: \(String(cString: strerror(errno)))")
        }
        return []
    }
}
