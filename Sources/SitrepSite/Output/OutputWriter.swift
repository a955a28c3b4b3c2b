import Foundation
import SitrepContent
import SitrepDiagnostics

/// Writes a whole site into a staging folder and puts it in place only when every page was
/// written: a failed or killed build leaves the previous `output/` as it was.
///
/// The staging folder sits beside `output/`, and the finished site replaces the whole folder in
/// one step, carrying over the publishing files sitrep keeps (`OutputOwnership.keptNames`). When
/// `output/` is a mount point, which cannot be renamed, the staging folder sits inside it and
/// the site's top-level entries are exchanged one by one (see `OutputWriter+Commit.swift`).
/// The caller first checks that the folder is sitrep's to replace (`OutputTarget`, `OutputOwnership`).
public final class OutputWriter: @unchecked Sendable {
    /// The folder that will hold the site.
    public let destination: String
    /// The folder the site is written into (`OutputStaging`); removed if the build fails.
    let stagingFolder: StagingFolder
    var staging: String { stagingFolder.path }
    /// True when the site replaces `destination`'s contents, entry by entry, rather than the folder.
    let swapsContents: Bool
    /// False when there was no `destination` when the build started (a first build): then no
    /// file of a previous output is looked for, one `stat` a file saved.
    private let hasPrevious: Bool

    /// Prepares an empty staging folder: next to `destination`, or inside it when `swapContents`
    /// (for a mount point). Removes the staging folders of killed builds first.
    public init(destination: String, swapContents: Bool = false) throws(DiagnosticError) {
        self.destination = URL(fileURLWithPath: destination).standardizedFileURL.path
        swapsContents = swapContents
        hasPrevious = swapContents || Self.exists(self.destination)
        do {
            stagingFolder = try OutputStaging.make(for: self.destination, inside: swapContents)
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: destination),
                                             "cannot create a staging folder for the output folder: \(error.localizedDescription)"))
        }
    }

    private let counts = Locked((written: 0, unchanged: 0))
    /// Every file of the new site, for its list (`OutputOwnership.markerName`).
    private let paths = Locked([String]())
    /// Files written so far.
    public var written: Int { counts.withLock { $0.written } }
    /// Files whose bytes were the same as in the previous output, and so were kept as they were.
    public var unchanged: Int { counts.withLock { $0.unchanged } }

    /// True once the site was put in place of no folder at all: then the output holds the site's
    /// files and nothing else (no publishing files carried over, nothing kept).
    let movedIntoPlace = Locked(false)

    /// The paths of every file of the output, when the site was put where there was no output
    /// folder (a first build): the site's files and its list. Nil otherwise, when the output may
    /// hold files the writer did not write (the publishing files it keeps).
    public var outputFiles: [String]? {
        guard movedIntoPlace.withLock({ $0 }) else { return nil }
        return paths.withLock { $0 } + [OutputOwnership.markerName]
    }

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
        let top = OutputFiles.topName(path)
        if OutputOwnership.isSitesNeighbour(top) {
            throw DiagnosticError(Diagnostic(
                at: SourceLocation(file: path), "the site would write \(path), but the output folder's \(top) is not the site's",
                hint: "sitrep keeps \(OutputOwnership.keptNames.sorted().joined(separator: ", ")) in the output folder for publishing,"
                    + " and writes its own \(OutputOwnership.markerName) there: rename what makes this page (a series folder content/\(top), say)"))
        }
        try stage(path, bytes)
        paths.withLock { $0.append(path) }
    }

    /// Writes a file of the site into the staging folder (see `write`).
    func stage(_ path: String, _ bytes: [UInt8]) throws(DiagnosticError) {
        let full = staging + "/" + path
        let folder = Self.folder(of: full)
        do {
            try makeFolder(folder)
            let previous = destination + "/" + path
            if hasPrevious, OutputFiles.contents(of: previous, equal: bytes), link(previous, full) == 0 {
                counts.withLock { $0.written += 1; $0.unchanged += 1 }
                return
            }
            try StagingFolder.createFile(full, bytes)
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
        paths.withLock { $0.append(path) }
        return true
    }

    /// Writes the site's list of files, waits until the staged site is on the disk, then puts it
    /// in place of `destination`'s.
    public func commit() throws(DiagnosticError) {
        let listing = paths.withLock { $0 }
        try stage(OutputOwnership.markerName, OutputOwnership.markerText(listing: listing))
        let previous: Set<String>
        do {
            previous = swapsContents ? try prepareSwap(listing: listing) : []
            try stagingFolder.syncToDisk()
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: destination),
                                             "cannot write the site to the disk: \(error.localizedDescription)",
                                             hint: "the output folder was left as it was; check the disk (free space, errors) and build again"))
        }
        do {
            if swapsContents {
                try swapContents(listing: listing, previous: previous)
            } else {
                try replaceFolder()
            }
            stagingFolder.finish()
        } catch {
            throw DiagnosticError(Diagnostic(at: SourceLocation(file: destination),
                                             "cannot replace the output folder: \(error.localizedDescription)"))
        }
    }
}
