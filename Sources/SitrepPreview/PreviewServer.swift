import Foundation
import Hummingbird
import Logging
import NIOCore
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
        // The port the system gave, once the server listens; the stream ends with the server if
        // it cannot listen (the port is taken).
        let (ports, portSender) = AsyncThrowingStream.makeStream(of: Int.self)
        var logger = Logger(label: "sitrep-serve")
        logger.logLevel = .critical
        let application = Application(
            responder: PreviewResponder(state: state, loopbackOnly: address.isLoopback),
            configuration: ApplicationConfiguration(address: .hostname(address.host, port: address.port), serverName: nil),
            onServerRunning: { channel in portSender.yield(channel.localAddress?.port ?? 0) },
            logger: logger)
        let serving = Task {
            do {
                try await application.runService(gracefulShutdownSignals: [])
                portSender.finish()
            } catch {
                portSender.finish(throwing: error)
            }
        }
        let port: Int
        do {
            var waiting = ports.makeAsyncIterator()
            guard let listening = try await waiting.next() else { throw CancellationError() }
            port = listening
        } catch {
            serving.cancel()
            throw DiagnosticError(Diagnostic(at: nil, "cannot listen on \(address.description): \(Self.reason(error))",
                                             hint: "choose another port with --port, or --port 0 for a free one"))
        }
        listening(address.url(port: port))
        let watcher = ProjectWatcher(site: site, interval: Self.watchInterval) { [self] site, outcome, duration in
            publish(site, outcome)
            report(outcome, duration)
        }
        for await _ in stopRequests {}
        watcher.stop()
        state.endListeners()
        serving.cancel()
        await serving.value
    }

    /// Ends `run`: stops watching, ends the open event streams and closes the listening socket.
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
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        return String(describing: error)
    }
}
