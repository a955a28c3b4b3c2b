import CSitrepSystem
import Foundation

/// A hidden folder in which sitrep prepares files before moving them into place in one step:
/// the output writer's staged site, `sitrep new`'s period folder. Its name says whose it is
/// (a prefix, then the id of the process that made it), so that a later run can tell the folder
/// of a killed run from one still in use. Unless `finish()` is called, the folder is removed
/// when the value goes away: work that fails leaves nothing behind.
///
/// Only what is plainly a left-over is ever removed: a real folder (not a link) whose name is
/// exactly the prefix, a process id and one of the naming's suffixes, and whose process has
/// ended. A name that merely looks like one, a link, or the folder of a run still going (even
/// another user's) is left alone.
public final class StagingFolder: @unchecked Sendable {
    /// How a kind of staging folder is named: `prefix` + process id + one of `suffixes`.
    public struct Naming: Sendable {
        public let prefix: String
        /// The endings a left-over may have after the process id (`""` for the folder itself;
        /// `".old"`, say, for a second folder the owner derives from it).
        public let suffixes: Set<String>

        public init(prefix: String, suffixes: Set<String> = [""]) {
            self.prefix = prefix
            self.suffixes = suffixes
        }

        /// The name of the folder of process `pid`.
        public func name(for pid: Int32) -> String { prefix + String(pid) }

        /// The process whose folder `name` is, or nil when `name` is not exactly this naming's.
        public func owner(of name: String) -> Int32? {
            guard name.hasPrefix(prefix) else { return nil }
            let rest = name.utf8.dropFirst(prefix.utf8.count)
            let digits = rest.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            guard !digits.isEmpty, digits.count <= 10, digits.first != UInt8(ascii: "0"),
                  suffixes.contains(String(decoding: rest.dropFirst(digits.count), as: UTF8.self)),
                  let pid = Int32(String(decoding: digits, as: UTF8.self)) else { return nil }
            return pid
        }
    }

    /// The folder's absolute path.
    public let path: String
    private var finished = false

    /// Makes the staging folder of this process in `parent` (creating `parent` if it is missing),
    /// after removing the left-overs of ended runs there (see `removeLeftovers`). A folder that
    /// already has this process's name was left by an earlier process with the same id (common
    /// in containers, where a command often gets the same id each time), and is removed too.
    public init(in parent: String, naming: Naming, beforeRemoving prepare: (String) -> Bool = { _ in true }) throws {
        let name = naming.name(for: getpid())
        path = parent + "/" + name
        Self.removeLeftovers(in: parent, naming: naming, beforeRemoving: prepare, including: name)
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        if mkdir(path, 0o755) != 0 { throw FileError(path: path, code: errno) }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Says that the folder has been moved into place or removed by its owner: it is not
    /// removed when this value goes away.
    public func finish() { finished = true }

    /// Creates the file `relative` (its folder must exist) holding `bytes`, with permissions
    /// 0644 less the umask. Fails if the file exists. The bytes reach the disk at `syncToDisk`.
    public func createFile(_ relative: String, _ bytes: [UInt8]) throws {
        try Self.createFile(path + "/" + relative, bytes)
    }

    /// Creates the file at `path` holding `bytes` with plain open, write and close (no sync of
    /// its own: see `syncToDisk`). Fails if the file exists.
    public static func createFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileError(path: path, code: errno) }
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += count
            }
        }
        if close(descriptor) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw FileError(path: path, code: failure)
        }
    }

    /// Waits until everything written in the folder is on the disk, with one call for the whole
    /// file system (`syncfs` on Linux) rather than one per file. Called before the folder is
    /// moved into place, so that the files a reader finds there after a power loss are whole.
    public func syncToDisk() throws {
        if sitrep_sync_file_system(path) != 0 { throw FileError(path: path, code: errno) }
    }

    /// Removes the staging folders named by `naming` in `parent` whose process has ended (or is
    /// this one, for the name given as `including`). `prepare` is called with each one's path
    /// first, and the folder is kept when it returns false (it holds something its owner
    /// could not put back, say).
    public static func removeLeftovers(in parent: String, naming: Naming, beforeRemoving prepare: (String) -> Bool = { _ in true },
                                       including own: String? = nil) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for name in names {
            guard let pid = naming.owner(of: name), name == own || hasEnded(pid), isRealFolder(parent + "/" + name) else { continue }
            let folder = parent + "/" + name
            if prepare(folder) { try? FileManager.default.removeItem(atPath: folder) }
        }
    }

    /// True when no process `pid` exists. A process of another user (which cannot be signalled)
    /// is running, and this process has not ended.
    static func hasEnded(_ pid: Int32) -> Bool {
        pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// True when `path` is a folder itself, not a link to one.
    public static func isRealFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// A system call on `path` that failed, worded as `strerror` says it.
    public struct FileError: LocalizedError {
        public var path: String
        public var code: Int32

        public var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
    }
}
