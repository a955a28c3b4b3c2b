import Foundation
import SitrepContent
import SitrepSite

/// Looks at the project's inputs every `interval` on a thread of its own, and renders the site
/// again when they changed (see `PreviewSite.rebuildIfChanged`). Polling `stat` works the same
/// on every file system and platform; a look costs one `stat` per file and folder.
final class ProjectWatcher: Sendable {
    private let stopped = Locked(false)

    /// Starts watching `site` (already rendered once); each render's outcome and how long it
    /// took go to `rendered`, on the watcher's thread.
    init(site: PreviewSite, interval: TimeInterval,
         rendered: @escaping @Sendable (PreviewSite, PreviewSite.Outcome, Duration) -> Void) {
        let stopped = stopped
        let thread = Thread {
            var site = site
            let clock = ContinuousClock()
            while !stopped.withLock({ $0 }) {
                Thread.sleep(forTimeInterval: interval)
                let start = clock.now
                if let outcome = site.rebuildIfChanged(), !stopped.withLock({ $0 }) {
                    rendered(site, outcome, clock.now - start)
                }
            }
        }
        thread.name = "sitrep serve: watcher"
        thread.start()
    }

    /// Stops watching after the current look (a render under way is let finish and dropped).
    func stop() {
        stopped.withLock { $0 = true }
    }
}
