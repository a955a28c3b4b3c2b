import CSitrepSystem
import Foundation
import SitrepContent
import SitrepDiagnostics

/// Writes a whole site into a staging folder beside `output/` and swaps it in only when every
/// page was written: a failed or killed build leaves the previous `output/` as it was.
public final class OutputWriter: @unchecked Sendable {
    /// The folder that will hold the site.
    public let destination: String
    let staging: String
    private var finished = false

    /// Prepares an empty staging folder next to `destination`.
    public init(destination: String) throws(DiagnosticError) {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        self.destination = url.path
        staging = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).staging-\(getpid())").path
        Self.removeStaleStaging(besides: url)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: destination),
                                             "cannot create a folder next to the output folder: \(error.localizedDescription)"))
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: staging) }
    }

    private let counts = Locked((written: 0, unchanged: 0))
    /// Files written so far.
    public var written: Int { counts.withLock { $0.written } }
    /// Files whose bytes were the same as in the previous output, and so were kept as they were.
    public var unchanged: Int { counts.withLock { $0.unchanged } }

    /// Folders of the staging site made so far: each is made once, not once per file.
    private let madeFolders = Locked(Set<String>())

    /// The folder that holds `path` (a staging path: absolute, no `.` or `..` parts, no trailing
    /// slash). NSString's path methods normalise the whole path each time.
    private static func folder(of path: String) -> String {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? "."
    }

    /// Makes `folder` and any missing parent, with `mkdir` (Foundation's createDirectory stats
    /// every part of the path first: a tenth of an edit-loop build that keeps 2,000 files).
    private func makeFolder(_ folder: String) throws {
        if madeFolders.withLock({ $0.contains(folder) }) { return }
        if mkdir(folder, 0o755) != 0 {
            switch errno {
            case EEXIST:
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                    throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder])
                }
            case ENOENT where folder.contains("/"):
                try makeFolder(Self.folder(of: folder))
                if mkdir(folder, 0o755) != 0, errno != EEXIST { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            default:
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        }
        madeFolders.withLock { _ = $0.insert(folder) }
    }

    /// Writes `bytes` to `path` (relative to the site root) in the staging folder. When the
    /// previous output has the same bytes there, its file is linked instead of rewritten, so its
    /// modification time is kept and rsync or a CDN uploads only what changed.
    public func write(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        let full = staging + "/" + path
        let folder = Self.folder(of: full)
        do {
            try makeFolder(folder)
            let previous = destination + "/" + path
            if OutputFiles.contents(of: previous, equal: bytes), link(previous, full) == 0 {
                counts.withLock { $0.written += 1; $0.unchanged += 1 }
                return
            }
            try Data(bytes).write(to: URL(fileURLWithPath: full))
            counts.withLock { $0.written += 1 }
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: path), "cannot write the file: \(error.localizedDescription)"))
        }
    }

    /// Keeps the previous output's file at `path` in the new site, as it is. Returns false if it
    /// cannot (the caller then renders it).
    public func keep(_ path: String) -> Bool {
        let full = staging + "/" + path
        let folder = Self.folder(of: full)
        guard (try? makeFolder(folder)) != nil, link(destination + "/" + path, full) == 0 else { return false }
        counts.withLock { $0.written += 1; $0.unchanged += 1 }
        return true
    }

    /// Puts the staged site in place of `destination` in one step and removes the old one.
    public func commit() throws(DiagnosticError) {
        let manager = FileManager.default
        do {
            if !manager.fileExists(atPath: destination) {
                try manager.moveItem(atPath: staging, toPath: destination)
            } else if sitrep_exchange_paths(staging, destination) == 0 {
                try Self.removeTree(staging)
            } else {
                // No atomic exchange on this system: two renames, with a short window between them.
                let old = staging + ".old"
                try manager.moveItem(atPath: destination, toPath: old)
                try manager.moveItem(atPath: staging, toPath: destination)
                try Self.removeTree(old)
            }
            finished = true
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: destination),
                                             "cannot replace the output folder: \(error.localizedDescription)"))
        }
    }

    /// Removes the old site: its folders (one per series) on every core, then what is left.
    private static func removeTree(_ path: String) throws {
        let manager = FileManager.default
        let children = (try? manager.contentsOfDirectory(atPath: path)) ?? []
        DispatchQueue.concurrentPerform(iterations: children.count) { position in
            try? FileManager.default.removeItem(atPath: path + "/" + children[position])
        }
        try manager.removeItem(atPath: path)
    }

    /// Refuses an output folder that would replace the project, its content or its templates:
    /// the build replaces the whole folder, so it must hold nothing but the site.
    public static func checkSafe(destination: String, projectRoot: String) throws(DiagnosticError) {
        let output = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath().path
        for protected in [projectRoot, projectRoot + "/content", projectRoot + "/templates", projectRoot + "/sitrep.yml"] {
            if output == protected || protected.hasPrefix(output + "/") || output.hasPrefix(protected + "/") && protected != projectRoot {
                throw DiagnosticError(Diagnostic(
                    at: SourceLocation(file: destination),
                    "the output folder \(output) would replace or sit inside \(protected)",
                    hint: "sitrep replaces the whole output folder; choose a folder of its own, e.g. the default output/"))
            }
        }
    }

    /// Removes staging folders left by builds that were killed.
    private static func removeStaleStaging(besides url: URL) {
        let parent = url.deletingLastPathComponent().path
        let prefix = ".\(url.lastPathComponent).staging-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0.isNumber }
            // Keep the folder of a build that is still running (kill succeeds, or fails only
            // because the process belongs to another user).
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 || errno == EPERM { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + name)
        }
    }
}
