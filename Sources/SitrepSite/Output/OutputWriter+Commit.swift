import CSitrepSystem
import Foundation
import SitrepContent

/// The two ways a staged site takes the place of the old one.
extension OutputWriter {
    /// Replaces the whole `destination` folder with the staging folder beside it, in one atomic
    /// exchange where the system has one. The kept publishing files are moved into the new site
    /// first (and back if the exchange fails); a build killed between the two steps leaves them
    /// in its staging folder, from which the next build moves them back (`OutputStaging`).
    func replaceFolder() throws {
        let manager = FileManager.default
        guard Self.exists(destination) else {
            try manager.moveItem(atPath: staging, toPath: destination)
            movedIntoPlace.withLock { $0 = true }
            return
        }
        let carried = try Self.move(OutputOwnership.keptNames.sorted(), from: destination, to: staging)
        var replaced = false
        do {
            if sitrep_exchange_paths(staging, destination) == 0 {
                replaced = true
                try Self.removeTree(staging)
                return
            }
            // No atomic exchange on this system: two renames, with a short window between them.
            let old = staging + ".old"
            try manager.moveItem(atPath: destination, toPath: old)
            do {
                try manager.moveItem(atPath: staging, toPath: destination)
            } catch {
                try? manager.moveItem(atPath: old, toPath: destination)
                throw error
            }
            replaced = true
            try Self.removeTree(old)
        } catch {
            if !replaced { _ = try? Self.move(carried, from: staging, to: destination) }
            throw error
        }
    }

    /// Makes the folder in the staging folder that receives the entries the new site replaces,
    /// with a list naming both sites' files in it (`swapContents` puts it in place first), and
    /// returns the previous site's files.
    func prepareSwap(listing: [String]) throws -> Set<String> {
        let previous = OutputOwnership.listedFiles(in: destination) ?? []
        try FileManager.default.createDirectory(atPath: retired, withIntermediateDirectories: false)
        try StagingFolder.createFile(retired + "/" + OutputOwnership.markerName,
                                     OutputOwnership.markerText(listing: Array(previous.union(listing))))
        return previous
    }

    private var retired: String { staging + "/.retired" }

    /// Replaces what `destination` holds with what the staging folder inside it holds, one
    /// top-level entry at a time, for a folder that cannot itself be renamed (a mount point).
    /// Each entry (`index.html`, a series' folder) changes in one step; until the last one has,
    /// readers may see some entries old and some new. Throughout, the folder's list names both
    /// sites' files (`prepareSwap`), so a killed build leaves a folder the next build accepts; the
    /// kept publishing files are not moved at all.
    func swapContents(listing: [String], previous: Set<String>) throws {
        let marker = OutputOwnership.markerName
        try Self.rename(retired + "/" + marker, destination + "/" + marker)

        let incoming = Set(listing.map(OutputFiles.topName))
        for name in incoming.sorted() {
            let new = staging + "/" + name
            let current = destination + "/" + name
            guard Self.exists(current) else {
                try Self.rename(new, current)
                continue
            }
            if sitrep_exchange_paths(new, current) != 0 {
                // No atomic exchange on this system: the old entry is moved out first.
                try Self.rename(current, retired + "/" + name)
                try Self.rename(new, current)
            }
        }
        // The previous site's entries the new one does not have. Only listed names are moved:
        // anything else in the folder stays where it is.
        let gone = Set(previous.map(OutputFiles.topName)).subtracting(incoming).filter { !OutputOwnership.isSitesNeighbour($0) }
        for name in gone.sorted() where Self.exists(destination + "/" + name) {
            try Self.rename(destination + "/" + name, retired + "/" + name)
        }
        try Self.rename(staging + "/" + marker, destination + "/" + marker)
        try Self.removeTree(staging)
    }

    /// True when something (a file, a folder, a link) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Moves those of `names` that are in `source` into `target`, returning the names moved.
    static func move(_ names: [String], from source: String, to target: String) throws -> [String] {
        var moved: [String] = []
        for name in names where exists(source + "/" + name) {
            try rename(source + "/" + name, target + "/" + name)
            moved.append(name)
        }
        return moved
    }

    static func rename(_ source: String, _ target: String) throws {
        if Glibc.rename(source, target) != 0 { throw MoveError(source: source, target: target, reason: errno) }
    }

    /// A rename that failed, worded for the build's error message.
    struct MoveError: LocalizedError {
        var source: String
        var target: String
        var reason: Int32

        var errorDescription: String? { "cannot move \(source) to \(target): \(String(cString: strerror(reason)))" }
    }

    /// Removes an old site: its folders (one per series) on every core, then what is left.
    static func removeTree(_ path: String) throws {
        let manager = FileManager.default
        let children = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        DispatchQueue.concurrentPerform(iterations: children.count) { position in
            try? FileManager.default.removeItem(atPath: path + "/" + children[position])
        }
        try manager.removeItem(atPath: path)
    }
}
