import Foundation

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
    final class Comparer {
        let destination: String
        private var seen = Set<String>()
        private(set) var result = StaleOutput()

        init(destination: String) {
            self.destination = destination
        }

        func compare(_ path: String, _ bytes: [UInt8]) {
            seen.insert(path)
            let full = destination + "/" + path
            if !FileManager.default.fileExists(atPath: full) {
                result.added.append(path)
            } else if !OutputFiles.contents(of: full, equal: bytes) {
                result.changed.append(path)
            }
        }

        func finish() -> StaleOutput {
            result.removed = OutputFiles.list(under: destination).filter { !seen.contains($0) }
            return result
        }
    }
}
