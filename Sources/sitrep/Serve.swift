import ArgumentParser
import Dispatch
import Foundation
import SitrepContent
import SitrepDiagnostics
import SitrepPreview
import SitrepSite

/// `sitrep serve`: preview the site in a browser while editing it.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site on a local address, rendered again on every save.",
        discussion: """
            The site is rendered into memory (output/ is not touched) and served on http://127.0.0.1:PORT/. \
            sitrep.yml, content/ and templates/ are looked at four times a second; after a change the site is \
            rendered again (series whose files did not change keep their pages) and open pages reload. \
            While the project has errors, every page shows them, as the terminal does. Ctrl-C stops the server.
            """)

    @OptionGroup var options: ProjectOptions

    @Option(help: ArgumentHelp("The address to listen on: 127.0.0.1 (only this machine), ::1, or 0.0.0.0 to let other machines in.",
                               valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "number"))
    var port = 8000

    func validate() throws {
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port \(port) is not a port: give a number from 1 to 65535, or 0 for a free one")
        }
        if ListeningAddress(host: host, port: port) == nil {
            throw ValidationError("'\(host)' is not an address to listen on: write an IP address such as 127.0.0.1 or ::1, or localhost")
        }
    }

    func run() throws {
        guard let address = ListeningAddress(host: host, port: port) else { throw ExitCode.validationFailure }
        let server = PreviewServer(projectRoot: options.project, address: address)
        // Ctrl-C (and a plain kill) end the server cleanly: connections closed, exit status 0.
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { server.stop() }
            source.resume()
            return source
        }
        let outcome = Locked<DiagnosticError?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Task {
            do throws(DiagnosticError) {
                try await server.run(report: Self.show, listening: { url in
                    Console.say("serving \(url) (Ctrl-C to stop)")
                })
            } catch {
                outcome.withLock { $0 = error }
            }
            finished.signal()
        }
        finished.wait()
        signals.forEach { $0.cancel() }
        if let error = outcome.withLock({ $0 }) {
            Console.report(error.diagnostics)
            throw ExitCode.failure
        }
        Console.say("stopped")
    }

    /// Prints what a render gave, as `sitrep build` would.
    @Sendable private static func show(_ outcome: PreviewSite.Outcome, _ duration: Duration) {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        let took = String(format: "%.2f s", seconds)
        switch outcome {
        case .rendered(let files, let renderedSeries, let keptSeries, let warnings):
            Console.report(warnings)
            let kept = keptSeries == 0 ? "" : ", \(keptSeries) kept as they were"
            Console.say("rendered \(files) files in \(took) (\(renderedSeries) series rendered\(kept))")
        case .failed(let problems):
            Console.report(problems, consequence: "every page shows them until they are fixed")
        }
    }
}
