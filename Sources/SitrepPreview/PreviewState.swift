import SitrepContent
import SitrepDiagnostics

/// What the server shows, shared by the watcher (which publishes each render) and the
/// connections (which read it and listen for the next one). Every render, good or bad, starts a
/// new generation; pages carry the generation they were served from (see `PreviewPages`), and
/// each listener is sent the generation when it connects and again after every render.
final class PreviewState: Sendable {
    private struct Shown {
        var files: [String: [UInt8]] = [:]
        /// The errors of the last render, if it failed: shown in place of every page.
        var problems: [Diagnostic]?
        var generation = 0
        var listeners: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
        var nextListener = 0
    }

    private let shown = Locked(Shown())

    /// A response's parts, before the HTTP library's types.
    struct Reply {
        var status: Int
        var contentType: String
        var body: [UInt8]
        var location: String?
    }

    /// Shows a render's outcome: the files of the last render that succeeded, or the errors; then
    /// tells every listener.
    func publish(files: [String: [UInt8]], problems: [Diagnostic]?) {
        shown.withLock { shown in
            shown.files = files
            shown.problems = problems
            shown.generation += 1
            let event = Self.event(shown.generation)
            for listener in shown.listeners.values { listener.yield(event) }
        }
    }

    /// The reply to a GET of `target` (the path as sent, percent-encoded).
    func reply(to target: String) -> Reply {
        shown.withLock { shown in
            if let problems = shown.problems {
                return Reply(status: 500, contentType: ContentType.html,
                             body: PreviewPages.withReloadScript(PreviewPages.errors(problems), generation: shown.generation))
            }
            let files = shown.files
            switch SitePath.resolve(target, exists: { files[$0] != nil }) {
            case .file(let path):
                let type = ContentType.of(path)
                let bytes = files[path] ?? []
                return Reply(status: 200, contentType: type,
                             body: type == ContentType.html ? PreviewPages.withReloadScript(bytes, generation: shown.generation) : bytes)
            case .redirect(let location):
                return Reply(status: 301, contentType: ContentType.html, body: [], location: location)
            case .notFound:
                return Reply(status: 404, contentType: ContentType.html,
                             body: PreviewPages.withReloadScript(PreviewPages.notFound(target), generation: shown.generation))
            }
        }
    }

    /// A new listener's events: the current generation at once, then one after every render,
    /// until the listener goes away or `endListeners` is called.
    func listen() -> AsyncStream<[UInt8]> {
        let (events, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(4))
        let id = shown.withLock { shown in
            let id = shown.nextListener
            shown.nextListener += 1
            shown.listeners[id] = continuation
            continuation.yield(Self.event(shown.generation))
            return id
        }
        continuation.onTermination = { [weak self] _ in
            self?.shown.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        return events
    }

    /// Ends every listener's events, so that their connections close.
    func endListeners() {
        let listeners = shown.withLock { shown in
            defer { shown.listeners = [:] }
            return Array(shown.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }

    /// One server-sent event whose data is the generation.
    private static func event(_ generation: Int) -> [UInt8] {
        Array("data: \(generation)\n\n".utf8)
    }
}
