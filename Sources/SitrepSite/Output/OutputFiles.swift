import Foundation
import SitrepContent

/// Comparisons between what a build produces and what is already on disk.
enum OutputFiles {
    /// True when the file at `path` exists and holds exactly `bytes` (sizes are compared first,
    /// so most changed files are never read).
    static func contents(of path: String, equal bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, Int(status.st_size) == bytes.count,
              let data = FileManager.default.contents(atPath: path), data.count == bytes.count else { return false }
        return data.withUnsafeBytes { old in bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress!, bytes.count) == 0 } }
    }

    /// True when `path` is a folder itself, not a link to one.
    static func isRealFolder(_ path: String) -> Bool { StagingFolder.isRealFolder(path) }

    /// The first part of a path relative to the site: the name of its top-level entry.
    static func topName(_ path: String) -> String {
        path.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? path
    }

    /// Every file (or link, or other entry that is not a folder) and every folder under an
    /// output folder `root`, as paths relative to it, sorted; links are not followed. The
    /// top-level entries that are not part of the site are left out (the list, the kept
    /// publishing files, staging folders: see `OutputOwnership`), so a `.git` folder is not walked.
    static func entries(under root: String) -> (files: [String], folders: [String]) {
        var found: (files: [String], folders: [String]) = ([], [])
        walk(root, prefix: "", into: &found)
        found.files.sort()
        found.folders.sort()
        return found
    }

    private static func walk(_ folder: String, prefix: String, into found: inout (files: [String], folders: [String])) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || prefix.isEmpty && OutputOwnership.isSitesNeighbour(name) { continue }
            var type = Int32(entry.pointee.d_type)
            if type == DT_UNKNOWN {
                var status = stat()
                type = lstat(folder + "/" + name, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
            }
            if type == DT_DIR {
                found.folders.append(prefix + name)
                walk(folder + "/" + name, prefix: prefix + name + "/", into: &found)
            } else {
                found.files.append(prefix + name)
            }
        }
    }
}

/// What `sitrep build --check` finds: how the output folder differs from a fresh build.
public struct StaleOutput: Sendable {
    public var changed: [String] = []
    public var added: [String] = []
    public var removed: [String] = []

    /// True when the output folder is exactly what a build would write.
    public var isCurrent: Bool { changed.isEmpty && added.isEmpty && removed.isEmpty }

    /// Compares each produced file with the output folder, then lists the files the build
    /// would remove.
    final class Comparer: Sendable {
        let destination: String
        private let state = Locked((seen: Set<String>(), result: StaleOutput()))

        init(destination: String) {
            self.destination = destination
        }

        /// How many files were compared.
        var compared: Int { state.withLock { $0.seen.count } }

        func compare(_ path: String, _ bytes: [UInt8]) {
            let full = destination + "/" + path
            let exists = FileManager.default.fileExists(atPath: full)
            let same = exists && OutputFiles.contents(of: full, equal: bytes)
            state.withLock { state in
                state.seen.insert(path)
                if !exists { state.result.added.append(path) } else if !same { state.result.changed.append(path) }
            }
        }

        /// Counts the file at `path` as compared and the same, without comparing it (a kept
        /// series' page, unchanged since the last build by the manifest). Always true.
        func countAsSame(_ path: String) -> Bool {
            state.withLock { _ = $0.seen.insert(path) }
            return true
        }

        /// The differences, each list sorted so that the report does not depend on threads.
        func finish() -> StaleOutput {
            state.withLock { state in
                var result = state.result
                result.changed.sort()
                result.added.sort()
                result.removed = OutputFiles.entries(under: destination).files.filter { !state.seen.contains($0) }
                return result
            }
        }
    }
}
