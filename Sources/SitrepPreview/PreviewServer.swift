import FlyingFox
import FlyingSocks
import Foundation
import SitrepContent
import SitrepDiagnostics
import SitrepSite

/// `sitrep serve`: the site rendered into memory (`PreviewSite`) and served over HTTP on a
/// local address, rendered again when a file of the project changes, with every open page told
/// to reload (server-sent events). Nothing is written to disk.
public final class PreviewServer: Sendable {
    /// How often the project's files are looked at.
    public static let watchInterval: TimeInterval = 0.25

    private let projectRoot: String
    private let address: ListeningAddress
    private let state = PreviewState()
    private let stopRequests: AsyncStream<Void>
    private let stopRequester: AsyncStream<Void>.Continuation

    /// What each render gave, and how long it took.
    public typealias Report = @Sendable (PreviewSite.Outcome, Duration) -> Void

    /// A server for the project at `projectRoot`, to listen on `address`.
    public init(projectRoot: String, address: ListeningAddress) {
        self.projectRoot = projectRoot
        self.address = address
        (stopRequests, stopRequester) = AsyncStream.makeStream(of: Void.self)
    }

    /// Renders the site, listens, calls `listening` with the site's URL, then renders again on
    /// every change until `stop` is called; each render goes to `report` (errors included: the
    /// server keeps running and shows them in place of every page). Throws when the address
    /// cannot be listened on.
    public func run(report: @escaping Report, listening: @Sendable (String) -> Void) async throws(DiagnosticError) {
        let clock = ContinuousClock()
        let start = clock.now
        var site = PreviewSite(projectRoot: projectRoot)
        if let outcome = site.rebuildIfChanged() {
            publish(site, outcome)
            report(outcome, clock.now - start)
        }
        let server = HTTPServer(address: address.socketAddress, timeout: 15, logger: .disabled,
                                handler: PreviewHandler(state: state))
        // The wait for the socket ends with the server if it cannot listen (the port is taken).
        let waiting = Task { try await server.waitUntilListening(timeout: 10) }
        let serving = Task {
            defer { waiting.cancel() }
            try await server.run()
        }
        guard case .success = await waiting.result else {
            serving.cancel()
            let reason = if case .failure(let error) = await serving.result { Self.reason(error) } else { "no answer" }
            throw DiagnosticError(Diagnostic(at: nil, "cannot listen on \(address.description): \(reason)",
                                             hint: "choose another port with --port, or --port 0 for a free one"))
        }
        let port = await server.listeningAddress.flatMap(ListeningAddress.port(of:)) ?? Int(address.port)
        listening(address.url(port: port))
        let watcher = ProjectWatcher(site: site, interval: Self.watchInterval) { [self] site, outcome, duration in
            publish(site, outcome)
            report(outcome, duration)
        }
        for await _ in stopRequests {}
        watcher.stop()
        state.endListeners()
        await server.stop(timeout: 1)
        serving.cancel()
        _ = await serving.result
    }

    /// Ends `run`: stops watching, closes the open connections and the listening socket.
    /// Safe to call from any thread (a signal handler's queue), more than once.
    public func stop() {
        stopRequester.finish()
    }

    private func publish(_ site: PreviewSite, _ outcome: PreviewSite.Outcome) {
        switch outcome {
        case .rendered: state.publish(files: site.files, problems: nil)
        case .failed(let problems): state.publish(files: site.files, problems: problems)
        }
    }

    /// The operating system's words for a socket error.
    private static func reason(_ error: any Error) -> String {
        if case SocketError.failed(_, let code, _) = error { return String(cString: strerror(code)) }
        return error.localizedDescription
    }
}
