import HTTPTypes
import Hummingbird

/// Answers every request: GET of a site address from the shown site (see `PreviewState`), GET
/// of the events address with a stream of server-sent events, anything else 405.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let state: PreviewState
    /// Whether the server listens on loopback only: then a request must name this machine in
    /// its `Host` header, so that no web page can read the preview through DNS rebinding.
    let loopbackOnly: Bool

    func respond(to request: Request, context: Context) async throws -> Response {
        if loopbackOnly, !ListeningAddress.namesThisMachine(request.head.authority) {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "sitrep serve answers only addresses of this machine\n")))
        }
        guard request.method == .get else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET"])
        }
        // The path as sent, still percent-encoded: `SitePath` decodes it once, itself.
        let target = String((request.head.path ?? "").prefix { $0 != "?" })
        if target == PreviewPages.eventsPath {
            let events = state.listen()
            // Each event is written and sent as it comes; the body ends when the events do (the
            // server stops) or the connection's task is cancelled.
            return Response(status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody { writer in
                                for await event in events { try await writer.write(ByteBuffer(bytes: event)) }
                                try await writer.finish(nil)
                            })
        }
        let reply = state.reply(to: target)
        var headers: HTTPFields = [.contentType: reply.contentType, .cacheControl: "no-store"]
        if let location = reply.location { headers[.location] = location }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
}
