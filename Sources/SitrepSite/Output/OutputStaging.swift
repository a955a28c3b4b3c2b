import Foundation

/// The staging folders that builds killed before the end leave behind, which the next build
/// removes. Only what is plainly one is removed: a real folder (not a link) named
/// `.NAME.staging-PID` or `.NAME.staging-PID.old` beside the output folder `NAME`, or
/// `.sitrep-staging-PID` inside it, whose process (PID) has ended.
enum OutputStaging {
    /// Removes the stale staging folders of the output folder `destination` (an absolute,
    /// standardized path). A kept publishing file found in one (a build killed after moving it
    /// into its new site, before the swap) is moved back into `destination` first; a folder
    /// holding one that cannot be moved back is left as it is.
    static func removeStale(of destination: String) {
        let parent = (destination as NSString).deletingLastPathComponent
        let prefix = ".\((destination as NSString).lastPathComponent).staging-"
        for name in names(in: parent) where isStale(name, prefix: prefix, suffixes: ["", ".old"]) {
            let folder = parent + "/" + name
            guard OutputFiles.isRealFolder(folder) else { continue }
            _ = try? OutputWriter.move(OutputOwnership.keptNames.sorted().filter { !OutputWriter.exists(destination + "/" + $0) },
                                       from: folder, to: destination)
            if OutputOwnership.keptNames.contains(where: { OutputWriter.exists(folder + "/" + $0) }) { continue }
            try? FileManager.default.removeItem(atPath: folder)
        }
        guard OutputFiles.isRealFolder(destination) else { return }
        for name in names(in: destination) where isStale(name, prefix: OutputOwnership.stagingPrefix, suffixes: [""]) {
            let folder = destination + "/" + name
            if OutputFiles.isRealFolder(folder) { try? FileManager.default.removeItem(atPath: folder) }
        }
    }

    private static func names(in folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }

    /// True when `name` is `prefix`, a process id, then one of `suffixes`, and that process has
    /// ended. The folder of a build still running is kept, even one of another user's.
    static func isStale(_ name: String, prefix: String, suffixes: [String]) -> Bool {
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard suffixes.contains(String(rest.dropFirst(digits.count))), let pid = Int32(digits), pid > 0, pid != getpid() else {
            return false
        }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
