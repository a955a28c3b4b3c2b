import Foundation
import SitrepContent

/// Where a build stages its site, and the staging folders that builds killed before the end
/// leave behind, which the next build removes (by `StagingFolder`'s rules: a real folder with
/// exactly such a name, whose process has ended).
///
/// - Beside the output folder `NAME`: `.NAME.staging-PID`, and `.NAME.staging-PID.old` (the old
///   site, where the system has no atomic exchange).
/// - Inside a mounted output folder: `.sitrep-staging-PID`.
enum OutputStaging {
    /// The naming of the staging folders beside the output folder `destination`.
    static func besideNaming(of destination: String) -> StagingFolder.Naming {
        StagingFolder.Naming(prefix: ".\((destination as NSString).lastPathComponent).staging-", suffixes: ["", ".old"])
    }

    /// The naming of the staging folders inside a mounted output folder.
    static let insideNaming = StagingFolder.Naming(prefix: OutputOwnership.stagingPrefix)

    /// Makes this build's staging folder for `destination` (an absolute, standardized path),
    /// beside it or, when `inside`, in it, after removing the stale ones (`removeStale`).
    static func make(for destination: String, inside: Bool) throws -> StagingFolder {
        removeStale(of: destination)
        if inside { return try StagingFolder(in: destination, naming: insideNaming) }
        return try StagingFolder(in: (destination as NSString).deletingLastPathComponent, naming: besideNaming(of: destination),
                                 beforeRemoving: { recoverKeptFiles(from: $0, into: destination) })
    }

    /// Removes the stale staging folders of both kinds of the output folder `destination`.
    static func removeStale(of destination: String) {
        StagingFolder.removeLeftovers(in: (destination as NSString).deletingLastPathComponent, naming: besideNaming(of: destination),
                                      beforeRemoving: { recoverKeptFiles(from: $0, into: destination) })
        if StagingFolder.isRealFolder(destination) {
            StagingFolder.removeLeftovers(in: destination, naming: insideNaming)
        }
    }

    /// Moves the kept publishing files found in a stale staging folder (a build killed after
    /// moving them into its new site, before the swap) back into `destination`, where it lacks
    /// them. False, so that the folder is kept, when one is still there.
    private static func recoverKeptFiles(from folder: String, into destination: String) -> Bool {
        let missing = OutputOwnership.keptNames.sorted().filter { !OutputWriter.exists(destination + "/" + $0) }
        _ = try? OutputWriter.move(missing, from: folder, to: destination)
        return !OutputOwnership.keptNames.contains { OutputWriter.exists(folder + "/" + $0) }
    }
}
