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

    /// Every regular file under `root`, as paths relative to it, sorted.
    static func list(under root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(relative)
            }
        }
        return files.sorted()
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
                result.removed = OutputFiles.list(under: destination).filter { !state.seen.contains($0) }
                return result
            }
        }
    }
}
