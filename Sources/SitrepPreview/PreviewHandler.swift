import FlyingFox
import Foundation

/// Answers every request: GET of a site address from the shown site (see `PreviewState`), GET
/// of the events address with a stream of server-sent events, anything else 405.
struct PreviewHandler: HTTPHandler {
    let state: PreviewState

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: [.allow: "GET"], body: Data())
        }
        let target = request.target.path(percentEncoded: true)
        if target == PreviewPages.eventsPath {
            return HTTPResponse(statusCode: .ok,
                                headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                                body: HTTPBodySequence(from: EventBytes(events: state.listen())))
        }
        let reply = state.reply(to: target)
        var headers: HTTPHeaders = [.contentType: reply.contentType, .cacheControl: "no-store"]
        if let location = reply.location { headers[.location] = location }
        return HTTPResponse(statusCode: HTTPStatusCode(reply.status, phrase: Self.phrases[reply.status] ?? ""),
                            headers: headers, body: Data(reply.body))
    }

    private static let phrases = [200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"]
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
}
